/** /compare: one indicator across the regions of one year and one level, sorted, each row quoted. */
import type { Engine } from "../engine.ts";
import type { Statement } from "../facts/extract.ts";
import { formatGroup, formatLine, formatValue, periodLabel } from "../facts/format.ts";
import type { Indicator } from "../facts/lexicon.ts";
import { rankedGroups } from "../facts/lookup.ts";
import type { Kind, Level } from "../query/text.ts";
import type { ReportInfo } from "../search/store.ts";
import { failure } from "./build.ts";
import {
  citationOfStatement,
  nameOf,
  type RegionInfo,
  resolveIndicatorOrFail,
  toFact,
} from "./fact-commands.ts";
import { MESSAGES } from "./messages.ts";
import type { Answer, ChartData, Citation, Fact } from "./schema.ts";

export interface CompareRow {
  region: RegionInfo;
  report: ReportInfo;
  /** The region's best statement group for the indicator, null when it states none. */
  group: Statement[] | null;
  /** The statement compared: a value in the common unit, null when the region has none. */
  pick: Statement | null;
}

/** /compare's data, shared by the text answer and the chart. */
export interface CompareTable {
  indicator: Indicator;
  kind: Kind;
  unit: string | null;
  /** Regions with a comparable value, sorted by it (highest first). */
  valued: CompareRow[];
  /** Regions with a statement but no comparable value (qualitative, or another unit). */
  unvalued: CompareRow[];
  /** Regions whose report states nothing about the indicator. */
  silent: CompareRow[];
  /** The report year and level compared (given, or the ones most regions share). */
  year: number;
  level: Level;
}

const LEVELS: readonly Level[] = ["国家", "省", "市", "区县"];

/**
 * Like with like: the reports of one year and one level. Unless given, the year and level with the most
 * regions (ties: the later year, then the higher level), so 2023 district targets never stand beside
 * 2026 provincial ones.
 */
export function compareScope(
  engine: Engine,
  year: number | null,
  level: Level | null,
): { year: number; level: Level } | null {
  const count = new Map<string, number>();
  for (const region of engine.regions) {
    if (level && region.level !== level) continue;
    for (const y of new Set(region.reports.map((r) => r.year))) {
      if (year !== null && y !== year) continue;
      const key = `${y}|${region.level}`;
      count.set(key, (count.get(key) ?? 0) + 1);
    }
  }
  let best: { year: number; level: Level; n: number } | null = null;
  for (const [key, n] of count) {
    const [y, l] = key.split("|") as [string, Level];
    const better =
      !best ||
      n > best.n ||
      (n === best.n &&
        (Number(y) > best.year ||
          (Number(y) === best.year && LEVELS.indexOf(l) < LEVELS.indexOf(best.level))));
    if (better) best = { year: Number(y), level: l, n };
  }
  return best && { year: best.year, level: best.level };
}

export function compareTable(
  engine: Engine,
  indicatorInput: string,
  kind: Kind,
  year: number | null,
  level: Level | null = null,
): CompareTable | Answer {
  const command = "compare";
  const indicator = resolveIndicatorOrFail(engine, command, indicatorInput);
  if ("ok" in indicator) return indicator;
  const scope = compareScope(engine, year, level);
  if (!scope) {
    const what = `${year ? `${year} 年` : ""}${level ? `${level}级` : ""}`;
    return failure(command, "not_found", `语料中没有${what}的报告。`);
  }
  const inScope = engine.regions.flatMap((region) => {
    const report =
      region.level === scope.level ? region.reports.find((r) => r.year === scope.year) : undefined;
    return report ? [{ region, report }] : [];
  });
  // Only the compared reports' statements are read (the table is clustered by indicator and report).
  const ids = inScope.map((r) => r.report.id);
  const own = engine.store.statementsByReport(indicator.id, kind, ids);
  const narrower = indicator.narrower.map((id) => engine.store.statementsByReport(id, kind, ids));
  const groupOf = (reportId: string): Statement[] | null => {
    const mine = rankedGroups(own.get(reportId) ?? []);
    if (mine.length > 0) return mine[0] ?? null;
    return narrower.flatMap((m) => rankedGroups(m.get(reportId) ?? []))[0] ?? null;
  };
  const rows: CompareRow[] = inScope.map(({ region, report }) => ({
    region,
    report,
    group: groupOf(report.id),
    pick: null,
  }));
  const unit = commonUnit(rows);
  for (const row of rows) row.pick = row.group?.find((s) => s.value !== null && s.unit === unit) ?? null;
  // A range sorts by its midpoint: 5%—5.5% ranks above 5%.
  const key = (r: CompareRow) => ((r.pick?.value ?? 0) + (r.pick?.valueHigh ?? r.pick?.value ?? 0)) / 2;
  const valued = rows.filter((r) => r.pick).sort((a, b) => key(b) - key(a));
  const unvalued = rows.filter((r) => !r.pick && r.group);
  const silent = rows.filter((r) => !r.group);
  if (valued.length === 0 && unvalued.length === 0) {
    const what = kind === "target" ? "目标" : "实际数据";
    return failure(command, "not_found", `没有任何地区的报告给出“${indicator.name}”的${what}。`);
  }
  return { indicator, kind, unit, valued, unvalued, silent, ...scope };
}

const LEVEL_LABEL: Readonly<Record<Level, string>> = { 国家: "全国", 省: "省级", 市: "市级", 区县: "区县级" };

export function compareTitle(t: CompareTable): string {
  const what = t.kind === "target" ? "预期目标" : "实际完成";
  return `${t.indicator.name} · ${what}对比 · ${LEVEL_LABEL[t.level]} · ${t.year}年报告`;
}

/** /compare: one row per region, sorted by value; regions without a comparable value listed as such. */
export function compare(
  engine: Engine,
  indicatorInput: string,
  kind: Kind,
  year: number | null,
  level: Level | null = null,
): Answer {
  const full = compareTable(engine, indicatorInput, kind, year, level);
  if ("ok" in full) return full;
  const table = topRows(full);
  const facts: Fact[] = [];
  const citations: Citation[] = [];
  const terms = [...table.indicator.terms, ...table.indicator.aliases];
  const lines: string[] = [];
  for (const row of [...table.valued, ...table.unvalued]) {
    const group = row.group as Statement[];
    const line = formatLine(row.region.name, nameOf(engine, group, row.region.level), group);
    const shown = row.pick ? [row.pick, ...group.filter((s) => s !== row.pick)] : group;
    for (const s of shown) facts.push(toFact(engine, s, line));
    citations.push(citationOfStatement(engine, group[0] as Statement, terms));
    const mark = row.pick ? "" : "（无可比数值）";
    lines.push(`${mark}${row.region.short}：${formatGroup(group)}（${periodLabel(group[0] as Statement)}）`);
  }
  const missing = table.silent.map((r) => r.region.short);
  const title = `${compareTitle(table)}${table.unit ? `（按${table.unit}排序）` : ""}`;
  const more = full.valued.length + full.unvalued.length - lines.length;
  const cut = more > 0 ? `\n${MESSAGES.compareCut(more, MAX_ROWS)}` : "";
  const silentCount = full.silent.length - missing.length;
  const names = missing.join("、") + (silentCount > 0 ? ` 等${full.silent.length}个地区` : "");
  const tail = missing.length ? `\n未找到相关表述：${names}` : "";
  const answer = `${title}\n${lines.join("\n")}${cut}${tail}`;
  return { ok: true, command: "compare", answer, facts, citations, chart: chartData(table) };
}

// A comparison is read, quoted and drawn up to this many regions; past it (2,800 counties) the rest are
// counted, and level: or year: narrows it. The order is over every region.
const MAX_ROWS = 60;

function topRows(t: CompareTable): CompareTable {
  const valued = t.valued.slice(0, MAX_ROWS);
  const unvalued = t.unvalued.slice(0, Math.max(0, MAX_ROWS - valued.length));
  return { ...t, valued, unvalued, silent: t.silent.slice(0, MAX_ROWS) };
}

/** The table as chart data: bars for comparable values, ranges drawn as ranges, the rest listed below. */
export function chartData(t: CompareTable): ChartData {
  const years = [...new Set([...t.valued, ...t.unvalued, ...t.silent].map((r) => r.report.year))].sort();
  const rows = t.valued.map((r) => {
    const s = r.pick as Statement;
    const range = s.valueHigh !== null && s.value !== null ? { low: s.value, high: s.valueHigh } : {};
    return {
      // The year the figure is about on every bar: a 2024 report's review speaks of 2023.
      label: `${r.region.short} ${s.about}`,
      valueText: formatValue(s).replace(/^(增长|涨幅|下降|降低)/, ""),
      value: s.value,
      ...range,
    };
  });
  const clip = (text: string) => (text.length > 24 ? `${text.slice(0, 23)}…` : text);
  const missing = [
    ...t.unvalued.map((r) => ({ label: r.region.short, reason: clip(formatGroup(r.group ?? [])) })),
    ...t.silent.map((r) => ({ label: r.region.short, reason: "报告未提及" })),
  ];
  const reports = [...t.valued, ...t.unvalued, ...t.silent].map((r) => r.report.title);
  // Past three reports the titles would fill the chart; each answer still cites its own report.
  const sources =
    reports.length <= 3 ? reports.join("；") : `各地${years.join("、")}年政府工作报告（${reports.length}份）`;
  const order = t.unit === "%" ? "按增速从高到低" : "按数值从高到低";
  return {
    title: compareTitle(t),
    subtitle:
      t.unit === "%" && t.kind === "target"
        ? `各地政府工作报告中的增长目标，${order}`
        : `各地政府工作报告原文数值，${order}`,
    unit: t.unit,
    rows,
    missing,
    footer: `数据来源：${sources}。`,
  };
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
