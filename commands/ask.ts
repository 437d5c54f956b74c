/** /ask 问题 [年份]: the best passages for a free question, each quoted, paged with ◀ 上一页 / 下一页 ▶. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { BotContext } from "../src/discord/command.ts";
import { everywhere, optionText, yearOption, zh } from "../src/discord/options.ts";
import { MAX_INPUT_CHARS } from "../src/query/command.ts";

export const data = everywhere(new SlashCommandBuilder())
  .setName("ask")
  .setNameLocalizations(zh("提问", "提問"))
  .setDescription("Ask anything about the reports; the answer quotes them word for word")
  .setDescriptionLocalizations(zh("自由提问，回答引用报告原文", "自由提問，回答引用報告原文"))
  .addStringOption((o) =>
    o
      .setName("question")
      .setNameLocalizations(zh("问题", "問題"))
      .setDescription("Your question, e.g. 临淄新建了多少充电桩 (how many charging posts in Linzi)")
      .setDescriptionLocalizations(zh("问题，例如：临淄新建了多少充电桩", "問題，例如：臨淄新建了多少充電樁"))
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

export { autocompleteRegionIndicator as autocomplete } from "../src/discord/options.ts";
