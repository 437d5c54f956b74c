/**
 * Lays out a /compare chart as SVG: horizontal bars (Chinese region names read best on the left, and 50
 * rows still fit), a zero-based axis, ranges as floating bars with end caps, and the regions without a
 * number listed as text under the chart rather than drawn as zero.
 */
import type { ChartInput, ChartRow } from "./compare-chart.ts";
import { TextSetter, type TextStyle } from "./glyph-text.ts";
import { truncate, wrapText } from "./text-wrap.ts";
import { formatTick, niceScale } from "./ticks.ts";
import { el, escapeXml } from "./xml.ts";

/**
 * Drawn at 800 px and shown by Discord at about 330 px on a 390 px phone: type is sized so that the
 * smallest text still reads at ~8 px there and labels at ~10 px (the earlier 760-unit chart with 12–14
 * px type ended up at ~5 px).
 */
export const CHART_WIDTH = 800;

const PAD = 24;
const ROW_H = 36;
const BAR_H = 22;
const GAP = 12;
/** From this many rows in a column on the tick labels repeat at the top, so a reader need not scroll to the axis. */
const TOP_AXIS_MIN_ROWS = 16;
/** From this many regions on the bars go into two columns (26 provinces: two columns of 13). */
const TWO_COLUMN_MIN_ROWS = 13;
const COLUMN_GAP = 24;
/** Tick labels closer than this would run together. */
const MIN_TICK_GAP = 40;
export const MISSING_PREFIX = "无可比数值：";

const COLOR = {
  background: "#ffffff",
  text: "#1f2933",
  muted: "#616e7c",
  stripe: "#f4f6f9",
  grid: "#e2e6ec",
  axis: "#9aa5b1",
  bar: "#4e79a7",
  rangeFill: "#f6c08a",
  rangeEdge: "#d0691a",
  value: "#334e68",
};

const STYLE = {
  title: { size: 28, bold: true, fill: COLOR.text },
  subtitle: { size: 20, fill: COLOR.muted },
  label: { size: 24, fill: COLOR.text, anchor: "end" },
  year: { size: 18, fill: COLOR.muted, anchor: "end" },
  value: { size: 22, fill: COLOR.value },
  legend: { size: 19, fill: COLOR.muted },
  tick: { size: 18, fill: COLOR.muted, anchor: "middle" },
  missing: { size: 20, fill: COLOR.text },
  footer: { size: 18, fill: COLOR.muted },
} satisfies Record<string, TextStyle>;

const LINE = { title: 38, subtitle: 28, missing: 28, footer: 25 };

/** "临淄 2023": the region and the year its figure is about, drawn as name plus a smaller grey year. */
function splitLabel(label: string): { name: string; year: string } {
  const m = label.match(/^(.*\S)\s+(\d{4})$/);
  return m ? { name: m[1] as string, year: m[2] as string } : { name: label, year: "" };
}

export interface RowGeometry {
  label: string;
  kind: "bar" | "range";
  /** Vertical centre of the row. */
  y: number;
  /** Horizontal extent of the drawn bar or range. */
  x0: number;
  x1: number;
}

export interface CompareLayout {
  svg: string;
  width: number;
  height: number;
  /** Right edge of the (right-aligned) region labels. */
  labelRight: number;
  zeroX: number;
  rows: RowGeometry[];
  /** The lines listing regions without a number, as drawn. */
  missingLines: string[];
}

interface Plotted {
  row: ChartRow;
  kind: "bar" | "range";
  from: number;
  to: number;
}

function plotted(row: ChartRow): Plotted | null {
  if (row.low !== undefined && row.high !== undefined) {
    return { row, kind: "range", from: Math.min(row.low, row.high), to: Math.max(row.low, row.high) };
  }
  if (row.value === null) return null;
  return { row, kind: "bar", from: Math.min(0, row.value), to: Math.max(0, row.value) };
}

/** Baseline that centres a line of CJK text of `size` px on `centre`. */
function baseline(centre: number, size: number): number {
  return centre + size * 0.36;
}

export function layoutCompareChart(input: ChartInput): CompareLayout {
  const width = CHART_WIDTH;
  const inner = width - 2 * PAD;
  const type = new TextSetter();
  const measure = (style: TextStyle) => (s: string) => type.width(s, style.size, style.bold);
  const parts: string[] = [];
  let y = PAD;

  /** Wrapped paragraph starting at the current y; returns the lines drawn. */
  const paragraph = (content: string, style: TextStyle, lineHeight: number): string[] => {
    const lines = wrapText(content, inner, measure(style));
    for (const line of lines) {
      parts.push(type.draw(line, PAD, baseline(y + lineHeight / 2, style.size), style));
      y += lineHeight;
    }
    return lines;
  };

  paragraph(input.title, STYLE.title, LINE.title);
  if (input.subtitle) paragraph(input.subtitle, STYLE.subtitle, LINE.subtitle);
  y += GAP;

  const drawn = input.rows.map(plotted).filter((p): p is Plotted => p !== null);
  // A row without a number that slipped past the caller is still listed, never drawn as zero.
  const missing = [
    ...input.missing,
    ...input.rows.filter((r) => plotted(r) === null).map((r) => ({ label: r.label, reason: "" })),
  ];

  const nameWidth = measure(STYLE.label);
  const yearWidth = (year: string) => (year ? type.width(year, STYLE.year.size) + 6 : 0);
  const labelWidth = (label: string) => {
    const { name, year } = splitLabel(label);
    return nameWidth(name) + yearWidth(year);
  };
  // Discord shows an embed image in a box about 400 × 300 (desktop) or the phone's width: a long ranking
  // goes into two columns so the chart stays landscape and its type keeps its size.
  const columns = drawn.length >= TWO_COLUMN_MIN_ROWS ? 2 : 1;
  const perColumn = Math.ceil(drawn.length / columns);
  const columnWidth = (inner - (columns - 1) * COLUMN_GAP) / columns;
  const labelMax = Math.min(columnWidth * 0.4, Math.max(0, ...drawn.map((p) => labelWidth(p.row.label))));
  const valueMax = Math.max(0, ...drawn.map((p) => measure(STYLE.value)(p.row.valueText)));
  const scale = niceScale(drawn.flatMap((p) => [p.from, p.to]));
  /** One column's x positions: labels, plot, value text. */
  const columnAt = (c: number) => {
    const left = PAD + c * (columnWidth + COLUMN_GAP);
    const labelRight = left + 8 + labelMax;
    const plotLeft = labelRight + 12;
    const plotRight = left + columnWidth - Math.max(valueMax + 10, 16);
    const xOf = (v: number) =>
      plotLeft + ((v - scale.min) / (scale.max - scale.min)) * (plotRight - plotLeft);
    return { left, labelRight, plotLeft, plotRight, xOf };
  };
  const first = columnAt(0);
  const labelRight = first.labelRight;
  const zeroX = first.xOf(0);
  const geometry: RowGeometry[] = [];

  // Legend on the left, unit on the right, in one line above the plot. Its words stay generic: /compare
  // charts reported results as well as targets.
  const hasRange = drawn.some((p) => p.kind === "range");
  if (hasRange || input.unit) {
    const cy = y + 14;
    const by = baseline(cy, STYLE.legend.size);
    if (hasRange) {
      let x = columns > 1 ? PAD : first.plotLeft;
      if (drawn.some((p) => p.kind === "bar")) {
        parts.push(el("rect", { x, y: cy - 8, width: 22, height: 16, rx: 2, fill: COLOR.bar }));
        parts.push(type.draw("单一数值", x + 28, by, STYLE.legend));
        x += 28 + type.width("单一数值", STYLE.legend.size) + 20;
      }
      parts.push(rangeShape(x, x + 22, cy, 16));
      parts.push(type.draw("区间（下限—上限）", x + 30, by, STYLE.legend));
    }
    if (input.unit)
      parts.push(type.draw(`单位：${input.unit}`, width - PAD, by, { ...STYLE.legend, anchor: "end" }));
    y += 34;
  }

  if (drawn.length === 0) {
    parts.push(el("rect", { x: PAD, y, width: inner, height: ROW_H * 2, rx: 4, fill: COLOR.stripe }));
    const style = { ...STYLE.label, fill: COLOR.muted, anchor: "middle" } as const;
    parts.push(type.draw("没有可比较的数值", width / 2, baseline(y + ROW_H, style.size), style));
    y += ROW_H * 2;
  } else {
    const topTicks = perColumn >= TOP_AXIS_MIN_ROWS;
    const plotTop = y + (topTicks ? STYLE.tick.size + 8 : 0);
    let bottomY = plotTop;
    for (let c = 0; c < columns; c++) {
      const rows = drawn.slice(c * perColumn, (c + 1) * perColumn);
      const col = columnAt(c);
      // In a narrow column every tick keeps its grid line but only every k-th its label (no "01234567").
      const step =
        scale.ticks.length > 1
          ? Math.abs(col.xOf(scale.ticks[1] as number) - col.xOf(scale.ticks[0] as number))
          : 100;
      const every = Math.max(1, Math.ceil(MIN_TICK_GAP / step));
      const tickLabels = (by: number) =>
        scale.ticks.flatMap((t, k) =>
          k % every === 0 || t === 0 ? [type.draw(formatTick(t), col.xOf(t), by, STYLE.tick)] : [],
        );
      if (topTicks) parts.push(...tickLabels(y + STYLE.tick.size));
      const top = plotTop;
      const bottom = top + rows.length * ROW_H;
      bottomY = Math.max(bottomY, bottom);
      rows.forEach((_, i) => {
        if (i % 2 === 0)
          parts.push(
            el("rect", {
              x: col.left,
              y: top + i * ROW_H,
              width: columnWidth,
              height: ROW_H,
              fill: COLOR.stripe,
            }),
          );
      });
      for (const t of scale.ticks) {
        const stroke = t === 0 ? COLOR.axis : COLOR.grid;
        const x = col.xOf(t);
        parts.push(el("line", { x1: x, y1: top, x2: x, y2: bottom, stroke, "stroke-width": 1 }));
      }
      const zero = col.xOf(0);
      rows.forEach((p, i) => {
        const cy = top + i * ROW_H + ROW_H / 2;
        const x0 = col.xOf(p.from);
        const x1 = col.xOf(p.to);
        const { name, year } = splitLabel(p.row.label);
        const yw = yearWidth(year);
        const label = truncate(name, labelMax - yw, nameWidth);
        if (year) parts.push(type.draw(year, col.labelRight, baseline(cy, STYLE.year.size), STYLE.year));
        parts.push(type.draw(label, col.labelRight - yw, baseline(cy, STYLE.label.size), STYLE.label));
        if (p.kind === "range") parts.push(rangeShape(x0, x1, cy, BAR_H));
        else
          parts.push(
            el("rect", {
              x: x0,
              y: cy - BAR_H / 2,
              width: Math.max(x1 - x0, 1),
              height: BAR_H,
              rx: 2,
              fill: COLOR.bar,
            }),
          );
        // Negative bars end left of zero; their text goes right of the zero line, clear of the bar.
        const vx = Math.max(x1, zero) + 6;
        parts.push(type.draw(p.row.valueText, vx, baseline(cy, STYLE.value.size), STYLE.value));
        geometry.push({ label: p.row.label, kind: p.kind, y: cy, x0, x1 });
      });
      parts.push(
        el("line", {
          x1: col.plotLeft,
          y1: bottom,
          x2: col.plotRight,
          y2: bottom,
          stroke: COLOR.axis,
          "stroke-width": 1,
        }),
      );
      parts.push(...tickLabels(bottom + 6 + STYLE.tick.size));
    }
    y = bottomY + STYLE.tick.size + 10;
  }

  let missingLines: string[] = [];
  if (missing.length > 0) {
    y += GAP;
    const items = missing.map((m) => (m.reason ? `${m.label}（${m.reason}）` : m.label)).join("；");
    // The prefix is drawn bold; wrapping measures it in bold too so the first line still fits.
    const bold = { ...STYLE.missing, bold: true };
    const extra = type.width(MISSING_PREFIX, bold.size, true) - type.width(MISSING_PREFIX, bold.size);
    const measureMissing = measure(STYLE.missing);
    missingLines = wrapText(MISSING_PREFIX + items, inner - extra, measureMissing);
    missingLines.forEach((line, i) => {
      const by = baseline(y + LINE.missing / 2, STYLE.missing.size);
      if (i === 0 && line.startsWith(MISSING_PREFIX)) {
        parts.push(type.draw(MISSING_PREFIX, PAD, by, bold));
        const rest = line.slice(MISSING_PREFIX.length);
        parts.push(type.draw(rest, PAD + type.width(MISSING_PREFIX, bold.size, true), by, STYLE.missing));
      } else {
        parts.push(type.draw(line, PAD, by, STYLE.missing));
      }
      y += LINE.missing;
    });
  }

  y += GAP;
  parts.push(el("line", { x1: PAD, y1: y, x2: width - PAD, y2: y, stroke: COLOR.grid, "stroke-width": 1 }));
  y += 8;
  paragraph(input.footer, STYLE.footer, LINE.footer);
  const height = Math.ceil(y + PAD - 6);

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    el("title", {}, escapeXml(input.title)),
    type.defsElement(),
    el("rect", { x: 0, y: 0, width, height, fill: COLOR.background }),
    ...parts,
    "</svg>",
  ].join("\n");
  return { svg, width, height, labelRight, zeroX, rows: geometry, missingLines };
}

/** A floating bar from low to high with darker end caps, so it cannot be mistaken for a bar from zero. */
function rangeShape(x0: number, x1: number, cy: number, h: number): string {
  const w = Math.max(x1 - x0, 2);
  const cap = (x: number) =>
    el("line", {
      x1: x,
      y1: cy - h / 2 - 3,
      x2: x,
      y2: cy + h / 2 + 3,
      stroke: COLOR.rangeEdge,
      "stroke-width": 2.5,
      "stroke-linecap": "round",
    });
  const bar = el("rect", {
    x: x0,
    y: cy - h / 2,
    width: w,
    height: h,
    fill: COLOR.rangeFill,
    stroke: COLOR.rangeEdge,
    "stroke-width": 1,
  });
  return bar + cap(x0) + cap(x0 + w);
}
