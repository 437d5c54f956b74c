/**
 * A year's target and that year's actual figure for one region and indicator: the target from the report
 * that sets it (report year Y, else the report whose targetYear is Y), the actual from the report that
 * reviews Y (reviewYear Y, usually report Y+1). Shared by /check and /trend.
 */
import type { Region } from "../corpus/corpus.ts";
import type { Engine } from "../engine.ts";
import { displayName } from "../facts/display-name.ts";
import type { Statement } from "../facts/extract.ts";
import { formatValue } from "../facts/format.ts";
import type { Indicator } from "../facts/lexicon.ts";
import { rankedGroups } from "../facts/lookup.ts";
import type { ReportInfo } from "../search/store.ts";
import { type Judgement, judge } from "./check-rule.ts";

type RegionInfo = Region<ReportInfo>;

export interface Side {
  report: ReportInfo;
  /** The statement compared, and the display group it belongs to. */
  pick: Statement;
  group: Statement[];
}

export interface YearPair {
  year: number;
  target: Side | null;
  actual: Side | null;
  /** What is missing, one Chinese phrase each, naming the report. */
  missing: string[];
  judgement: Judgement;
}

/** The reports that set year Y's targets: the report of year Y, else one whose manifest targetYear is Y. */
export function targetReports(region: RegionInfo, year: number): ReportInfo[] {
  const own = region.reports.filter((r) => r.year === year);
  return own.length > 0 ? own : region.reports.filter((r) => r.targetYear === year);
}

/** The reports that review year Y: manifest reviewYear Y, or report Y+1 where no reviewYear is given. */
export function actualReports(region: RegionInfo, year: number): ReportInfo[] {
  return region.reports.filter((r) => (r.reviewYear ?? r.year - 1) === year);
}

// Spans read as one year by mistake would compare a five-year average with an annual target:
// "国内生产总值2000年达89404亿元，平均每年增长8.3％", "比2002年增长65.5%，年均增长10.6%".
const SPAN = /年均|平均每年|每年平均|累计|比(19|20)\d\d年|从(19|20)\d\d年|五年/;

function annualAbout(list: readonly Statement[], year: number): Statement[] {
  return list.filter(
    (s) => s.horizon === "annual" && s.about === year && s.aboutEnd === null && !SPAN.test(s.text),
  );
}

/** Of the ranked groups, the first statement with a value in `unit` (any value when unit is null). */
function pickIn(groups: Statement[][], unit: string | null | undefined): Side["pick"] | null {
  for (const g of groups) {
    const s = g.find((x) => x.value !== null && (unit === undefined || x.unit === unit));
    if (s) return s;
  }
  return null;
}

function side(
  engine: Engine,
  reports: ReportInfo[],
  ind: Indicator,
  kind: "target" | "actual",
  year: number,
  unit?: string | null,
): Side | null {
  for (const report of reports) {
    const groups = rankedGroups(annualAbout(engine.store.statements(report.id, ind.id, kind), year));
    if (groups.length === 0) continue;
    // Like with like: the actual in the target's unit when there is one, else any number, else the clause.
    const pick = pickIn(groups, unit) ?? pickIn(groups, undefined) ?? (groups[0]?.[0] as Statement);
    const group = groups.find((g) => g.includes(pick)) ?? [pick];
    return { report, pick, group };
  }
  return null;
}

export function reportName(r: ReportInfo): string {
  return `${r.year}年报告`;
}

/**
 * Target and actual for one year, the verdict, and what is missing. The actual is taken in the target's
 * unit; without a numeric target, in `unit` when given (a /trend series keeps one unit).
 */
export function pairFor(
  engine: Engine,
  region: RegionInfo,
  ind: Indicator,
  year: number,
  unit?: string | null,
): YearPair {
  const missing: string[] = [];
  const name = displayName(ind, region.level);
  const tReports = targetReports(region, year);
  const target = side(engine, tReports, ind, "target", year, unit);
  if (tReports.length === 0) missing.push(`语料中没有${region.name}${year}年的报告（${year}年的目标）`);
  else if (!target) missing.push(`${tReports.map(reportName).join("、")}没有${name}的${year}年目标`);
  const aReports = actualReports(region, year);
  const actualUnit = target?.pick.value != null ? target.pick.unit : unit;
  const actual = side(engine, aReports, ind, "actual", year, actualUnit);
  if (aReports.length === 0) missing.push(`语料中没有回顾${year}年的报告（通常是${year + 1}年报告，未收录）`);
  else if (!actual)
    missing.push(`${aReports.map(reportName).join("、")}的工作回顾没有${name}的${year}年实际数`);
  const judgement: Judgement =
    target && actual
      ? judge(ind.id, target.pick, actual.pick, {
          target: formatValue(target.pick),
          actual: formatValue(actual.pick),
        })
      : { verdict: "缺少数据", reason: `${missing.join("；")}。` };
  return { year, target, actual, missing, judgement };
}

/** Years a region's reports could speak of, latest first: each report's own year and the year it reviews. */
export function candidateYears(region: RegionInfo): number[] {
  const years = new Set<number>();
  for (const r of region.reports) {
    years.add(r.year);
    years.add(r.reviewYear ?? r.year - 1);
    if (r.targetYear) years.add(r.targetYear);
  }
  return [...years].sort((a, b) => b - a);
}

/**
 * The unit the region's annual targets for the indicator are usually stated in (growth % for GDP, 万人
 * for new jobs): a year without a target still shows the actual in that unit ("增长5.2%", not "超过126万亿元").
 */
export function usualUnit(engine: Engine, region: RegionInfo, ind: Indicator): string | null {
  const byReport = engine.store.statementsByReport(ind.id, "target");
  const count = new Map<string, number>();
  for (const r of region.reports) {
    for (const s of byReport.get(r.id) ?? []) {
      if (s.horizon === "annual" && s.value !== null && s.unit)
        count.set(s.unit, (count.get(s.unit) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [u, n] of count) if (best === null || n > (count.get(best) ?? 0)) best = u;
  return best;
}
