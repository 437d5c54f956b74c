/**
 * What a user types, as a command: `/target 临淄 GDP`, `/target region:临淄 indicator:GDP year:2024`,
 * or plain text (a chat question). Parsing never throws: bad input becomes a `bad_input` value.
 */

export const COMMANDS = ["target", "figure", "compare", "ask", "source", "reports", "help"] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Chinese command words users may type after the slash. */
const COMMAND_ALIASES: Record<string, CommandName> = {
  目标: "target",
  预期: "target",
  实际: "figure",
  数据: "figure",
  完成: "figure",
  对比: "compare",
  比较: "compare",
  问: "ask",
  提问: "ask",
  原文: "source",
  来源: "source",
  报告: "reports",
  帮助: "help",
};

export const MAX_INPUT_CHARS = 500;

export interface ParsedLine {
  command: CommandName | null;
  /** The command word as typed, for an unknown-command message. */
  typed: string;
  /** key:value options. */
  options: Record<string, string>;
  /** Positional words after the command. */
  positional: string[];
  /** The text after the command word (or the whole plain-text line). */
  rest: string;
  plain: boolean;
}

export type ParseResult =
  | { ok: true; line: ParsedLine }
  | { ok: false; reason: "empty" | "too_long" | "no_content" };

const OPTION_KEYS = [
  "region",
  "indicator",
  "year",
  "kind",
  "question",
  "id",
  "page",
  "地区",
  "指标",
  "年份",
  "类型",
  "问题",
];
const KEY_ALIASES: Record<string, string> = {
  地区: "region",
  指标: "indicator",
  年份: "year",
  类型: "kind",
  问题: "question",
};

/** Control, format (zero-width) and private-use characters are dropped; widths are normalised. */
export function cleanInput(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function parseLine(raw: string): ParseResult {
  if (raw.length > MAX_INPUT_CHARS * 4) return { ok: false, reason: "too_long" };
  const text = cleanInput(raw);
  if (text === "") return { ok: false, reason: "empty" };
  if (text.length > MAX_INPUT_CHARS) return { ok: false, reason: "too_long" };
  if (!/[\p{L}\p{N}]/u.test(text)) return { ok: false, reason: "no_content" };

  if (!text.startsWith("/")) {
    return {
      ok: true,
      line: { command: null, typed: "", options: {}, positional: [], rest: text, plain: true },
    };
  }
  const m = text.match(/^\/(\S*)\s*(.*)$/);
  const typed = (m?.[1] ?? "").toLowerCase();
  const rest = m?.[2] ?? "";
  const command = (COMMANDS as readonly string[]).includes(typed)
    ? (typed as CommandName)
    : (COMMAND_ALIASES[typed] ?? null);
  const { options, positional } = splitArgs(rest);
  return { ok: true, line: { command, typed, options, positional, rest, plain: false } };
}

/** Splits `region:临淄 indicator:规上 工业 year:2024` into options (a value runs to the next key) and words. */
export function splitArgs(rest: string): { options: Record<string, string>; positional: string[] } {
  const keyRe = new RegExp(`(?:^|\\s)(${OPTION_KEYS.join("|")})\\s*[:：=]\\s*`, "giu");
  const marks = [...rest.matchAll(keyRe)];
  const options: Record<string, string> = {};
  const head = marks.length > 0 ? rest.slice(0, marks[0]?.index ?? 0) : rest;
  marks.forEach((mk, i) => {
    const key = (mk[1] ?? "").toLowerCase();
    const start = (mk.index ?? 0) + mk[0].length;
    const end = marks[i + 1]?.index ?? rest.length;
    options[KEY_ALIASES[key] ?? key] = rest.slice(start, end).trim();
  });
  const positional = head.split(" ").filter(Boolean);
  return { options, positional };
}
