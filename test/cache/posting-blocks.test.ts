import fc from "fast-check";
import { expect, test } from "vitest";
import { BLOCK_POSTINGS, DocCursor, decodeDocs, encodeDocs, hasDoc } from "../../src/cache/posting-blocks.ts";

// Posting lists: ascending chunk numbers per term, some long enough for many blocks, some empty.
const lists = fc.array(
  fc
    .uniqueArray(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 3 * BLOCK_POSTINGS + 5 })
    .map((xs) => xs.sort((a, b) => a - b)),
  { minLength: 1, maxLength: 6 },
);

function encode(terms: number[][]) {
  const offsets = Uint32Array.from([0, ...terms.map((_, i) => terms.slice(0, i + 1).flat().length)]);
  return { offsets, blocks: encodeDocs(offsets, Int32Array.from(terms.flat())) };
}

test("decodes every posting list it encoded", () => {
  fc.assert(
    fc.property(lists, (terms) => {
      const { offsets, blocks } = encode(terms);
      terms.forEach((docs, t) => {
        expect(decodeDocs(blocks, t, offsets[t] as number, offsets[t + 1] as number)).toEqual(docs);
      });
    }),
  );
});

test("seek lands on the first chunk ≥ the target, with its posting index", () => {
  fc.assert(
    fc.property(
      lists,
      fc.array(fc.integer({ min: 0, max: 5_100_000 }), { maxLength: 8 }),
      (terms, targets) => {
        const { offsets, blocks } = encode(terms);
        terms.forEach((docs, t) => {
          const from = offsets[t] as number;
          if (docs.length === 0) return;
          const cursor = new DocCursor(blocks).reset(t, from, offsets[t + 1] as number);
          for (const target of [...targets].sort((a, b) => a - b)) {
            cursor.seek(target);
            const i = docs.findIndex((d) => d >= target);
            expect(cursor.doc).toBe(i < 0 ? 0x7fffffff : docs[i]);
            if (i >= 0) expect(cursor.p).toBe(from + i);
          }
          for (const d of targets)
            expect(hasDoc(blocks, t, from, offsets[t + 1] as number, d)).toBe(docs.includes(d));
        });
      },
    ),
  );
});

test("takes one byte for each gap under 128", () => {
  const docs = Array.from({ length: 1000 }, (_, i) => i * 3);
  const { blocks } = encode([docs]);
  expect(blocks.bytes.length).toBe(1000 - Math.ceil(1000 / BLOCK_POSTINGS));
});
