import { describe, expect, test } from "vitest";
import { decodeStatements, encodeStatements } from "../../src/cache/statement-codec.ts";
import type { Statement } from "../../src/facts/extract.ts";
import { engine } from "../helpers.ts";

const paragraphs = () => engine().corpus.reports.flatMap((r) => r.paragraphs);

describe("statement table", () => {
  test("round-trips every statement of the corpus exactly", () => {
    const all = engine().facts.all;
    const table = encodeStatements(all, paragraphs());
    expect(decodeStatements(table, paragraphs())).toEqual(all);
    // Quoted sentences are cut from the corpus text, not stored: (almost) none is in the string table.
    const stored = new Set(table.strings);
    expect(all.filter((s) => stored.has(s.sentence)).length).toBeLessThan(all.length / 20);
  });

  test("keeps fields it has never seen, nulls, and strings that are not in the paragraph", () => {
    const [first] = engine().facts.all as Statement[];
    const odd = {
      ...first,
      sentence: "不在段落里的一句话，也要原样回来。",
      flag: true,
      score: -1.5,
      note: null,
    } as unknown as Statement;
    const table = encodeStatements([first as Statement, odd], paragraphs());
    expect(decodeStatements(table, paragraphs())).toEqual([first, odd]);
  });

  test("refuses a field mixing numbers and strings rather than storing it wrongly", () => {
    const [a, b] = engine().facts.all as Statement[];
    const mixed = [{ ...a, value: "五" }, b] as unknown as Statement[];
    expect(() => encodeStatements(mixed, paragraphs())).toThrow(/types/);
  });
});
