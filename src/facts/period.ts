/**
 * The year a statement is about, read from its own clause first, then the start of its sentence, and
 * only then from the section heading. A review describes reviewYear (a 2025 report reviews 2024), a
 * plan targetYear; five-year figures describe a span.
 */

import { foldWidth } from "./numbers.ts";

export interface Period {
  horizon: "annual" | "multi-year";
  about: number;
  aboutEnd: number | null;
}

export interface PeriodInput {
  kind: "target" | "actual";
  /** The statement's clause up to (not including) its number, and the clauses it continues. */
  before: string;
  /** The whole statement text (clause chain). */
  text: string;
  sentence: string;
  /** The section or a heading speaks of several years (十四五, 五年). */
  headingMultiYear: boolean;
  /** The opening of the five-year passage the statement stands in ("2015年是“十二五”收官之年"). */
  passage?: string;
  /** The paragraph before the sentence: "到2030年，…" sets the year of the targets after it. */
  paragraphOpening?: string;
  reviewYear: number;
  targetYear: number;
  /** A level (亿元, 万户) rather than a rate of change. */
  isLevel: boolean;
  /** Flows such as 城镇新增就业 add up over a span; levels stand at its end. */
  isFlow: boolean;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * "十四五" → 2021–2025; "八五" → 1991–1995 (the sixth plan began in 1981). Of several plans named, a
 * review means the earliest, a plan the latest; "“十三五”末" is a baseline, not the span.
 */
const BASELINE_PLAN =
  /“?十?[一二三四五六七八九]五”?末|(比|较|相比|与)“?十?[一二三四五六七八九]五”?(时期|期间)?(末)?/g;

export function planSpan(text: string, kind: "target" | "actual" = "actual"): [number, number] | null {
  const spans: [number, number][] = [];
  // "“十三五”末" and "比“十三五”时期增长" name a baseline, not the span.
  const own = text.replace(BASELINE_PLAN, "");
  for (const m of own.matchAll(/(十)?([一二三四五六七八九])五/g)) {
    const n = (m[1] ? 10 : 0) + (CN_DIGIT[m[2] ?? ""] ?? 0);
    if (n < 6) continue;
    const start = 1981 + 5 * (n - 6);
    spans.push([start, start + 4]);
  }
  if (spans.length === 0) return null;
  return (kind === "target" ? spans.at(-1) : spans[0]) ?? null;
}

// Said of a span: averages, totals and five-year windows.
const SPAN_WORDS =
  /十年(来|间|增|累)|连续[二三四五六七八九十]+年|五年(?![前后以])|年均(?!浓度)|平均每年|每年平均|五年来|五年间|五年共|五年累计|五年内|过去五年|今后五年|累计|[近前]\d年|前[一二三四五]年|连续\d+年|十[一二三四五六七八九]五|[六七八九]五/;
// Said of one year.
const ANNUAL_WORDS = /过去一年|一年来|去年|上年|全年|今年|当年|比上年|同比|转为/;
const NAMED_YEAR = /((?:19|20)\d\d)年/g;
const YEAR_RANGE = /((?:19|20)\d\d)年?\s*[—–\-－~～到至]\s*((?:19|20)\d\d)年/;
const BY_YEAR = /到((?:19|20)\d\d)年/;
const COMPARED_YEARS = /((?:19|20)\d\d)年(?:同|与|和)((?:19|20)\d\d)年相比/;
// A level held through the span: "粮食产量稳定在800亿斤以上".
const SUSTAINED = /稳定在|保持在|连续/;

/**
 * The period of one statement. `before` is read first (the clause leading to the number), then the
 * sentence's opening, then the heading.
 */
export function periodOf(input: PeriodInput): Period {
  // "１９９６年" reads as 1996.
  const p = {
    ...input,
    before: foldWidth(input.before),
    text: foldWidth(input.text),
    sentence: foldWidth(input.sentence),
  };
  // The number's own clause speaks first; the clauses it continues only name its subject.
  const own = p.before.split(/[，,；;]/).at(-1) ?? p.before;
  const base = p.kind === "target" ? p.targetYear : p.reviewYear;
  // A span written out: "在1979到1983年平均每年递增7.9%".
  const range = own.match(YEAR_RANGE) ?? (SPAN_WORDS.test(own) ? null : p.sentence.match(YEAR_RANGE));
  if (range && SPAN_WORDS.test(p.text + p.sentence)) {
    return { horizon: "multi-year", about: Number(range[1]), aboutEnd: Number(range[2]) };
  }
  // "１９８６年同１９７８年相比…增长１０２％": the change over the years after the baseline.
  const compared =
    p.sentence.match(COMPARED_YEARS) ?? foldWidth(p.paragraphOpening ?? "").match(COMPARED_YEARS);
  if (compared && p.kind === "actual") {
    const [end, from] = [Number(compared[1]), Number(compared[2])].sort((a, b) => b - a) as [number, number];
    // A total of its own ("五年共利用外资609亿美元") keeps its span.
    if (!/((?:19|20)\d\d)年/.test(own) && !SPAN_WORDS.test(own)) {
      // "国民生产总值由３４８０亿元增加到９３８０亿元": the levels at the two ends.
      if (p.isLevel) return single(/[从由]$/.test(own) ? from : end, false);
      return { horizon: "multi-year", about: from + 1, aboutEnd: end };
    }
  }
  // "从2021年的46503元…提高到58794元": after 提高到 only the years named after it count.
  const reached = own.search(/(提高|增加|增长|上升|下降|降低|达)(到|至)[^到至]*$/);
  const yearsFrom = reached >= 0 && /[从由]/.test(own.slice(0, reached)) ? own.slice(reached) : own;
  // "比2002年增长65.5%": a year after 比/较 is the baseline, not the year described.
  const years = [...yearsFrom.matchAll(NAMED_YEAR)]
    .filter((m) => !/(比|较|同|与|相比)$/.test(yearsFrom.slice(0, m.index ?? 0)))
    .map((m) => Number(m[1]));
  const lastYear = years.at(-1);
  const by =
    own.match(BY_YEAR) ?? p.sentence.match(BY_YEAR) ?? foldWidth(p.paragraphOpening ?? "").match(BY_YEAR);
  const span = spanOf(p, base);
  if (SPAN_WORDS.test(own) && !(lastYear !== undefined && /年的?$/.test(own))) {
    if (by && p.kind === "target" && !/年均|平均每年|累计/.test(own)) return single(Number(by[1]), true);
    return span;
  }
  // "2025年总量比2020年增加超7400亿元": a change since a baseline year spans the years after it.
  const baseline = own.match(/(?:比|较)((?:19|20)\d\d)年/);
  if (baseline && !p.isLevel && p.kind === "actual") {
    const from = Number(baseline[1]) + 1;
    const to = lastYearOf(years) ?? p.reviewYear;
    if (to > from) return { horizon: "multi-year", about: from, aboutEnd: to };
  }
  // "从2020年的3.68万亿元增长到2025年的4.93万亿元", "1987年达到10920亿元".
  if (lastYear !== undefined) {
    if (p.kind === "target" && lastYear > p.targetYear) return single(lastYear, true);
    if (p.kind === "actual" && lastYear <= p.reviewYear) return single(lastYear, false);
  }
  if (by && p.kind === "target" && Number(by[1]) > p.targetYear) {
    if (/年均|平均每年/.test(own)) return span;
    return single(Number(by[1]), true);
  }
  if (ANNUAL_WORDS.test(own)) return single(base, false);
  // The sentence's own opening: "过去五年，…", "五年来…", "“十四五”时期…".
  const opening = p.sentence.slice(0, Math.max(0, p.sentence.indexOf(p.text)));
  if (SPAN_WORDS.test(opening) || SPAN_WORDS.test(p.text.slice(0, 10))) return multiOrLevel(p, span, base);
  // "初步统计，2025年全省地区生产总值…": the sentence names the one year it reports.
  const openingYears = [...opening.matchAll(NAMED_YEAR)].map((m) => Number(m[1]));
  const namesBase = openingYears.length > 0 && openingYears.every((y) => y === base);
  if (ANNUAL_WORDS.test(opening) || namesBase) return single(base, false);
  if (p.headingMultiYear) return multiOrLevel(p, span, base);
  return single(base, false);
}

/** Within a five-year passage, a level of a stock stands at the span's end; changes and flows span it. */
function multiOrLevel(p: PeriodInput, span: Period, base: number): Period {
  if (p.kind === "actual" && p.isLevel && !p.isFlow && !SUSTAINED.test(p.before)) {
    // "从11.37万亿元提高到14.58万亿元": the first level is the year before the span.
    if (/[从由]$/.test(p.before)) return single((span.about ?? base) - 1, false);
    return single(span.aboutEnd ?? base, false);
  }
  return span;
}

function lastYearOf(years: number[]): number | undefined {
  return years.at(-1);
}

function single(year: number, multi: boolean): Period {
  return { horizon: multi ? "multi-year" : "annual", about: year, aboutEnd: null };
}

function spanOf(p: PeriodInput, base: number): Period {
  const named =
    planSpan(p.before, p.kind) ?? planSpan(p.sentence, p.kind) ?? planSpan(p.passage ?? "", p.kind);
  const first = p.before.match(/前([一二三四五])年/) ?? p.sentence.match(/前([一二三四五])年/);
  if (named) {
    const end = first ? named[0] + (CN_DIGIT[first[1] ?? ""] ?? 5) - 1 : named[1];
    return { horizon: "multi-year", about: named[0], aboutEnd: end };
  }
  // "十年增加近5万亿元": ten years.
  const ownClause = p.before.split(/[，,；;]/).at(-1) ?? "";
  // "连续四年达到…": the run it names.
  const run = ownClause.match(/连续([二三四五六七八九])年/)?.[1];
  const years = run ? (CN_DIGIT[run] ?? 5) : /十年/.test(ownClause) ? 10 : 5;
  if (p.kind === "target") return { horizon: "multi-year", about: base, aboutEnd: base + years - 1 };
  return { horizon: "multi-year", about: base - years + 1, aboutEnd: base };
}
