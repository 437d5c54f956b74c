/**
 * One report turned into the rows the store holds: paragraphs, sections, chunks with their jieba tokens,
 * and statements. Pure and self-contained, so the build can run it on worker threads.
 */
import type { Report } from "../corpus/corpus.ts";
import type { ReportEntry } from "../corpus/manifest.ts";
import { classifySection, type Paragraph, parseReport } from "../corpus/structure.ts";
import { extractReportStatements, type Statement } from "../facts/extract.ts";
import type { Matcher } from "../facts/mentions.ts";
import type { Tokenizer } from "./tokenizer.ts";

export interface ChunkRow {
  paragraphId: string;
  /** jieba tokens joined by spaces: what FTS5 indexes. */
  text: string;
  heading: string;
}

export interface SectionRow {
  n: number;
  depth: number;
  title: string;
  kind: string;
}

export interface ReportRows {
  paragraphs: Paragraph[];
  sections: SectionRow[];
  chunks: ChunkRow[];
  statements: Statement[];
}

// Long paragraphs are cut into windows of sentences so one strong sentence is not diluted by 1,000 others.
const WINDOW_CHARS = 320;

/** A paragraph's indexed texts: the whole paragraph, or overlapping windows of sentences. */
export function chunkTexts(p: Paragraph): string[] {
  if (p.text.length <= WINDOW_CHARS * 1.5) return [p.text];
  const windows: string[][] = [];
  let cur: string[] = [];
  let len = 0;
  for (const s of p.sentences) {
    if (len + s.length > WINDOW_CHARS && len > 0) {
      windows.push(cur);
      // Overlap by one sentence so a fact that straddles a window edge is whole in one of them.
      cur = cur.length > 1 ? [cur.at(-1) ?? ""] : [];
      len = cur.join("").length;
    }
    cur.push(s);
    len += s.length;
  }
  if (cur.length > 0) windows.push(cur);
  return windows.map((w) => w.join(""));
}

export function reportRows(
  entry: ReportEntry,
  file: { text: string; path: string },
  tokenizer: Tokenizer,
  matcher: Matcher,
): ReportRows {
  const paragraphs = parseReport(entry.id, file.text);
  const report: Report = { ...entry, ...file, paragraphs };
  const sections: SectionRow[] = [];
  const chunks: ChunkRow[] = [];
  for (const p of paragraphs) {
    if (p.isHeading) {
      const title = p.headings.at(-1) ?? p.text;
      sections.push({ n: p.n, depth: p.headings.length, title, kind: classifySection(title) });
      continue;
    }
    const heading = tokenizer.tokenize(p.headings.join(" ")).join(" ");
    for (const text of chunkTexts(p)) {
      chunks.push({ paragraphId: p.id, text: tokenizer.tokenize(text).join(" "), heading });
    }
  }
  return { paragraphs, sections, chunks, statements: extractReportStatements(report, matcher) };
}
