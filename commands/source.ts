/** /source 引用编号: the full paragraph a citation points to; autocomplete offers recent citations and reports. */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import { everywhere, optionText, zh } from "../src/discord/options.ts";

export const data = everywhere(new SlashCommandBuilder())
  .setName("source")
  .setNameLocalizations(zh("原文", "原文"))
  .setDescription("Show the whole paragraph behind a citation")
  .setDescriptionLocalizations(zh("查看引用段落的完整原文", "查看引用段落的完整原文"))
  .addStringOption((o) =>
    o
      .setName("id")
      .setNameLocalizations(zh("编号", "編號"))
      .setDescription("Citation id, e.g. linzi-2023#19")
      .setDescriptionLocalizations(zh("引用编号，例如 linzi-2023#19", "引用編號，例如 linzi-2023#19"))
      .setRequired(true)
      .setMaxLength(80)
      .setAutocomplete(true),
  );

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await ctx.answer(i, { name: "source", id: optionText(i.options.getString("id", true)) });
}

export async function autocomplete(i: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const typed = String(i.options.getFocused() ?? "");
  await i.respond(ctx.autocomplete.source(i.user.id, typed, ctx.engine.reportById));
}
