/**
 * Which sentences of a report the rule layer reads, and as what: a target or an actual, annual or over
 * several years, in which passage. Sections and headings decide first; the sentence itself overrides
 * them ("过去五年…" in a plan section reports results; "今年…" under a 十五五 heading is this year's).
 */
import type { Report } from "../corpus/corpus.ts";
import { classifySection, isMixedHeading, type Paragraph } from "../corpus/structure.ts";
import { foldWidth } from "./numbers.ts";

// A sentence that opens by looking back reports results, even inside a plan section.
export const LOOKING_BACK = /^(过去五年|五年来|过去一年|一年来|去年|上年)/;
export const TARGETS_PARAGRAPH = /主要预期目标|预期目标[是为]|主要目标[是为]|发展目标[是为]/;
const NAMES_YEAR = /(19|20|１９|２０)[0-9０-９]{2}年/;
// Under a heading that reviews and plans at once, a sentence is a plan when it speaks of aims.
const PLAN_SENTENCE =
  /今年|预期目标|主要目标|目标[是为]|力争|争取|计划|将|要(?!求|素|点)|纲要|到20\d\d年|今后/;
// A paragraph that opens on five years speaks of them throughout ("过去五年，…", "“十四五”时期，…").
const FIVE_YEAR_OPENING =
  /^(过去五年|过去的五年|五年来|这五年|——这五年|经过五年|“?十[一二三四五六七八九]五”?(时期|期间|以来))|^这是[^。，]{0,20}的五年|^“?十[一二三四五六七八九]五”?(圆满收官|顺利收官)/;
// "2025年是“十四五”收官之年。" standing alone opens the five years; going on ("，习近平总书记…",
// "，是…很不平凡的一年") it introduces the one year.
const PLAN_END_ALONE = /^((19|20)\d\d年是)?“?十[一二三四五六七八九]五”?(规划)?(的)?收官之年[。！]?$/;
// Said first of the past year, even when it adds "是“十四五”收官之年".
const PAST_YEAR_OPENING =
  /^(过去一年|过去的一年|一年来)|刚刚过去的(一年|(19|20)\d\d年)|^(19|20)\d\d年[^。]*的一年/;
const ONE_YEAR_OPENING = /^(去年|(19|20)\d\d年(是|，|,|以来))/;

export interface Context {
  report: Pick<Report, "id" | "region" | "year"> & { reviewYear?: number; targetYear?: number };
  paragraph: Paragraph;
  sentence: string;
  kind: "target" | "actual";
  horizon: "annual" | "multi-year";
  headline: boolean;
  /** The review passage the paragraph stands in: five years or the past one, and its opening sentence. */
  passage?: { multi: boolean; opening: string } | null;
}

function kindOf(p: Paragraph, targetYear: number): "target" | "actual" | null {
  // The heading's years read against the year the manifest says the report plans for: "首先报告２００１年的
  // 工作" in the 2002 report is the review, whatever year the headings alone suggested.
  const top = p.headings[0];
  const byYear =
    top && /(19|20|１９|２０)[0-9０-９]{2}年/.test(top) ? classifySection(top, targetYear) : "other";
  const kind = byYear === "review" || byYear === "plan" ? byYear : p.sectionKind;
  if (kind === "plan") return "target";
  if (kind === "review") return "actual";
  if (TARGETS_PARAGRAPH.test(p.text)) return "target";
  return null;
}

/** Every sentence of a report that belongs to a plan or review section, with what it is. */
export function* sentenceContexts(report: Report): Generator<Context> {
  // Within one top-level section, a paragraph opening on five years ("各位代表！经过五年接续奋斗",
  // "2025年是“十四五”收官之年") starts a five-year passage; one opening on the past year ends it.
  let passage: { section: string; multi: boolean; opening: string } | null = null;
  let mixedPlanFrom: string | null = null;
  const { targetYear } = yearsOf(report);
  for (const paragraph of report.paragraphs) {
    if (paragraph.isHeading) continue;
    if (passage && passage.section !== paragraph.section) passage = null;
    // "各位代表！" stands as a sentence of its own before the paragraph's real opening.
    const opening = (paragraph.sentences.find((t) => !/^各位代表[！!，,：:]?$/.test(t)) ?? "").replace(
      /^各位代表[！!，,：:]?/,
      "",
    );
    // "2025年是“十四五”收官之年。…一年来，…": the year ending the plan, reviewed as one year.
    const head = paragraph.sentences.slice(0, 3).join("");
    const yearOfPlanEnd = /收官之年/.test(opening) && /一年来|这一年|的一年/.test(head);
    if (PAST_YEAR_OPENING.test(opening) || yearOfPlanEnd)
      passage = { section: paragraph.section, multi: false, opening };
    else if (FIVE_YEAR_OPENING.test(opening) || PLAN_END_ALONE.test(opening))
      passage = { section: paragraph.section, multi: true, opening };
    else if (ONE_YEAR_OPENING.test(opening)) passage = { section: paragraph.section, multi: false, opening };
    const kind = kindOf(paragraph, targetYear);
    if (!kind) continue;
    const headline = kind === "target" && TARGETS_PARAGRAPH.test(paragraph.text);
    // Under a 十五五 heading, "今年…预期目标" is still this year's target.
    const thisYear = new RegExp(`今年|${targetYear}年`).test(paragraph.text);
    const horizon = paragraph.multiYear && !thisYear ? "multi-year" : "annual";
    const mixed = paragraph.headings.some(isMixedHeading) && !headline;
    // Under "“十三五”时期发展成就和“十四五”时期主要目标任务" the review comes first: once a paragraph
    // turns to aims, the paragraphs after it are the plan.
    if (mixedPlanFrom !== paragraph.section) mixedPlanFrom = null;
    // The plan a mixed heading names last ("…和“十四五”时期主要目标任务"): a paragraph opening on it is the plan.
    const laterPlan = paragraph.headings
      .join(" ")
      .match(/十[一二三四五六七八九]五/g)
      ?.at(-1);
    const opensPlan =
      PLAN_SENTENCE.test(opening) ||
      (laterPlan !== undefined && mixed && opening.includes(laterPlan) && !LOOKING_BACK.test(opening));
    const planOpening = opensPlan || mixedPlanFrom !== null;
    // "１９８６年同１９７８年相比，…" opening a paragraph of a plan section: its sentences report results.
    const pastOpening = namesOnlyPastYears(opening, targetYear) && !PLAN_SENTENCE.test(opening);
    if (mixed && opensPlan) mixedPlanFrom = paragraph.section;
    // A sentence without years or aims after one about past years goes on reporting them.
    let afterPast = false;
    for (const sentence of paragraph.sentences) {
      const plan = PLAN_SENTENCE.test(sentence) || (planOpening && !LOOKING_BACK.test(sentence));
      // "１９９３年我国经济继续蓬勃发展" under "１９９３年…回顾和１９９４年…任务" is the review.
      const pastYear = namesOnlyPastYears(sentence, targetYear);
      // A plan-section sentence about past years only ("１９８６年同１９７８年相比…增长１０２％") reports results.
      const looksBack =
        LOOKING_BACK.test(sentence) ||
        (mixed && (!plan || pastYear)) ||
        ((pastYear || pastOpening || (afterPast && !NAMES_YEAR.test(sentence))) &&
          !PLAN_SENTENCE.test(sentence));
      // "过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，…" (national-2011, in its plan
      // section): the sentences after one that looks back report that year too.
      afterPast =
        (pastYear || LOOKING_BACK.test(sentence) || (afterPast && !NAMES_YEAR.test(sentence))) &&
        !PLAN_SENTENCE.test(sentence);
      yield {
        report,
        paragraph,
        sentence,
        kind: looksBack ? "actual" : kind,
        horizon,
        headline,
        passage: passage ? { multi: passage.multi, opening: passage.opening } : null,
      };
    }
  }
}

/**
 * The years a report reviews and plans for, from the manifest, else the year before the report and its
 * own. A report plans for a later year than it reviews; a manifest pair that says otherwise (a target
 * year equal to the review year) falls back to the report's own year.
 */
export function yearsOf(report: Context["report"]): { reviewYear: number; targetYear: number } {
  const reviewYear = report.reviewYear ?? report.year - 1;
  const targetYear = report.targetYear ?? report.year;
  return { reviewYear, targetYear: targetYear > reviewYear ? targetYear : report.year };
}

function namesOnlyPastYears(sentence: string, targetYear: number): boolean {
  const years = [...foldWidth(sentence).matchAll(/((?:19|20)\d\d)年/g)].map((m) => Number(m[1]));
  return years.length > 0 && years.every((y) => y < targetYear) && !/今年/.test(sentence);
}
