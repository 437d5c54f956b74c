/**
 * Safe text for Discord: corpus and user text are escaped (markdown and mentions), only the numbers the
 * engine marked are bolded, and long text is cut at a sentence boundary rather than mid-word.
 */
import { bold, escapeMarkdown } from "@discordjs/formatters";
import type { Mark } from "../answer/schema.ts";

const ZWSP = "\u200b";

/**
 * Breaks mention syntax with a zero-width space. allowedMentions already stops pings; this also stops a
 * report or a user from making text that merely looks like a ping or a role/channel link.
 */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(@[!&]?|#|\/)(?=[\w:-]*\d+>)/g, `<${ZWSP}$1`);
}

/**
 * Escapes every markdown construct Discord renders, then mentions. Headings and lists exist only at a
 * line start, so text from the middle of a line (`atLineStart` false) is not given a stray "5\\.5".
 */
export function escapeText(text: string, atLineStart = true): string {
  const block = atLineStart;
  const escaped = escapeMarkdown(text, {
    heading: block,
    bulletedList: block,
    numberedList: block,
    maskedLink: true,
  });
  return neutralizeMentions(escaped);
}

const SENTENCE_END = /[。！？!?；;…]/;
const CLAUSE_END = /[，,、：:]/;

export interface Cut {
  text: string;
  cut: boolean;
}

/**
 * Text of at most `max` UTF-16 units (Discord's counting is never larger): whole when it fits, else cut
 * after the last sentence end (or clause end) in the second half of the window, with "…".
 */
export function cutAtSentence(text: string, max: number): Cut {
  if (text.length <= max) return { text, cut: false };
  const room = Math.max(0, max - 1);
  const window = text.slice(0, room);
  const floor = Math.floor(room * 0.4);
  let at = lastIndexOf(window, SENTENCE_END);
  if (at < floor) at = lastIndexOf(window, CLAUSE_END);
  let end = at >= floor ? at + 1 : room;
  // Never split a surrogate pair (a rare CJK extension character would turn into a replacement box).
  if (end > 0 && end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1] ?? "")) end--;
  return { text: `${text.slice(0, end)}…`, cut: true };
}

function lastIndexOf(text: string, re: RegExp): number {
  for (let i = text.length - 1; i >= 0; i--) if (re.test(text[i] ?? "")) return i;
  return -1;
}

/** A quote cut to `max` source characters, escaped, with its number marks in bold. */
export function markedQuote(quote: string, marks: readonly Mark[] | undefined, max: number): Cut {
  const { text, cut } = cutAtSentence(quote, max);
  const visible = cut ? text.length - 1 : text.length;
  const spans = mergeAdjacent((marks ?? []).filter((m) => m.kind === "number" && m.start < visible));
  let out = "";
  let at = 0;
  for (const m of spans) {
    const end = Math.min(m.end, visible);
    if (m.start < at || end <= m.start) continue;
    out +=
      escapeText(quote.slice(at, m.start), at === 0) + bold(escapeText(quote.slice(m.start, end), false));
    at = end;
  }
  out += escapeText(quote.slice(at, visible), at === 0) + (cut ? "…" : "");
  return { text: out, cut };
}

// "**5**" right after "**6**" would read as "**6****5**", which Discord renders as literal asterisks.
function mergeAdjacent(marks: Mark[]): Mark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  const out: Mark[] = [];
  for (const m of sorted) {
    const last = out.at(-1);
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else out.push({ ...m });
  }
  return out;
}

/** Whole lines while they fit in `max`, then "…" (for multi-line answers such as /compare and /reports). */
export function clipLines(lines: readonly string[], max: number): string {
  const out: string[] = [];
  let length = 0;
  for (const line of lines) {
    const add = (out.length ? 1 : 0) + line.length;
    if (length + add > max - 2) {
      if (out.length === 0) return cutAtSentence(line, max).text;
      out.push("…");
      break;
    }
    out.push(line);
    length += add;
  }
  return out.join("\n");
}
