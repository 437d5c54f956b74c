/**
 * The paragraph index in typed arrays: what MiniSearch holds in a radix tree of Maps, as sorted posting
 * lists. It answers `searchParagraphs` with MiniSearch's results exactly (same BM25, same field boosts,
 * same sums in the same order, same tie order), but
 * - a report-scoped query reads only that report's slice of each posting list (MiniSearch scores every
 *   matching chunk of the corpus and filters afterwards),
 * - a term lookup is a hash lookup (MiniSearch's radix tree scans every child of a node, and Chinese
 *   terms give its root thousands of children),
 * - it takes ~6 bytes a posting, loads from the cache file without parsing, and builds in batches.
 */
import type { Options } from "minisearch";
import type { Paragraph } from "../corpus/structure.ts";
import type { Chunk, Hit } from "../search/search-index.ts";

export interface Postings {
  /** Term t's postings are [offsets[t], offsets[t + 1]). */
  offsets: Uint32Array;
  /** Chunk numbers, ascending within a term. */
  docs: Int32Array;
  tfs: Uint16Array;
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

interface Bm25 {
  k: number;
  b: number;
  d: number;
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
  readonly #paragraphIds: readonly string[];
  readonly #docReport: Int32Array;
  readonly #reportOrdinal = new Map<string, number>();
  readonly #reportIds: string[] = [];
  readonly #reportStart: Int32Array;
  readonly #reportEnd: Int32Array;
  // Scratch space, reused by every query: scores at three levels, as MiniSearch sums them.
  readonly #termScore: Float64Array;
  readonly #subScore: Float64Array;
  readonly #total: Float64Array;
  readonly #seen: Uint8Array;
  readonly #quality: Uint16Array;

  constructor(data: IndexData, options: Options<Chunk>, paragraphs: readonly Paragraph[]) {
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
    this.#paragraphIds = paragraphs.map((p) => p.id);
    const n = data.docCount;
    this.#docReport = new Int32Array(n);
    for (let d = 0; d < n; d++) {
      const p = paragraphs[data.docParagraph[d] as number];
      if (!p) throw new RangeError(`chunk ${d} names paragraph ${data.docParagraph[d]}, not in the corpus`);
      let r = this.#reportOrdinal.get(p.reportId);
      if (r === undefined) {
        r = this.#reportIds.length;
        this.#reportOrdinal.set(p.reportId, r);
        this.#reportIds.push(p.reportId);
      }
      this.#docReport[d] = r;
    }
    // Chunks are added report by report, so each report's chunks are one range of chunk numbers.
    this.#reportStart = new Int32Array(this.#reportIds.length).fill(n);
    this.#reportEnd = new Int32Array(this.#reportIds.length);
    for (let d = 0; d < n; d++) {
      const r = this.#docReport[d] as number;
      if (d < (this.#reportStart[r] as number)) this.#reportStart[r] = d;
      this.#reportEnd[r] = d + 1;
    }
    this.#termScore = new Float64Array(n);
    this.#subScore = new Float64Array(n);
    this.#total = new Float64Array(n);
    this.#seen = new Uint8Array(n);
    this.#quality = new Uint16Array(n);
  }

  get documentCount(): number {
    return this.data.docCount;
  }

  /** `searchParagraphs` of src/search/search-index.ts, computed from the postings of the reports in scope. */
  searchParagraphs(terms: string[], reportIds: ReadonlySet<string> | null, limit: number): Hit[] {
    if (terms.length === 0) return [];
    const order: number[] = [];
    try {
      const distinct = this.#score(terms, this.#scope(reportIds), order);
      return this.#collect(Int32Array.from(order), limit, distinct);
    } finally {
      for (const d of order) {
        this.#seen[d] = 0;
        this.#quality[d] = 0;
      }
    }
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

  /**
   * Scores every chunk in scope matching a term, appending them to `order` in the order MiniSearch first
   * meets them; returns the distinct query terms in the order they were first queried.
   * MiniSearch runs each of `terms` as a sub-query (re-tokenised), each token as a term query, each field
   * in turn; a term query sums its fields, a sub-query its term queries, the search its sub-queries.
   */
  #score(queries: string[], scope: Int32Array | null, order: number[]): string[] {
    const subTouched: number[] = [];
    const termTouched: number[] = [];
    const counted = new Set<string>();
    const F = this.data.fields.length;
    for (const query of queries) {
      for (const term of this.#queryTerms(query)) {
        const id = this.#termIds.get(term);
        // A term counts once towards a chunk's match quality, however often the query repeats it.
        const firstTime = !counted.has(term);
        counted.add(term);
        if (id === undefined) continue;
        for (let f = 0; f < F; f++) {
          const { offsets, docs, tfs } = this.data.postings[f] as Postings;
          const from = offsets[id] as number;
          const to = offsets[id + 1] as number;
          if (from === to) continue;
          const boost = this.#boosts[f] as number;
          const avg = this.data.avgFieldLength[f] as number;
          const df = to - from;
          const visit = (p: number) => {
            const d = docs[p] as number;
            const w =
              boost * this.#bm25Score(tfs[p] as number, df, this.data.fieldLength[d * F + f] as number, avg);
            if (this.#seen[d] & 1) this.#termScore[d] = (this.#termScore[d] as number) + w;
            else {
              this.#seen[d] = (this.#seen[d] as number) | 1;
              this.#termScore[d] = w;
              termTouched.push(d);
            }
          };
          if (scope === null) for (let p = from; p < to; p++) visit(p);
          else this.#visitScoped(docs, from, to, scope, visit);
        }
        for (const d of termTouched) {
          if (firstTime) this.#quality[d] = (this.#quality[d] as number) + 1;
          const s = this.#termScore[d] as number;
          if (this.#seen[d] & 2) this.#subScore[d] = (this.#subScore[d] as number) + s;
          else {
            this.#seen[d] = (this.#seen[d] as number) | 2;
            this.#subScore[d] = s;
            subTouched.push(d);
          }
          this.#seen[d] = (this.#seen[d] as number) & ~1;
        }
        termTouched.length = 0;
      }
      for (const d of subTouched) {
        const s = this.#subScore[d] as number;
        if (this.#seen[d] & 4) this.#total[d] = (this.#total[d] as number) + s;
        else {
          this.#seen[d] = (this.#seen[d] as number) | 4;
          this.#total[d] = s;
          order.push(d);
        }
        this.#seen[d] = (this.#seen[d] as number) & ~2;
      }
      subTouched.length = 0;
    }
    return [...counted];
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

  /** Postings [from, to) within the scope's chunk ranges, in chunk order, skipping by binary search. */
  #visitScoped(
    docs: Int32Array,
    from: number,
    to: number,
    scope: Int32Array,
    visit: (p: number) => void,
  ): void {
    const ranges = scope.length >> 1;
    let p = from;
    let r = 0;
    while (p < to && r < ranges) {
      const d = docs[p] as number;
      if (d < (scope[2 * r] as number)) p = lowerBound(docs, p, to, scope[2 * r] as number);
      else if (d >= (scope[2 * r + 1] as number)) r = firstRangeEndingAfter(scope, r, ranges, d);
      else visit(p++);
    }
  }

  // minisearch 7's calcBM25Score, operation for operation, so the floating point result is the same.
  #bm25Score(termFreq: number, matchingCount: number, fieldLength: number, avgFieldLength: number): number {
    const { k, b, d } = this.#bm25;
    const totalCount = this.data.docCount;
    const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
    return (
      invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)))
    );
  }

  /**
   * The best chunks (by score times the number of query terms matched, ties in meeting order) until
   * `limit` paragraphs are found, merged per paragraph as `searchParagraphs` does. Only the top of the
   * ranking is sorted: at 1000× a common term matches a million chunks.
   */
  #collect(order: Int32Array, limit: number, distinct: readonly string[]): Hit[] {
    const n = order.length;
    const final = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const d = order[i] as number;
      final[i] = (this.#total[d] as number) * ((this.#quality[d] as number) || 1);
    }
    const better = (a: number, b: number) =>
      (final[a] as number) > (final[b] as number) || (final[a] === final[b] && a < b);
    for (let k = Math.min(n, Math.max(64, limit * 4)); ; k = Math.min(n, k * 4)) {
      const top = topK(n, k, better);
      const byParagraph = new Map<string, Hit>();
      let done = false;
      for (const i of top) {
        const d = order[i] as number;
        const paragraphId = this.#paragraphIds[this.data.docParagraph[d] as number] as string;
        const terms = this.#matchedTerms(d, distinct);
        const prev = byParagraph.get(paragraphId);
        if (prev) {
          for (const t of terms) if (!prev.terms.includes(t)) prev.terms.push(t);
          continue;
        }
        const reportId = this.#reportIds[this.#docReport[d] as number] as string;
        byParagraph.set(paragraphId, { paragraphId, reportId, score: final[i] as number, terms });
        if (byParagraph.size >= limit) {
          done = true;
          break;
        }
      }
      if (done || k === n) return [...byParagraph.values()];
    }
  }

  /** The chunk's matched terms as MiniSearch lists them: the keys of its `match` object. */
  #matchedTerms(d: number, distinct: readonly string[]): string[] {
    const match: Record<string, true> = {};
    for (const term of distinct) {
      const id = this.#termIds.get(term);
      if (id === undefined) continue;
      const hit = this.data.postings.some(({ offsets, docs }) => {
        const to = offsets[id + 1] as number;
        const p = lowerBound(docs, offsets[id] as number, to, d);
        return p < to && docs[p] === d;
      });
      if (hit) match[term] = true;
    }
    // Object.keys, not the insertion order: integer-like terms ("2025") come first, as in MiniSearch.
    return Object.keys(match);
  }
}

/** First position in docs[from, to) holding a value ≥ x. */
function lowerBound(docs: Int32Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((docs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First range index ≥ from whose end is > d (ranges are sorted and disjoint). */
function firstRangeEndingAfter(scope: Int32Array, from: number, ranges: number, d: number): number {
  let lo = from;
  let hi = ranges;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((scope[2 * mid + 1] as number) <= d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indexes 0…n-1 of the k best by `better`, best first, with a bounded heap whose root is the worst kept. */
function topK(n: number, k: number, better: (a: number, b: number) => boolean): number[] {
  if (k >= n) {
    const all = Array.from({ length: n }, (_, i) => i);
    return all.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  }
  const heap: number[] = [];
  const worse = (a: number, b: number) => better(b, a);
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i] as number, heap[parent] as number)) break;
      [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l] as number, heap[m] as number)) m = l;
      if (r < heap.length && worse(heap[r] as number, heap[m] as number)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (better(i, heap[0] as number)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
