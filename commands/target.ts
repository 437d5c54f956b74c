/** /target 地区 指标 [年份]: the target a region's report sets for an indicator, with the quote. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import {
  everywhere,
  indicatorOption,
  optionText,
  regionOption,
  yearOption,
  zh,
} from "../src/discord/options.ts";

export const data = everywhere(new SlashCommandBuilder())
  .setName("target")
  .setNameLocalizations(zh("目标", "目標"))
  .setDescription("What a region's work report aims for on an indicator, with the quote")
  .setDescriptionLocalizations(
    zh("查询某地区某指标的预期目标，附报告原文", "查詢某地區某指標的預期目標，附報告原文"),
  )
  .addStringOption(regionOption)
  .addStringOption(indicatorOption)
  .addIntegerOption(yearOption);

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await ctx.answer(i, {
    name: "target",
    region: optionText(i.options.getString("region", true)),
    indicator: optionText(i.options.getString("indicator", true)),
    year: i.options.getInteger("year"),
  });
}

export { autocompleteRegionIndicator as autocomplete } from "../src/discord/options.ts";
