/** /reports: the reports in the corpus. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import { zh } from "../src/discord/options.ts";

export const data = new SlashCommandBuilder()
  .setName("reports")
  .setNameLocalizations(zh("报告"))
  .setDescription("List the government work reports the bot knows")
  .setDescriptionLocalizations(zh("已收录的政府工作报告"));

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await ctx.answer(i, { name: "reports" });
}
