/** /check 地区 [指标] [年份]: a year's target against that year's actual, both quoted, with the verdict. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import { everywhere, indicatorOption, optionText, regionOption, zh } from "../src/discord/options.ts";

export const data = everywhere(new SlashCommandBuilder())
  .setName("check")
  .setNameLocalizations(zh("核对", "核對"))
  .setDescription("Did a region meet its target? The year's target and actual, both quoted, and a verdict")
  .setDescriptionLocalizations(
    zh(
      "目标完成情况：当年目标与实际对照，附两处原文和判定",
      "目標完成情況：當年目標與實際對照，附兩處原文和判定",
    ),
  )
  .addStringOption(regionOption)
  // Without an indicator: every indicator with both a target and an actual, as a table.
  .addStringOption((o) =>
    indicatorOption(o)
      .setRequired(false)
      .setDescription("Indicator (leave empty for every indicator with both)")
      .setDescriptionLocalizations(
        zh("指标（留空则列出所有同时有目标和实际的指标）", "指標（留空則列出所有同時有目標和實際的指標）"),
      ),
  )
  .addIntegerOption((o) =>
    o
      .setName("year")
      .setNameLocalizations(zh("年份", "年份"))
      .setDescription("The year the figures are about (default: the latest with both)")
      .setDescriptionLocalizations(
        zh(
          "数据所属年份（默认：最近一个目标和实际都有的年份）",
          "數據所屬年份（預設：最近一個目標和實際都有的年份）",
        ),
      )
      .setMinValue(1949)
      .setMaxValue(2100),
  );

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const indicator = i.options.getString("indicator");
  await ctx.answer(i, {
    name: "check",
    region: optionText(i.options.getString("region", true)),
    indicator: indicator ? optionText(indicator) : null,
    year: i.options.getInteger("year"),
  });
}

export { autocompleteRegionIndicator as autocomplete } from "../src/discord/options.ts";
