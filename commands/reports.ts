/** /reports: the reports in the corpus. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import { everywhere, zh } from "../src/discord/options.ts";

export const data = everywhere(new SlashCommandBuilder())
  .setName("reports")
  .setNameLocalizations(zh("报告", "報告"))
  .setDescription("List the government work reports the bot can quote")
  .setDescriptionLocalizations(zh("已收录的政府工作报告", "已收錄的政府工作報告"));

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await ctx.answer(i, { name: "reports" });
}
