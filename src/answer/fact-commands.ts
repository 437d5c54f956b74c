/** /target and /figure: statements from the rule layer, formatted, with their quotes; shared by /compare. */
import type { Region } from "../corpus/corpus.ts";
import { findRegionsInText, resolveRegion } from "../corpus/regions.ts";
import type { Engine } from "../engine.ts";
import { displayName } from "../facts/display-name.ts";
import { extractPhrase, PHRASE_PREFIX, type Statement } from "../facts/extract.ts";
import { formatGroup, formatLine } from "../facts/format.ts";
import { resolveIndicator } from "../facts/indicators.ts";
import type { Indicator } from "../facts/lexicon.ts";
import { rankedGroups } from "../facts/lookup.ts";
import type { Kind } from "../query/text.ts";
import type { ReportInfo } from "../search/store.ts";
import { ask } from "./ask.ts";
import { citationOf, failure, pickReport, pickReportAbout } from "./build.ts";
import { MESSAGES } from "./messages.ts";
import type { Answer, Citation, Fact } from "./schema.ts";

const MAX_GROUPS = 6;

export type RegionInfo = Region<ReportInfo>;

export function resolveRegionOrFail(engine: Engine, command: string, input: string): RegionInfo | Answer {
  const m = resolveRegion(input, engine.regions);
  if (m.kind === "one") return m.region;
  if (m.kind === "ambiguous") {
    const names = m.candidates.map((r) => r.name);
    return failure(command, "ambiguous_region", MESSAGES.ambiguousRegion(input, names), {
      error: { code: "ambiguous_region", message: "", suggestions: names },
    });
  }
  // "Did you mean": the name index's fuzzy matches (MiniSearch), three at most.
  const closest = engine.names.closest("region", input, 3);
  const message = MESSAGES.unknownRegion(input) + (closest.length ? MESSAGES.closestRegion(closest) : "");
  const suggestions = closest.length ? closest : engine.regions.slice(0, 5).map((r) => r.name);
  return failure(command, "unknown_region", message, {
    error: { code: "unknown_region", message: "", suggestions },
  });
}

export function resolveIndicatorOrFail(engine: Engine, command: string, input: string): Indicator | Answer {
  const m = resolveIndicator(input, engine.lexicon);
  if (m.kind === "one") return m.indicator;
  const hint = m.suggestions.length ? `可以试试：${m.suggestions.join("、")}。` : "";
  return failure(command, "not_found", MESSAGES.unknownIndicator(input) + hint, {
    error: { code: "not_found", message: "", suggestions: m.suggestions },
  });
}

export function toFact(engine: Engine, s: Statement, display: string): Fact {
  return {
    region: s.region,
    indicator: engine.lexicon.byId.get(s.indicatorId)?.name ?? s.indicatorId.replace(PHRASE_PREFIX, ""),
    kind: s.kind,
    value: s.value,
    unit: s.unit,
    change: s.change,
    qualifier: s.qualifier,
    text: s.text,
    citation: s.paragraphId,
    display,
    valueHigh: s.valueHigh,
    horizon: s.horizon,
    year: s.year,
  };
}

export function citationOfStatement(engine: Engine, s: Statement, terms: string[]): Citation {
  const p = engine.store.paragraph(s.paragraphId);
  if (!p) throw new Error(`statement cites unknown paragraph ${s.paragraphId}`);
  return citationOf(engine, p, s.sentence, terms);
}

/** "临淄GDP" typed as one word: the region name it starts with, and the rest as the indicator. */
function splitGlued(engine: Engine, word: string): { region: string; indicator: string } | null {
  const hit = findRegionsInText(word, engine.regions)[0];
  if (!hit || !word.startsWith(hit.name) || word === hit.name) return null;
  return { region: hit.region.name, indicator: word.slice(hit.name.length) };
}

/** /target and /figure. */
export function lookup(
  engine: Engine,
  kind: Kind,
  regionInput: string,
  indicatorInput: string,
  year: number | null,
): Answer {
  const command = kind === "target" ? "target" : "figure";
  if (indicatorInput.trim() === "") {
    const glued = splitGlued(engine, regionInput.trim());
    if (!glued) return failure(command, "bad_input", MESSAGES.missingIndicator(command));
    return lookup(engine, kind, glued.region, glued.indicator, year);
  }
  const region = resolveRegionOrFail(engine, command, regionInput);
  if ("ok" in region) return region;
  const resolved = resolveIndicatorOrFail(engine, command, indicatorInput);
  // A year is the year the figure is about (2024年实际 is in the 2025 report), not the report's year.
  const pick =
    year === null ? pickReport(command, region, year) : pickReportAbout(command, region, kind, year);
  if (!pick.ok) return pick.answer;
  const report = pick.report;
  const note: string | null = "note" in pick ? (pick.note as string | null) : null;
  // An actual asked by year prints the year it is about: "全国 · 2024年实际（2025年报告）· 国内生产总值：…".
  const lineOf =
    year !== null && kind === "actual"
      ? (g: Statement[]) => aboutLine(region.name, nameOf(engine, g, region.level), g, report)
      : undefined;
  // The same rules applied to the phrase as typed ("/figure 临淄 5G基站"): for a phrase outside the
  // lexicon, and for an alias whose indicator the report never states in its own form ("优良天数" is
  // the ratio's alias; 历城 reports "优良天数达到244天": the days, under the words the user typed).
  const byPhrase = (): Answer | null => {
    const phrase = cleanPhrase(indicatorInput);
    const paragraphs = phrase.length >= 2 ? engine.store.paragraphsOf(report.id) : [];
    const found = paragraphs.length
      ? extractPhrase({ ...report, text: "", path: "", paragraphs }, phrase, kind)
      : [];
    if (found.length === 0) return null;
    const phraseGroups = groupStatements(found).slice(0, MAX_GROUPS);
    return withNote(answerGroups(engine, command, region, phraseGroups, [phrase], lineOf), note);
  };
  if ("ok" in resolved) return byPhrase() ?? resolved;
  const indicator = resolved;
  const groups = samePeriod(aboutFirst(groupsFor(engine, report.id, indicator, kind), year)).slice(
    0,
    MAX_GROUPS,
  );
  const label = kind === "target" ? `${report.year}年报告的目标` : `${report.year}年报告的工作回顾`;
  // Only a specific alias (three characters or more): "消费" next to "券2000万元" is not a figure of 消费.
  const typed = cleanPhrase(indicatorInput);
  const typedOtherName = typed.length >= 3 && ![indicator.name, ...indicator.terms].includes(typed);
  const phraseAnswer = groups.length === 0 && typedOtherName ? byPhrase() : null;
  if (phraseAnswer) return phraseAnswer;
  if (groups.length === 0) {
    // Never a number from elsewhere: the nearest passages of this report only, as evidence of absence.
    const near = ask(engine, `${region.name}${report.year}年${indicator.name}`, {
      year: report.year,
      page: 1,
    });
    return failure(command, "not_found", `${region.name}${label}中没有找到“${indicator.name}”的表述。`, {
      citations: near.citations,
      error: { code: "not_found", message: "" },
    });
  }
  const terms = [...indicator.terms, ...indicator.aliases];
  return withNote(answerGroups(engine, command, region, groups, terms, lineOf), note);
}

/** Groups about the asked year first (a review report also looks back five years), order kept otherwise. */
function aboutFirst(groups: Statement[][], year: number | null): Statement[][] {
  if (year === null) return groups;
  const of = (g: Statement[]) => (g[0]?.about === year && g[0]?.horizon === "annual" ? 0 : 1);
  return [...groups].sort((a, b) => of(a) - of(b));
}

/**
 * Only what the answer can stand behind: the statements of the first group's period (the same horizon
 * and the same years). A 十五五 goal "经济年均增长5%左右" is not listed under 2026's target; when a report
 * states only a multi-year figure, that leads, labelled as such.
 */
function samePeriod(groups: Statement[][]): Statement[][] {
  const head = groups[0]?.[0];
  if (!head) return groups;
  return groups.filter((g) => {
    const s = g[0] as Statement;
    return s.horizon === head.horizon && s.about === head.about && s.aboutEnd === head.aboutEnd;
  });
}

/** "全国 · 2024年实际（2025年报告）· 国内生产总值：134.9万亿元，增长5%". */
function aboutLine(region: string, name: string, g: Statement[], report: ReportInfo): string {
  const s = g[0] as Statement;
  const span = s.aboutEnd !== null && s.aboutEnd !== s.about ? `${s.about}—${s.aboutEnd}年` : `${s.about}年`;
  return `${region} · ${span}实际（${report.year}年报告）· ${name}：${formatGroup(g)}`;
}

/** The line saying which reading of the year was used, after the answer's first line. */
function withNote(a: Answer, note: string | null): Answer {
  if (!note || !a.ok) return a;
  const [head, ...rest] = a.answer.split("\n");
  return { ...a, answer: [head, note, ...rest].join("\n") };
}

function answerGroups(
  engine: Engine,
  command: string,
  region: RegionInfo,
  groups: Statement[][],
  terms: string[],
  lineOf?: (g: Statement[]) => string,
): Answer {
  const facts: Fact[] = [];
  const citations: Citation[] = [];
  const lines: string[] = [];
  for (const g of groups) {
    const line = lineOf ? lineOf(g) : formatLine(region.name, nameOf(engine, g, region.level), g);
    // A report restating its target ("涨幅2%左右" in the 预期目标 paragraph and again under 物价) says
    // one thing: the first statement of it answers, the repeat is not listed again.
    if (lines.includes(line)) continue;
    lines.push(line);
    for (const s of g) facts.push(toFact(engine, s, line));
    const first = g[0] as Statement;
    if (!citations.some((c) => c.id === first.paragraphId && c.quote === first.sentence)) {
      citations.push(citationOfStatement(engine, first, terms));
    }
  }
  const [head, ...rest] = lines;
  const more = rest.length ? `\n其他相关表述：\n${rest.map((l) => `- ${l}`).join("\n")}` : "";
  return { ok: true, command, answer: `${head}${more}`, facts, citations };
}

/** The indicator's statements; when a report states none, those of its narrower indicators. */
export function groupsFor(engine: Engine, reportId: string, indicator: Indicator, kind: Kind): Statement[][] {
  const own = rankedGroups(engine.store.statements(reportId, indicator.id, kind));
  if (own.length > 0) return own;
  return indicator.narrower.flatMap((id) => rankedGroups(engine.store.statements(reportId, id, kind)));
}

export function nameOf(engine: Engine, group: readonly Statement[], level: string): string {
  const id = group[0]?.indicatorId ?? "";
  const ind = engine.lexicon.byId.get(id);
  return ind ? displayName(ind, level) : id.replace(PHRASE_PREFIX, "");
}

function groupStatements(statements: Statement[]): Statement[][] {
  const groups = new Map<string, Statement[]>();
  for (const s of statements) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  return [...groups.values()];
}

/** The phrase a user typed, without filler such as 多少 or 的 that never stands in a report. */
function cleanPhrase(input: string): string {
  return input.normalize("NFKC").replace(/多少|是|的|了|有|几|[\s\p{P}]/gu, "");
}
