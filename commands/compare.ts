/** /compare 指标 [target|actual] [级别] [年份]: one indicator across the regions of one level and year, ranked, with a chart. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import { everywhere, indicatorOption, optionText, yearOption, zh } from "../src/discord/options.ts";
import { LEVEL_WORDS } from "../src/query/text.ts";

export const data = everywhere(new SlashCommandBuilder())
  .setName("compare")
  .setNameLocalizations(zh("对比", "對比"))
  .setDescription("Rank the regions on one indicator (targets or results), with a chart")
  .setDescriptionLocalizations(
    zh(
      "各地区同一指标排名对比（预期目标或实际完成），附图表",
      "各地區同一指標排名對比（預期目標或實際完成），附圖表",
    ),
  )
  .addStringOption(indicatorOption)
  .addStringOption((o) =>
    o
      .setName("kind")
      .setNameLocalizations(zh("类型", "類型"))
      .setDescription("Targets or results (default: targets)")
      .setDescriptionLocalizations(zh("预期目标还是实际完成（默认目标）", "預期目標還是實際完成（預設目標）"))
      .addChoices(
        { name: "targets", name_localizations: zh("预期目标", "預期目標"), value: "target" },
        { name: "results", name_localizations: zh("实际完成", "實際完成"), value: "actual" },
      ),
  )
  .addStringOption((o) =>
    o
      .setName("level")
      .setNameLocalizations(zh("级别", "級別"))
      .setDescription("Which level to compare (default: the one with the most reports)")
      .setDescriptionLocalizations(
        zh("对比哪一级（默认：报告最多的一级）", "對比哪一級（預設：報告最多的一級）"),
      )
      .addChoices(
        { name: "national", name_localizations: zh("国家", "國家"), value: "国家" },
        { name: "provinces", name_localizations: zh("省级", "省級"), value: "省" },
        { name: "cities", name_localizations: zh("市级", "市級"), value: "市" },
        { name: "districts and counties", name_localizations: zh("区县级", "區縣級"), value: "区县" },
      ),
  )
  .addIntegerOption(yearOption);

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await ctx.answer(i, {
    name: "compare",
    indicator: optionText(i.options.getString("indicator", true)),
    kind: i.options.getString("kind") === "actual" ? "actual" : "target",
    year: i.options.getInteger("year"),
    level: LEVEL_WORDS[i.options.getString("level") ?? ""] ?? null,
  });
}

export { autocompleteRegionIndicator as autocomplete } from "../src/discord/options.ts";
