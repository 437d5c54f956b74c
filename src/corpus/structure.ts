/**
 * Report structure by general rules: every non-empty line is a paragraph; some paragraphs are headings.
 * Heading styles are ranked by first appearance (like an outline), so "一、" can be a top heading in one
 * report and a sub-heading under an unnumbered "2023年工作回顾" in another.
 */

export type SectionKind = "review" | "plan" | "self" | "other";

export interface Paragraph {
  /** Stable citation id: `<report id>#<n>`. */
  id: string;
  reportId: string;
  /** 1-based position among the report's non-empty lines. */
  n: number;
  /** The line, trimmed: an exact substring of the file. */
  text: string;
  isHeading: boolean;
  /** Enclosing headings, outermost first (a heading's own path includes itself). */
  headings: string[];
  /** Text of the outermost heading, "" before the first one. */
  section: string;
  sectionKind: SectionKind;
  /** True when the section or a heading speaks of a multi-year plan (十四五, 十五五, 五年). */
  multiYear: boolean;
  sentences: string[];
}

type HeadingStyle = "plain" | "cn" | "paren" | "arabic";

const CN_NUM = "[一二三四五六七八九十]+";
const STYLE_PATTERNS: [HeadingStyle, RegExp][] = [
  ["cn", new RegExp(`^${CN_NUM}、`)],
  ["paren", new RegExp(`^[（(]${CN_NUM}[）)]`)],
  ["arabic", /^\d{1,2}[.．、](?!\d)/],
];
// Sentence punctuation: a line holding any of these (other than at its end) is prose, not a title.
const PROSE_PUNCT = /[。，,：:；;！!？?]/;
const OPENING = /^各位代表/;

// Plan words are checked first: "2023年政府主要工作安排" also contains the review word 主要工作.
const PLAN =
  /工作安排|目标任务|工作任务|总体要求|政策取向|重点工作|主要目标|主要考虑|工作重点|工作部署|工作建议|总体部署|主要任务|的建议|纲要|的说明|今年|今后/;
const REVIEW = /回顾|发展成就|主要成绩|成绩|成就|成效|总结|过去/;
// "2025年主要工作" reviews 2025 in a 2026 report, but "2026年主要工作" is the plan: the year decides.
const REVIEW_UNLESS_PLAN_YEAR = /主要工作/;
const SELF = /自身建设/;
const MULTI_YEAR = /十[一二三四五六七八九]五|五年|中长期|纲要/;
// Top-level parts that are neither review nor this year's work.
const ASIDE = /外交|国际形势|统一|结束语|附件|名词|注释|解释|港澳|民生实事/;
const NAMED_YEAR = /((?:19|20)\d\d)年/g;
// Older reports write years in full-width digits ("一、１９９６年国内工作的回顾").
const asciiDigits = (s: string) =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * A heading's kind from its words and from the years it names: with the year the report plans for
 * (`planYear`), a heading naming that year is plan ("三、2026年主要工作"), one naming an earlier year is
 * review ("一、2025年及“十四五”时期工作回顾"). Plan wins when both appear.
 */
export function classifySection(heading: string, planYear?: number): SectionKind {
  if (SELF.test(heading)) return "self";
  const years = [...asciiDigits(heading).matchAll(NAMED_YEAR)].map((m) => Number(m[1]));
  const namesPlanYear = planYear !== undefined && years.includes(planYear);
  const namesPastYear = planYear !== undefined && years.some((y) => y < planYear);
  if (PLAN.test(heading)) return "plan";
  if (REVIEW.test(heading)) return "review";
  if (namesPlanYear) return "plan";
  if (REVIEW_UNLESS_PLAN_YEAR.test(heading) || namesPastYear) return "review";
  return "other";
}

/** A heading over both a review and a plan ("1998年工作回顾和1999年工作的总体要求"): decide per sentence. */
export function isMixedHeading(heading: string): boolean {
  return REVIEW.test(heading) && PLAN.test(heading);
}

/** The part of a line that reads as a heading, or null for prose. */
export function headingOf(line: string): { style: HeadingStyle; title: string } | null {
  for (const [style, re] of STYLE_PATTERNS) {
    if (!re.test(line)) continue;
    const first = line.split(/(?<=[。！？])/)[0] ?? line;
    // A numbered heading stands alone or opens a paragraph as its first sentence, and is short.
    if (first.length <= 48) return { style, title: first };
    return null;
  }
  if (line.length <= 30 && !PROSE_PUNCT.test(line) && !OPENING.test(line)) {
    return { style: "plain", title: line };
  }
  return null;
}

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  // A sentence ends at 。！？; or ；, and takes a closing quote or bracket that follows.
  const re = /[^。！？!?；;]*(?:[。！？!?；;]+[”’」』）)]*|$)/g;
  for (const m of text.matchAll(re)) {
    const s = m[0].trim();
    if (s) out.push(s);
  }
  return out;
}

/**
 * The year the report plans for, from its headings: the latest year one names, or the year after a
 * reviewed one ("一、1999年国内工作回顾" in the 2000 report).
 */
function latestHeadingYear(lines: string[], opening: number): number | undefined {
  let latest: number | undefined;
  lines.forEach((line, i) => {
    if (opening >= 0 && i < opening) return;
    const h = headingOf(line);
    if (!h) return;
    const years = [...asciiDigits(h.title).matchAll(NAMED_YEAR)].map((m) => Number(m[1]));
    if (years.length === 0) return;
    const reviewed = years.length === 1 && REVIEW.test(h.title) && !PLAN.test(h.title);
    latest = Math.max(latest ?? 0, Math.max(...years) + (reviewed ? 1 : 0));
  });
  return latest;
}

export function parseReport(reportId: string, fileText: string): Paragraph[] {
  const lines = fileText
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const opening = lines.findIndex((l) => OPENING.test(l));
  const stack: { style: HeadingStyle; title: string }[] = [];
  const out: Paragraph[] = [];
  const planYear = latestHeadingYear(lines, opening);
  // Numbered parts the words cannot place: the first is the review, those after a review are this
  // year's work (older national reports: "二、坚持实行扩大内需的方针").
  let topStyle: HeadingStyle | null = null;
  let seenReview = false;
  let topKind: SectionKind = "other";
  lines.forEach((text, i) => {
    // Lines before "各位代表" are the title block (title, date, speaker), never section headings.
    const h = opening >= 0 && i < opening ? null : headingOf(text);
    const standalone = h !== null && h.title === text;
    if (h) {
      // An unnumbered title ("2023年工作回顾", "附件1", "名词解释") always starts a top-level part.
      const at = h.style === "plain" ? 0 : stack.findIndex((s) => s.style === h.style);
      if (at >= 0) stack.length = at;
      stack.push(h);
    }
    const headings = stack.map((s) => s.title);
    if (h && stack.length === 1 && h.style !== "plain") {
      topStyle ??= h.style;
      if (h.style === topStyle) {
        topKind = classifySection(h.title, planYear);
        if (topKind === "other" && !ASIDE.test(h.title)) topKind = seenReview ? "plan" : "review";
        if (topKind === "review" || isMixedHeading(h.title)) seenReview = true;
      }
    } else if (h && stack.length === 1) topKind = "other";
    const kinds = headings.map((t, depth) =>
      depth === 0 && stack[0]?.style === topStyle ? topKind : classifySection(t, planYear),
    );
    const sectionKind = kinds.find((k) => k !== "other") ?? "other";
    out.push({
      id: `${reportId}#${i + 1}`,
      reportId,
      n: i + 1,
      text,
      isHeading: standalone,
      headings,
      section: headings[0] ?? "",
      sectionKind,
      // "2025年和“十四五”时期工作回顾" covers one year too; only a heading without a year is multi-year.
      // "过去一年和五年工作回顾" covers one year too: its single-year figures are not multi-year.
      multiYear: headings.some(
        (t) => MULTI_YEAR.test(t) && !/\d{4}年|一年|今年|去年|年度/.test(asciiDigits(t)),
      ),
      sentences: splitSentences(text),
    });
  });
  return out;
}
