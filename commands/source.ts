/** /source 引用编号: the full paragraph a citation points to. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import { optionText, zh } from "../src/discord/options.ts";

export const data = new SlashCommandBuilder()
  .setName("source")
  .setNameLocalizations(zh("原文"))
  .setDescription("Show the full paragraph of a citation")
  .setDescriptionLocalizations(zh("查看引用段落的完整原文"))
  .addStringOption((o) =>
    o
      .setName("id")
      .setNameLocalizations(zh("编号"))
      .setDescription("Citation id, e.g. linzi-2023#19")
      .setDescriptionLocalizations(zh("引用编号，例如 linzi-2023#19"))
      .setRequired(true)
      .setMaxLength(80),
  );

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await ctx.answer(i, { name: "source", id: optionText(i.options.getString("id", true)) });
}
