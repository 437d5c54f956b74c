import { describe, expect, test } from "vitest";
import { run } from "../helpers.ts";

// Real questions: the first citation must hold the passage that answers them.
describe("/ask ranking", () => {
  test.each([
    ["/ask 临淄新建了多少充电桩", "临淄区", "新建1401座充电桩"],
    ["/ask 临淄新建了多少5G基站", "临淄区", "240个5G基站"],
    ["/ask 历城优良天数", "历城区", "优良天数达到244天"],
    ["/ask 荔湾新增市场主体多少户", "荔湾区", "新增市场主体1.5万户"],
    ["/ask 临安实际利用外资", "临安区", "实际利用外资2亿美元"],
    ["/ask 华南国家植物园", "荔湾区", "华南国家植物园"],
    ["/ask 稷下学宫遗址", "临淄区", "稷下学宫遗址基本确认"],
    ["/ask 临淄减税降费多少", "临淄区", "减税降费26.86亿元"],
    ["/ask 济莱高铁开通", "历城区", "济莱高铁顺利开通"],
    ["/ask 2024年全国粮食产量目标", "全国", "粮食产量1.3万亿斤以上"],
    ["/ask 2024年全国粮食产量", "全国", "粮食产量1.39万亿斤"],
    ["/ask Linzi 充电桩", "临淄区", "充电桩"],
    ["/ask 浙江 高新技术企业 数量", "浙江省", "高新技术企业"],
  ])("%s → %s: %s", (line, region, quote) => {
    const a = run(line);
    expect(a.ok).toBe(true);
    expect(a.citations[0]?.region).toBe(region);
    expect(a.citations[0]?.quote).toContain(quote);
  });

  test("a question asking for a number gets the clause holding it as the answer line", () => {
    expect(run("/ask 临淄新建了多少充电桩").answer).toContain("1401座充电桩");
    expect(run("/ask 历城优良天数").answer).toContain("244天");
  });

  test("a region in the question filters, a year selects that report", () => {
    const a = run("/ask 2019年 国内生产总值 预期目标");
    expect(a.citations.every((c) => c.id.startsWith("national-2019"))).toBe(true);
    expect(run("/ask 临淄 预期目标").citations.every((c) => c.region === "临淄区")).toBe(true);
  });

  test("synonyms expand the query: 社零 finds 社会消费品零售总额", () => {
    const a = run("/ask 历城 社零");
    expect(a.citations[0]?.quote).toContain("社会消费品零售总额");
  });

  test("marks point at matched terms and numbers inside the quote", () => {
    const c = run("/ask 临淄新建了多少充电桩").citations[0];
    const marked = (c?.marks ?? []).map((m) => c?.quote.slice(m.start, m.end));
    expect(marked).toContain("充电桩");
    expect(marked).toContain("1401座");
  });

  test("a question the reports cannot answer is not_found with the nearest passages", () => {
    const a = run("/ask 临淄有多少个机场");
    expect(a.ok).toBe(false);
    expect(a.error?.code).toBe("not_found");
    expect(a.citations.length).toBeGreaterThan(0);
    expect(a.answer).not.toMatch(/\d/);
  });

  test("paging: page 2 shows other passages", () => {
    const one = run("/ask 临淄 产业");
    const two = run("/ask 临淄 产业 page:2");
    expect(one.page?.hasMore).toBe(true);
    const firstIds = one.citations.map((c) => c.id);
    for (const c of two.citations) expect(firstIds).not.toContain(c.id);
  });
});

test("a question about a year no report speaks of is not_found, with the nearest passages", () => {
  // The national series starts in 1954: nothing reports or reviews 1950.
  const a = run("/ask 1950年粮食产量");
  expect(a.ok).toBe(false);
  expect(a.error?.code).toBe("not_found");
  expect(a.answer).toContain("1950年");
  expect(a.citations.length).toBeGreaterThan(0);
});

test("a how-many question whose best passage holds no number for it is not_found, not a sentence", () => {
  // 荔湾 mentions 人口 only in 人口计划生育服务管理中心: no population figure anywhere.
  const a = run("荔湾区的人口有多少");
  expect(a.ok).toBe(false);
  expect(a.error?.code).toBe("not_found");
  expect(a.citations.length).toBeGreaterThan(0);
});
