/**
 * BM25 over posting lists, block by block: the chunks are cut into blocks of BLOCK consecutive numbers
 * and every term's postings for one block are scored before the next block, so the per-chunk sums live
 * in small arrays that stay in the CPU cache (at 1000× a chunk-sized array is 9 MB and a search touching
 * a million chunks was bound by memory, not arithmetic).
 *
 * The sums are MiniSearch's, in its nesting: a term query sums a chunk's fields in field order, a
 * sub-query sums its term queries, the search sums the sub-queries. MiniSearch ranks equal scores in the
 * order it first met the chunks; that order is (the term query and field that first matched the chunk,
 * then the chunk number), which is what `key` and `doc` record for the tie-break.
 */
import { type DocBlocks, DocCursor, END } from "./posting-blocks.ts";

export interface TermList {
  blocks: DocBlocks;
  /** The term's number: its blocks are blocks.termBlock[term]… */
  term: number;
  tfs: Uint8Array | Uint16Array;
  /** The term's postings are [from, to) of the term frequencies (and of the compressed chunk numbers). */
  from: number;
  to: number;
  weight: { invDocFreq: number; boost: number; avgFieldLength: number };
}

export interface TermQuery {
  /** One list per field, in field order (empty ranges for fields without the term). */
  lists: TermList[];
  /** The first time this term is queried: it counts towards match quality. */
  firstTime: boolean;
}

export interface Bm25 {
  k: number;
  b: number;
  d: number;
}

/** The k best chunks, best first. */
export interface Top {
  doc: Int32Array;
  score: Float64Array;
  size: number;
  /** Chunks scored in all. */
  matched: number;
}

/** Chunks per block: 16K chunks' state (~1 MB across the levels) fits a core's L2 cache. */
export const BLOCK = 1 << 14;

export class BlockScorer {
  readonly #fields: number;
  readonly #fieldLength: Int32Array;
  readonly #bm25: Bm25;
  readonly #docCount: number;
  readonly #blockSize: number;
  // Per-block state at three levels (term, sub-query, total), indexed by chunk − block start. BM25
  // scores are > 0, so a 0 score means "not touched yet"; every touched entry is zeroed after use.
  readonly #score: Float64Array[];
  readonly #touched: Int32Array[];
  readonly #key: Int32Array[];
  readonly #length = [0, 0, 0];
  readonly #quality: Uint16Array;
  readonly #generic: boolean;

  /** `generic` turns off the two-field fast path (tests compare both). */
  constructor(
    docCount: number,
    fields: number,
    fieldLength: Int32Array,
    bm25: Bm25,
    { block = BLOCK, generic = false }: { block?: number; generic?: boolean } = {},
  ) {
    this.#generic = generic;
    this.#blockSize = block;
    this.#score = [0, 1, 2].map(() => new Float64Array(block));
    this.#touched = [0, 1, 2].map(() => new Int32Array(block));
    this.#key = [0, 1, 2].map(() => new Int32Array(block));
    this.#quality = new Uint16Array(block);
    this.#docCount = docCount;
    this.#fields = fields;
    this.#fieldLength = fieldLength;
    this.#bm25 = bm25;
  }

  /**
   * Scores the sub-queries (each a list of term queries) over the chunks in `scope` (sorted, disjoint
   * [start, end) ranges; null for all) and keeps the k best by score × quality.
   */
  run(subQueries: readonly (readonly TermQuery[])[], scope: Int32Array | null, k: number): Top {
    const heap = new TopK(k);
    const cursors = subQueries.map((s) =>
      s.map((t) => t.lists.map((l) => new DocCursor(l.blocks).reset(l.term, l.from, l.to))),
    );
    const ranges = scope ?? Int32Array.of(0, this.#docCount);
    const clipped: number[] = [];
    let r = 0;
    try {
      for (let lo = 0; lo < this.#docCount && r < ranges.length; lo += this.#blockSize) {
        const hi = Math.min(this.#docCount, lo + this.#blockSize);
        while (r < ranges.length && (ranges[r + 1] as number) <= lo) r += 2;
        if (r >= ranges.length || (ranges[r] as number) >= hi) continue;
        // The scope's ranges clipped to this block.
        clipped.length = 0;
        for (let i = r; i < ranges.length && (ranges[i] as number) < hi; i += 2) {
          clipped.push(Math.max(lo, ranges[i] as number), Math.min(hi, ranges[i + 1] as number));
        }
        this.#block(subQueries, cursors, lo, clipped, heap);
      }
    } catch (e) {
      // A search cut short leaves scores behind; clear them all so the next search starts clean.
      for (const a of this.#score) a.fill(0);
      this.#length.fill(0);
      throw e;
    }
    return heap.sorted();
  }

  #block(
    subQueries: readonly (readonly TermQuery[])[],
    cursors: DocCursor[][][],
    lo: number,
    clipped: readonly number[],
    heap: TopK,
  ): void {
    this.#quality.fill(0);
    this.#length.fill(0);
    let spec = 0;
    for (let s = 0; s < subQueries.length; s++) {
      const terms = subQueries[s] as readonly TermQuery[];
      // A one-term sub-query's sum is its term's sum: its term adds straight into the total.
      const into = terms.length === 1 ? TOTAL : SUB;
      for (let j = 0; j < terms.length; j++) {
        const t = terms[j] as TermQuery;
        this.#term(t, cursors[s]?.[j] as DocCursor[], lo, clipped, spec++, into);
      }
      if (into === SUB) this.#flush(SUB, TOTAL, false);
    }
    const total = this.#score[TOTAL] as Float64Array;
    const touched = this.#touched[TOTAL] as Int32Array;
    const key = this.#key[TOTAL] as Int32Array;
    const quality = this.#quality;
    for (let n = 0; n < (this.#length[TOTAL] as number); n++) {
      const i = touched[n] as number;
      const score = (total[i] as number) * ((quality[i] as number) || 1);
      total[i] = 0;
      if (score >= heap.threshold) heap.offer(score, key[i] as number, lo + i);
      else heap.matched++;
    }
    this.#length[TOTAL] = 0;
  }

  /**
   * One term query for this block's chunks, added into level `into`. A chunk's term score is its fields'
   * scores summed in field order (w0 + w1 + …), as MiniSearch sums them. With two fields (text, heading)
   * the heading's scores go to the term level first and the text's are added straight into `into`, each
   * picking up its chunk's heading score (w0 + w1 is the same double either way round); chunks with only
   * a heading follow. Otherwise every field goes through the term level.
   */
  #term(
    t: TermQuery,
    cursors: DocCursor[],
    lo: number,
    clipped: readonly number[],
    spec: number,
    into: number,
  ): void {
    const F = this.#fields;
    if (F === 2 && !this.#generic) {
      this.#scan(t, cursors, 1, lo, clipped, spec, TERM, t.firstTime);
      this.#scan(t, cursors, 0, lo, clipped, spec, into, t.firstTime);
    } else {
      for (let f = 0; f < F; f++) this.#scan(t, cursors, f, lo, clipped, spec, TERM, t.firstTime);
    }
    this.#flush(TERM, into, t.firstTime);
  }

  /**
   * Field f's postings in the block's scope. Into the term level they accumulate; into another level
   * (the two-field fast path, field 0) each adds its chunk's pending term-level score and goes on.
   */
  #scan(
    t: TermQuery,
    cursors: DocCursor[],
    f: number,
    lo: number,
    clipped: readonly number[],
    spec: number,
    into: number,
    firstTime: boolean,
  ): void {
    const list = t.lists[f] as TermList;
    if (list.from === list.to) return;
    const cursor = cursors[f] as DocCursor;
    const F = this.#fields;
    const fieldLength = this.#fieldLength;
    const { k, b, d: delta } = this.#bm25;
    const tfs = list.tfs;
    const { invDocFreq, boost, avgFieldLength } = list.weight;
    const firstKey = spec * F + f;
    const direct = into !== TERM;
    const pending = this.#score[TERM] as Float64Array;
    const score = this.#score[into] as Float64Array;
    const key = this.#key[into] as Int32Array;
    const touched = this.#touched[into] as Int32Array;
    const quality = this.#quality;
    const q = firstTime ? 1 : 0;
    let length = this.#length[into] as number;
    const bytes = cursor.blocks.bytes;
    for (let c = 0; c < clipped.length; c += 2) {
      cursor.seek(clipped[c] as number);
      const end = clipped[c + 1] as number;
      // The cursor's state in locals; written back when the range is done.
      let d = cursor.doc;
      let p = cursor.p;
      let at = cursor.byte;
      let left = cursor.left;
      while (d < end) {
        const termFreq = tfs[p] as number;
        const len = fieldLength[d * F + f] as number;
        // minisearch 7's calcBM25Score and weighting, operation for operation: the same doubles.
        const rawScore =
          invDocFreq * (delta + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * len) / avgFieldLength)));
        let w = boost * rawScore;
        const i = d - lo;
        if (direct) {
          const later = pending[i] as number;
          if (later !== 0) {
            w = w + later;
            pending[i] = 0;
          }
          quality[i] = (quality[i] as number) + q;
        }
        const prev = score[i] as number;
        if (prev !== 0) score[i] = prev + w;
        else {
          score[i] = w;
          key[i] = firstKey;
          touched[length++] = i;
        }
        // Next posting: a varint gap within the block, else the next block's first chunk.
        p++;
        if (left > 0) {
          let byte = bytes[at++] as number;
          let gap = byte & 0x7f;
          for (let shift = 7; byte & 0x80; shift += 7) {
            byte = bytes[at++] as number;
            gap |= (byte & 0x7f) << shift;
          }
          left--;
          d += gap;
        } else {
          cursor.p = p;
          if (p >= cursor.to) cursor.doc = END;
          else cursor.enter(cursor.block + 1);
          d = cursor.doc;
          at = cursor.byte;
          left = cursor.left;
        }
      }
      cursor.p = p;
      cursor.doc = d;
      cursor.byte = at;
      cursor.left = left;
    }
    this.#length[into] = length;
  }

  /** Adds level `from` into level `into` and clears `from`; a chunk new to `into` keeps its first key. */
  #flush(from: number, into: number, firstTime: boolean): void {
    const src = this.#score[from] as Float64Array;
    const srcKey = this.#key[from] as Int32Array;
    const list = this.#touched[from] as Int32Array;
    const score = this.#score[into] as Float64Array;
    const key = this.#key[into] as Int32Array;
    const touched = this.#touched[into] as Int32Array;
    const quality = this.#quality;
    // Quality: the distinct query terms a chunk matches.
    const q = from === TERM && firstTime ? 1 : 0;
    let length = this.#length[into] as number;
    for (let n = 0; n < (this.#length[from] as number); n++) {
      const i = list[n] as number;
      const w = src[i] as number;
      // Taken already by the two-field fast path.
      if (w === 0) continue;
      src[i] = 0;
      quality[i] = (quality[i] as number) + q;
      const prev = score[i] as number;
      if (prev !== 0) score[i] = prev + w;
      else {
        score[i] = w;
        key[i] = srcKey[i] as number;
        touched[length++] = i;
      }
    }
    this.#length[from] = 0;
    this.#length[into] = length;
  }
}

const TERM = 0;
const SUB = 1;
const TOTAL = 2;

/** A bounded heap keeping the k best (score desc, then key, then chunk number asc). */
class TopK {
  readonly #k: number;
  readonly #score: Float64Array;
  readonly #key: Int32Array;
  readonly #doc: Int32Array;
  #size = 0;
  /** Chunks offered or turned away; callers below `threshold` count themselves here. */
  matched = 0;
  /** Scores below this cannot enter: the worst kept once the heap is full. */
  threshold = Number.NEGATIVE_INFINITY;

  constructor(k: number) {
    this.#k = k;
    this.#score = new Float64Array(k);
    this.#key = new Int32Array(k);
    this.#doc = new Int32Array(k);
  }

  offer(score: number, key: number, doc: number): void {
    this.matched++;
    if (this.#size < this.#k) {
      let c = this.#size++;
      this.#set(c, score, key, doc);
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (!this.#better(parent, c)) break;
        this.#swap(c, parent);
        c = parent;
      }
      if (this.#size === this.#k) this.threshold = this.#score[0] as number;
      return;
    }
    // The root is the worst kept: a candidate enters only when strictly better.
    const s0 = this.#score[0] as number;
    if (score < s0) return;
    if (score === s0) {
      const k0 = this.#key[0] as number;
      if (key > k0 || (key === k0 && doc > (this.#doc[0] as number))) return;
    }
    this.#set(0, score, key, doc);
    for (let c = 0; ; ) {
      const l = 2 * c + 1;
      const r = l + 1;
      let m = c;
      if (l < this.#size && this.#better(m, l)) m = l;
      if (r < this.#size && this.#better(m, r)) m = r;
      if (m === c) break;
      this.#swap(c, m);
      c = m;
    }
    this.threshold = this.#score[0] as number;
  }

  sorted(): Top {
    const idx = Array.from({ length: this.#size }, (_, i) => i).sort((a, b) =>
      this.#better(a, b) ? -1 : this.#better(b, a) ? 1 : 0,
    );
    return {
      doc: Int32Array.from(idx, (i) => this.#doc[i] as number),
      score: Float64Array.from(idx, (i) => this.#score[i] as number),
      size: this.#size,
      matched: this.matched,
    };
  }

  #better(a: number, b: number): boolean {
    const sa = this.#score[a] as number;
    const sb = this.#score[b] as number;
    if (sa !== sb) return sa > sb;
    const ka = this.#key[a] as number;
    const kb = this.#key[b] as number;
    if (ka !== kb) return ka < kb;
    return (this.#doc[a] as number) < (this.#doc[b] as number);
  }

  #set(i: number, score: number, key: number, doc: number): void {
    this.#score[i] = score;
    this.#key[i] = key;
    this.#doc[i] = doc;
  }

  #swap(i: number, j: number): void {
    const s = this.#score[i] as number;
    const k = this.#key[i] as number;
    const d = this.#doc[i] as number;
    this.#set(i, this.#score[j] as number, this.#key[j] as number, this.#doc[j] as number);
    this.#set(j, s, k, d);
  }
}
