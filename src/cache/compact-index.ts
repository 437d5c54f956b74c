/**
 * The paragraph index in typed arrays: what MiniSearch holds in a radix tree of Maps, as sorted posting
 * lists. It answers `searchParagraphs` with MiniSearch's results exactly (same BM25, same field boosts,
 * same sums in the same order, same tie order), but
 * - a report-scoped query reads only that report's slice of each posting list (MiniSearch scores every
 *   matching chunk of the corpus and filters afterwards),
 * - a term lookup is a hash lookup (MiniSearch's radix tree scans every child of a node, and Chinese
 *   terms give its root thousands of children),
 * - scoring runs block by block in cache-sized arrays (block-scorer.ts) and keeps only the top k,
 * - it takes ~2 bytes a posting (posting-blocks.ts), loads from the cache file without parsing, and
 *   builds in batches.
 */
import type { Options } from "minisearch";
import type { Paragraph } from "../corpus/structure.ts";
import type { Chunk, Hit } from "../search/search-index.ts";
import { BlockScorer, type Bm25, type TermQuery } from "./block-scorer.ts";
import { type DocBlocks, hasDoc } from "./posting-blocks.ts";

export interface Postings {
  /** Term t's postings are [offsets[t], offsets[t + 1]). */
  offsets: Uint32Array;
  /** Chunk numbers, ascending within a term, compressed in blocks. */
  blocks: DocBlocks;
  /** Term frequencies: one byte each when every one fits (nearly always: chunks are short). */
  tfs: Uint8Array | Uint16Array;
}

export interface IndexData {
  fields: string[];
  docCount: number;
  avgFieldLength: number[];
  /** Distinct tokens of chunk d's field f at [d * fields.length + f]; -1 when absent. */
  fieldLength: Int32Array;
  /** Chunk → ordinal of its paragraph among all paragraphs, reports in corpus order. */
  docParagraph: Int32Array;
  terms: string[];
  postings: Postings[];
  /** TermStats: text-field document frequencies and the number of chunks counted. */
  dfTerms: string[];
  dfCounts: Uint32Array;
  statsDocs: number;
}

// MiniSearch's defaults (defaultBM25params in minisearch 7).
const DEFAULT_BM25: Bm25 = { k: 1.2, b: 0.7, d: 0.5 };
// Search options this implementation reproduces; any other one would change results silently.
const SUPPORTED_SEARCH_OPTIONS = new Set(["boost", "tokenize", "processTerm", "bm25"]);

export class UnsupportedOptionsError extends Error {}

type Tokenize = (text: string) => string[];
type ProcessTerm = (term: string) => string | string[] | null | undefined | false;

export class CompactIndex {
  readonly data: IndexData;
  readonly #termIds = new Map<string, number>();
  readonly #boosts: number[];
  readonly #bm25: Bm25;
  readonly #tokenize: Tokenize;
  readonly #processTerm: ProcessTerm;
  readonly #paragraphs: readonly Paragraph[];
  readonly #docReport: Int32Array;
  readonly #reportOrdinal = new Map<string, number>();
  readonly #reportIds: string[] = [];
  readonly #reportStart: Int32Array;
  readonly #reportEnd: Int32Array;
  readonly #scorer: BlockScorer;

  /**
   * `scoring` is for tests: small blocks put block edges all over a small corpus; `generic` scores every
   * field through the term level instead of the two-field fast path.
   */
  constructor(
    data: IndexData,
    options: Options<Chunk>,
    paragraphs: readonly Paragraph[],
    scoring: { block?: number; generic?: boolean } = {},
  ) {
    const search = options.searchOptions ?? {};
    for (const key of Object.keys(search)) {
      if (!SUPPORTED_SEARCH_OPTIONS.has(key)) throw new UnsupportedOptionsError(`search option "${key}"`);
    }
    if (data.fields.join() !== options.fields.join()) throw new UnsupportedOptionsError("fields changed");
    this.data = data;
    for (const [i, t] of data.terms.entries()) this.#termIds.set(t, i);
    this.#boosts = data.fields.map((f) => (search.boost as Record<string, number> | undefined)?.[f] || 1);
    this.#bm25 = { ...DEFAULT_BM25, ...(search.bm25 ?? {}) };
    const tokenize = search.tokenize ?? options.tokenize;
    const processTerm = search.processTerm ?? options.processTerm;
    if (!tokenize || !processTerm) throw new UnsupportedOptionsError("tokenize and processTerm must be set");
    this.#tokenize = tokenize;
    this.#processTerm = processTerm;
    this.#paragraphs = paragraphs;
    const n = data.docCount;
    this.#docReport = new Int32Array(n);
    let last: string | undefined;
    for (let d = 0; d < n; d++) {
      const p = paragraphs[data.docParagraph[d] as number];
      if (!p) throw new RangeError(`chunk ${d} names paragraph ${data.docParagraph[d]}, not in the corpus`);
      if (p.reportId !== last) {
        last = p.reportId;
        if (!this.#reportOrdinal.has(p.reportId)) {
          this.#reportOrdinal.set(p.reportId, this.#reportIds.length);
          this.#reportIds.push(p.reportId);
        }
      }
      this.#docReport[d] = this.#reportOrdinal.get(p.reportId) as number;
    }
    // Chunks are added report by report, so each report's chunks are one range of chunk numbers.
    this.#reportStart = new Int32Array(this.#reportIds.length).fill(n);
    this.#reportEnd = new Int32Array(this.#reportIds.length);
    for (let d = 0; d < n; d++) {
      const r = this.#docReport[d] as number;
      if (d < (this.#reportStart[r] as number)) this.#reportStart[r] = d;
      this.#reportEnd[r] = d + 1;
    }
    this.#scorer = new BlockScorer(n, data.fields.length, data.fieldLength, this.#bm25, scoring);
  }

  get documentCount(): number {
    return this.data.docCount;
  }

  /** `searchParagraphs` of src/search/search-index.ts, computed from the postings of the reports in scope. */
  searchParagraphs(terms: string[], reportIds: ReadonlySet<string> | null, limit: number): Hit[] {
    if (terms.length === 0) return [];
    const scope = this.#scope(reportIds);
    const { subQueries, distinct } = this.#plan(terms);
    // The top chunks until `limit` paragraphs are found; long paragraphs have several chunks, so ask for
    // more chunks than paragraphs, and for more again in the rare case that was not enough.
    for (let k = Math.max(64, limit * 4); ; k *= 4) {
      const top = this.#scorer.run(subQueries, scope, k);
      const hits = this.#merge(top.doc, top.score, top.size, limit, distinct);
      if (hits.length >= limit || top.size >= top.matched) return hits;
    }
  }

  /**
   * MiniSearch runs each of `terms` as a sub-query (re-tokenised), each token as a term query over each
   * field. A term counts once towards a chunk's match quality, however often the query repeats it; a
   * term not in the index matches nothing and drops out.
   */
  #plan(terms: string[]): { subQueries: TermQuery[][]; distinct: string[] } {
    const counted = new Set<string>();
    const totalCount = this.data.docCount;
    const subQueries = terms.map((query) =>
      this.#queryTerms(query).flatMap((term): TermQuery[] => {
        const firstTime = !counted.has(term);
        counted.add(term);
        const id = this.#termIds.get(term);
        if (id === undefined) return [];
        const lists = this.data.postings.map(({ offsets, blocks, tfs }, f) => {
          const from = offsets[id] as number;
          const to = offsets[id + 1] as number;
          const matchingCount = to - from;
          // minisearch 7's calcBM25Score: the inverse document frequency of the term in this field.
          const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
          const weight = {
            invDocFreq,
            boost: this.#boosts[f] as number,
            avgFieldLength: this.data.avgFieldLength[f] as number,
          };
          return { blocks, term: id, tfs, from, to, weight };
        });
        return [{ lists, firstTime }];
      }),
    );
    return { subQueries, distinct: [...counted] };
  }

  /** Chunk ranges in scope, ascending; null for the whole corpus. */
  #scope(reportIds: ReadonlySet<string> | null): Int32Array | null {
    if (reportIds === null) return null;
    const ranges: [number, number][] = [];
    for (const id of reportIds) {
      const r = this.#reportOrdinal.get(id);
      if (r !== undefined && (this.#reportStart[r] as number) < (this.#reportEnd[r] as number)) {
        ranges.push([this.#reportStart[r] as number, this.#reportEnd[r] as number]);
      }
    }
    if (ranges.length === this.#reportIds.length) return null;
    ranges.sort((a, b) => a[0] - b[0]);
    return Int32Array.from(ranges.flat());
  }

  #queryTerms(query: string): string[] {
    const out: string[] = [];
    for (const token of this.#tokenize(query)) {
      const p = this.#processTerm(token);
      if (Array.isArray(p)) {
        for (const t of p) if (t) out.push(t);
      } else if (p) out.push(p);
    }
    return out;
  }

  /** The ranked chunks merged per paragraph, as `searchParagraphs` does, until `limit` paragraphs. */
  #merge(docs: Int32Array, scores: Float64Array, size: number, limit: number, distinct: string[]): Hit[] {
    const byParagraph = new Map<string, Hit>();
    for (let i = 0; i < size; i++) {
      const d = docs[i] as number;
      const paragraphId = (this.#paragraphs[this.data.docParagraph[d] as number] as Paragraph).id;
      const terms = this.#matchedTerms(d, distinct);
      const prev = byParagraph.get(paragraphId);
      if (prev) {
        for (const t of terms) if (!prev.terms.includes(t)) prev.terms.push(t);
        continue;
      }
      const reportId = this.#reportIds[this.#docReport[d] as number] as string;
      byParagraph.set(paragraphId, { paragraphId, reportId, score: scores[i] as number, terms });
      if (byParagraph.size >= limit) break;
    }
    return [...byParagraph.values()];
  }

  /** The chunk's matched terms as MiniSearch lists them: the keys of its `match` object. */
  #matchedTerms(d: number, distinct: readonly string[]): string[] {
    const match: Record<string, true> = {};
    for (const term of distinct) {
      const id = this.#termIds.get(term);
      if (id === undefined) continue;
      const hit = this.data.postings.some(({ offsets, blocks }) =>
        hasDoc(blocks, id, offsets[id] as number, offsets[id + 1] as number, d),
      );
      if (hit) match[term] = true;
    }
    // Object.keys, not the insertion order: integer-like terms ("2025") come first, as in MiniSearch.
    return Object.keys(match);
  }
}
