/**
 * /trend 地区 指标 [起始年] [结束年]: the target and the actual for each year, one line a year, with the
 * series for the chart (src/chart/trend-chart.ts). Years with neither are named, never filled in.
 */
import type { Region } from "../corpus/corpus.ts";
import type { Engine } from "../engine.ts";
import { displayName } from "../facts/display-name.ts";
import { formatValue } from "../facts/format.ts";
import type { Indicator } from "../facts/lexicon.ts";
import type { ReportInfo } from "../search/store.ts";
import { failure } from "./build.ts";
import { checkSide, citationOfSide } from "./check.ts";
import { candidateYears, pairFor, type YearPair } from "./check-pairs.ts";
import { directionOf } from "./check-rule.ts";
import { resolveIndicatorOrFail, resolveRegionOrFail, toFact } from "./fact-commands.ts";
import { MESSAGES } from "./messages.ts";
import type { Answer, Citation, Fact, Series } from "./schema.ts";
import { yearRuns } from "./year-runs.ts";

type RegionInfo = Region<ReportInfo>;

export function trend(
  engine: Engine,
  regionInput: string,
  indicatorInput: string,
  from: number | null,
  to: number | null,
): Answer {
  const command = "trend";
  // Discord options arrive unchecked: 起始年 after 结束年 is a typing slip, said as such.
  if (from !== null && to !== null && from > to)
    return failure(command, "bad_input", MESSAGES.badSpan(from, to));
  const region = resolveRegionOrFail(engine, command, regionInput);
  if ("ok" in region) return region;
  const ind = resolveIndicatorOrFail(engine, command, indicatorInput);
  if ("ok" in ind) return ind;
  const known = candidateYears(region);
  const lo = from ?? Math.min(...known);
  const hi = to ?? Math.max(...known);
  const all = Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => lo + i);
  const firstPass = all.map((y) => pairFor(engine, region, ind, y));
  const unit = seriesUnit(firstPass);
  // Without years given, the span is the years with data, not every year the region has a report for.
  const withData = firstPass.filter((p) => p.target || p.actual).map((p) => p.year);
  const first = from ?? Math.min(...withData, hi);
  const last = to ?? Math.max(...withData, lo);
  const years = all.filter((y) => y >= first && y <= last);
  const name = displayName(ind, region.level);
  // Second pass in the series' unit, so a year without a target still shows the comparable actual.
  const pairs = years.map((y) => pairFor(engine, region, ind, y, unit)).filter((p) => p.target || p.actual);
  const span = `${first}—${last}年`;
  if (pairs.length === 0)
    return failure(command, "not_found", MESSAGES.trendNothing(region.name, name, span));

  const facts: Fact[] = [];
  const citations: Citation[] = [];
  const lines = [`${region.name} · ${name} · 历年目标与实际（${span}）`];
  for (const p of pairs) {
    const t = p.target ? formatValue(p.target.pick) : "—";
    const a = p.actual ? formatValue(p.actual.pick) : "—";
    const line = `${p.year}年：目标 ${t} · 实际 ${a} · ${p.judgement.verdict}`;
    lines.push(line);
    for (const s of [p.target, p.actual]) {
      if (!s) continue;
      facts.push(toFact(engine, s.pick, `${region.name} · ${line}`));
      citations.push(citationOfSide(engine, s, [...ind.terms, ...ind.aliases]));
    }
  }
  const empty = years.filter((y) => !pairs.some((p) => p.year === y));
  if (empty.length) lines.push(`无数据年份：${yearRuns(empty)}（语料中没有相应报告或报告没有此项）`);
  lines.push("目标取当年报告的预期目标，实际取次年报告的工作回顾；判定规则见 /check 与 docs/CHECK.md。");
  const series = seriesOf(region, ind, unit, first, last, pairs);
  return { ok: true, command, answer: lines.join("\n"), facts, citations, series };
}

function seriesOf(
  region: RegionInfo,
  ind: Indicator,
  unit: string | null,
  from: number,
  to: number,
  pairs: YearPair[],
): Series {
  return {
    region: region.name,
    indicator: displayName(ind, region.level),
    unit,
    direction: directionOf(ind.id),
    from,
    to,
    points: pairs.map((p) => ({
      year: p.year,
      target: checkSide(p.target),
      actual: checkSide(p.actual),
      verdict: p.judgement.verdict,
    })),
  };
}

/** The unit most targets are stated in (else most actuals): growth % for GDP, 万人 for new jobs. */
function seriesUnit(pairs: YearPair[]): string | null {
  for (const kind of ["target", "actual"] as const) {
    const count = new Map<string, number>();
    for (const p of pairs) {
      const s = p[kind]?.pick;
      if (s && s.value !== null && s.unit) count.set(s.unit, (count.get(s.unit) ?? 0) + 1);
    }
    let best: string | null = null;
    for (const [u, n] of count) if (best === null || n > (count.get(best) ?? 0)) best = u;
    if (best) return best;
  }
  return null;
}
