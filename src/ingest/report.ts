/**
 * The ingestion report: what the rule layer understood of a new report, and the warnings a user must
 * see before trusting answers from it.
 */
import type { Report } from "../corpus/corpus.ts";
import type { ReportEntry } from "../corpus/manifest.ts";
import type { Paragraph, SectionKind } from "../corpus/structure.ts";
import { extractReportStatements } from "../facts/extract.ts";
import type { Matcher } from "../facts/mentions.ts";
import { yearIn } from "./metadata.ts";

export interface SectionSummary {
  heading: string;
  kind: SectionKind;
  year: number | null;
  paragraphs: number;
}

export interface IngestionReport {
  paragraphs: number;
  hanChars: number;
  sections: SectionSummary[];
  /** 1-based paragraph number of the 主要预期目标 paragraph, or null. */
  targetsParagraph: number | null;
  /** "target annual" → count, and so on. */
  statements: Record<string, number>;
  warnings: string[];
}

/** What the rest of the corpus looks like to the checks (paragraph texts, names in use). */
export interface CorpusView {
  paragraphOwner: ReadonlyMap<string, string>;
  /** Every name a region answers to (official name and aliases) → that region's official name. */
  names: ReadonlyMap<string, string>;
  ids: ReadonlySet<string>;
}

// Full reports run 13,000–35,000 Han characters; under 10,000 is usually an excerpt or a cut-off page.
const SHORT_HAN = 10_000;
// Shorter paragraphs ("各位代表！", "一、2025年工作回顾") repeat across reports by design.
const DUPLICATE_MIN = 30;
const DUPLICATE_PARAGRAPHS = 3;
// Parts that are rightly neither review nor plan: closing words, foreign affairs, appendices, glossaries.
const ASIDE = /结束语|外交|国际形势|祖国(和平)?统一|港澳|台湾|附件|名词|注释|解释|民生实事/;
const TARGETS_PARAGRAPH = /主要预期目标|预期目标[是为]|主要目标[是为]|发展目标[是为]/;

export function buildCorpusView(
  reports: { id: string; region: string; aliases: string[]; text?: string }[],
): CorpusView {
  const paragraphOwner = new Map<string, string>();
  const names = new Map<string, string>();
  for (const r of reports) {
    for (const n of [r.region, ...r.aliases]) if (!names.has(n)) names.set(n, r.region);
    for (const line of (r.text ?? "").split("\n")) {
      const t = line.trim();
      if (t.length >= DUPLICATE_MIN && !paragraphOwner.has(t)) paragraphOwner.set(t, r.id);
    }
  }
  return { paragraphOwner, names, ids: new Set(reports.map((r) => r.id)) };
}

function sectionsOf(paragraphs: Paragraph[]): SectionSummary[] {
  const out: SectionSummary[] = [];
  for (const p of paragraphs) {
    if (p.isHeading && p.headings.length === 1) {
      // The parser's own kind for the heading, so the report shows what answers will use.
      out.push({ heading: p.text, kind: p.sectionKind, year: yearIn(p.text), paragraphs: 0 });
    } else if (out.length > 0 && p.section === out[out.length - 1]?.heading) {
      (out[out.length - 1] as SectionSummary).paragraphs++;
    }
  }
  return out;
}

export function buildIngestionReport(
  entry: ReportEntry & { text: string },
  paragraphs: Paragraph[],
  matcher: Matcher,
  corpus: CorpusView,
): IngestionReport {
  const report: Report = { ...entry, path: entry.file, paragraphs };
  const statements: Record<string, number> = {};
  for (const s of extractReportStatements(report, matcher)) {
    const key = `${s.kind} ${s.horizon}`;
    statements[key] = (statements[key] ?? 0) + 1;
  }
  const sections = sectionsOf(paragraphs);
  const hanChars = entry.text.match(/[\u4e00-\u9fa5]/g)?.length ?? 0;
  const targets = paragraphs.find((p) => !p.isHeading && TARGETS_PARAGRAPH.test(p.text));
  const warnings: string[] = [];

  const unclassified = sections.filter((s) => s.kind === "other" && !ASIDE.test(s.heading));
  if (unclassified.length > 0)
    warnings.push(
      `${unclassified.length} 个一级标题未分类（不算回顾也不算安排）：${unclassified
        .slice(0, 4)
        .map((s) => `「${s.heading}」`)
        .join("")}${unclassified.length > 4 ? "…" : ""}`,
    );
  // "三、2026年主要工作" reads as review (主要工作) but is this year's plan: its targets would count as achieved.
  for (const s of sections)
    if (s.kind === "review" && s.year !== null && s.year >= entry.year)
      warnings.push(`「${s.heading}」被识别为回顾，但标题年份是报告年份：这部分的目标会被当成已完成的数`);
  const targetCount = (statements["target annual"] ?? 0) + (statements["target multi-year"] ?? 0);
  if (targetCount === 0) warnings.push("没有找到任何目标表述（target）：/target 对这份报告将答不出");
  if (!paragraphs.some((p) => p.sectionKind === "review"))
    warnings.push("没有识别出回顾部分（工作回顾）：/figure 只能用以“过去一年”“去年”开头的句子");
  if (!paragraphs.some((p) => p.sectionKind === "plan"))
    warnings.push("没有识别出工作安排部分：目标只能来自“主要预期目标”段落");
  if (hanChars < SHORT_HAN)
    warnings.push(`正文只有 ${hanChars} 个汉字，完整报告通常 1.3 万字以上：可能只是摘要或页面被截断`);

  const dupes = new Map<string, number>();
  for (const p of paragraphs) {
    const owner = corpus.paragraphOwner.get(p.text);
    if (owner && owner !== entry.id) dupes.set(owner, (dupes.get(owner) ?? 0) + 1);
  }
  // One shared paragraph is a formula ("现在，我代表省人民政府向大会报告工作，请予审议…"); a re-import shares many.
  for (const [owner, n] of dupes)
    if (n >= DUPLICATE_PARAGRAPHS) warnings.push(`${n} 段与已有报告 ${owner} 的段落完全相同：是否重复导入？`);

  for (const name of [entry.region, ...entry.aliases]) {
    const other = corpus.names.get(name);
    if (other && other !== entry.region)
      warnings.push(`地区名「${name}」已是 ${other} 的名称或别名：查询时会有歧义`);
  }

  return {
    paragraphs: paragraphs.length,
    hanChars,
    sections,
    targetsParagraph: targets?.n ?? null,
    statements,
    warnings,
  };
}
