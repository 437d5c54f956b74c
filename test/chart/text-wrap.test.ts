import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { truncate, wrapText } from "../../src/chart/text-wrap.ts";

/** One unit per character: easy to reason about in the cases below. */
const perChar = (s: string) => [...s].length;

describe("wrapText", () => {
  test.each([
    ["fits on one line", "数据来源：国务院", 10, ["数据来源：国务院"]],
    [
      "prefers to end a line after 、 rather than inside a name",
      "广州市荔湾区、济南市历城区",
      10,
      ["广州市荔湾区、", "济南市历城区"],
    ],
    ["keeps numbers and percentages whole", "增长目标为5.5%左右", 8, ["增长目标为", "5.5%左右"]],
    ["never starts a line with closing punctuation", "一二三四（五）；六七", 6, ["一二三四", "（五）；六七"]],
    ["cuts a token longer than a line", "abcdefghij", 4, ["abcd", "efgh", "ij"]],
    ["returns one empty line for empty text", "", 5, [""]],
  ])("%s", (_, text, max, lines) => {
    expect(wrapText(text, max, perChar)).toEqual(lines);
  });

  test("every line fits and no character is lost except spaces at line ends", () => {
    const piece = fc.constantFrom("浙江", "、", "；", "5.5%", "2024年", " ", "（", "）", "abc", "荔湾区");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 4, max: 30 }), (pieces, max) => {
        const text = pieces.join("");
        const lines = wrapText(text, max, perChar);
        for (const line of lines) expect(perChar(line)).toBeLessThanOrEqual(max);
        expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
      }),
    );
  });
});

describe("truncate", () => {
  test("leaves text that fits alone", () => {
    expect(truncate("临安", 4, perChar)).toBe("临安");
  });

  test("shortens with an ellipsis to the width", () => {
    expect(truncate("新疆生产建设兵团", 5, perChar)).toBe("新疆生产…");
  });
});
