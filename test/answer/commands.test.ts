import { describe, expect, test } from "vitest";
import type { Answer } from "../../src/answer/schema.ts";
import { checked } from "../../src/answer/validate.ts";
import { engine, run } from "../helpers.ts";

describe("/target and /figure", () => {
  test.each([
    ["/target 临淄 GDP", "临淄区", "临淄区 · 2023年预期目标 · 地区生产总值：增长5.5%以上"],
    ["/target region:临淄 indicator:GDP year:2023", "临淄区", "增长5.5%以上"],
    ["/target 临淄区 gdp", "临淄区", "增长5.5%以上"],
    ["/target Linzi GDP", "临淄区", "增长5.5%以上"],
    ["/target 临淄GDP", "临淄区", "增长5.5%以上"],
    ["/target 全国 GDP 2019", "全国", "全国 · 2019年预期目标 · 国内生产总值：增长6%—6.5%"],
    ["/target 中国 失业率 2024", "全国", "城镇调查失业率：5.5%左右"],
    ["/target 广东 GDP", "广东省", "增长4.5%—5%"],
    ["/target 历城 农民收入", "历城区", "农村居民人均可支配收入：增长5.5%以上"],
    ["/figure 历城 社零", "历城区", "社会消费品零售总额：600亿元，增长3%"],
    ["/figure 历城 农村居民收入", "历城区", "农村居民人均可支配收入：增长7%"],
    ["/figure 临淄 实际使用外资", "临淄区", "6349万美元"],
    ["/figure 浙江 城镇居民人均可支配收入", "浙江省", "增长4.3%"],
    ["/目标 北京 CPI", "北京市", "居民消费价格：涨幅2%左右"],
  ])("%s", (line, region, want) => {
    const a = run(line);
    expect(a.ok).toBe(true);
    expect(a.facts[0]?.region).toBe(region);
    expect(a.answer).toContain(want);
    expect(a.citations[0]?.region).toBe(region);
  });

  test("every number in the answer's first line appears in its quote", () => {
    for (const line of [
      "/target 临淄 GDP",
      "/figure 荔湾 税收总额",
      "/figure 临淄 规上工业总产值",
      "/target 全国 粮食产量 2024",
    ]) {
      const a = run(line);
      const first = a.answer.split("\n")[0] ?? "";
      const numbers = first.replace(/^.*?：/, "").match(/\d+(\.\d+)?/g) ?? [];
      for (const n of numbers) expect(a.citations[0]?.quote, `${line}: ${n}`).toContain(n);
    }
  });

  test("the 预期目标 paragraph first; a 十五五 goal of the same indicator is another period, not listed", () => {
    const a = run("/target 广东 GDP");
    expect(a.answer.split("\n")[0]).toContain("2026年预期目标");
    expect(a.answer).not.toContain("中长期目标");
    // Issue 11: the answer and its 其他相关表述 hold one indicator, one region, one period.
    for (const f of a.facts) expect(f).toMatchObject({ horizon: "annual", year: 2026, region: "广东省" });
  });

  test.each([
    ["/figure 临淄 5G基站", "5G基站：240个", "240个5G基站"],
    ["/figure 临淄 充电桩", "充电桩：1401座", "新建1401座充电桩"],
    ["/target 临淄 5G基站", "5G基站：200处", "新建200处5G基站"],
    ["/figure 荔湾 行政复议案件", "行政复议案件：381件", "办理行政复议案件381件"],
  ])("a phrase outside the lexicon gets the same rules: %s", (line, want, quote) => {
    const a = run(line);
    expect(a.ok).toBe(true);
    expect(a.answer).toContain(want);
    expect(a.citations[0]?.quote).toContain(quote);
  });

  test("an annual plan sentence answers; the multi-year goal of the 预期目标 kind is not shown as annual", () => {
    const a = run("/target 浙江 研发投入");
    expect(a.facts[0]).toMatchObject({ horizon: "annual", value: 3.35 });
    expect(a.facts.every((f) => f.horizon === "annual")).toBe(true);
  });

  test("a qualitative target is a fact with value null", () => {
    const a = run("/target 临安 一般公共预算收入");
    expect(a.facts[0]).toMatchObject({ value: null, text: "一般公共预算收入与经济增长保持同步" });
  });

  test("nothing found: not_found, no number, nearest passages from that report only", () => {
    const a = run("/target 荔湾 失业率");
    expect(a).toMatchObject({ ok: false, facts: [], error: { code: "not_found" } });
    expect(a.answer).not.toMatch(/\d+(\.\d+)?%/);
    for (const c of a.citations) expect(c.region).toBe("荔湾区");
  });

  test("unknown region says so, points to /reports and never answers with a number", () => {
    const a = run("/figure 火星 GDP");
    expect(a.error?.code).toBe("unknown_region");
    expect(a.answer).toContain("/reports");
    expect(a.answer).not.toMatch(/\d/);
    expect(a.error?.suggestions?.length).toBeGreaterThan(0);
  });

  test("a near-miss region suggests the closest", () => {
    const a = run("/target 临淄市 GDP");
    expect(a.error?.code).toBe("unknown_region");
    expect(a.error?.suggestions).toContain("临淄区");
  });

  test("ambiguous region lists the candidates", () => {
    const a = run("/target 临 GDP");
    expect(a.error?.code).toBe("ambiguous_region");
    expect(a.error?.suggestions).toEqual(["临安区", "临淄区"]);
  });

  test("unknown indicator: not_found with the closest lexicon names", () => {
    const a = run("/target 临淄 工业产值增速");
    const b = run("/target 临淄 幸福指数");
    expect(b.error?.code).toBe("not_found");
    expect(a.ok || (a.error?.suggestions?.length ?? 0) > 0).toBe(true);
  });

  test("a year the region has no report for says which years it has", () => {
    const a = run("/target 临淄 GDP 2019");
    expect(a.error?.code).toBe("not_found");
    expect(a.answer).toContain("2023");
  });
});

describe("/compare", () => {
  test("one row per region, sorted by value, each with its quote", () => {
    const a = run("/compare GDP level:区县");
    expect(a.ok).toBe(true);
    const rows = a.answer.split("\n").slice(1);
    expect(rows[0]).toMatch(/^荔湾：增长6\.5%/);
    expect(a.citations.length).toBe(rows.filter((r) => !r.startsWith("未找到")).length);
    const values = a.facts
      .filter((f, i, all) => all.findIndex((g) => g.region === f.region) === i)
      .map((f) => f.value);
    const numeric = values.filter((v): v is number => v !== null);
    expect(numeric).toEqual([...numeric].sort((x, y) => y - x));
  });

  test("actual figures and regions without a statement are listed as such", () => {
    const a = run("/compare 税收 actual 区县");
    expect(a.ok).toBe(true);
    expect(a.answer).toContain("未找到相关表述");
  });
});

describe("/compare compares like with like", () => {
  test("by default one year and one level, the ones most regions share, named in the title", () => {
    const a = run("/compare GDP");
    const title = a.answer.split("\n")[0] ?? "";
    const [, level, year] = title.match(/· (全国|省级|市级|区县级) · (\d{4})年报告/) ?? [];
    expect(level).toBeDefined();
    const cited = new Set(a.citations.map((c) => c.id.replace(/#\d+$/, "")));
    for (const id of cited) expect(engine().reportById.get(id)?.year).toBe(Number(year));
    const levels = new Set([...cited].map((id) => engine().reportById.get(id)?.level));
    expect(levels.size).toBe(1);
  });

  test("a level or year nobody has is not_found, said in Chinese", () => {
    const a = run("/compare GDP level:市 year:1950");
    expect(a.error?.code).toBe("not_found");
    expect(a.answer).toMatch(/没有/);
  });
});

describe("plain questions route by what they name", () => {
  test.each([
    ["临淄今年GDP目标是多少?", "target", "5.5%以上"],
    ["历城去年社零多少", "figure", "600亿元"],
    ["荔湾的税收总额是多少", "figure", "386.23亿元"],
    ["各地GDP目标对比", "compare", "预期目标对比"],
    ["临淄新建了多少充电桩", "ask", "1401"],
  ])("%s → /%s", (line, command, want) => {
    const a = run(line);
    expect(a.command).toBe(command);
    expect(a.answer).toContain(want);
  });
});

describe("/reports, /source, /help", () => {
  test("/reports lists the corpus", () => {
    const a = run("/reports");
    expect(a.answer).toContain("linzi-2023");
    expect(a.answer).toContain("guangdong-2026");
  });

  test("/source returns the whole paragraph with its heading", () => {
    const a = run("/source linzi-2023#19");
    expect(a.citations[0]?.quote).toContain("主要预期目标");
    expect(a.answer).toContain("2023年目标任务和工作重点");
  });

  test.each([["/source nope"], ["/source linzi-2023#9999"]])("%s is a clear error", (line) => {
    expect(run(line).ok).toBe(false);
  });

  test("/help", () => {
    expect(run("/help").answer).toContain("/target");
  });

  test("with validation on (as in the bot and JSON output), a malformed answer never leaves the engine", () => {
    const malformed = { ...run("/help"), citations: [{ id: "x", quote: 1 }] } as unknown as Answer;
    expect(() => checked(malformed)).toThrow();
    expect(checked(run("/help")).ok).toBe(true);
  });
});

describe("an alias the report states in another form", () => {
  test("历城 reports 优良天数 as days, not the ratio the alias names: the phrase's own figure, quoted", () => {
    const a = run("历城优良天数有多少");
    expect(a.ok).toBe(true);
    expect(a.answer).toContain("优良天数：244天");
    expect(a.citations[0]?.quote).toContain("优良天数达到244天");
  });

  test("a two-character alias never takes a number by adjacency alone", () => {
    const a = run("/figure 荔湾 消费");
    expect(a.answer).not.toMatch(/消费：/);
  });
});

test("a target the report states twice is one line, not repeated under 其他相关表述", () => {
  const a = run("/target 全国 CPI 2025");
  const lines = a.answer.split("\n").map((l) => l.replace(/^- /, ""));
  expect(new Set(lines).size).toBe(lines.length);
});
