/** /figure 地区 指标 [年份]: what a region's report says was achieved, with the quote. */
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
  .setName("figure")
  .setNameLocalizations(zh("数据", "數據"))
  .setDescription("What a region's work report says was achieved on an indicator, with the quote")
  .setDescriptionLocalizations(
    zh("查询某地区某指标的实际完成数据，附报告原文", "查詢某地區某指標的實際完成數據，附報告原文"),
  )
  .addStringOption(regionOption)
  .addStringOption(indicatorOption)
  .addIntegerOption(yearOption);

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await ctx.answer(i, {
    name: "figure",
    region: optionText(i.options.getString("region", true)),
    indicator: optionText(i.options.getString("indicator", true)),
    year: i.options.getInteger("year"),
  });
}

export { autocompleteRegionIndicator as autocomplete } from "../src/discord/options.ts";
