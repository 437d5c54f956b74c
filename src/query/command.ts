/**
 * Typed commands: what every front end hands the engine. Typed text goes through `parseLine`; Discord
 * builds a Command straight from interaction options, and buttons and follow-ups produce Commands too,
 * so nothing a user types inside an option value is ever read as another option.
 */
import { MESSAGES } from "../answer/messages.ts";
import type { ErrorCode } from "../answer/schema.ts";
import { toSimplified } from "./convert.ts";
import { cleanInput, KIND_WORDS, type Kind, LEVEL_WORDS, type Level, parseYear } from "./text.ts";

export type Command =
  | { name: "target" | "figure"; region: string; indicator: string; year: number | null }
  | { name: "compare"; indicator: string; kind: Kind; year: number | null; level: Level | null }
  | { name: "ask"; question: string; year: number | null; page: number }
  /** Target against actual for the year the figures are about (src/answer/check.ts). */
  | { name: "check"; region: string; indicator: string | null; year: number | null }
  /** Target and actual by year (src/answer/trend.ts). */
  | { name: "trend"; region: string; indicator: string; from: number | null; to: number | null }
  /** Plain text without a slash: routed by what it names (src/query/route-chat.ts). */
  | { name: "chat"; text: string }
  | { name: "source"; id: string }
  | { name: "reports" }
  | { name: "help" };

export type CommandName = Exclude<Command["name"], "chat">;

export type Result<T> = { ok: true; value: T } | { ok: false; error: UserError };

/** An expected failure with its code (messages in src/answer/messages.ts), like sapphire's UserError. */
export interface UserError {
  code: ErrorCode;
  /** The command it concerns, "" before one is known. */
  command: string;
  message: string;
  suggestions?: string[];
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: UserError): Result<T> => ({ ok: false, error });

export const COMMANDS: readonly CommandName[] = [
  "target",
  "figure",
  "compare",
  "check",
  "trend",
  "ask",
  "source",
  "reports",
  "help",
];

/** Chinese command words users may type after the slash. */
const COMMAND_ALIASES: Readonly<Record<string, CommandName>> = {
  目标: "target",
  预期: "target",
  实际: "figure",
  数据: "figure",
  完成: "figure",
  核对: "check",
  完成情况: "check",
  趋势: "trend",
  历年: "trend",
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

type OptionKey =
  | "region"
  | "indicator"
  | "year"
  | "kind"
  | "level"
  | "question"
  | "id"
  | "page"
  | "from"
  | "to";

/** The named options each command takes; any other `key:` is part of the text. */
const OPTION_KEYS: Readonly<Record<CommandName, readonly OptionKey[]>> = {
  target: ["region", "indicator", "year"],
  figure: ["region", "indicator", "year"],
  compare: ["indicator", "kind", "level", "year"],
  check: ["region", "indicator", "year"],
  trend: ["region", "indicator", "from", "to"],
  ask: ["question", "year", "page"],
  source: ["id"],
  reports: [],
  help: [],
};

const KEY_ALIASES: Readonly<Record<string, OptionKey>> = {
  region: "region",
  indicator: "indicator",
  year: "year",
  kind: "kind",
  level: "level",
  question: "question",
  id: "id",
  page: "page",
  from: "from",
  to: "to",
  地区: "region",
  指标: "indicator",
  年份: "year",
  类型: "kind",
  级别: "level",
  问题: "question",
  起始年: "from",
  结束年: "to",
};

/** Text a user typed, as a Command: `/target 临淄 GDP`, `/target region:临淄 indicator:GDP year:2024`, or chat. */
export function parseLine(raw: string): Result<Command> {
  const bad = (message: string, command = "") => fail<Command>({ code: "bad_input", command, message });
  if (raw.length > MAX_INPUT_CHARS * 4) return bad(MESSAGES.tooLong(MAX_INPUT_CHARS));
  const text = toSimplified(cleanInput(raw)); // 臨淄 → 临淄: the corpus and lexicon are simplified
  if (text === "") return bad(MESSAGES.empty);
  if (text.length > MAX_INPUT_CHARS) return bad(MESSAGES.tooLong(MAX_INPUT_CHARS));
  if (!/[\p{L}\p{N}]/u.test(text)) return bad(MESSAGES.noContent);
  if (!text.startsWith("/")) return ok({ name: "chat", text });

  const m = text.match(/^\/(\S*)\s*(.*)$/);
  const typed = (m?.[1] ?? "").toLowerCase();
  const rest = m?.[2] ?? "";
  const name = (COMMANDS as readonly string[]).includes(typed)
    ? (typed as CommandName)
    : COMMAND_ALIASES[typed];
  if (!name) {
    return fail({
      code: "unknown_command",
      command: typed,
      message: MESSAGES.unknownCommand(typed, [...COMMANDS]),
      suggestions: COMMANDS.map((c) => `/${c}`),
    });
  }
  return commandFrom(name, splitArgs(rest, OPTION_KEYS[name]));
}

interface Args {
  options: Partial<Record<OptionKey, string>>;
  /** The text before the first option, as words. */
  words: string[];
  /** The text before the first option, whole. */
  head: string;
}

/** Splits `region:临淄 indicator:规上 工业 year:2024`: a value runs to the next key this command takes. */
export function splitArgs(rest: string, keys: readonly OptionKey[]): Args {
  const names = Object.keys(KEY_ALIASES).filter((k) => keys.includes(KEY_ALIASES[k] as OptionKey));
  const options: Partial<Record<OptionKey, string>> = {};
  if (names.length === 0) return { options, words: rest.split(" ").filter(Boolean), head: rest };
  const keyRe = new RegExp(`(?:^|\\s)(${names.join("|")})\\s*[:：=]\\s*`, "giu");
  const marks = [...rest.matchAll(keyRe)];
  const head = marks.length > 0 ? rest.slice(0, marks[0]?.index ?? 0) : rest;
  marks.forEach((mk, i) => {
    const key = KEY_ALIASES[(mk[1] ?? "").toLowerCase()] as OptionKey;
    const start = (mk.index ?? 0) + mk[0].length;
    const end = marks[i + 1]?.index ?? rest.length;
    options[key] = rest.slice(start, end).trim();
  });
  return { options, words: head.split(" ").filter(Boolean), head: head.trim() };
}

const YEAR_WORD = /^\d{4}年?$/;
const YEAR_SPAN = /^(\d{4})年?\s*[-—–~～至到]\s*(\d{4})年?$/;

function commandFrom(name: CommandName, args: Args): Result<Command> {
  const bad = (message: string) => fail<Command>({ code: "bad_input", command: name, message });
  const { options } = args;
  const yearWord = args.words.find((w) => YEAR_WORD.test(w));
  const yearRaw = options.year ?? (name === "ask" ? undefined : yearWord);
  const year = yearRaw === undefined || yearRaw === "" ? null : parseYear(yearRaw);
  if (yearRaw && year === null) return bad(MESSAGES.badYear(yearRaw));
  const words = name === "ask" ? args.words : args.words.filter((w) => w !== yearWord);
  switch (name) {
    case "target":
    case "figure": {
      let region = options.region ?? "";
      let indicator = options.indicator ?? "";
      if (!options.region) {
        region = words[0] ?? "";
        if (!options.indicator) indicator = words.slice(1).join("");
      } else if (!options.indicator) {
        indicator = words.join("");
      }
      if (!region) return bad(MESSAGES.missingRegion(name));
      // "/target 临淄GDP" (region glued to the indicator) is split when the region is resolved.
      return ok({ name, region, indicator, year });
    }
    case "compare": {
      const kindWord = options.kind ?? words.find((w) => KIND_WORDS[w.toLowerCase()]);
      const kind = kindWord === undefined ? "target" : KIND_WORDS[kindWord.toLowerCase()];
      if (!kind) return bad(MESSAGES.badKind(kindWord ?? ""));
      const levelWord = options.level ?? words.find((w) => LEVEL_WORDS[w]);
      const level = levelWord === undefined ? null : LEVEL_WORDS[levelWord];
      if (level === undefined) return bad(MESSAGES.badLevel(levelWord ?? ""));
      const rest = words.filter((w) => w !== kindWord && w !== levelWord);
      const indicator = options.indicator ?? rest.join("");
      if (!indicator) return bad(MESSAGES.missingIndicator(name));
      return ok({ name, indicator, kind, year, level });
    }
    case "ask": {
      const question = options.question ?? args.head;
      if (!question) return bad(MESSAGES.missingQuestion);
      const page = options.page === undefined ? 1 : Number(options.page);
      if (!Number.isInteger(page) || page < 1) return bad(MESSAGES.badPage(options.page ?? ""));
      return ok({ name, question, year, page });
    }
    case "check": {
      const region = options.region ?? words[0] ?? "";
      if (!region) return bad(MESSAGES.missingRegionCheck(name));
      const rest = options.region ? words : words.slice(1);
      const indicator = options.indicator ?? (rest.join("") || null);
      return ok({ name, region, indicator, year });
    }
    case "trend":
      return trendFrom(args, bad);
    case "source":
      return ok({ name, id: options.id ?? words.join("") });
    case "reports":
      return ok({ name });
    case "help":
      return ok({ name });
  }
}

/** /trend 全国 GDP 2000 2025: up to two year words (or from:/to:), the rest region then indicator. */
function trendFrom(args: Args, bad: (message: string) => Result<Command>): Result<Command> {
  const { options } = args;
  // "2000-2025", "2000—2025年", "2000至2025" as one word: the two ends.
  const split = args.words.flatMap((w) => w.match(YEAR_SPAN)?.slice(1, 3) ?? [w]);
  const yearWords = split.filter((w) => YEAR_WORD.test(w));
  const words = split.filter((w) => !YEAR_WORD.test(w));
  const years: (number | null)[] = [];
  for (const raw of [options.from ?? yearWords[0], options.to ?? yearWords[options.from ? 0 : 1]]) {
    if (raw === undefined || raw === "") {
      years.push(null);
      continue;
    }
    const y = parseYear(raw);
    if (y === null) return bad(MESSAGES.badYear(raw));
    years.push(y);
  }
  const [from = null, to = null] = years;
  if (from !== null && to !== null && from > to) return bad(MESSAGES.badSpan(from, to));
  const region = options.region ?? words[0] ?? "";
  const indicator = options.indicator ?? (options.region ? words : words.slice(1)).join("");
  if (!region || !indicator) return bad(MESSAGES.missingIndicatorTrend);
  return ok({ name: "trend", region, indicator, from, to });
}
