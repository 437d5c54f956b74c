/** /compare 指标 [target|actual] [年份]: one indicator across every region, sorted, each row quoted. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import { LEVEL_WORDS } from "../src/query/text.ts";
import { indicatorOption, optionText, yearOption, zh } from "../src/discord/options.ts";

export const data = new SlashCommandBuilder()
  .setName("compare")
  .setNameLocalizations(zh("对比"))
  .setDescription("Compare one indicator across all regions (targets or actual figures)")
  .setDescriptionLocalizations(zh("各地区同一指标对比（预期目标或实际完成）"))
  .addStringOption(indicatorOption)
  .addStringOption((o) =>
    o
      .setName("kind")
      .setNameLocalizations(zh("类型"))
      .setDescription("Targets or actual figures (default: targets)")
      .setDescriptionLocalizations(zh("预期目标还是实际完成（默认目标）"))
      .addChoices(
        { name: "target", name_localizations: zh("预期目标"), value: "target" },
        { name: "actual", name_localizations: zh("实际完成"), value: "actual" },
      ),
  )
  .addStringOption((o) =>
    o
      .setName("level")
      .setNameLocalizations(zh("级别"))
      .setDescription("Which level to compare (default: the one most regions share)")
      .setDescriptionLocalizations(zh("对比哪一级（默认：报告最多的一级）"))
      .addChoices(
        { name: "national", name_localizations: zh("国家"), value: "国家" },
        { name: "provinces", name_localizations: zh("省级"), value: "省" },
        { name: "cities", name_localizations: zh("市级"), value: "市" },
        { name: "districts and counties", name_localizations: zh("区县级"), value: "区县" },
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
