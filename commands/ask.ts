/** /ask 问题 [年份]: the best passages for a free question, each quoted, with "更多结果" for the next page. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import { optionText, yearOption, zh } from "../src/discord/options.ts";
import { MAX_INPUT_CHARS } from "../src/query/command.ts";

export const data = new SlashCommandBuilder()
  .setName("ask")
  .setNameLocalizations(zh("提问"))
  .setDescription("Ask a question; the answer quotes the reports")
  .setDescriptionLocalizations(zh("自由提问，回答引用报告原文"))
  .addStringOption((o) =>
    o
      .setName("question")
      .setNameLocalizations(zh("问题"))
      .setDescription("Your question, e.g. 临淄新建了多少充电桩")
      .setDescriptionLocalizations(zh("问题，例如：临淄新建了多少充电桩"))
      .setRequired(true)
      .setMaxLength(MAX_INPUT_CHARS),
  )
  .addIntegerOption(yearOption);

export async function execute(i: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const typed = i.options.getString("question", true);
  const year = i.options.getInteger("year");
  // The engine reads the normalised text; the message shows the question as the user wrote it.
  const command = { name: "ask", question: optionText(typed), year, page: 1 } as const;
  await ctx.answer(i, command, { paging: { question: typed, year } });
}
