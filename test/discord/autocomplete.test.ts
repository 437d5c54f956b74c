import { describe, expect, test } from "vitest";
import { Autocomplete } from "../../src/discord/autocomplete.ts";
import { engine } from "../helpers.ts";

const complete = () => new Autocomplete(engine().names);

describe("region autocomplete", () => {
  test.each([
    ["临淄", "临淄区"],
    ["临淄区", "临淄区"],
    ["Linzi", "临淄区"],
    ["linz", "临淄区"],
    ["lzq", "临淄区"],
    ["zhej", "浙江省"],
    ["浙", "浙江省"],
    ["国务院", "全国"],
    ["China", "全国"],
    ["历区", "历城区"],
  ])("%s ranks %s first", (typed, expected) => {
    expect(complete().region(typed)[0]?.value).toBe(expected);
  });

  test("an exact name beats a longer name sharing its prefix", () => {
    const names = complete()
      .region("lin")
      .map((c) => c.value);
    expect(names.slice(0, 2).sort()).toEqual(["临安区", "临淄区"]);
  });

  test("an empty query lists every region, country and provinces first", () => {
    const choices = complete().region("");
    expect(choices).toHaveLength(Math.min(25, engine().regions.length));
    expect(choices[0]?.value).toBe("全国");
    const levels = choices.map((c) => c.name.match(/（(.+?) ·/)?.[1] ?? "");
    const order = ["国家", "省", "市", "区县"];
    expect(levels.map((l) => order.indexOf(l))).toEqual([...levels.map((l) => order.indexOf(l))].sort());
  });

  test("labels show level and report years; values are names the engine resolves", () => {
    const [choice] = complete().region("临淄");
    expect(choice).toEqual({ name: "临淄区（区县 · 2023年报告）", value: "临淄区" });
  });

  test("nothing matching gives no choices rather than noise", () => {
    expect(complete().region("火星基地")).toEqual([]);
  });
});

describe("indicator autocomplete", () => {
  test("GDP offers 地区生产总值 and says which synonym matched", () => {
    expect(complete().indicator("GDP")[0]).toEqual({ name: "地区生产总值（GDP）", value: "地区生产总值" });
  });

  test.each([
    ["社零", "社会消费品零售总额"],
    ["财政收入", "一般公共预算收入"],
    ["dqsc", "地区生产总值"],
  ])("%s finds %s", (typed, expected) => {
    expect(complete().indicator(typed)[0]?.value).toBe(expected);
  });

  test("never more than 25 choices, names at most 100 characters", () => {
    for (const typed of ["", "收", "增", "a", "总", "x".repeat(500)]) {
      const ac = complete();
      const choices = ac.indicator(typed);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of [...choices, ...ac.region(typed)]) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
    expect(complete().indicator("").length).toBe(Math.min(25, engine().lexicon.indicators.length));
  });
});
