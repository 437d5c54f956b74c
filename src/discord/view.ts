/**
 * What the Discord renderer may know beyond the answer itself: who asked, the command it answers, and
 * the reports' titles and links. The engine's answer model stays the same for every front end.
 */
import type { Answer } from "../answer/schema.ts";
import type { Command } from "../query/command.ts";
import type { AnswerOptions } from "./command.ts";

export type LookupCommand = Extract<Command, { name: "target" | "figure" }>;
export type CompareCommand = Extract<Command, { name: "compare" }>;

export interface ReportLink {
  title: string;
  /** Where the report was published, when the manifest knows it. */
  url?: string | undefined;
}

export interface RenderView {
  /** The user who asked: only they turn the pages of a public /ask answer. */
  owner?: string;
  /** The command answered: buttons that re-run it (another region, 改用全文搜索, the quote menu). */
  command?: Command;
  /** Reports by id, for links on report titles and the 打开报告原文 button. */
  reports?: ReadonlyMap<string, ReportLink>;
  /** A line above the answer (as message content), e.g. "这是别人的查询…". */
  note?: string;
  /** /compare: the first region the "查看原文…" menu lists (past Discord's 25 options). */
  menuOffset?: number;
  /** /compare: show only this citation's quote (the menu's choice), not the ranking. */
  quoteOf?: string;
}

/** The report id of a citation id: "linzi-2023#19" → "linzi-2023". */
export function reportOf(citationId: string): string {
  return citationId.split("#")[0] ?? citationId;
}

/**
 * The options every answer on an interaction gets unless the caller set them: the asker as owner (for
 * paging), the command (for re-run buttons), the report links, and the /source memory of citations.
 */
export function withView(
  opts: AnswerOptions,
  owner: string,
  command: Command,
  reports: ReadonlyMap<string, ReportLink>,
  remember?: (answer: Answer) => void,
): AnswerOptions {
  const onAnswer = opts.onAnswer ?? remember;
  return { ...opts, view: { owner, command, reports, ...opts.view }, ...(onAnswer ? { onAnswer } : {}) };
}
