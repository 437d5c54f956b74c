import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { AnswerSchema } from "../../src/answer/schema.ts";
import { safeRun } from "../../src/engine-run.ts";
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
    const a = run("/target\u200b 临\u0000淄 G\u200dDP\u0007");
    expect(AnswerSchema.safeParse(a).success).toBe(true);
    expect(run("/target 临淄 \u200bGDP\u200b").answer).toContain("5.5%以上");
  });

  test("full-width letters and punctuation are normalised", () => {
    expect(run("／target　临淄　ＧＤＰ").answer).toContain("5.5%以上");
  });

  test("@everyone and mentions in input are answered as plain text", () => {
    const a = run("@everyone <@&123> 临淄GDP");
    expect(AnswerSchema.safeParse(a).success).toBe(true);
  });
});

describe("the router never throws", () => {
  const log = { error: () => {} };
  const check = (line: string) => {
    const a = safeRun(engine(), line, log);
    expect(AnswerSchema.safeParse(a).success).toBe(true);
    // Output stays bounded whatever the input: a short answer and a handful of citations.
    expect(a.answer.length).toBeLessThan(4000);
    expect(a.citations.length).toBeLessThanOrEqual(12);
    expect(JSON.stringify(a).length).toBeLessThan(40_000);
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
