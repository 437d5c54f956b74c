/**
 * /check 地区 [指标] [年份]: did the region reach its target? The year's target and that year's actual,
 * each quoted and cited, and a verdict by the rule in check-rule.ts (docs/CHECK.md). Without a year: the
 * latest year with both; without an indicator: every indicator with both, as a table.
 */
import type { Region } from "../corpus/corpus.ts";
import type { Engine } from "../engine.ts";
import { displayName } from "../facts/display-name.ts";
import type { Statement } from "../facts/extract.ts";
import { formatValue } from "../facts/format.ts";
import type { Indicator } from "../facts/lexicon.ts";
import type { ReportInfo } from "../search/store.ts";
import { citationOf, failure } from "./build.ts";
import { candidateYears, pairFor, reportName, type Side, usualUnit, type YearPair } from "./check-pairs.ts";
import { ruleText } from "./check-rule.ts";
import { resolveIndicatorOrFail, resolveRegionOrFail, toFact } from "./fact-commands.ts";
import { MESSAGES } from "./messages.ts";
import type { Answer, Check, CheckSide, Citation, Fact } from "./schema.ts";

type RegionInfo = Region<ReportInfo>;

export function checkSide(s: Side | null): CheckSide | null {
  if (!s) return null;
  const p = s.pick;
  return {
    text: formatValue(p),
    value: p.value,
    valueHigh: p.valueHigh,
    unit: p.unit,
    qualifier: p.qualifier,
    report: s.report.id,
    citation: p.paragraphId,
  };
}

export function checkOf(region: RegionInfo, ind: Indicator, pair: YearPair): Check {
  return {
    region: region.name,
    indicator: displayName(ind, region.level),
    year: pair.year,
    target: checkSide(pair.target),
    actual: checkSide(pair.actual),
    verdict: pair.judgement.verdict,
    reason: pair.judgement.reason,
    rule: ruleText(ind.id),
    missing: pair.missing,
  };
}

export function citationOfSide(engine: Engine, s: Side, terms: readonly string[]): Citation {
  const p = engine.store.paragraph(s.pick.paragraphId);
  if (!p) throw new Error(`statement cites unknown paragraph ${s.pick.paragraphId}`);
  return citationOf(engine, p, s.pick.sentence, terms);
}

const termsOf = (ind: Indicator) => [...ind.terms, ...ind.aliases];

/** "增长5%左右（2024年报告 · 预期目标）". */
function sideLine(s: Side, what: "预期目标" | "工作回顾"): string {
  return `${formatValue(s.pick)}（${reportName(s.report)} · ${what}）`;
}

export function check(
  engine: Engine,
  regionInput: string,
  indicatorInput: string | null,
  year: number | null,
): Answer {
  const command = "check";
  const region = resolveRegionOrFail(engine, command, regionInput);
  if ("ok" in region) return region;
  if (indicatorInput === null || indicatorInput.trim() === "") return checkAll(engine, region, year);
  const ind = resolveIndicatorOrFail(engine, command, indicatorInput);
  if ("ok" in ind) return ind;
  const unit = usualUnit(engine, region, ind);
  const pair =
    year !== null ? pairFor(engine, region, ind, year, unit) : latestPair(engine, region, ind, unit);
  if (!pair)
    return failure(command, "not_found", MESSAGES.checkNothing(region.name, displayName(ind, region.level)));
  const name = displayName(ind, region.level);
  const c = checkOf(region, ind, pair);
  const facts: Fact[] = [];
  const citations: Citation[] = [];
  const lines = [`${region.name} · ${pair.year}年 · ${name} · 目标完成情况：${c.verdict}`];
  const add = (s: Side | null, label: string, what: "预期目标" | "工作回顾") => {
    if (!s) return;
    const line = `${label}：${sideLine(s, what)}`;
    lines.push(line);
    for (const x of orderedGroup(s))
      facts.push(toFact(engine, x, `${region.name} · ${pair.year}年${label} · ${name}：${formatValue(x)}`));
    citations.push(citationOfSide(engine, s, termsOf(ind)));
  };
  add(pair.target, "目标", "预期目标");
  add(pair.actual, "实际", "工作回顾");
  lines.push(`判定：${c.reason}`, c.rule);
  if (!pair.target && !pair.actual) {
    return failure(command, "not_found", lines.join("\n"), { check: c });
  }
  return { ok: true, command, answer: lines.join("\n"), facts, citations, check: c };
}

/** The compared statement first, then the rest of its group. */
function orderedGroup(s: Side): Statement[] {
  return [s.pick, ...s.group.filter((x) => x !== s.pick)];
}

/** The latest year with both a target and an actual; null when the region has no year with either. */
function latestPair(
  engine: Engine,
  region: RegionInfo,
  ind: Indicator,
  unit: string | null,
): YearPair | null {
  let fallback: YearPair | null = null;
  for (const y of candidateYears(region)) {
    const p = pairFor(engine, region, ind, y, unit);
    if (p.target && p.actual) return p;
    if (!fallback && (p.target || p.actual)) fallback = p;
  }
  return fallback;
}

/** /check 全国 2024: every indicator with both a target and an actual for the year, as a table. */
function checkAll(engine: Engine, region: RegionInfo, year: number | null): Answer {
  const command = "check";
  const years = year !== null ? [year] : candidateYears(region);
  const units = new Map(engine.lexicon.indicators.map((ind) => [ind.id, usualUnit(engine, region, ind)]));
  for (const y of years) {
    const pairs = engine.lexicon.indicators.map((ind) => ({
      ind,
      pair: pairFor(engine, region, ind, y, units.get(ind.id)),
    }));
    const both = pairs.filter((p) => p.pair.target && p.pair.actual);
    if (both.length === 0) continue;
    const facts: Fact[] = [];
    const citations: Citation[] = [];
    const lines = [`${region.name} · ${y}年 · 目标完成情况（${both.length}项指标）`];
    for (const { ind, pair } of both) {
      const t = pair.target as Side;
      const a = pair.actual as Side;
      const name = displayName(ind, region.level);
      const line = `${name}：目标 ${formatValue(t.pick)} → 实际 ${formatValue(a.pick)} · ${pair.judgement.verdict}`;
      lines.push(line);
      facts.push(toFact(engine, t.pick, line), toFact(engine, a.pick, line));
      // One sentence often holds several indicators ("城镇新增就业1256万人、…居民消费价格上涨0.2%"): cite it once.
      for (const s of [t, a]) {
        if (!citations.some((c) => c.id === s.pick.paragraphId && c.quote === s.pick.sentence))
          citations.push(citationOfSide(engine, s, termsOf(ind)));
      }
    }
    const only = (f: (p: YearPair) => boolean) =>
      pairs.filter((p) => f(p.pair)).map((p) => displayName(p.ind, region.level));
    const onlyTarget = only((p) => p.target !== null && p.actual === null);
    const onlyActual = only((p) => p.target === null && p.actual !== null);
    if (onlyTarget.length) lines.push(`只有目标、缺少${y}年实际数：${onlyTarget.join("、")}`);
    if (onlyActual.length) lines.push(`只有实际、缺少${y}年目标：${onlyActual.join("、")}`);
    const sources = [
      ...new Set(
        both.flatMap((p) => [p.pair.target, p.pair.actual]).map((s) => reportName((s as Side).report)),
      ),
    ];
    lines.push(`目标与实际分别引自：${sources.join("、")}。${ruleText(null)}`);
    const checks = both.map(({ ind, pair }) => checkOf(region, ind, pair));
    return { ok: true, command, answer: lines.join("\n"), facts, citations, checks };
  }
  // Without a year, the latest report explains it: its targets wait for the next report's review.
  const y = year ?? (region.reports[0]?.year as number);
  const what = year !== null ? `${year}年` : `（已收录${region.reports.map(reportName).join("、")}）`;
  return failure(command, "not_found", MESSAGES.checkNoYear(region.name, what, missingReports(region, y)));
}

/** The reports a year needs that the corpus lacks, named. */
function missingReports(region: RegionInfo, year: number): string {
  const out: string[] = [];
  if (!region.reports.some((r) => r.year === year || r.targetYear === year))
    out.push(`${year}年报告（目标）`);
  if (!region.reports.some((r) => (r.reviewYear ?? r.year - 1) === year))
    out.push(`回顾${year}年的${year + 1}年报告（实际）`);
  return out.length
    ? `${year}年需要${year}年报告的目标和${year + 1}年报告的回顾，语料中没有${out.join("和")}。`
    : "";
}
