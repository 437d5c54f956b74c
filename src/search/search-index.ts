/**
 * BM25 over paragraph chunks. Index options live here only, so a saved index always loads with the
 * options it was built with.
 */
import MiniSearch, { type Options, type SearchResult } from "minisearch";
import type { Corpus } from "../corpus/corpus.ts";
import type { Paragraph } from "../corpus/structure.ts";
import type { Tokenizer } from "./tokenizer.ts";

export interface Chunk {
  /** Chunk id: the paragraph id, or `<paragraph id>~<window>` for a window of a long paragraph. */
  id: string;
  paragraphId: string;
  reportId: string;
  text: string;
  heading: string;
}

// Long paragraphs are cut into windows of sentences so one strong sentence is not diluted by 1,000 others.
const WINDOW_CHARS = 320;

export function chunkParagraph(p: Paragraph): Chunk[] {
  const base = { paragraphId: p.id, reportId: p.reportId, heading: p.headings.join(" ") };
  if (p.text.length <= WINDOW_CHARS * 1.5) return [{ id: p.id, text: p.text, ...base }];
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
  return windows.map((w, i) => ({ id: `${p.id}~${i}`, text: w.join(""), ...base }));
}

export function indexOptions(tokenizer: Tokenizer, onText?: (terms: string[]) => void): Options<Chunk> {
  return {
    idField: "id",
    fields: ["text", "heading"],
    storeFields: ["paragraphId", "reportId"],
    tokenize: (text, field) => {
      const terms = tokenizer.tokenize(text);
      if (field === "text") onText?.(terms);
      return terms;
    },
    processTerm: (t) => t,
    searchOptions: { boost: { text: 1, heading: 0.2 }, tokenize: tokenizer.tokenize, processTerm: (t) => t },
  };
}

export function corpusChunks(corpus: Corpus): Chunk[] {
  return corpus.reports.flatMap((r) => r.paragraphs.filter((p) => !p.isHeading).flatMap(chunkParagraph));
}

/** Document frequencies of text terms, counted while indexing, for weighting terms in sentences. */
export class TermStats {
  constructor(
    readonly df: Map<string, number> = new Map(),
    public docs = 0,
  ) {}

  add(terms: readonly string[]): void {
    this.docs++;
    for (const t of new Set(terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  /** BM25's inverse document frequency: rare terms weigh more. */
  idf(term: string): number {
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (this.docs - df + 0.5) / (df + 0.5));
  }
}

export function buildIndex(
  corpus: Corpus,
  tokenizer: Tokenizer,
): { index: MiniSearch<Chunk>; stats: TermStats } {
  const stats = new TermStats();
  const index = new MiniSearch<Chunk>(indexOptions(tokenizer, (terms) => stats.add(terms)));
  index.addAll(corpusChunks(corpus));
  return { index, stats };
}

export interface Hit {
  paragraphId: string;
  reportId: string;
  score: number;
  terms: string[];
}

/** Another index answering `searchParagraphs` with MiniSearch's results: src/cache's compact index. */
export interface ParagraphSearcher {
  searchParagraphs(terms: string[], reportIds: ReadonlySet<string> | null, limit: number): Hit[];
}

export type ParagraphIndex = MiniSearch<Chunk> | ParagraphSearcher;

/** Best paragraphs for the query terms, one hit per paragraph, limited to the given reports. */
export function searchParagraphs(
  index: ParagraphIndex,
  terms: string[],
  reportIds: ReadonlySet<string> | null,
  limit: number,
): Hit[] {
  if (!(index instanceof MiniSearch)) return index.searchParagraphs(terms, reportIds, limit);
  if (terms.length === 0) return [];
  const results: SearchResult[] = index.search(
    { queries: terms, combineWith: "OR" },
    reportIds ? { filter: (r) => reportIds.has(r.reportId as string) } : {},
  );
  const byParagraph = new Map<string, Hit>();
  for (const r of results) {
    const pid = r.paragraphId as string;
    const prev = byParagraph.get(pid);
    if (prev) {
      for (const t of r.terms) if (!prev.terms.includes(t)) prev.terms.push(t);
      continue;
    }
    byParagraph.set(pid, {
      paragraphId: pid,
      reportId: r.reportId as string,
      score: r.score,
      terms: [...r.terms],
    });
    if (byParagraph.size >= limit) break;
  }
  return [...byParagraph.values()];
}
