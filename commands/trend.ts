/** /trend 地区 指标 [起始年] [结束年]: target and actual year by year, as a table and a line chart. */
import {
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
  type SlashCommandIntegerOption,
} from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import { everywhere, indicatorOption, optionText, regionOption, zh } from "../src/discord/options.ts";

const yearBound =
  (name: "from" | "to", cn: string, tw: string, what: string) => (o: SlashCommandIntegerOption) =>
    o
      .setName(name)
      .setNameLocalizations(zh(cn, tw))
      .setDescription(`${what} (default: the years with data)`)
      .setDescriptionLocalizations(zh(`${cn}（默认：有数据的年份）`, `${tw}（預設：有數據的年份）`))
      .setMinValue(1949)
      .setMaxValue(2100);

export const data = everywhere(new SlashCommandBuilder())
  .setName("trend")
  .setNameLocalizations(zh("趋势", "趨勢"))
  .setDescription("Targets and actual figures year by year, as a table and a chart")
  .setDescriptionLocalizations(zh("历年目标与实际，表格加折线图", "歷年目標與實際，表格加折線圖"))
  .addStringOption(regionOption)
  .addStringOption(indicatorOption)
  .addIntegerOption(yearBound("from", "起始年", "起始年", "First year"))
  .addIntegerOption(yearBound("to", "结束年", "結束年", "Last year"));

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await ctx.answer(i, {
    name: "trend",
    region: optionText(i.options.getString("region", true)),
    indicator: optionText(i.options.getString("indicator", true)),
    from: i.options.getInteger("from"),
    to: i.options.getInteger("to"),
  });
}

export { autocompleteRegionIndicator as autocomplete } from "../src/discord/options.ts";
