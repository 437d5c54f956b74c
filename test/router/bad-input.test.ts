import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { failureOf } from "../../src/answer/build.ts";
import { execute } from "../../src/answer/execute.ts";
import { parseLine } from "../../src/query/command.ts";
import { engine, run } from "../helpers.ts";

const CHINESE = /[\u4e00-\u9fff]/;

describe("bad input gets a clear Chinese message, never a trace", () => {
  test.each([
    ["empty", "", "bad_input"],
    ["spaces", "   \t ", "bad_input"],
    ["10,000 characters", "临".repeat(10_000), "bad_input"],
    ["only punctuation", "？？！！。。,,", "bad_input"],
    ["only emoji", "😀🎉🔥", "bad_input"],
    ["unknown command", "/weather 临淄", "unknown_command"],
    ["unknown region", "/target 火星 GDP", "unknown_region"],
    ["missing region and indicator", "/target", "bad_input"],
    ["missing indicator", "/figure 临淄", "bad_input"],
    ["bad year", "/target 临淄 GDP year:20x3", "bad_input"],
    ["bad compare kind", "/compare GDP kind:maybe", "bad_input"],
    ["empty /ask", "/ask", "bad_input"],
  ])("%s", (_name, line, code) => {
    const a = run(line);
    expect(a.ok).toBe(false);
    expect(a.error?.code).toBe(code);
    expect(a.answer).toMatch(CHINESE);
    expect(a.answer).not.toMatch(/at .*\.ts:\d+|Error:/);
  });

  test("control and zero-width characters are ignored, not fatal", () => {
    // Each control character becomes a space: "临 淄" is then an ambiguous region, said in Chinese.
    expect(run("/target\u200b 临\u0000淄 G\u200dDP\u0007").answer).toMatch(CHINESE);
    expect(run("/target 临淄 \u200bGDP\u200b").answer).toContain("5.5%以上");
  });

  test("full-width letters and punctuation are normalised", () => {
    expect(run("／target　临淄　ＧＤＰ").answer).toContain("5.5%以上");
  });

  test("text inside /ask that looks like another command's option stays part of the question", () => {
    const parsed = parseLine("/ask 临淄 region:北京 GDP 是多少");
    expect(parsed.ok && parsed.value).toEqual({
      name: "ask",
      question: "临淄 region:北京 GDP 是多少",
      year: null,
      page: 1,
    });
  });

  test("a value runs to the next option this command takes, year inside it included", () => {
    const parsed = parseLine("/target region:临淄 indicator:2024年新增 充电桩");
    expect(parsed.ok && parsed.value).toEqual({
      name: "target",
      region: "临淄",
      indicator: "2024年新增 充电桩",
      year: null,
    });
  });
});

describe("parsing and executing never throw", () => {
  // No catch here: parseLine and execute are called directly, so any exception fails the property.
  // execute() validates every answer against the zod schema, which throws on a malformed one.
  const check = (line: string) => {
    const parsed = parseLine(line);
    const a = parsed.ok ? execute(engine(), parsed.value) : failureOf(parsed.error);
    // Output stays bounded whatever the input: a short answer and a handful of citations.
    expect(a.answer.length).toBeLessThan(Math.max(4000, 60 * engine().regions.length));
    // A /compare quotes one passage per region compared; anything else a handful.
    expect(a.citations.length).toBeLessThanOrEqual(Math.max(12, engine().regions.length));
    expect(JSON.stringify(a).length).toBeLessThan(Math.max(40_000, 1500 * engine().regions.length));
  };

  test("over arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), check), { numRuns: 300 });
  });

  test("over arbitrary unicode and command-shaped strings", () => {
    const word = fc.oneof(
      fc.constantFrom(
        "/target",
        "/figure",
        "/compare",
        "/ask",
        "/source",
        "临淄",
        "GDP",
        "year:",
        "region:",
        "2024",
        "#",
        "分别",
      ),
      fc.string({ unit: "grapheme", maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (ws) => check(ws.join(" "))),
      { numRuns: 300 },
    );
  });
});
