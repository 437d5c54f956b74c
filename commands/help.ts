/** /help: how to ask, written for Discord (clickable commands, examples, DMs and @mentions, the corpus years). */
import { type ChatInputCommandInteraction, type Client, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import { everywhere, zh } from "../src/discord/options.ts";
import type { HelpInfo } from "../src/discord/render-help.ts";
import type { Engine } from "../src/engine.ts";

export const data = everywhere(new SlashCommandBuilder())
  .setName("help")
  .setNameLocalizations(zh("帮助", "幫助"))
  .setDescription("How to ask 政报通: commands, examples, and asking by @mention or DM")
  .setDescriptionLocalizations(
    zh("政报通用法：命令、示例、@提及和私信提问", "政報通用法：命令、範例、@提及和私訊提問"),
  );

/** The registered command ids the client knows (fetched at start, when it was), plus /help's own. */
export function commandIds(client: Client, own?: { name: string; id: string }): Map<string, string> {
  const ids = new Map<string, string>();
  for (const c of client.application?.commands.cache.values() ?? []) ids.set(c.name, c.id);
  if (own) ids.set(own.name, own.id);
  return ids;
}

export function helpInfo(engine: Engine, ids: ReadonlyMap<string, string>, locale?: string): HelpInfo {
  return {
    commandIds: ids,
    ...(locale ? { locale } : {}),
    reports: engine.reports.length,
    regions: engine.regions.length,
    years: engine.reports.map((r) => r.year),
  };
}

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const help = helpInfo(ctx.engine, commandIds(i.client, { name: i.commandName, id: i.commandId }), i.locale);
  // Usage is for the one who asked; the channel need not see it.
  await ctx.answer(i, { name: "help" }, { ephemeral: i.inGuild(), view: { help } });
}
