/** /target, /figure and /compare: statements from the rule layer, formatted, with their quotes. */
import type { Region } from "../corpus/corpus.ts";
import { resolveRegion } from "../corpus/regions.ts";
import type { EngineParts } from "../engine.ts";
import type { Statement } from "../facts/extract.ts";
import { formatGroup, formatLine, periodLabel } from "../facts/format.ts";
import { resolveIndicator } from "../facts/indicators.ts";
import { displayName, type Indicator } from "../facts/lexicon.ts";
import { ask } from "./ask.ts";
import { citationOf, failure, pickReport } from "./build.ts";
import { MESSAGES } from "./messages.ts";
import type { Answer, Citation, Fact } from "./schema.ts";

const MAX_GROUPS = 6;

export type Kind = Statement["kind"];

export function resolveRegionOrFail(parts: EngineParts, command: string, input: string): Region | Answer {
  const m = resolveRegion(input, parts.corpus.regions);
  if (m.kind === "one") return m.region;
  if (m.kind === "ambiguous") {
    const names = m.candidates.map((r) => r.name);
    return failure(command, "ambiguous_region", MESSAGES.ambiguousRegion(input, names), {
      error: { code: "ambiguous_region", message: "", suggestions: names },
    });
  }
  const known = parts.corpus.regions.map((r) => r.name);
  const closest = m.closest.map((r) => r.name);
  const message =
    MESSAGES.unknownRegion(input, known) + (closest.length ? MESSAGES.closestRegion(closest) : "");
  return failure(command, "unknown_region", message, {
    error: { code: "unknown_region", message: "", suggestions: closest.length ? closest : known },
  });
}

export function resolveIndicatorOrFail(
  parts: EngineParts,
  command: string,
  input: string,
): Indicator | Answer {
  const m = resolveIndicator(input, parts.lexicon);
  if (m.kind === "one") return m.indicator;
  const hint = m.suggestions.length ? `可以试试：${m.suggestions.join("、")}。` : "";
  return failure(command, "not_found", MESSAGES.unknownIndicator(input) + hint, {
    error: { code: "not_found", message: "", suggestions: m.suggestions },
  });
}

export function toFact(parts: EngineParts, s: Statement, display: string): Fact {
  return {
    region: s.region,
    indicator: parts.lexicon.byId.get(s.indicatorId)?.name ?? s.indicatorId,
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

function citationOfStatement(parts: EngineParts, s: Statement, terms: string[]): Citation {
  const p = parts.corpus.paragraphById.get(s.paragraphId);
  if (!p) throw new Error(`statement cites unknown paragraph ${s.paragraphId}`);
  return citationOf(parts.corpus, p, s.sentence, terms);
}

/** /target and /figure. */
export function lookup(
  parts: EngineParts,
  kind: Kind,
  regionInput: string,
  indicatorInput: string,
  year: number | null,
): Answer {
  const command = kind === "target" ? "target" : "figure";
  const region = resolveRegionOrFail(parts, command, regionInput);
  if ("ok" in region) return region;
  const indicator = resolveIndicatorOrFail(parts, command, indicatorInput);
  if ("ok" in indicator) return indicator;
  const pick = pickReport(command, region, year);
  if (!pick.ok) return pick.answer;
  const report = pick.report;
  const groups = groupsFor(parts, report.id, indicator, kind).slice(0, MAX_GROUPS);
  const label = kind === "target" ? `${report.year}年报告的目标` : `${report.year}年报告的工作回顾`;
  if (groups.length === 0) {
    // Never a number from elsewhere: the nearest passages of this report only, as evidence of absence.
    const near = ask(parts, `${region.name}${report.year}年${indicator.name}`, {
      year: report.year,
      page: 1,
    });
    return failure(command, "not_found", `${region.name}${label}中没有找到“${indicator.name}”的表述。`, {
      citations: near.citations,
      error: { code: "not_found", message: "" },
    });
  }
  const terms = [...indicator.terms, ...indicator.aliases];
  const facts: Fact[] = [];
  const citations: Citation[] = [];
  const lines = groups.map((g) => {
    const line = formatLine(region.name, nameOf(parts, g, region.level), g);
    for (const s of g) facts.push(toFact(parts, s, line));
    const first = g[0] as Statement;
    if (!citations.some((c) => c.id === first.paragraphId && c.quote === first.sentence)) {
      citations.push(citationOfStatement(parts, first, terms));
    }
    return line;
  });
  const [head, ...rest] = lines;
  const more = rest.length ? `\n其他相关表述：\n${rest.map((l) => `- ${l}`).join("\n")}` : "";
  return { ok: true, command, answer: `${head}${more}`, facts, citations };
}

/** The indicator's statements; when a report states none, those of its narrower indicators. */
function groupsFor(parts: EngineParts, reportId: string, indicator: Indicator, kind: Kind): Statement[][] {
  const own = parts.facts.groups(reportId, indicator.id, kind);
  if (own.length > 0) return own;
  return indicator.narrower.flatMap((id) => parts.facts.groups(reportId, id, kind));
}

function nameOf(parts: EngineParts, group: readonly Statement[], level: string): string {
  const id = group[0]?.indicatorId ?? "";
  const ind = parts.lexicon.byId.get(id);
  return ind ? displayName(ind, level) : id;
}

interface CompareRow {
  region: Region;
  group: Statement[] | null;
  pick: Statement | null;
}

/** /compare: one row per region, sorted by value; regions without a comparable value listed as such. */
export function compare(parts: EngineParts, indicatorInput: string, kind: Kind, year: number | null): Answer {
  const command = "compare";
  const indicator = resolveIndicatorOrFail(parts, command, indicatorInput);
  if ("ok" in indicator) return indicator;
  const rows: CompareRow[] = parts.corpus.regions.flatMap((region) => {
    const report = year === null ? region.reports[0] : region.reports.find((r) => r.year === year);
    if (!report) return [];
    const group = parts.facts.groups(report.id, indicator.id, kind)[0] ?? null;
    return [{ region, group, pick: null }];
  });
  if (rows.length === 0) {
    return failure(command, "not_found", `语料中没有 ${year} 年的报告。`);
  }
  const unit = commonUnit(rows);
  for (const row of rows) row.pick = row.group?.find((s) => s.value !== null && s.unit === unit) ?? null;
  const valued = rows.filter((r) => r.pick).sort((a, b) => (b.pick?.value ?? 0) - (a.pick?.value ?? 0));
  const others = rows.filter((r) => !r.pick);
  if (valued.length === 0 && others.every((r) => !r.group)) {
    return failure(
      command,
      "not_found",
      `没有任何地区的报告给出“${indicator.name}”的${kind === "target" ? "目标" : "实际数据"}。`,
    );
  }
  const facts: Fact[] = [];
  const citations: Citation[] = [];
  const terms = [...indicator.terms, ...indicator.aliases];
  const lines: string[] = [];
  for (const row of [...valued, ...others.filter((r) => r.group)]) {
    const group = row.group as Statement[];
    const line = formatLine(row.region.name, nameOf(parts, group, row.region.level), group);
    const shown = row.pick ? [row.pick, ...group.filter((s) => s !== row.pick)] : group;
    for (const s of shown) facts.push(toFact(parts, s, line));
    citations.push(citationOfStatement(parts, group[0] as Statement, terms));
    lines.push(
      `${row.pick ? "" : "（无可比数值）"}${row.region.short}：${formatGroup(group)}（${periodLabel(group[0] as Statement)}）`,
    );
  }
  const missing = others.filter((r) => !r.group).map((r) => r.region.short);
  const title = `${indicator.name} · ${kind === "target" ? "预期目标" : "实际完成"}对比${unit ? `（按${unit}排序）` : ""}`;
  const tail = missing.length ? `\n未找到相关表述：${missing.join("、")}` : "";
  return { ok: true, command, answer: `${title}\n${lines.join("\n")}${tail}`, facts, citations };
}

/** The unit most regions state the indicator in (growth % for targets, usually), so rows compare like with like. */
function commonUnit(rows: CompareRow[]): string | null {
  const count = new Map<string, number>();
  for (const r of rows) {
    for (const u of new Set(r.group?.flatMap((s) => (s.value !== null && s.unit ? [s.unit] : [])) ?? [])) {
      count.set(u, (count.get(u) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [u, n] of count) if (best === null || n > (count.get(best) ?? 0)) best = u;
  return best;
}
