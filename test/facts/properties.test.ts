import { describe, expect, test } from "vitest";
import type { Statement } from "../../src/facts/extract.ts";
import { foldWidth } from "../../src/facts/numbers.ts";
import { engine } from "../helpers.ts";

describe("every statement extracted from the corpus", () => {
  let statements: Statement[] | undefined;
  const all = () => {
    statements ??= [...engine().store.allStatements()];
    return statements;
  };

  test("every statement belongs to a report of the corpus and names its region", () => {
    expect(all().length).toBeGreaterThan(0);
    for (const s of all()) expect(engine().reportById.get(s.reportId)?.region).toBe(s.region);
  });

  test("its value's digits appear in its text", () => {
    for (const s of all()) {
      if (s.digits === null) continue;
      expect(s.text).toContain(s.digits);
      if (s.digitsHigh !== null) expect(s.text).toContain(s.digitsHigh);
      expect(Number(foldWidth(s.digits))).toBe(s.value);
    }
  });

  test("its text is in its sentence, and its sentence in its cited paragraph", () => {
    for (const s of all()) {
      const p = engine().store.paragraph(s.paragraphId);
      expect(p, s.paragraphId).toBeDefined();
      expect(s.sentence).toContain(s.text);
      expect(p?.text).toContain(s.sentence);
    }
  });

  test("a statement without a value is a target with its qualitative text", () => {
    for (const s of all().filter((x) => x.value === null)) {
      expect(s.kind).toBe("target");
      expect(s.unit).toBeNull();
      expect(s.text.length).toBeGreaterThan(4);
    }
  });

  test("its unit is one the lexicon expects for the indicator", () => {
    for (const s of all()) {
      if (s.unit === null || s.unit === "个百分点") continue;
      const units = engine().lexicon.byId.get(s.indicatorId)?.units ?? [];
      if (units.length > 0) expect(units, `${s.indicatorId} ${s.text}`).toContain(s.unit);
    }
  });
});
