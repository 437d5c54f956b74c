import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { CompactIndex } from "../../src/cache/compact-index.ts";
import { assemble, buildContents, type Prepared, prepare } from "../../src/cache/engine-cache.ts";
import type { EngineParts } from "../../src/engine.ts";
import { route } from "../../src/router/route.ts";
import { indexOptions, searchParagraphs } from "../../src/search/search-index.ts";
import { engine } from "../helpers.ts";

// The compact index must give MiniSearch's results exactly: same hits, same order, same float scores.
let ref: EngineParts;
let compact: EngineParts;
// The same index scored in blocks of 37 chunks (block edges fall inside reports, paragraphs and
// scopes), every field through the term level rather than by the two-field fast path.
let blocky: CompactIndex;
let blockyFast: CompactIndex;
let prep: Prepared;
let vocab: string[];
let reportIds: string[];

beforeAll(() => {
  ref = engine();
  prep = prepare("corpus");
  const contents = buildContents(prep);
  compact = assemble(prep, contents);
  blocky = new CompactIndex(contents.data, indexOptions(prep.tokenizer), prep.paragraphs, {
    block: 37,
    generic: true,
  });
  blockyFast = new CompactIndex(contents.data, indexOptions(prep.tokenizer), prep.paragraphs, { block: 37 });
  vocab = [...ref.stats.df.keys()];
  reportIds = ref.corpus.reports.map((r) => r.id);
});

const SHARED = "../shared/eval/dev.jsonl";
const EVAL = existsSync(SHARED) ? SHARED : "test/fixtures/eval-dev.jsonl";

describe("compact index", () => {
  test("answers random searches exactly as MiniSearch: terms, scopes and limits", () => {
    const query = fc.record({
      terms: fc.array(
        fc.oneof(
          fc.nat().map((i) => vocab[i % vocab.length] as string),
          fc.constantFrom("2025", "5", "gdp", "的", "不存在的词", "充电桩 5G基站", ""),
        ),
        { minLength: 1, maxLength: 7 },
      ),
      scope: fc.option(fc.subarray(reportIds), { nil: null }),
      limit: fc.integer({ min: 1, max: 60 }),
    });
    fc.assert(
      fc.property(query, ({ terms, scope, limit }) => {
        const ids = scope ? new Set(scope) : null;
        const expected = searchParagraphs(ref.index, terms, ids, limit);
        expect(searchParagraphs(compact.index, terms, ids, limit)).toEqual(expected);
        expect(blocky.searchParagraphs(terms, ids, limit)).toEqual(expected);
        expect(blockyFast.searchParagraphs(terms, ids, limit)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  test("lists integer-like terms first, as the keys of MiniSearch's match object", () => {
    const terms = ["增长", "2025", "5"];
    const a = searchParagraphs(compact.index, terms, null, 30);
    expect(a).toEqual(searchParagraphs(ref.index, terms, null, 30));
    expect(a.some((h) => h.terms[0] === "2025")).toBe(true);
  });

  test("gives identical answers to the eval questions and to every command", () => {
    const lines = readFileSync(EVAL, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { ask: string }).ask);
    const more = [
      "/compare GDP",
      "/compare 居民收入 actual",
      "/ask 新能源汽车",
      "/reports",
      "/source linzi-2023#5",
    ];
    for (const line of [...lines, ...more]) {
      expect(JSON.stringify(route(compact, line)), line).toBe(JSON.stringify(route(ref, line)));
    }
  });

  test("counts the same TermStats and extracts the same statements as the engine", () => {
    expect(compact.stats.docs).toBe(ref.stats.docs);
    expect(compact.stats.df).toEqual(ref.stats.df);
    expect(compact.facts.all).toEqual(ref.facts.all);
  });
});
