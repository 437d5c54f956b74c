import { describe, expect, test } from "vitest";
import { execute } from "../../src/answer/execute.ts";
import { engine, run } from "../helpers.ts";

describe("/trend", () => {
  test("全国 GDP 2000–2025: one line a year with data, the missing years named, never filled in", () => {
    const a = run("/trend 全国 GDP 2000 2025");
    expect(a.ok).toBe(true);
    expect(a.series).toMatchObject({
      region: "全国",
      indicator: "国内生产总值",
      unit: "%",
      from: 2000,
      to: 2025,
    });
    // Every year of the span is either a point or named as a year without data.
    const years = new Set(a.series?.points.map((p) => p.year));
    const empty = a.answer.match(/无数据年份：(.*)（/)?.[1] ?? "";
    const named = new Set(
      empty.split("、").flatMap((run) => {
        const [lo, hi = lo] = run.split("—").map(Number) as [number, number?];
        return Array.from({ length: (hi as number) - lo + 1 }, (_, i) => lo + i);
      }),
    );
    for (let y = 2000; y <= 2025; y++) expect(years.has(y) !== named.has(y), String(y)).toBe(true);
    expect(a.answer).toContain("2024年：目标 增长5%左右 · 实际 增长5% · 完成");
    // 2020 has no report (no target) but the 2021 report reviews it; 2022 has a target and no review.
    const p2020 = a.series?.points.find((p) => p.year === 2020);
    expect(p2020?.target).toBeNull();
    expect(p2020?.actual).toMatchObject({ value: 2.3, report: "national-2021" });
    expect(a.series?.points.find((p) => p.year === 2022)?.actual).toBeNull();
  });

  test("a year without a target still shows the actual in the series' unit", () => {
    const a = run("/trend 全国 GDP 2021 2024");
    const p2023 = a.series?.points.find((p) => p.year === 2023);
    expect(p2023?.target).toBeNull();
    expect(p2023?.actual).toMatchObject({ unit: "%", value: 5.2 });
  });

  test("every number of a line is in the quote it cites", () => {
    const a = run("/trend 全国 城镇新增就业 2010 2025");
    for (const p of a.series?.points ?? []) {
      for (const s of [p.target, p.actual]) {
        if (!s) continue;
        const quote = a.citations.find((c) => c.id === s.citation)?.quote ?? "";
        for (const n of s.text.match(/\d+(\.\d+)?/g) ?? []) expect(quote, `${p.year} ${s.text}`).toContain(n);
      }
    }
  });

  test("without years: the span of years with data", () => {
    const a = run("/趋势 全国 CPI");
    const years = a.series?.points.map((p) => p.year) ?? [];
    expect(a.series?.from).toBe(Math.min(...years));
    expect(a.series?.to).toBe(2025);
    expect(a.series?.from).toBeGreaterThan(1953);
  });

  test("a span given backwards (as Discord options may) is bad input", () => {
    const a = execute(engine(), { name: "trend", region: "全国", indicator: "GDP", from: 2025, to: 2000 });
    expect(a.error?.code).toBe("bad_input");
  });

  test("nothing to show is not_found; an unknown indicator suggests", () => {
    expect(run("/trend 临淄 GDP 2010 2015").error?.code).toBe("not_found");
    expect(run("/trend 全国 幸福指数").error?.code).toBe("not_found");
  });
});
