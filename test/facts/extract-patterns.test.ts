import { describe, expect, test } from "vitest";
import { extractText, type Statement } from "../../src/facts/extract.ts";
import { formatLine, formatValue } from "../../src/facts/format.ts";
import { type Lexicon, loadLexicon } from "../../src/facts/lexicon.ts";
import { findNumbers } from "../../src/facts/numbers.ts";
import { engine } from "../helpers.ts";

const lex = () => engine().lexicon;
const summary = (ss: Statement[]) => ss.map((s) => `${s.indicatorId} ${formatValue(s)}`);
const extract = (text: string, kind: "target" | "actual" = "actual", l: Lexicon = lex()) =>
  summary(extractText(text, l, { kind }));

describe("number expressions", () => {
  test.each([
    ["增长5.5%以上", { value: 5.5, unit: "%", qualifier: "以上" }],
    ["增长5%左右", { value: 5, unit: "%", qualifier: "左右" }],
    ["控制在5%以内", { value: 5, unit: "%", qualifier: "以内" }],
    ["1215.57亿元", { value: 1215.57, unit: "亿元", qualifier: null }],
    ["1.3万亿斤以上", { value: 1.3, unit: "万亿斤", qualifier: "以上" }],
    ["6349万美元", { value: 6349, unit: "万美元", qualifier: null }],
    ["提高0.5个百分点", { value: 0.5, unit: "个百分点", qualifier: null }],
    ["城镇新增就业1100万人以上", { value: 1100, unit: "万人", qualifier: "以上" }],
    ["约350亿元", { value: 350, unit: "亿元", qualifier: "约" }],
    ["超6000家", { value: 6000, unit: "家", qualifier: "超" }],
    ["10.5万吨", { value: 10.5, unit: "万吨", qualifier: null }],
    ["新建高标准农田1.18万亩", { value: 1.18, unit: "万亩", qualifier: null }],
  ])("reads %s", (text, want) => {
    expect(findNumbers(text)[0]).toMatchObject(want);
  });

  test.each([
    ["6%－6.5%", 6, 6.5],
    ["5%—5.5%", 5, 5.5],
    ["4.5%-5%", 4.5, 5],
    ["4.5%—5%", 4.5, 5],
  ])("reads the range %s", (text, low, high) => {
    expect(findNumbers(text)[0]).toMatchObject({ value: low, valueHigh: high, unit: "%" });
  });

  test.each(["2023年", "第3季度", "PM2.5浓度", "5G基站", "“十四五”"])("%s holds no value", (text) => {
    expect(findNumbers(text)).toEqual([]);
  });
});

describe("extraction patterns", () => {
  test.each([
    // value and growth together, half- and full-width punctuation
    ["地区生产总值1215.57亿元、增长1.1%", ["gdp 1215.57亿元", "gdp 增长1.1%"]],
    ["实现地区生产总值67665亿元，增长5.5%", ["gdp 67665亿元", "gdp 增长5.5%"]],
    ["实现地区生产总值67665亿元,增长5.5%", ["gdp 67665亿元", "gdp 增长5.5%"]],
    // a continuation clause keeps its subject; a clause with a new subject does not
    ["一般公共预算收入126亿元,可比增长6.8%", ["budget_revenue 126亿元", "budget_revenue 可比增长6.8%"]],
    ["新增国家高新技术企业118家、省科技型中小企业234家", ["high_tech_enterprises 新增118家"]],
    [
      "新增高新技术企业174家、总量达到555家",
      ["high_tech_enterprises 新增174家", "high_tech_enterprises 555家"],
    ],
    // a share of GDP belongs to the subject before it; GDP after 占/与 is a denominator
    ["全社会研发投入增长21%、占GDP比重达到3.1%", ["rd_spending 增长21%", "rd_intensity 3.1%"]],
    ["把工业增加值占GDP比重提升至30%", []],
    ["社会物流总费用与地区生产总值的比率降至13.6%左右", []],
    // a term inside another indicator's name is not that indicator
    ["海洋生产总值占GDP比重达到14%左右", []],
    ["人均地区生产总值从9万元提高到11万元", []],
    // a value in a unit the indicator never takes belongs to something else
    ["为经营主体减负2500亿元以上", []],
    // distributed lists
    ["城乡居民人均可支配收入分别增长4%和7%", ["urban_income 增长4%", "rural_income 增长7%"]],
    ["城镇和农村居民人均可支配收入分别增长4.3%、5.5%", ["urban_income 增长4.3%", "rural_income 增长5.5%"]],
    ["一般公共预算收入、税收收入分别增长4.3%、5.5%", ["budget_revenue 增长4.3%", "tax 增长5.5%"]],
    ["利用外资、投资分别增长45%、20%", ["foreign_investment 增长45%"]],
    // change words and levels
    ["单位国内生产总值能耗降低2.5%左右", ["energy_intensity 降低2.5%左右"]],
    ["居民消费价格涨幅3%左右", ["cpi 涨幅3%左右"]],
    ["城镇调查失业率控制在5%以内", ["unemployment 5%以内"]],
    ["研发投入强度从2.77%提高到3.3%左右", ["rd_intensity 2.77%", "rd_intensity 3.3%左右"]],
    ["实现规模工业增加值251.93亿元", ["industrial_value_added 251.93亿元"]],
    ["预计实现地区生产总值1265亿元", ["gdp 预计1265亿元"]],
  ])("%s", (text, expected) => {
    expect(extract(text)).toEqual(expected);
  });

  test("qualifiers 力争 and 以上 both stay with the value", () => {
    expect(extract("力争规上工业总产值突破3000亿元、增长10%以上", "target")).toEqual([
      "industrial_output 力争突破3000亿元",
      "industrial_output 力争增长10%以上",
    ]);
  });

  test("qualitative targets in the 预期目标 paragraph have value null and keep their text", () => {
    const ss = extractText(
      "今年全区发展主要预期目标是:地区生产总值增长5%以上;一般公共预算收入与经济增长保持同步;城市居民收入增长与经济增长基本同步。",
      lex(),
      { kind: "target" },
    );
    expect(ss.map((s) => [s.indicatorId, s.value, s.text, s.headline])).toEqual([
      ["gdp", 5, "地区生产总值增长5%以上", true],
      ["budget_revenue", null, "一般公共预算收入与经济增长保持同步", true],
      ["urban_income", null, "城市居民收入增长与经济增长基本同步", true],
    ]);
  });

  test("multi-year goals are labelled apart from the annual target", () => {
    const ss = extractText("“十五五”时期地区生产总值年均增长5%左右，今年地区生产总值增长5%左右。", lex(), {
      kind: "target",
    });
    expect(ss.map((s) => s.horizon)).toEqual(["multi-year", "annual"]);
  });

  test("a paragraph under a 十五五 heading is multi-year unless it speaks of this year", () => {
    const multi = extractText("地区生产总值增长5%左右。", lex(), { kind: "target", multiYear: true });
    expect(multi[0]?.horizon).toBe("multi-year");
  });

  test("a sentence looking back is an actual result even in a plan section", () => {
    const ss = extractText("过去一年，地区生产总值增长5.2%。", lex(), { kind: "target" });
    expect(ss[0]?.kind).toBe("actual");
  });

  test("lists sharing a suffix are distributed: 城市和农村低保标准", () => {
    const base = loadLexicon("corpus");
    const custom: Lexicon = {
      ...base,
      indicators: [
        ...base.indicators,
        ...["基础养老金", "城市低保标准", "农村低保标准"].map((name, i) => ({
          id: `test_${i}`,
          name,
          terms: [name],
          aliases: [],
          units: [],
          notAfter: [],
          notBefore: [],
          narrower: [],
          levelNames: {},
        })),
      ],
    };
    expect(
      extract("居民基础养老金、城市和农村低保标准分别提高到每人每月165元、880元、755元", "actual", custom),
    ).toEqual(["test_0 165元", "test_1 880元", "test_2 755元"]);
  });
});

describe("formatter", () => {
  test("prints the region, the period and the value the same way every time", () => {
    const [s] = extractText("2023年全区经济社会发展主要预期目标是:地区生产总值增长5.5%以上。", lex(), {
      kind: "target",
      region: "临淄区",
    });
    if (!s) throw new Error("no statement");
    expect(formatLine("临淄区", "地区生产总值", [s])).toBe(
      "临淄区 · 2023年预期目标 · 地区生产总值：增长5.5%以上",
    );
  });

  test("ranges use one dash and keep the digits as written", () => {
    expect(extract("国内生产总值增长6%－6.5%", "target")).toEqual(["gdp 增长6%—6.5%"]);
  });
});
