/**
 * The naive baseline: no index, a linear scan that scores every paragraph of the corpus with the same
 * terms the index is asked for (term frequency by substring search, weighted by idf), within the same
 * reports. It shows what the inverted index saves; it is not meant to rank well.
 */
import type { Paragraph } from "../src/corpus/structure.ts";
import type { TermStats } from "../src/search/search-index.ts";

export interface ScanHit {
  paragraphId: string;
  score: number;
}

export function linearScan(
  paragraphs: readonly Paragraph[],
  stats: TermStats,
  terms: readonly string[],
  reportIds: ReadonlySet<string> | null,
  limit: number,
): ScanHit[] {
  const weights = terms.map((t) => stats.idf(t));
  const hasLatin = terms.some((t) => /[a-z]/.test(t));
  const hits: ScanHit[] = [];
  for (const p of paragraphs) {
    if (p.isHeading || (reportIds && !reportIds.has(p.reportId))) continue;
    // Index terms are lowercased ASCII; the text is compared the same way only when a term needs it.
    const text = hasLatin ? p.text.toLowerCase() : p.text;
    let score = 0;
    terms.forEach((t, i) => {
      if (t === "") return;
      let tf = 0;
      for (let at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + t.length)) tf++;
      if (tf > 0) score += (weights[i] as number) * ((tf * 2.2) / (tf + 1.2));
    });
    if (score > 0) hits.push({ paragraphId: p.id, score });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
