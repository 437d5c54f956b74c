/** /help: how to ask, written for Discord (clickable commands, examples, DMs and @mentions, the corpus years). */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import { everywhere, zh } from "../src/discord/options.ts";
import { commandIds, helpInfo } from "../src/discord/render-help.ts";

export const data = everywhere(new SlashCommandBuilder())
  .setName("help")
  .setNameLocalizations(zh("帮助", "幫助"))
  .setDescription("How to ask 政报通: commands, examples, and asking by @mention or DM")
  .setDescriptionLocalizations(
    zh("政报通用法：命令、示例、@提及和私信提问", "政報通用法：命令、範例、@提及和私訊提問"),
  );

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const ids = commandIds(i.client, ctx.autocomplete.commandIds());
  const help = helpInfo(ctx.engine, ids, i.locale);
  // Usage is for the one who asked; the channel need not see it.
  await ctx.answer(i, { name: "help" }, { ephemeral: i.inGuild(), view: { help } });
}
