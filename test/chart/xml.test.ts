import { expect, test } from "vitest";
import { el, escapeXml, fmt } from "../../src/chart/xml.ts";

test("escapes the five XML special characters", () => {
  expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
});

test("drops control characters that XML 1.0 cannot carry", () => {
  expect(escapeXml("临安\u0000区\u001b")).toBe("临安区");
});

test("escapes attribute values and rounds numbers", () => {
  expect(el("g", { "aria-label": 'a"b', x: 1.23456, y: undefined })).toBe(
    '<g aria-label="a&quot;b" x="1.23"/>',
  );
  expect(fmt(-0.001)).toBe("0");
});
