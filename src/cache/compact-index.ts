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
  #scratch: Scratch | null = null;

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
  }

  get documentCount(): number {
    return this.data.docCount;
  }

  /** `searchParagraphs` of src/search/search-index.ts, computed from the postings of the reports in scope. */
  searchParagraphs(terms: string[], reportIds: ReadonlySet<string> | null, limit: number): Hit[] {
    if (terms.length === 0) return [];
    this.#scratch ??= new Scratch(this.data.docCount);
    const sc = this.#scratch;
    sc.newSearch();
    const distinct = this.#score(terms, this.#scope(reportIds), sc);
    return this.#collect(sc, limit, distinct);
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
   * Scores every chunk in scope matching a term into `sc.total`, listing them in `sc.order` in the order
   * MiniSearch first meets them; returns the distinct query terms in the order they were first queried.
   * MiniSearch runs each of `queries` as a sub-query (re-tokenised), each token as a term query, each
   * field in turn; a term query sums its fields, a sub-query its term queries, the search its sub-queries.
   * Floating-point sums depend on that nesting, so it is kept.
   */
  #score(queries: string[], scope: Int32Array | null, sc: Scratch): string[] {
    const counted = new Set<string>();
    for (const query of queries) {
      const specs = this.#queryTerms(query);
      // A one-term sub-query's sum is its term's sum: its term adds straight into the total.
      const direct = specs.length === 1;
      if (!direct) sc.newLevel(SUB);
      for (const term of specs) {
        // A term counts once towards a chunk's match quality, however often the query repeats it.
        const firstTime = !counted.has(term);
        counted.add(term);
        const id = this.#termIds.get(term);
        if (id !== undefined) this.#scoreTerm(id, scope, sc, direct ? TOTAL : SUB, firstTime);
      }
      if (!direct) sc.flushSub();
    }
    return [...counted];
  }

  /**
   * One term query, added into level `into`. Its fields are scored in field order into the term level
   * (a chunk's term score is its first field's score plus the next ones', as MiniSearch sums them), which
   * lists chunks as MiniSearch meets them: the first field's in order, then the next field's new ones.
   * Then the term level is added into `into`. Tight loops over typed arrays: this is the hot path.
   */
  #scoreTerm(id: number, scope: Int32Array | null, sc: Scratch, into: number, firstTime: boolean): void {
    const F = this.data.fields.length;
    const { k, b, d: delta } = this.#bm25;
    const totalCount = this.data.docCount;
    const fieldLength = this.data.fieldLength;
    sc.newLevel(TERM);
    const termScore = sc.score[TERM] as Float64Array;
    const termMark = sc.mark[TERM] as Int32Array;
    const termTouched = sc.touched[TERM] as Int32Array;
    const termStamp = sc.stamp[TERM] as number;
    let termLength = 0;
    for (let f = 0; f < F; f++) {
      const { offsets, docs, tfs } = this.data.postings[f] as Postings;
      const from = offsets[id] as number;
      const to = offsets[id + 1] as number;
      if (from === to) continue;
      const matchingCount = to - from;
      // minisearch 7's calcBM25Score, operation for operation, so every double is the same.
      const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
      const boost = this.#boosts[f] as number;
      const avgFieldLength = this.data.avgFieldLength[f] as number;
      const positions = scope === null ? null : sc.positions;
      const n = positions === null ? matchingCount : inScope(docs, from, to, scope as Int32Array, positions);
      for (let i = 0; i < n; i++) {
        const p = positions === null ? from + i : (positions[i] as number);
        const d = docs[p] as number;
        const termFreq = tfs[p] as number;
        const len = fieldLength[d * F + f] as number;
        const rawScore =
          invDocFreq * (delta + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * len) / avgFieldLength)));
        const weighted = boost * rawScore;
        if (termMark[d] === termStamp) termScore[d] = (termScore[d] as number) + weighted;
        else {
          termMark[d] = termStamp;
          termScore[d] = weighted;
          termTouched[termLength++] = d;
        }
      }
    }
    const score = sc.score[into] as Float64Array;
    const mark = sc.mark[into] as Int32Array;
    const stamp = sc.stamp[into] as number;
    const touched = sc.touched[into] as Int32Array;
    const quality = sc.quality;
    const qualityMark = sc.qualityMark;
    const searchStamp = sc.stamp[TOTAL] as number;
    let length = sc.length[into] as number;
    for (let i = 0; i < termLength; i++) {
      const d = termTouched[i] as number;
      if (qualityMark[d] !== searchStamp) {
        qualityMark[d] = searchStamp;
        quality[d] = 0;
      }
      if (firstTime) quality[d] = (quality[d] as number) + 1;
      const w = termScore[d] as number;
      if (mark[d] === stamp) score[d] = (score[d] as number) + w;
      else {
        mark[d] = stamp;
        score[d] = w;
        touched[length++] = d;
      }
    }
    sc.length[into] = length;
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

  /**
   * The best chunks (by score times the number of query terms matched, ties in meeting order) until
   * `limit` paragraphs are found, merged per paragraph as `searchParagraphs` does. Only the top of the
   * ranking is sorted: at 1000× a common term matches a million chunks.
   */
  #collect(sc: Scratch, limit: number, distinct: readonly string[]): Hit[] {
    const n = sc.orderLength;
    const final = sc.final.subarray(0, n);
    for (let i = 0; i < n; i++) {
      const d = sc.order[i] as number;
      final[i] = (sc.total[d] as number) * ((sc.quality[d] as number) || 1);
    }
    for (let k = Math.min(n, Math.max(64, limit * 4)); ; k = Math.min(n, k * 4)) {
      const top = topK(final, k);
      const byParagraph = new Map<string, Hit>();
      let done = false;
      for (const i of top) {
        const d = sc.order[i] as number;
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

const TERM = 0;
const SUB = 1;
const TOTAL = 2;

/**
 * Per-chunk scratch for one search at a time, allocated once: a score and a mark per level. A mark equal
 * to the level's current stamp means "touched in this round", so nothing is cleared between rounds.
 */
class Scratch {
  readonly score: Float64Array[];
  readonly mark: Int32Array[];
  readonly stamp = [0, 0, 0];
  readonly touched: Int32Array[];
  readonly length = [0, 0, 0];
  readonly quality: Uint16Array;
  readonly qualityMark: Int32Array;
  /** Posting positions of one field's list inside the scope. */
  readonly positions: Int32Array;
  /** Final scores, by meeting order. */
  readonly final: Float64Array;

  constructor(n: number) {
    this.score = [0, 1, 2].map(() => new Float64Array(n));
    this.mark = [0, 1, 2].map(() => new Int32Array(n));
    this.touched = [0, 1, 2].map(() => new Int32Array(n));
    this.positions = new Int32Array(n);
    this.final = new Float64Array(n);
    this.quality = new Uint16Array(n);
    this.qualityMark = new Int32Array(n);
  }

  get total(): Float64Array {
    return this.score[TOTAL] as Float64Array;
  }

  get order(): Int32Array {
    return this.touched[TOTAL] as Int32Array;
  }

  get orderLength(): number {
    return this.length[TOTAL] as number;
  }

  newSearch(): void {
    this.newLevel(TOTAL);
  }

  newLevel(level: number): void {
    if ((this.stamp[level] as number) >= 0x7fffffff) {
      (this.mark[level] as Int32Array).fill(0);
      if (level === TOTAL) this.qualityMark.fill(0);
      this.stamp[level] = 0;
    }
    this.stamp[level] = (this.stamp[level] as number) + 1;
    this.length[level] = 0;
  }

  flushSub(): void {
    const touched = this.touched[SUB] as Int32Array;
    const score = this.score[SUB] as Float64Array;
    for (let i = 0; i < (this.length[SUB] as number); i++) {
      const d = touched[i] as number;
      this.#add(TOTAL, d, score[d] as number);
    }
  }

  // The first addition sets the sum (MiniSearch starts from the first score, not from 0 + score: equal
  // for the positive scores BM25 gives, but this is the same operation).
  #add(level: number, d: number, w: number): void {
    const mark = this.mark[level] as Int32Array;
    const score = this.score[level] as Float64Array;
    const stamp = this.stamp[level] as number;
    if (mark[d] === stamp) score[d] = (score[d] as number) + w;
    else {
      mark[d] = stamp;
      score[d] = w;
      const touched = this.touched[level] as Int32Array;
      touched[this.length[level] as number] = d;
      this.length[level] = (this.length[level] as number) + 1;
    }
  }
}

/** Writes the positions in [from, to) whose chunk lies in one of the scope's ranges; returns how many. */
function inScope(docs: Int32Array, from: number, to: number, scope: Int32Array, out: Int32Array): number {
  const ranges = scope.length >> 1;
  let n = 0;
  let p = from;
  let r = 0;
  // Skips by binary search, both over postings before a range and over ranges before a posting.
  while (p < to && r < ranges) {
    const d = docs[p] as number;
    if (d < (scope[2 * r] as number)) p = lowerBound(docs, p, to, scope[2 * r] as number);
    else if (d >= (scope[2 * r + 1] as number)) r = firstRangeEndingAfter(scope, r, ranges, d);
    else out[n++] = p++;
  }
  return n;
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

/**
 * Indexes of the k highest values, best first; ties go to the lower index (the order MiniSearch met them
 * in, which its stable sort keeps). A bounded heap whose root is the worst kept.
 */
function topK(values: Float64Array, k: number): number[] {
  const n = values.length;
  const better = (a: number, b: number) =>
    (values[a] as number) > (values[b] as number) || (values[a] === values[b] && a < b);
  const byRank = (a: number, b: number) => (better(a, b) ? -1 : better(b, a) ? 1 : 0);
  if (k >= n) return Array.from({ length: n }, (_, i) => i).sort(byRank);
  const heap = new Int32Array(k);
  let size = 0;
  const swap = (i: number, j: number) => {
    const t = heap[i] as number;
    heap[i] = heap[j] as number;
    heap[j] = t;
  };
  for (let i = 0; i < n; i++) {
    if (size < k) {
      heap[size] = i;
      for (let c = size++; c > 0; ) {
        const parent = (c - 1) >> 1;
        if (!better(heap[parent] as number, heap[c] as number)) break;
        swap(c, parent);
        c = parent;
      }
    } else if ((values[i] as number) > (values[heap[0] as number] as number)) {
      // Strictly greater: on a tie the earlier index, already kept, wins.
      heap[0] = i;
      for (let c = 0; ; ) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < size && better(heap[m] as number, heap[l] as number)) m = l;
        if (r < size && better(heap[m] as number, heap[r] as number)) m = r;
        if (m === c) break;
        swap(c, m);
        c = m;
      }
    }
  }
  return Array.from(heap).sort(byRank);
}
