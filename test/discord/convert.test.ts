import { describe, expect, test } from "vitest";
import { execute } from "../../src/answer/execute.ts";
import { optionText } from "../../src/discord/options.ts";
import { parseLine } from "../../src/query/command.ts";
import { looksTraditional, toSimplified } from "../../src/query/convert.ts";
import { TRADITIONAL_ONLY } from "../../src/query/traditional-chars.ts";
import { engine } from "../helpers.ts";

describe("traditional input", () => {
  test.each([
    ["臨淄", "临淄"],
    ["國內生產總值", "国内生产总值"],
    ["歷城社零", "历城社零"],
    ["臨淄著力", "临淄着力"],
    ["linzi-2023#19", "linzi-2023#19"],
    ["临淄GDP", "临淄GDP"],
  ])("%s reads as %s", (typed, simplified) => {
    expect(toSimplified(typed)).toBe(simplified);
  });

  test("/target 臨淄 國內生產總值 answers 临淄区's GDP target", () => {
    const answer = execute(engine(), {
      name: "target",
      region: optionText("臨淄"),
      indicator: optionText("國內生產總值"),
      year: null,
    });
    expect(answer.ok).toBe(true);
    expect(answer.answer).toContain("临淄区");
    expect(answer.answer).toContain("增长5.5%以上");
  });

  test("a typed traditional question routes like the simplified one", () => {
    const parsed = parseLine("/目標 臨淄 GDP");
    expect(parsed).toMatchObject({ ok: true, value: { name: "target", region: "临淄", indicator: "GDP" } });
  });
});

describe("which lines are converted", () => {
  test("the embedded list is exactly OpenCC's changed characters outside GB2312", () => {
    const convert = (t: string) => toSimplified(`${t}臨`).slice(0, -1);
    const gb2312 = new Set<string>();
    const gbk = new TextDecoder("gbk");
    for (let a = 0xa1; a <= 0xf7; a++) {
      for (let b = 0xa1; b <= 0xfe; b++) {
        const ch = gbk.decode(new Uint8Array([a, b]));
        if (ch.length === 1) gb2312.add(ch);
      }
    }
    const expected: string[] = [];
    const ranges = [
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
      [0xf900, 0xfaff],
      [0x20000, 0x2ebef],
    ] as const;
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        if (!gb2312.has(ch) && convert(ch) !== ch) expected.push(ch);
      }
    }
    expect([...TRADITIONAL_ONLY]).toEqual(expected);
  });

  test.each(["临淄今年GDP目标是多少", "著名的乾隆年间", "为什么", "linzi-2023#19"])(
    "%s has no traditional-only character and is left as typed",
    (text) => {
      expect(looksTraditional(text)).toBe(false);
      expect(toSimplified(text)).toBe(text);
    },
  );
});
