import { describe, expect, test } from "vitest";
import { execute } from "../../src/answer/execute.ts";
import { optionText } from "../../src/discord/options.ts";
import { parseLine } from "../../src/query/command.ts";
import { toSimplified } from "../../src/query/convert.ts";
import { engine } from "../helpers.ts";

describe("traditional input", () => {
  test.each([
    ["臨淄", "临淄"],
    ["國內生產總值", "国内生产总值"],
    ["歷城社零", "历城社零"],
    ["著力", "着力"],
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
