import { describe, expect, test } from "vitest";
import type { ReportEntry } from "../../src/corpus/manifest.ts";
import { parseReport } from "../../src/corpus/structure.ts";
import { loadLexicon } from "../../src/facts/lexicon.ts";
import { buildMatcher } from "../../src/facts/mentions.ts";
import { buildCorpusView, buildIngestionReport } from "../../src/ingest/report.ts";

const matcher = buildMatcher(loadLexicon("corpus"));
const ENTRY: ReportEntry = {
  id: "test-2026",
  file: "reports/test-2026.txt",
  title: "2026年测试县政府工作报告",
  region: "测试县",
  aliases: ["测试"],
  level: "区县",
  city: null,
  province: null,
  year: 2026,
  source: "test",
  notes: "",
};
// Invented sentences in the usual form of a county report.
const REVIEW = "过去一年，全县地区生产总值增长5.2%，一般公共预算收入增长6.1%，经济运行稳中有进、稳中向好。";
const TARGETS = "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长5%。";
const FULL = ["各位代表：", "一、2025年工作回顾", REVIEW, "二、2026年工作安排", TARGETS];

function reportOf(
  lines: string[],
  entry: Partial<ReportEntry> = {},
  others: Parameters<typeof buildCorpusView>[0] = [],
) {
  const text = lines.join("\n\n");
  const e = { ...ENTRY, ...entry };
  return buildIngestionReport({ ...e, text }, parseReport(e.id, text), matcher, buildCorpusView(others));
}

describe("the ingestion report", () => {
  test("a complete report: sections with kind and year, the 预期目标 paragraph, statements by kind", () => {
    const r = reportOf(FULL);
    expect(r.sections.map((s) => [s.heading, s.kind, s.year])).toEqual([
      ["一、2025年工作回顾", "review", 2025],
      ["二、2026年工作安排", "plan", 2026],
    ]);
    expect(r.targetsParagraph).toBe(5);
    expect(r.statements["target annual"]).toBeGreaterThan(0);
    expect(r.statements["actual annual"]).toBeGreaterThan(0);
    // Only the length warning: the test report is a few lines long.
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/正文只有/);
  });

  test.each([
    [
      "a heading that is neither review nor plan",
      ["各位代表：", "先说工业战线上的情况", "我们要大力发展科学技术事业。"],
      /未分类/,
    ],
    ["no targets", ["各位代表：", "一、2025年工作回顾", REVIEW], /没有找到任何目标表述/],
    ["no review part", ["各位代表：", "二、2026年工作安排", TARGETS], /没有识别出回顾部分/],
    ["no plan part", ["各位代表：", "一、2025年工作回顾", REVIEW], /没有识别出工作安排部分/],
  ])("warns on %s", (_, lines, warning) => {
    expect(reportOf(lines).warnings.some((w) => warning.test(w))).toBe(true);
  });

  test("closing words and foreign affairs are not unclassified sections", () => {
    const r = reportOf([
      ...FULL,
      "三、关于外交工作",
      "我们将坚持独立自主的和平外交政策。",
      "结束语",
      "让我们团结奋斗！",
    ]);
    expect(r.warnings.some((w) => /未分类/.test(w))).toBe(false);
  });

  test("paragraphs shared with another report: a formula is fine, three make a duplicate", () => {
    const other = { id: "copy-2026", region: "别县", aliases: [], text: FULL.join("\n") };
    const paras = [
      ...FULL,
      "我们要坚持以人民为中心的发展思想，持续增进民生福祉，让发展成果更多更公平惠及全体人民。",
    ];
    expect(reportOf(paras, {}, [other]).warnings.some((w) => /重复导入/.test(w))).toBe(false);
    const long = (i: number) =>
      `第${i}项民生实事全面完成，新建改造城镇老旧小区一批，群众获得感幸福感安全感持续增强。`;
    const shared = [long(1), long(2), long(3)];
    const dup = reportOf([...FULL, ...shared], {}, [{ ...other, text: shared.join("\n") }]);
    expect(dup.warnings).toContainEqual(expect.stringMatching(/3 段与已有报告 copy-2026/));
  });

  test("a region name or alias that another region already answers to is a warning", () => {
    const linzi = { id: "linzi-2023", region: "临淄区", aliases: ["临淄", "Linzi"] };
    const r = reportOf(FULL, { region: "临淄县", aliases: ["临淄"] }, [linzi]);
    expect(r.warnings).toContainEqual(expect.stringMatching(/「临淄」已是 临淄区/));
    expect(reportOf(FULL, {}, [linzi]).warnings.some((w) => /歧义/.test(w))).toBe(false);
  });

  test("a this-year section read as review is called out", () => {
    const r = reportOf(["各位代表：", "一、2026年工作回顾", REVIEW]);
    expect(r.warnings.some((w) => /被识别为回顾/.test(w))).toBe(true);
  });
});
