/**
 * Lays out a /trend chart as SVG: one column per year, the actual as a line with dots (broken where a
 * year is missing, never interpolated), each target as a marker at its value (a diamond; an arrow for
 * 以上/以内; a floating bar with caps for a range), year labels thinned to fit, values in another unit
 * listed under the chart instead of drawn. Same glyph-outline text as the compare chart.
 */
import type { CheckSide, Series } from "../answer/schema.ts";
import { yearRuns } from "../answer/year-runs.ts";
import { TextSetter, type TextStyle } from "./glyph-text.ts";
import { wrapText } from "./text-wrap.ts";
import { formatTick, niceScale } from "./ticks.ts";
import { el, escapeXml } from "./xml.ts";

/** Output width in px: readable on a phone when Discord shows it at half size. */
export const TREND_WIDTH = 800;

const PAD = 24;
const PLOT_H = 360;
const GAP = 12;

const COLOR = {
  background: "#ffffff",
  text: "#1f2933",
  muted: "#616e7c",
  grid: "#e2e6ec",
  axis: "#9aa5b1",
  gap: "#f4f6f9",
  actual: "#2f6fae",
  target: "#d0691a",
  targetFill: "#f6c08a",
};

const STYLE = {
  title: { size: 26, bold: true, fill: COLOR.text },
  subtitle: { size: 15, fill: COLOR.muted },
  legend: { size: 16, fill: COLOR.text },
  tick: { size: 16, fill: COLOR.muted, anchor: "end" },
  year: { size: 16, fill: COLOR.text, anchor: "middle" },
  value: { size: 14, fill: COLOR.actual, anchor: "middle" },
  note: { size: 15, fill: COLOR.text },
  footer: { size: 14, fill: COLOR.muted },
} satisfies Record<string, TextStyle>;

const LINE = { title: 36, subtitle: 22, note: 22, footer: 20 };

export interface TrendPointGeometry {
  year: number;
  x: number;
  /** y of the actual's dot, when drawn. */
  actualY: number | null;
  /** The target as drawn: a marker at one y, or a bar between two. */
  target: { kind: "marker" | "floor" | "ceiling" | "range"; y0: number; y1: number } | null;
}

export interface TrendLayout {
  svg: string;
  width: number;
  height: number;
  points: TrendPointGeometry[];
  /** Years whose label is printed under the axis. */
  yearLabels: number[];
  /** Line segments of the actual series, as [first year, last year] runs. */
  runs: [number, number][];
  /** Lines under the chart: values not drawn, years without data. */
  notes: string[];
}

/** A side's value in the series unit, or null when it has none or another unit (never drawn). */
function plottable(s: CheckSide | null, unit: string | null): CheckSide | null {
  return s && s.value !== null && s.unit === unit ? s : null;
}

function targetShape(s: CheckSide, direction: Series["direction"]): "marker" | "floor" | "ceiling" | "range" {
  if (s.valueHigh !== null) return "range";
  const q = s.qualifier ?? "";
  if (/以上|不低于|超过/.test(q)) return "floor";
  if (/以内|以下|不超过/.test(q)) return "ceiling";
  // A bare number on a capped indicator is a cap (居民消费价格涨幅控制在4%); 左右 stays a plain marker.
  if (q === "" && direction === "ceiling") return "ceiling";
  return "marker";
}

/** Baseline that centres a line of CJK text of `size` px on `centre`. */
function baseline(centre: number, size: number): number {
  return centre + size * 0.36;
}

export function layoutTrendChart(series: Series): TrendLayout {
  const width = TREND_WIDTH;
  const inner = width - 2 * PAD;
  const type = new TextSetter();
  const measure = (style: TextStyle) => (s: string) => type.width(s, style.size, style.bold);
  const parts: string[] = [];
  let y = PAD;
  const paragraph = (content: string, style: TextStyle, lineHeight: number): void => {
    for (const line of wrapText(content, inner, measure(style))) {
      parts.push(type.draw(line, PAD, baseline(y + lineHeight / 2, style.size), style));
      y += lineHeight;
    }
  };

  paragraph(`${series.region} · ${series.indicator} · 历年目标与实际`, STYLE.title, LINE.title);
  paragraph(
    `${series.from}—${series.to}年 · 目标取当年报告，实际取次年报告的工作回顾`,
    STYLE.subtitle,
    LINE.subtitle,
  );
  y += GAP / 2;

  const unit = series.unit;
  const byYear = new Map(series.points.map((p) => [p.year, p]));
  const years = Array.from({ length: series.to - series.from + 1 }, (_, i) => series.from + i);
  const values: number[] = [];
  for (const p of series.points) {
    const a = plottable(p.actual, unit);
    const t = plottable(p.target, unit);
    if (a?.value != null) values.push(a.value);
    if (t?.value != null) values.push(t.value, t.valueHigh ?? t.value);
  }
  const scale = niceScale(values, 6);

  // Legend: what each mark means, then the unit on the right.
  const ly = y + 10;
  const lb = baseline(ly, STYLE.legend.size);
  let lx = PAD;
  const legend = (mark: string, text: string) => {
    parts.push(mark);
    parts.push(type.draw(text, lx + 24, lb, STYLE.legend));
    lx += 24 + type.width(text, STYLE.legend.size) + 18;
  };
  legend(
    el("line", { x1: lx, y1: ly, x2: lx + 18, y2: ly, stroke: COLOR.actual, "stroke-width": 3 }) +
      el("circle", { cx: lx + 9, cy: ly, r: 4.5, fill: COLOR.actual }),
    "实际",
  );
  legend(diamond(lx + 9, ly, 7), "目标");
  legend(arrow(lx + 9, ly + 5, "up"), "以上（下限）");
  legend(arrow(lx + 9, ly - 5, "down"), "以内（上限）");
  legend(rangeBar(lx + 9, ly - 8, ly + 8), "目标区间");
  if (unit) parts.push(type.draw(`单位：${unit}`, width - PAD, lb, { ...STYLE.legend, anchor: "end" }));
  y += 34;

  const tickWidth = Math.max(...scale.ticks.map((t) => type.width(formatTick(t), STYLE.tick.size)));
  const left = PAD + tickWidth + 10;
  const right = width - PAD;
  const top = y + 8;
  const bottom = top + PLOT_H;
  const slot = (right - left) / years.length;
  const xOf = (year: number) => left + (year - series.from + 0.5) * slot;
  const yOf = (v: number) => bottom - ((v - scale.min) / (scale.max - scale.min)) * PLOT_H;

  // Years with nothing at all are shaded, so a gap reads as "no report", not as a flat line.
  for (const yr of years) {
    const p = byYear.get(yr);
    if (!plottable(p?.actual ?? null, unit) && !plottable(p?.target ?? null, unit)) {
      parts.push(el("rect", { x: xOf(yr) - slot / 2, y: top, width: slot, height: PLOT_H, fill: COLOR.gap }));
    }
  }
  for (const t of scale.ticks) {
    const stroke = t === 0 ? COLOR.axis : COLOR.grid;
    parts.push(el("line", { x1: left, y1: yOf(t), x2: right, y2: yOf(t), stroke, "stroke-width": 1 }));
    parts.push(type.draw(formatTick(t), left - 8, baseline(yOf(t), STYLE.tick.size), STYLE.tick));
  }
  parts.push(
    el("line", { x1: left, y1: bottom, x2: right, y2: bottom, stroke: COLOR.axis, "stroke-width": 1 }),
  );

  // Year labels: every 1, 2, 5 or 10 years, whichever is the finest that does not collide.
  const labelWidth = type.width("2000", STYLE.year.size) + 10;
  const step = [1, 2, 5, 10, 20].find((s) => s * slot >= labelWidth) ?? 50;
  const yearLabels = years.filter((yr) => yr % step === 0);
  for (const yr of yearLabels) {
    parts.push(el("line", { x1: xOf(yr), y1: bottom, x2: xOf(yr), y2: bottom + 5, stroke: COLOR.axis }));
    parts.push(type.draw(String(yr), xOf(yr), baseline(bottom + 16, STYLE.year.size), STYLE.year));
  }

  // Targets first, so the actual line is drawn over them.
  const geometry: TrendPointGeometry[] = [];
  for (const yr of years) {
    const p = byYear.get(yr);
    const t = plottable(p?.target ?? null, unit);
    const a = plottable(p?.actual ?? null, unit);
    let target: TrendPointGeometry["target"] = null;
    if (t && t.value !== null) {
      const shape = targetShape(t, series.direction);
      const y0 = yOf(t.value);
      const y1 = yOf(t.valueHigh ?? t.value);
      target = { kind: shape, y0, y1 };
      const x = xOf(yr);
      if (shape === "range") parts.push(rangeBar(x, Math.min(y0, y1), Math.max(y0, y1)));
      else if (shape === "floor") parts.push(diamond(x, y0, 6), arrow(x, y0 - 9, "up"));
      else if (shape === "ceiling") parts.push(diamond(x, y0, 6), arrow(x, y0 + 9, "down"));
      else parts.push(diamond(x, y0, 7));
    }
    geometry.push({ year: yr, x: xOf(yr), actualY: a?.value != null ? yOf(a.value) : null, target });
  }

  // The actual: one polyline per run of consecutive years, a dot on every year.
  const runs: [number, number][] = [];
  let run: TrendPointGeometry[] = [];
  const flush = () => {
    if (run.length > 1) {
      const pts = run.map((g) => `${round(g.x)},${round(g.actualY as number)}`).join(" ");
      parts.push(
        el("polyline", {
          points: pts,
          fill: "none",
          stroke: COLOR.actual,
          "stroke-width": 3,
          "stroke-linejoin": "round",
        }),
      );
    }
    if (run.length > 0) runs.push([run[0]?.year as number, run.at(-1)?.year as number]);
    run = [];
  };
  for (const g of geometry) {
    if (g.actualY === null) flush();
    else run.push(g);
  }
  flush();
  const showValues = years.length <= 16;
  for (const [i, g] of geometry.entries()) {
    if (g.actualY === null) continue;
    parts.push(
      el("circle", {
        cx: g.x,
        cy: g.actualY,
        r: 4.5,
        fill: COLOR.actual,
        stroke: "#ffffff",
        "stroke-width": 1.5,
      }),
    );
    const a = byYear.get(g.year)?.actual;
    if (showValues && a?.value != null) {
      // Below a dot, clear of a target marker drawn just under it.
      const t = g.target ? Math.max(g.target.y0, g.target.y1) : null;
      const under = t !== null && t > g.actualY && t - g.actualY < 24 ? t + 8 : g.actualY;
      const labelY = labelBelow(geometry, i) ? under + 20 : g.actualY - 12;
      parts.push(type.draw(formatTick(a.value), g.x, labelY, STYLE.value));
    }
  }
  y = bottom + 34;

  const notes = notesOf(series, years);
  if (notes.length > 0) {
    y += 4;
    for (const n of notes) paragraph(n, STYLE.note, LINE.note);
  }
  y += GAP / 2;
  parts.push(el("line", { x1: PAD, y1: y, x2: width - PAD, y2: y, stroke: COLOR.grid, "stroke-width": 1 }));
  y += 6;
  const reports = new Set(series.points.flatMap((p) => [p.target?.report, p.actual?.report]).filter(Boolean));
  paragraph(
    `数据来源：${series.region}政府工作报告（${reports.size}份），数值均为报告原文。`,
    STYLE.footer,
    LINE.footer,
  );
  const height = Math.ceil(y + PAD - 6);

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    el("title", {}, escapeXml(`${series.region} ${series.indicator} ${series.from}—${series.to}`)),
    type.defsElement(),
    el("rect", { x: 0, y: 0, width, height, fill: COLOR.background }),
    ...parts,
    "</svg>",
  ].join("\n");
  return { svg, width, height, points: geometry, yearLabels, runs, notes };
}

/** What the chart leaves out, said in words: other units, and years with nothing. */
function notesOf(series: Series, years: number[]): string[] {
  const other: string[] = [];
  for (const p of series.points) {
    for (const [what, s] of [
      ["目标", p.target],
      ["实际", p.actual],
    ] as const) {
      if (s && !plottable(s, series.unit)) other.push(`${p.year}年${what}${s.text}`);
    }
  }
  const empty = years.filter((yr) => {
    const p = series.points.find((x) => x.year === yr);
    return !p || (!plottable(p.target, series.unit) && !plottable(p.actual, series.unit));
  });
  const out: string[] = [];
  if (other.length) out.push(`未画出（无数值或单位不同）：${other.join("；")}`);
  if (empty.length) out.push(`灰色为无数据年份：${yearRuns(empty)}（语料中没有相应报告或报告未提及）`);
  return out;
}

/**
 * A value label goes on the side the line does not take: below a dot whose neighbours lie higher, above
 * one whose neighbours lie lower; with one of each, away from the year's target marker.
 */
function labelBelow(geometry: readonly TrendPointGeometry[], i: number): boolean {
  const g = geometry[i] as TrendPointGeometry;
  const y = g.actualY as number;
  const near = [geometry[i - 1]?.actualY, geometry[i + 1]?.actualY].filter((n): n is number => n != null);
  const higher = near.some((n) => n < y - 3);
  const lower = near.some((n) => n > y + 3);
  const t = g.target ? (g.target.y0 + g.target.y1) / 2 : null;
  if (higher && !lower) return true;
  if (lower && !higher) return false;
  // Both ways, or flat: clear of a target drawn just above.
  return t !== null && t < y && y - t < 24;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function diamond(cx: number, cy: number, r: number): string {
  const pts = `${round(cx)},${round(cy - r)} ${round(cx + r)},${round(cy)} ${round(cx)},${round(cy + r)} ${round(cx - r)},${round(cy)}`;
  return el("polygon", { points: pts, fill: COLOR.targetFill, stroke: COLOR.target, "stroke-width": 2 });
}

/** A small triangle pointing the way the target allows: up for 以上, down for 以内. */
function arrow(cx: number, cy: number, dir: "up" | "down"): string {
  const d = dir === "up" ? -1 : 1;
  const pts = `${round(cx - 5)},${round(cy)} ${round(cx + 5)},${round(cy)} ${round(cx)},${round(cy + 6 * d)}`;
  return el("polygon", { points: pts, fill: COLOR.target });
}

/** A target range: a floating bar with caps, so it is never read as a bar from zero. */
function rangeBar(cx: number, y0: number, y1: number): string {
  const h = Math.max(y1 - y0, 2);
  const cap = (yy: number) =>
    el("line", {
      x1: cx - 7,
      y1: yy,
      x2: cx + 7,
      y2: yy,
      stroke: COLOR.target,
      "stroke-width": 2.5,
      "stroke-linecap": "round",
    });
  return (
    el("rect", {
      x: cx - 4,
      y: y0,
      width: 8,
      height: h,
      fill: COLOR.targetFill,
      stroke: COLOR.target,
      "stroke-width": 1,
    }) +
    cap(y0) +
    cap(y0 + h)
  );
}
