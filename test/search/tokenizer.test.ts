import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Tokenizer } from "../../src/search/tokenizer.ts";
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

describe("the serving tokenizer cuts exactly as jieba with its whole dictionary", () => {
  // Serving processes build jieba per question from the store's dictionary table (Tokenizer.onDemand);
  // the build cut the reports with the whole dictionary (Tokenizer.full). A term only matches if both agree.
  let full: Tokenizer | undefined;
  const fullTokenizer = () => {
    if (!full) {
      const t = engine().store.metaJson<{ userWords: string[]; stopWords: string[] }>("tokenizer");
      full = Tokenizer.full({ userWords: t.userWords, stopWords: new Set(t.stopWords) });
    }
    return full;
  };

  test("on paragraphs from every report", () => {
    const e = engine();
    let compared = 0;
    for (const r of e.reports) {
      const paragraphs = e.store.paragraphsOf(r.id);
      // Every 25th paragraph, at least the first three: all reports, a few seconds in all.
      for (const [i, p] of paragraphs.entries()) {
        if (i >= 3 && i % 25 !== 0) continue;
        expect(e.tokenizer().segment(p.text), p.id).toEqual(fullTokenizer().segment(p.text));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(e.reports.length * 3 - 1);
  });

  test("on random text mixing corpus words, ASCII, digits and punctuation", () => {
    const words = ["临淄", "充电桩", "高质量", "发展", "省文旅投控", "均居", "中", "国", "了", "GDP", "5.5%"];
    const alphabet = [...words, "，", "。", " ", "新", "建", "区", "人工智能", "稷下学宫", "R&D", "亿元"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(engine().tokenizer().segment(text)).toEqual(fullTokenizer().segment(text));
      }),
      { numRuns: 300 },
    );
  });

  test("a question's words it has never seen are cut as jieba cuts them", () => {
    for (const q of ["临淄新建了多少充电桩", "氢燃料电池汽车示范城市群", "鸿蒙生态", "低空经济产业园"]) {
      expect(engine().tokenizer().tokenize(q)).toEqual(fullTokenizer().tokenize(q));
    }
  });
});
