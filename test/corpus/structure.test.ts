import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { type Corpus, loadCorpus } from "../../src/corpus/corpus.ts";
import { classifySection, isMixedHeading, parseReport, splitSentences } from "../../src/corpus/structure.ts";

let corpus: Corpus | undefined;
const shippedCorpus = () => {
  corpus ??= loadCorpus("corpus");
  return corpus;
};

describe("section kinds", () => {
  test.each([
    ["一、2023年工作回顾", "review"],
    ["2023年政府工作回顾", "review"],
    ["一、2025年主要工作和“十四五”发展成就", "review"],
    ["一、2025年工作回顾和“十四五”发展主要成绩", "review"],
    ["二、2023年主要工作安排", "plan"],
    ["2023年政府主要工作安排", "plan"],
    ["2023年目标任务和工作重点", "plan"],
    ["三、2019年政府工作任务", "plan"],
    ["二、2024年经济社会发展总体要求和政策取向", "plan"],
    ["三、2026年重点工作", "plan"],
    ["三、全面加强政府自身建设", "self"],
    ["切实加强政府自身建设", "self"],
    ["名词解释", "other"],
  ])("%s is %s", (heading, kind) => {
    expect(classifySection(heading)).toBe(kind);
  });
});

// Headings from the imported reports that words alone misplaced (issue 11), with the year the report
// plans for: a heading naming that year is the plan, one naming an earlier year the review.
describe("section kinds from the years a heading names", () => {
  test.each([
    ["三、2026年主要工作", 2026, "plan"],
    ["一、2025年主要工作和“十四五”发展成就", 2026, "review"],
    ["一、2025年及“十四五”时期工作回顾", 2026, "review"],
    ["三、关于2026年工作", 2026, "plan"],
    ["二、2005年工作总体部署", 2005, "plan"],
    ["二、关于1998年政府工作的建议", 1998, "plan"],
    ["对今年政府工作的建议", 2019, "plan"],
    ["关于《国民经济和社会发展第十五个五年规划纲要（草案）》的说明", 2026, "plan"],
    ["一、关于过去五年的政府工作", 1998, "review"],
    ["过去五年国内工作的基本总结", 1988, "review"],
    ["一、１９９６年国内工作的回顾", 1997, "review"],
    ["一、一年接着一年干，新福建建设持续取得新进展新成效", 2026, "review"],
  ] as const)("%s (plans for %i) is %s", (heading, year, kind) => {
    expect(classifySection(heading, year)).toBe(kind);
  });

  test("a heading over the past year and five years is not multi-year (its single-year figures are annual)", () => {
    const ps = parseReport("x", "各位代表：\n一、过去一年和五年工作回顾\n增长5%。");
    expect(ps.at(-1)?.multiYear).toBe(false);
    expect(ps.at(-1)?.sectionKind).toBe("review");
  });

  test("a heading over a review and a plan is mixed", () => {
    expect(isMixedHeading("一、1998年工作回顾和1999年工作的总体要求")).toBe(true);
    expect(isMixedHeading("二、“十三五”时期发展成就和“十四五”时期主要目标任务")).toBe(true);
    expect(isMixedHeading("一、2025年工作回顾")).toBe(false);
  });

  test("numbered parts the words cannot place: the first is the review, the next ones this year's work", () => {
    // national-2000: "二、坚持实行扩大内需的方针" is 2000's work; 外交 stays apart.
    const ps = parseReport(
      "x",
      "各位代表：\n一、1999年国内工作回顾\n增长7.1%。\n二、坚持实行扩大内需的方针\n今年要增长7%。\n十、关于外交工作\n和平。",
    );
    expect(ps.filter((p) => !p.isHeading && p.headings.length > 0).map((p) => p.sectionKind)).toEqual([
      "review",
      "plan",
      "other",
    ]);
  });

  test("the year a report plans for comes from its headings: 1999年…回顾 in a report without other years is 2000's", () => {
    const ps = parseReport("x", "各位代表：\n一、1999年国内工作回顾\n正文。\n二、2000年主要任务\n正文。");
    expect(ps.filter((p) => p.isHeading).map((p) => p.sectionKind)).toEqual(["review", "plan"]);
  });
});

// Per report: the paragraph holding its 主要预期目标 and the section it must sit in, plus a review paragraph.
const REPORTS: [string, RegExp, RegExp][] = [
  ["liwan-2023", /^二、2023年工作安排$/, /^一、2023年工作回顾$/],
  ["linan-2023", /^2023年政府主要工作安排$/, /^2023年工作回顾$/],
  ["licheng-2023", /^二、2023年主要工作安排$/, /^一、2023年工作回顾$/],
  ["linzi-2023", /^2023年目标任务和工作重点$/, /^2023年政府工作回顾$/],
  ["national-2019", /^二、2019年经济社会发展总体要求和政策取向$/, /^一、2018年工作回顾$/],
  ["national-2024", /^二、2024年经济社会发展总体要求和政策取向$/, /^一、2023年工作回顾$/],
  ["national-2025", /^二、2025年经济社会发展总体要求和政策取向$/, /^一、2024年工作回顾$/],
  ["beijing-2026", /^三、2026年重点工作$/, /^一、2025年工作回顾$/],
  ["tianjin-2026", /^三、2026年重点工作$/, /^一、2025年和“十四五”时期工作回顾$/],
  ["zhejiang-2026", /^三、2026年重点工作$/, /^一、2025年主要工作和“十四五”发展成就$/],
  ["sichuan-2026", /^三、2026年工作安排$/, /^一、2025年工作回顾和“十四五”发展主要成绩$/],
  ["guangdong-2026", /^三、2026年工作安排$/, /^一、2025年和“十四五”时期工作回顾$/],
];

describe("report structure", () => {
  test.each(REPORTS)(
    "%s: targets paragraph in the plan section, review section found",
    (id, planHeading, reviewHeading) => {
      const report = shippedCorpus().reportById.get(id);
      if (!report) throw new Error(`no report ${id}`);
      const targets = report.paragraphs.find((p) => /预期目标[是为]/.test(p.text));
      expect(targets?.section).toMatch(planHeading);
      expect(targets?.sectionKind).toBe("plan");
      const review = report.paragraphs.filter((p) => p.sectionKind === "review" && !p.isHeading);
      expect(review.length).toBeGreaterThan(3);
      expect(review[0]?.section).toMatch(reviewHeading);
    },
  );

  test.each(REPORTS.map(([id]) => id))("%s: every paragraph is a verbatim line with a stable id", (id) => {
    const report = shippedCorpus().reportById.get(id);
    if (!report) throw new Error(`no report ${id}`);
    const text = readFileSync(report.path, "utf8");
    report.paragraphs.forEach((p, i) => {
      expect(p.id).toBe(`${id}#${i + 1}`);
      expect(text).toContain(p.text);
      for (const s of p.sentences) expect(p.text).toContain(s);
    });
  });

  test("numbered headings nest under an unnumbered part title", () => {
    const ps = parseReport(
      "x",
      "各位代表：\n2023年工作回顾\n一、坚持强平台、增质效,发展动能更足\n正文一。\n2023年政府主要工作安排\n一、以更强的定力促产兴业\n正文二。",
    );
    const body = ps.filter((p) => !p.isHeading && p.headings.length > 0);
    expect(body.map((p) => p.headings)).toEqual([
      ["2023年工作回顾", "一、坚持强平台、增质效,发展动能更足"],
      ["2023年政府主要工作安排", "一、以更强的定力促产兴业"],
    ]);
    expect(body.map((p) => p.sectionKind)).toEqual(["review", "plan"]);
  });

  test("a heading that opens its paragraph ((一)… then prose) is a sub-heading of that paragraph", () => {
    const ps = parseReport(
      "x",
      "各位代表：\n三、2024年政府工作任务\n（一）大力推进现代化产业体系建设，加快发展新质生产力。充分发挥创新主导作用。",
    );
    const last = ps.at(-1);
    expect(last?.isHeading).toBe(false);
    expect(last?.headings).toEqual([
      "三、2024年政府工作任务",
      "（一）大力推进现代化产业体系建设，加快发展新质生产力。",
    ]);
  });

  test("the title block before 各位代表 is not a section", () => {
    const ps = parseReport(
      "x",
      "政府工作报告\n国务院总理　李　强\n各位代表：\n一、2023年工作回顾\n过去一年。",
    );
    expect(ps[0]?.isHeading).toBe(false);
    expect(ps.at(-1)?.section).toBe("一、2023年工作回顾");
  });

  test("a multi-year heading without a year marks its paragraphs multi-year", () => {
    const ps = parseReport(
      "x",
      "各位代表：\n二、“十五五”时期主要目标与重点任务\n年均增长5%。\n三、2026年重点工作\n增长5%。",
    );
    expect(ps.filter((p) => !p.isHeading && p.headings.length > 0).map((p) => p.multiYear)).toEqual([
      true,
      false,
    ]);
  });
});

describe("sentences", () => {
  test("split at 。！？ and ； with both widths, keeping closing quotes", () => {
    expect(splitSentences("甲增长5%;乙增长6%。丙“好”。丁？")).toEqual([
      "甲增长5%;",
      "乙增长6%。",
      "丙“好”。",
      "丁？",
    ]);
    expect(splitSentences("没有句号的结尾")).toEqual(["没有句号的结尾"]);
  });
});
