/**
 * Component state lives in the custom id (no database). Discord caps a custom id at 100 characters.
 *
 * - `zb1:src:<citation>` opens a paragraph (查看原文).
 * - `zb1:pg:<page>:<year>:<owner>:<question>` pages an /ask answer; only `owner` (the asker's user id)
 *   turns the shared message's page. A question too long for the id is not cut (a cut question would page
 *   a different search): the id then carries an empty question and the handler reads the full question
 *   from the message's embed footer.
 * - `zb1:more:<page>:<year>:<question>` is the older 更多结果 button, still answered (anyone may press).
 * - `zb1:re:<t|f>:<year>:<region>:<indicator>` re-runs /target or /figure with a region the user picks
 *   (ambiguous or unknown region).
 * - `zb1:ask:<year>:<words>` runs /ask with the words of a lookup that found nothing (改用全文搜索).
 * - `zb1:q:<t|a>:<level>:<year>:<indicator>` is the /compare "查看原文…" menu; the chosen value is a
 *   citation id (or `@<offset>` for the next group of regions past Discord's 25 options).
 *
 * - `zb1:srcm:<n>` is the n-th "查看原文…" menu of an answer with many quotes (/trend, /check); the chosen
 *   value is the citation id.
 *
 * The `zb1` version means ids from an older format are answered as expired, never misread.
 */
import type { Level } from "../query/text.ts";

export const CUSTOM_ID_MAX = 100;
const PREFIX = "zb1";
const CITATION = /^[a-z0-9-]+#\d+$/;
const LEVEL_CODES: Readonly<Record<Level, string>> = { 国家: "n", 省: "p", 市: "c", 区县: "d" };
const CODE_LEVELS = Object.fromEntries(Object.entries(LEVEL_CODES).map(([l, c]) => [c, l])) as Record<
  string,
  Level
>;

export type ButtonState =
  | { kind: "source"; citation: string }
  | { kind: "more"; page: number; year: number | null; question: string | null }
  | { kind: "page"; page: number; year: number | null; owner: string; question: string | null }
  | {
      kind: "rerun";
      command: "target" | "figure";
      year: number | null;
      region: string;
      indicator: string;
    }
  | { kind: "ask"; year: number | null; question: string }
  | {
      kind: "quotes";
      compareKind: "target" | "actual";
      level: Level | null;
      year: number | null;
      indicator: string;
    }
  /** A "查看原文…" menu over an answer's citations; the chosen value is the citation id. */
  | { kind: "sourceMenu" }
  | { kind: "invalid"; reason: "malformed" | "expired" };

/** An id, or null when it would not fit (the caller then shows no such component). */
const fits = (id: string): string | null => (id.length <= CUSTOM_ID_MAX ? id : null);
const yearPart = (year: number | null) => (year === null ? "" : String(year));
// A free-text part must not hold the separator of the parts before it.
const clean = (s: string) => s.length > 0 && !s.includes(":");

export function sourceId(citation: string): string | null {
  return CITATION.test(citation) ? fits(`${PREFIX}:src:${citation}`) : null;
}

/** The id for 上一页 / 下一页; `inline` is false when the question had to stay in the message instead. */
export function pageId(
  question: string,
  page: number,
  year: number | null,
  owner: string,
): { id: string; inline: boolean } {
  const head = `${PREFIX}:pg:${page}:${yearPart(year)}:${owner}:`;
  const id = `${head}${question}`;
  // Discord counts characters; UTF-16 length is never smaller, so this check is safe for both.
  if (id.length <= CUSTOM_ID_MAX && question !== "") return { id, inline: true };
  return { id: head, inline: false };
}

/** The older 更多结果 id (kept so tests and old messages decode the same way). */
export function moreId(question: string, page: number, year: number | null): { id: string; inline: boolean } {
  const head = `${PREFIX}:more:${page}:${yearPart(year)}:`;
  const id = `${head}${question}`;
  if (id.length <= CUSTOM_ID_MAX && question !== "") return { id, inline: true };
  return { id: head, inline: false };
}

export function rerunId(
  command: "target" | "figure",
  region: string,
  indicator: string,
  year: number | null,
): string | null {
  if (!clean(region) || indicator.includes(":")) return null;
  return fits(`${PREFIX}:re:${command === "target" ? "t" : "f"}:${yearPart(year)}:${region}:${indicator}`);
}

/** The words are the id's last part, so they may hold colons. */
export function askId(question: string, year: number | null): string | null {
  return question.trim() ? fits(`${PREFIX}:ask:${yearPart(year)}:${question}`) : null;
}

export function quotesId(
  kind: "target" | "actual",
  level: Level | null,
  year: number | null,
  indicator: string,
): string | null {
  if (!clean(indicator)) return null;
  const lvl = level ? LEVEL_CODES[level] : "";
  return fits(`${PREFIX}:q:${kind === "target" ? "t" : "a"}:${lvl}:${yearPart(year)}:${indicator}`);
}

const YEAR = "((?:19|20|21)\\d\\d)?";

export function sourceMenuId(n: number): string {
  return `${PREFIX}:srcm:${n}`;
}

export function decodeCustomId(raw: string): ButtonState {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > CUSTOM_ID_MAX) {
    return { kind: "invalid", reason: "malformed" };
  }
  const [prefix, kind] = raw.split(":", 2);
  if (prefix !== PREFIX) {
    // An older zbN format (or another bot's button in a shared message): stale, not broken.
    return { kind: "invalid", reason: /^zb\d+$/.test(prefix ?? "") ? "expired" : "malformed" };
  }
  const bad = { kind: "invalid", reason: "malformed" } as const;
  const year = (s: string | undefined) => (s ? Number(s) : null);
  switch (kind) {
    case "src": {
      const citation = raw.slice(`${PREFIX}:src:`.length);
      return CITATION.test(citation) ? { kind: "source", citation } : bad;
    }
    case "more": {
      const m = raw.match(new RegExp(`^zb1:more:(\\d{1,2}):${YEAR}:(.*)$`, "su"));
      const page = Number(m?.[1]);
      if (!m || page < 1 || page > 99) return bad;
      return { kind: "more", page, year: year(m[2]), question: m[3] === "" ? null : (m[3] ?? null) };
    }
    case "pg": {
      const m = raw.match(new RegExp(`^zb1:pg:(\\d{1,2}):${YEAR}:(\\d{15,21}):(.*)$`, "su"));
      const page = Number(m?.[1]);
      if (!m || page < 1 || page > 99) return bad;
      const question = m[4] === "" ? null : (m[4] ?? null);
      return { kind: "page", page, year: year(m[2]), owner: m[3] as string, question };
    }
    case "re": {
      const m = raw.match(new RegExp(`^zb1:re:([tf]):${YEAR}:([^:]+):(.+)$`, "su"));
      if (!m) return bad;
      const command = m[1] === "t" ? "target" : "figure";
      return { kind: "rerun", command, year: year(m[2]), region: m[3] as string, indicator: m[4] as string };
    }
    case "ask": {
      const m = raw.match(new RegExp(`^zb1:ask:${YEAR}:(.+)$`, "su"));
      return m ? { kind: "ask", year: year(m[1]), question: m[2] as string } : bad;
    }
    case "srcm":
      return /^zb1:srcm:\d$/.test(raw) ? { kind: "sourceMenu" } : bad;
    case "q": {
      const m = raw.match(new RegExp(`^zb1:q:([ta]):([npcd]?):${YEAR}:([^:]+)$`, "su"));
      if (!m) return bad;
      return {
        kind: "quotes",
        compareKind: m[1] === "t" ? "target" : "actual",
        level: m[2] ? (CODE_LEVELS[m[2]] ?? null) : null,
        year: year(m[3]),
        indicator: m[4] as string,
      };
    }
    default:
      return bad;
  }
}
