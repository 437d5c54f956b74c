/**
 * Builds the compact index the way MiniSearch's `add` builds its own: the same options (from
 * `indexOptions`), the same tokens, the same per-field lengths and the same running average, so the
 * scores computed from it are MiniSearch's to the last bit. Tokenising happens in batches (one per worker
 * at scale); batches are merged in corpus order.
 */
import type { Options } from "minisearch";
import type { Chunk } from "../search/search-index.ts";
import type { IndexData } from "./compact-index.ts";
import { Growable } from "./growable.ts";
import { encodeDocs } from "./posting-blocks.ts";

/** Tokens of consecutive chunks, with terms numbered locally: what one worker sends back. */
export interface TokenBatch {
  vocab: string[];
  /** Per chunk: the ordinal of its paragraph among all paragraphs of the corpus, in report order. */
  paragraph: Int32Array;
  fields: FieldTokens[];
  /** The text-field document frequencies TermStats counted for these chunks. */
  dfTerms: string[];
  dfCounts: Uint32Array;
  statsDocs: number;
}

interface FieldTokens {
  /** Chunk i's (term, tf) pairs are [pairStart[i], pairStart[i + 1]). */
  pairStart: Uint32Array;
  term: Int32Array;
  tf: Uint32Array;
  /** Distinct tokens in the field (MiniSearch's field length); -1 when the field is absent. */
  length: Int32Array;
}

/**
 * Tokenises chunks as MiniSearch's `add` would, with TermStats counted as `indexOptions`' onText would:
 * per field, the distinct tokens (the field length) and the (term, frequency) pairs; per onText call,
 * one document and each distinct token once. One vocabulary lookup per token, typed arrays for counts,
 * and a field value seen before (a section heading shared by its chunks) reuses its tokens.
 */
export function tokenizeChunks(
  chunks: readonly Chunk[],
  paragraphOrdinal: (chunk: Chunk) => number,
  makeOptions: (onText: (terms: string[]) => void) => Options<Chunk>,
): TokenBatch {
  let texts: string[][] = [];
  const options = makeOptions((terms) => texts.push(terms));
  const { tokenize, processTerm, fields } = options;
  if (!tokenize || !processTerm) throw new Error("indexOptions must set tokenize and processTerm");
  const vocab = new Vocabulary();
  const out = fields.map(() => ({
    pairStart: new Growable(Uint32Array),
    term: new Growable(Int32Array),
    tf: new Growable(Uint32Array),
    length: new Growable(Int32Array),
  }));
  const paragraph = new Int32Array(chunks.length);
  const df = new Growable(Uint32Array);
  let statsDocs = 0;
  // Values whose tokenising TermStats does not see (a section heading shared by its chunks) are cached.
  const memo = fields.map(() => new Map<string, string[]>());
  const countDocument = (terms: readonly string[]) => {
    statsDocs++;
    const stamp = vocab.newChunk();
    for (const t of terms) {
      const id = vocab.id(t);
      if (vocab.mark(id, stamp, 1)) df.set(id, df.get(id) + 1);
    }
  };
  chunks.forEach((chunk, c) => {
    paragraph[c] = paragraphOrdinal(chunk);
    fields.forEach((field, f) => {
      const o = out[f] as (typeof out)[number];
      o.pairStart.push(o.term.length);
      const value = (chunk as unknown as Record<string, unknown>)[field];
      if (value == null) {
        o.length.push(-1);
        return;
      }
      const text = String(value);
      let tokens = memo[f]?.get(text);
      let seenByStats = false;
      if (!tokens) {
        texts = [];
        tokens = tokenize(text, field);
        if (texts.length === 0) memo[f]?.set(text, tokens);
        for (const t of texts) {
          if (t === tokens) seenByStats = true;
          else countDocument(t);
        }
      }
      const stamp = vocab.newChunk();
      // Distinct tokens: the field's length, and TermStats' document frequencies when onText saw them.
      let distinct = 0;
      const ids = new Int32Array(tokens.length);
      for (let i = 0; i < tokens.length; i++) {
        const id = vocab.id(tokens[i] as string);
        ids[i] = id;
        if (vocab.mark(id, stamp, 1)) {
          distinct++;
          if (seenByStats) df.set(id, df.get(id) + 1);
        }
      }
      if (seenByStats) statsDocs++;
      o.length.push(distinct);
      const add = (id: number) => {
        if (vocab.mark(id, stamp, 2)) {
          vocab.slot[id] = o.term.length;
          o.term.push(id);
          o.tf.push(1);
        } else {
          const at = vocab.slot[id] as number;
          o.tf.set(at, o.tf.get(at) + 1);
        }
      };
      tokens.forEach((token, i) => {
        const p = processTerm(token, field);
        if (p === token) {
          if (p) add(ids[i] as number);
        } else if (Array.isArray(p)) {
          for (const t of p) if (t) add(vocab.id(t));
        } else if (p) add(vocab.id(p));
      });
    });
  });
  for (const o of out) o.pairStart.push(o.term.length);
  const dfTerms: string[] = [];
  const dfCounts: number[] = [];
  for (let id = 0; id < vocab.terms.length; id++) {
    if (id < df.length && df.get(id) > 0) {
      dfTerms.push(vocab.terms[id] as string);
      dfCounts.push(df.get(id));
    }
  }
  return {
    vocab: vocab.terms,
    paragraph,
    fields: out.map((o) => ({
      pairStart: o.pairStart.toArray(),
      term: o.term.toArray(),
      tf: o.tf.toArray(),
      length: o.length.toArray(),
    })),
    dfTerms,
    dfCounts: Uint32Array.from(dfCounts),
    statsDocs,
  };
}

/** Terms numbered in order of first sight, with per-term marks that say "seen in this chunk already". */
class Vocabulary {
  readonly terms: string[] = [];
  readonly #ids = new Map<string, number>();
  // Two marks per term: raw token seen (1), processed term seen (2), each against the chunk's stamp.
  #marks = new Int32Array(1024);
  slot = new Int32Array(512);
  #stamp = 0;

  newChunk(): number {
    return ++this.#stamp;
  }

  id(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.#ids.set(term, id);
      this.terms.push(term);
      if (id >= this.slot.length) {
        const marks = new Int32Array(this.#marks.length * 2);
        marks.set(this.#marks);
        this.#marks = marks;
        const slot = new Int32Array(this.slot.length * 2);
        slot.set(this.slot);
        this.slot = slot;
      }
    }
    return id;
  }

  /** Marks the term for this chunk; true the first time. */
  mark(id: number, stamp: number, which: 1 | 2): boolean {
    const at = 2 * id + which - 1;
    if (this.#marks[at] === stamp) return false;
    this.#marks[at] = stamp;
    return true;
  }
}

/** Merges batches in corpus order into postings sorted by chunk, per field. */
export class IndexAssembler {
  readonly #fields: readonly string[];
  readonly #vocab: string[] = [];
  readonly #ids = new Map<string, number>();
  readonly #paragraph = new Growable(Int32Array);
  readonly #avg: number[];
  readonly #length: Growable<Int32Array>[];
  readonly #docOfPair: Growable<Int32Array>[];
  readonly #term: Growable<Int32Array>[];
  readonly #tf: Growable<Uint32Array>[];
  readonly #df = new Map<string, number>();
  #statsDocs = 0;
  #docs = 0;

  constructor(fields: readonly string[]) {
    this.#fields = fields;
    this.#avg = fields.map(() => 0);
    this.#length = fields.map(() => new Growable(Int32Array));
    this.#docOfPair = fields.map(() => new Growable(Int32Array));
    this.#term = fields.map(() => new Growable(Int32Array));
    this.#tf = fields.map(() => new Growable(Uint32Array));
  }

  add(batch: TokenBatch): void {
    const remap = new Int32Array(batch.vocab.length);
    batch.vocab.forEach((term, i) => {
      let id = this.#ids.get(term);
      if (id === undefined) {
        id = this.#vocab.length;
        this.#ids.set(term, id);
        this.#vocab.push(term);
      }
      remap[i] = id;
    });
    const n = batch.paragraph.length;
    for (let c = 0; c < n; c++) {
      const doc = this.#docs++;
      this.#paragraph.push(batch.paragraph[c] as number);
      this.#fields.forEach((_, f) => {
        const ft = batch.fields[f] as FieldTokens;
        const len = ft.length[c] as number;
        this.#length[f]?.push(len);
        if (len < 0) return;
        // MiniSearch's running average, step by step: the same rounding as an index built by `add`.
        const avg = this.#avg[f] || 0;
        this.#avg[f] = (avg * doc + len) / (doc + 1);
        for (let p = ft.pairStart[c] as number; p < (ft.pairStart[c + 1] as number); p++) {
          this.#docOfPair[f]?.push(doc);
          this.#term[f]?.push(remap[ft.term[p] as number] as number);
          this.#tf[f]?.push(ft.tf[p] as number);
        }
      });
    }
    batch.dfTerms.forEach((t, i) => {
      this.#df.set(t, (this.#df.get(t) ?? 0) + (batch.dfCounts[i] as number));
    });
    this.#statsDocs += batch.statsDocs;
  }

  finish(): IndexData {
    const terms = this.#vocab.length;
    const postings = this.#fields.map((_, f) => {
      const term = this.#term[f] as Growable<Int32Array>;
      const offsets = new Uint32Array(terms + 1);
      for (let p = 0; p < term.length; p++) (offsets[term.get(p) + 1] as number)++;
      for (let t = 0; t < terms; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
      const fill = offsets.slice(0, terms);
      const docs = new Int32Array(term.length);
      const tf = this.#tf[f] as Growable<Uint32Array>;
      let maxTf = 0;
      for (let p = 0; p < tf.length; p++) maxTf = Math.max(maxTf, tf.get(p));
      if (maxTf > 0xffff) throw new Error(`term frequency ${maxTf} does not fit the index format`);
      const tfs = maxTf > 0xff ? new Uint16Array(term.length) : new Uint8Array(term.length);
      const docOfPair = this.#docOfPair[f] as Growable<Int32Array>;
      // Pairs arrive in chunk order, so every posting list comes out sorted by chunk.
      for (let p = 0; p < term.length; p++) {
        const at = (fill[term.get(p)] as number)++;
        docs[at] = docOfPair.get(p);
        tfs[at] = tf.get(p);
      }
      return { offsets, blocks: encodeDocs(offsets, docs), tfs };
    });
    const fieldLength = new Int32Array(this.#docs * this.#fields.length);
    this.#fields.forEach((_, f) => {
      const len = this.#length[f] as Growable<Int32Array>;
      for (let d = 0; d < this.#docs; d++) fieldLength[d * this.#fields.length + f] = len.get(d);
    });
    return {
      fields: [...this.#fields],
      docCount: this.#docs,
      avgFieldLength: [...this.#avg],
      fieldLength,
      docParagraph: this.#paragraph.toArray(),
      terms: this.#vocab,
      postings,
      dfTerms: [...this.#df.keys()],
      dfCounts: Uint32Array.from(this.#df.values()),
      statsDocs: this.#statsDocs,
    };
  }
}
