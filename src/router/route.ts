/**
 * The router: one typed line in, one validated Answer out. Expected outcomes are answers with an error
 * code; anything unexpected is left to the caller's single catch (see `safeRun`).
 */
import { ask } from "../answer/ask.ts";
import { failure } from "../answer/build.ts";
import { compare, type Kind, lookup } from "../answer/fact-commands.ts";
import { help, reports, source } from "../answer/info-commands.ts";
import { MESSAGES } from "../answer/messages.ts";
import { type Answer, AnswerSchema } from "../answer/schema.ts";
import { findRegionsInText } from "../corpus/regions.ts";
import type { EngineParts } from "../engine.ts";
import { findIndicatorInText } from "../facts/indicators.ts";
import { COMMANDS, MAX_INPUT_CHARS, type ParsedLine, parseLine } from "./parse-line.ts";

const TARGET_WORDS = /目标|预期|计划|力争|今年|将要|打算|要达到/;
const COMPARE_WORDS = /对比|比较|各地|各地区|哪个地区|排名|谁高/;

export function route(parts: EngineParts, raw: string): Answer {
  const parsed = parseLine(raw);
  if (!parsed.ok) {
    const message =
      parsed.reason === "empty"
        ? MESSAGES.empty
        : parsed.reason === "too_long"
          ? MESSAGES.tooLong(MAX_INPUT_CHARS)
          : MESSAGES.noContent;
    return failure("", "bad_input", message);
  }
  const answer = dispatch(parts, parsed.line);
  // The answer model is validated before it leaves the engine.
  return AnswerSchema.parse(answer);
}

function dispatch(parts: EngineParts, line: ParsedLine): Answer {
  if (line.plain) return chat(parts, line.rest);
  const { command, options, positional } = line;
  if (!command)
    return failure(line.typed, "unknown_command", MESSAGES.unknownCommand(line.typed, [...COMMANDS]));
  const yearArg = readYear(options.year, positional);
  if (typeof yearArg === "string") return failure(command, "bad_input", MESSAGES.badYear(yearArg));
  const words = positional.filter((w) => !/^\d{4}年?$/.test(w));
  switch (command) {
    case "target":
    case "figure":
      return lookupCommand(parts, command, options, words, yearArg);
    case "compare": {
      const kindWord = options.kind ?? words.find((w) => KIND_WORDS[w.toLowerCase()]);
      const kind = kindWord ? KIND_WORDS[kindWord.toLowerCase()] : "target";
      if (!kind) return failure(command, "bad_input", MESSAGES.badKind(kindWord ?? ""));
      const indicator = options.indicator ?? words.filter((w) => w !== kindWord).join("");
      if (!indicator) return failure(command, "bad_input", MESSAGES.missingIndicator(command));
      return compare(parts, indicator, kind, yearArg);
    }
    case "ask": {
      const question = options.question ?? line.rest.replace(/\b(year|page)\s*[:：=]\s*\S+/gi, "").trim();
      if (!question) return failure(command, "bad_input", MESSAGES.missingQuestion);
      return ask(parts, question, { year: yearArg, page: Number(options.page ?? 1) || 1 });
    }
    case "source":
      return source(parts, options.id ?? words.join(""));
    case "reports":
      return reports(parts);
    case "help":
      return help();
  }
}

const KIND_WORDS: Record<string, Kind | undefined> = {
  target: "target",
  目标: "target",
  预期: "target",
  actual: "actual",
  figure: "actual",
  实际: "actual",
  完成: "actual",
};

function lookupCommand(
  parts: EngineParts,
  command: "target" | "figure",
  options: Record<string, string>,
  words: string[],
  year: number | null,
): Answer {
  let region = options.region;
  let indicator = options.indicator;
  if (!region && words.length > 0) {
    // "/target 临淄 GDP", or "/target 临淄GDP" with the region glued to the indicator.
    const glued = words.length === 1 ? findRegionsInText(words[0] ?? "", parts.corpus.regions)[0] : undefined;
    if (glued && words[0]?.startsWith(glued.name) && words[0] !== glued.name) {
      region = glued.name;
      indicator ??= words[0].slice(glued.name.length);
    } else {
      region = words[0];
      indicator ??= words.slice(1).join("");
    }
  } else if (!indicator) {
    indicator = words.join("");
  }
  if (!region) return failure(command, "bad_input", MESSAGES.missingRegion(command));
  if (!indicator) return failure(command, "bad_input", MESSAGES.missingIndicator(command));
  return lookup(parts, command === "target" ? "target" : "actual", region, indicator, year);
}

/** Plain text: a region and an indicator make a /target or /figure; an indicator with 对比 a /compare. */
function chat(parts: EngineParts, text: string): Answer {
  const regions = findRegionsInText(text, parts.corpus.regions);
  const indicator = findIndicatorInText(text, parts.lexicon);
  const year = readYear(undefined, [text.match(/(?<!\d)(20\d\d|19\d\d)(?=年|\b|$)/)?.[1] ?? ""]);
  const y = typeof year === "number" ? year : null;
  const kind: Kind = TARGET_WORDS.test(text) ? "target" : "actual";
  if (
    indicator &&
    regions.length === 1 &&
    regions[0] &&
    isLookupQuestion(text, regions[0].name, indicator.phrase)
  ) {
    // A named region and indicator is a lookup; when the report has no such statement the answer is
    // not_found with the nearest passages, never a number from another region or indicator.
    return lookup(parts, kind, regions[0].region.name, indicator.phrase, y);
  }
  if (indicator && regions.length === 0 && COMPARE_WORDS.test(text)) {
    return compare(parts, indicator.phrase, kind, y);
  }
  return ask(parts, text, { year: y, page: 1 });
}

// Words that ask for a figure without adding a subject of their own.
const FILLER =
  /目标|预期|计划|多少|是|的|了|今年|去年|明年|全年|增长|增速|增幅|达到|完成|实现|情况|数据|数值|有|为|呢|吗|啊|请问|查询|一下|年|总额|多大|几|怎么样|如何|一共|共|\d+|[\p{P}\s]/gu;

/**
 * "临淄今年GDP目标是多少" asks for the indicator; "荔湾发放消费券拉动消费多少" only contains an
 * indicator word (消费) and is a free question: little may remain once region, indicator and filler go.
 */
function isLookupQuestion(text: string, regionName: string, phrase: string): boolean {
  const rest = text
    .toLowerCase()
    .split(regionName.toLowerCase())
    .join("")
    .split(phrase.toLowerCase())
    .join("");
  return rest.replace(FILLER, "").length <= 2;
}

/** A year option or a positional 4-digit year; a malformed year option comes back as its text. */
function readYear(option: string | undefined, words: string[]): number | null | string {
  const raw = option ?? words.find((w) => /^\d{4}年?$/.test(w));
  if (raw === undefined || raw === "") return null;
  const m = raw.match(/^(\d{4})年?$/);
  const y = m ? Number(m[1]) : Number.NaN;
  return y >= 1949 && y <= 2100 ? y : raw;
}
