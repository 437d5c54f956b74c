import { describe, expect, test } from "vitest";
import { loadCorpus } from "../../src/corpus/corpus.ts";
import { audit, type GoldItem, loadGold, periodAccuracy, precision, recall } from "../../src/facts/audit.ts";
import { extractStatements } from "../../src/facts/extract.ts";
import { loadLexicon } from "../../src/facts/lexicon.ts";

// The figures reached on the gold set when it was written (see test/gold/README.md): the rule layer may
// get better, never worse. Precision is the promise; a trap is a wrong number quoted with authority.
const PRECISION_FLOOR = 1.0;
const PRE_2000_PRECISION_FLOOR = 1.0;
const RECALL_FLOOR = 0.985;
const PERIOD_FLOOR = 0.985;

describe("the rule layer on the hand-labelled gold set", () => {
  const result = (() => {
    const corpus = loadCorpus("corpus");
    const statements = extractStatements(corpus, loadLexicon("corpus"));
    return audit(loadGold("test/gold"), statements, corpus.reports);
  })();
  const errors = (cls: string) =>
    result.errors.filter((e) => e.class === cls).map((e) => `${e.reportId}: ${e.detail}`);

  test("the gold set covers at least 400 statements from 25 reports, all of them in the corpus", () => {
    expect(result.overall.gold).toBeGreaterThanOrEqual(400);
    expect(result.byReport.size).toBeGreaterThanOrEqual(25);
    expect(result.skippedReports).toEqual([]);
  });

  test("no trap is violated", () => {
    expect(errors("trap violated")).toEqual([]);
  });

  test(`precision stays at or above ${PRECISION_FLOOR}`, () => {
    expect(errors("wrong subject").concat(errors("unlabelled number"))).toEqual([]);
    expect(precision(result.overall)).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  });

  test(`precision on national reports before 2000 stays at or above ${PRE_2000_PRECISION_FLOOR}`, () => {
    const old = result.byEra.get("national<2000");
    expect(old?.extracted).toBeGreaterThan(0);
    if (old) expect(precision(old)).toBeGreaterThanOrEqual(PRE_2000_PRECISION_FLOOR);
  });

  test(`recall stays at or above ${RECALL_FLOOR} and period labels at or above ${PERIOD_FLOOR}`, () => {
    expect(recall(result.overall)).toBeGreaterThanOrEqual(RECALL_FLOOR);
    expect(periodAccuracy(result.overall)).toBeGreaterThanOrEqual(PERIOD_FLOOR);
  });
});

describe("the scorer", () => {
  const sentence = "地区生产总值增长5%，研发经费支出相当于全市生产总值的比例2.5%。";
  const gold: GoldItem[] = [
    {
      type: "statement",
      reportId: "r",
      sentence,
      tags: [],
      indicator: "gdp",
      kind: "actual",
      horizon: "annual",
      about: 2025,
      aboutEnd: null,
      value: 5,
      valueHigh: null,
      unit: "%",
      change: "增长",
      qualifier: null,
    },
    {
      type: "trap",
      reportId: "r",
      sentence,
      tags: ["ratio"],
      value: 2.5,
      digits: "2.5",
      unit: "%",
      notIndicator: "gdp",
      note: "R&D intensity is not GDP",
    },
  ];
  const statement = (indicatorId: string, value: number, about = 2025) => ({
    reportId: "r",
    sentence,
    indicatorId,
    kind: "actual" as const,
    horizon: "annual" as const,
    value,
    valueHigh: null,
    unit: "%",
    text: sentence,
    about,
    aboutEnd: null,
  });
  const reports = [{ id: "r", level: "省", year: 2026 }];

  test("counts a number attached to the indicator a trap names as a violation and a false positive", () => {
    const r = audit(gold, [statement("gdp", 5), statement("gdp", 2.5)], reports);
    expect(r.overall.trapViolations).toBe(1);
    expect(precision(r.overall)).toBe(0.5);
    expect(recall(r.overall)).toBe(1);
  });

  test("a wrong year is a period error, not a miss", () => {
    const r = audit(gold, [statement("gdp", 5, 2024)], reports);
    expect(recall(r.overall)).toBe(1);
    expect(periodAccuracy(r.overall)).toBe(0);
    expect(r.errors.map((e) => e.class)).toEqual(["wrong period"]);
  });

  test("gold items of reports outside the corpus are skipped and counted", () => {
    const r = audit(gold, [], []);
    expect(r.skipped).toBe(2);
    expect(r.skippedReports).toEqual(["r"]);
    expect(r.overall.gold).toBe(0);
  });
});
