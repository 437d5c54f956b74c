import { describe, expect, test } from "vitest";
import type { Series } from "../../src/answer/schema.ts";
import { renderTrendChart } from "../../src/chart/trend-chart.ts";
import { layoutTrendChart, TREND_WIDTH } from "../../src/chart/trend-layout.ts";
import { run } from "../helpers.ts";

const side = (value: number | null, extra: Partial<NonNullable<Series["points"][0]["target"]>> = {}) => ({
  text: String(value),
  value,
  valueHigh: null,
  unit: "%",
  qualifier: null,
  report: "r",
  citation: "r#1",
  ...extra,
});

const series: Series = {
  region: "全国",
  indicator: "国内生产总值",
  unit: "%",
  from: 2010,
  to: 2016,
  points: [
    { year: 2010, target: side(8, { qualifier: "左右" }), actual: side(10.3), verdict: "超额完成" },
    { year: 2011, target: side(8, { qualifier: "左右" }), actual: side(9.2), verdict: "超额完成" },
    // 2012 has nothing; 2013 only a target in another unit; 2014 a range.
    { year: 2013, target: side(55, { unit: "万亿元" }), actual: null, verdict: "缺少数据" },
    { year: 2014, target: side(6.5, { valueHigh: 7 }), actual: side(7.4), verdict: "超额完成" },
    { year: 2015, target: side(7, { qualifier: "以上" }), actual: side(6.9), verdict: "未完成" },
    { year: 2016, target: null, actual: side(6.7), verdict: "缺少数据" },
  ],
};

describe("trend chart layout", () => {
  const layout = layoutTrendChart(series);

  test("the actual line breaks at a missing year: never interpolated across it", () => {
    expect(layout.runs).toEqual([
      [2010, 2011],
      [2014, 2016],
    ]);
    expect(layout.points.find((p) => p.year === 2012)).toMatchObject({ actualY: null, target: null });
  });

  test("targets drawn by kind: ranges as bars, 以上 as a floor, other units not drawn but listed", () => {
    const kinds = Object.fromEntries(layout.points.map((p) => [p.year, p.target?.kind ?? null]));
    expect(kinds).toMatchObject({ 2010: "marker", 2013: null, 2014: "range", 2015: "floor" });
    const range = layout.points.find((p) => p.year === 2014)?.target;
    expect(range && range.y0 > range.y1).toBe(true);
    expect(layout.notes.join("")).toContain("2013年目标55");
  });

  test("a bare target on a capped indicator is drawn as a cap, 左右 as a plain marker", () => {
    const capped = layoutTrendChart({ ...series, direction: "ceiling" });
    const kinds = Object.fromEntries(capped.points.map((p) => [p.year, p.target?.kind ?? null]));
    expect(kinds).toMatchObject({ 2010: "marker", 2015: "floor" });
    const bare = layoutTrendChart({
      ...series,
      direction: "ceiling",
      points: [{ year: 2010, target: side(3), actual: side(1.5), verdict: "完成" }],
    });
    expect(bare.points[0]?.target?.kind).toBe("ceiling");
  });

  test("higher values sit higher, and every year is labelled at this width", () => {
    const y = (year: number) => layout.points.find((p) => p.year === year)?.actualY ?? 0;
    expect(y(2010)).toBeLessThan(y(2011));
    expect(layout.yearLabels).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016]);
    expect(layout.width).toBe(TREND_WIDTH);
  });
});

describe("renderTrendChart", () => {
  test("全国 GDP 2000–2025: a PNG about 800 px wide, the same bytes twice", () => {
    const a = run("/trend 全国 GDP 2000 2025");
    const s = a.series as Series;
    const png = renderTrendChart(s);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(800);
    expect(renderTrendChart(s).equals(png)).toBe(true);
    // 26 years do not fit one label each at 800 px: thinned, but still years.
    const labels = layoutTrendChart(s).yearLabels;
    expect(labels.length).toBeGreaterThanOrEqual(6);
    expect(labels.every((y) => y >= 2000 && y <= 2025)).toBe(true);
  });

  test("a malformed series throws instead of drawing a wrong axis", () => {
    const bad = { ...series, points: [{ ...series.points[0], actual: side(Number.NaN) }] } as Series;
    expect(() => renderTrendChart(bad)).toThrow(/renderTrendChart/);
  });
});
