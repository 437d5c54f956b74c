/**
 * Clicks on our newer components, as actions the router answers (router.ts `buttonAction` decodes the
 * older 查看原文 / 更多结果 itself and hands the rest here): ◀ 上一页 / 下一页 ▶ turn the shared message only
 * for the user who asked, anyone else gets the page as their own private copy; a picked region re-runs
 * the lookup; 改用全文搜索 runs /ask; the /compare "查看原文…" menu opens one region's quote privately, and
 * the menu of an answer with many quotes opens the chosen paragraph (as 查看原文 does).
 */
import type { APIEmbed } from "discord.js";
import type { ButtonState } from "./custom-id.ts";
import { NOTICES } from "./notices.ts";
import { questionFromEmbed } from "./render.ts";
import type { ButtonAction } from "./router.ts";

/** Who clicked, and what they chose in a select menu. */
export interface Clicker {
  userId: string;
  values?: readonly string[];
}

const CITATION = /^[a-z0-9-]+#\d+$/;

export function componentAction(
  state: ButtonState,
  embed: APIEmbed | undefined,
  clicker: Clicker,
): ButtonAction {
  const malformed = { kind: "notice", text: NOTICES.malformedButton, outcome: "malformed_button" } as const;
  switch (state.kind) {
    case "page": {
      // A question too long for the custom id was left in the message's footer (see custom-id.ts).
      const question = state.question ?? questionFromEmbed(embed);
      if (!question) return { kind: "notice", text: NOTICES.expiredButton, outcome: "expired_button" };
      const command = { name: "ask", question, year: state.year, page: state.page } as const;
      const paging = { question, year: state.year };
      if (clicker.userId === state.owner) return { kind: "answer", command, opts: { update: true, paging } };
      // Someone else's query: their own private copy of that page, paged by them from then on.
      return {
        kind: "answer",
        command,
        opts: { ephemeral: true, paging, view: { note: NOTICES.othersQuery } },
      };
    }
    case "rerun": {
      const { command: name, region, indicator, year } = state;
      // The picked region replaces the "which one?" message with the answer.
      return { kind: "answer", command: { name, region, indicator, year }, opts: { update: true } };
    }
    case "ask": {
      const command = { name: "ask", question: state.question, year: state.year, page: 1 } as const;
      return { kind: "answer", command, opts: { paging: { question: state.question, year: state.year } } };
    }
    case "sourceMenu": {
      const value = clicker.values?.[0] ?? "";
      if (!CITATION.test(value)) return malformed;
      return { kind: "answer", command: { name: "source", id: value }, opts: { ephemeral: true } };
    }
    case "quotes": {
      const value = clicker.values?.[0] ?? "";
      const command = {
        name: "compare",
        indicator: state.indicator,
        kind: state.compareKind,
        year: state.year,
        level: state.level,
      } as const;
      const offset = value.match(/^@(\d{1,3})$/);
      // The next group of regions: the same message with the menu moved on.
      if (offset)
        return { kind: "answer", command, opts: { update: true, view: { menuOffset: Number(offset[1]) } } };
      if (!CITATION.test(value)) return malformed;
      return { kind: "answer", command, opts: { ephemeral: true, view: { quoteOf: value } } };
    }
    default:
      return malformed;
  }
}
