/** /help: how to ask. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import { zh } from "../src/discord/options.ts";

export const data = new SlashCommandBuilder()
  .setName("help")
  .setNameLocalizations(zh("帮助"))
  .setDescription("How to use 政报通")
  .setDescriptionLocalizations(zh("政报通用法"));

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  // Usage is for the one who asked; the channel need not see it.
  await ctx.answer(i, { name: "help" }, { ephemeral: i.inGuild() });
}
