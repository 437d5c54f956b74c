import { describe, expect, test } from "vitest";
import { engine } from "../helpers.ts";

describe("tokenizer", () => {
  const tok = () => engine().tokenizer();

  test.each([
    ["GDP增长5.5%", ["gdp"]],
    ["研发投入R&D强度", ["r&d"]],
    ["新建5G基站240个", ["5g", "240"]],
    ["PM2.5平均浓度", ["pm2.5"]],
    ["占GDP比重达3.56%", ["gdp", "3.56"]],
  ])("keeps ASCII words and numbers whole: %s", (text, whole) => {
    const terms = tok().tokenize(text);
    for (const w of whole) expect(terms).toContain(w);
  });

  test.each([
    "地区生产总值",
    "一般公共预算收入",
    "社会消费品零售总额",
    "规上工业增加值",
    "城镇调查失业率",
    "临淄区",
    "历城",
  ])("keeps the domain word %s whole", (word) => {
    expect(tok().tokenize(`今年${word}增长较快`)).toContain(word);
  });

  test("drops stop words and punctuation", () => {
    const terms = tok().tokenize("临淄新建了多少充电桩？");
    expect(terms).not.toContain("了");
    expect(terms).not.toContain("多少");
    expect(terms).not.toContain("？");
    expect(terms).toContain("充电桩");
  });

  test("documents and queries go through the same pipeline", () => {
    const text = "新建1401座充电桩、240个5G基站";
    expect(tok().tokenize(text)).toEqual(tok().tokenize(text));
    expect(tok().tokenize("充电桩")).toEqual(["充电桩"]);
  });

  test("lowercases ASCII so gdp and GDP are one term", () => {
    expect(tok().tokenize("gdp")).toEqual(tok().tokenize("GDP"));
  });
});
