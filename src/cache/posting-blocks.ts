/**
 * Posting lists of chunk numbers, compressed: each term's list is cut into blocks of BLOCK_POSTINGS; a
 * block stores its first chunk number in full and the gaps to the next ones as LEB128 varints (one byte
 * for a gap under 128, which common terms nearly always have). At 1000× that is ~1.1 bytes a posting
 * instead of 4, and a block can be found by binary search on its first chunk without decoding the rest.
 */

export const BLOCK_POSTINGS = 128;

export interface DocBlocks {
  /** Term t's blocks are [termBlock[t], termBlock[t + 1]). */
  termBlock: Uint32Array;
  /** First chunk number of each block. */
  blockDoc: Int32Array;
  /** Where each block's gaps start in `bytes`. */
  blockByte: Uint32Array;
  bytes: Uint8Array;
}

/** Compresses ascending chunk numbers; term t's postings are docs[offsets[t], offsets[t + 1]). */
export function encodeDocs(offsets: Uint32Array, docs: Int32Array): DocBlocks {
  const terms = offsets.length - 1;
  const termBlock = new Uint32Array(terms + 1);
  let blocks = 0;
  for (let t = 0; t < terms; t++) {
    termBlock[t] = blocks;
    blocks += Math.ceil(((offsets[t + 1] as number) - (offsets[t] as number)) / BLOCK_POSTINGS);
  }
  termBlock[terms] = blocks;
  const blockDoc = new Int32Array(blocks);
  const blockByte = new Uint32Array(blocks);
  let bytes = new Uint8Array(Math.max(16, docs.length + 16));
  let at = 0;
  let b = 0;
  for (let t = 0; t < terms; t++) {
    const to = offsets[t + 1] as number;
    for (let p = offsets[t] as number; p < to; p++) {
      const d = docs[p] as number;
      if ((p - (offsets[t] as number)) % BLOCK_POSTINGS === 0) {
        blockDoc[b] = d;
        blockByte[b++] = at;
        continue;
      }
      let gap = d - (docs[p - 1] as number);
      if (gap <= 0) throw new Error(`postings of term ${t} are not ascending`);
      if (at + 5 > bytes.length) {
        const grown = new Uint8Array(bytes.length * 2);
        grown.set(bytes);
        bytes = grown;
      }
      while (gap >= 0x80) {
        bytes[at++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      bytes[at++] = gap;
    }
  }
  return { termBlock, blockDoc, blockByte, bytes: bytes.slice(0, at) };
}

/**
 * A position in one term's list: the posting index `p` (for its term frequency), its chunk number `doc`
 * (END past the last), and where decoding resumes. Moves forward only. Its fields are public so the
 * scorer's hot loop can step through a block with local variables (BlockScorer#term).
 */
export class DocCursor {
  p = 0;
  doc = 0;
  to = 0;
  block = 0;
  lastBlock = 0;
  byte = 0;
  /** Postings left in the current block after the one at the cursor. */
  left = 0;
  readonly blocks: DocBlocks;

  constructor(blocks: DocBlocks) {
    this.blocks = blocks;
  }

  /** Starts at the first posting of term t, whose postings are [from, to). */
  reset(t: number, from: number, to: number): this {
    this.p = from;
    this.to = to;
    this.block = this.blocks.termBlock[t] as number;
    this.lastBlock = (this.blocks.termBlock[t + 1] as number) - 1;
    this.enter(this.block);
    return this;
  }

  /** The next posting. */
  next(): void {
    this.p++;
    if (this.p >= this.to) {
      this.doc = END;
      return;
    }
    if (this.left === 0) {
      this.enter(this.block + 1);
      return;
    }
    const bytes = this.blocks.bytes;
    let at = this.byte;
    let byte = bytes[at++] as number;
    let gap = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = bytes[at++] as number;
      gap |= (byte & 0x7f) << shift;
    }
    this.byte = at;
    this.left--;
    this.doc += gap;
  }

  /** Moves to the first posting whose chunk is ≥ target (skipping whole blocks by binary search). */
  seek(target: number): void {
    if (this.doc >= target) return;
    const blockDoc = this.blocks.blockDoc;
    // The last block starting at or before the target; if it is ahead of the cursor, jump there.
    let lo = this.block;
    let hi = this.lastBlock;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((blockDoc[mid] as number) <= target) lo = mid;
      else hi = mid - 1;
    }
    if (lo > this.block) {
      this.p += (lo - this.block - 1) * BLOCK_POSTINGS + this.left + 1;
      this.enter(lo);
    }
    while (this.doc < target) this.next();
  }

  /** Moves to the first posting of a block (p must be that posting's index). */
  enter(block: number): void {
    this.block = block;
    this.byte = this.blocks.blockByte[block] as number;
    // Postings of this block after its first: a full block has BLOCK_POSTINGS - 1, the last may have fewer.
    this.left = Math.min(BLOCK_POSTINGS, this.to - this.p) - 1;
    this.doc = this.p < this.to ? (this.blocks.blockDoc[block] as number) : END;
  }
}

export const END = 0x7fffffff;

/** Whether chunk d is in term t's list. */
export function hasDoc(blocks: DocBlocks, t: number, from: number, to: number, d: number): boolean {
  if (from === to) return false;
  const cursor = new DocCursor(blocks).reset(t, from, to);
  cursor.seek(d);
  return cursor.doc === d;
}

/** Every chunk number of term t, decoded: for tests and checks. */
export function decodeDocs(blocks: DocBlocks, t: number, from: number, to: number): number[] {
  const out: number[] = [];
  if (from === to) return out;
  for (const c = new DocCursor(blocks).reset(t, from, to); c.doc !== END; c.next()) out.push(c.doc);
  return out;
}
