import { crc32, inflateSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { CHART_SCALE, type ChartInput, renderCompareChart } from "../../src/chart/compare-chart.ts";
import { CHART_WIDTH, layoutCompareChart } from "../../src/chart/compare-layout.ts";
import { exampleInput, syntheticInput } from "../../src/chart/example.ts";
import { chartFaces } from "../../src/chart/font.ts";

interface Image {
  width: number;
  height: number;
  rgba: Buffer;
}

/** Just enough PNG decoding for what resvg writes (8-bit RGBA, not interlaced), checking every CRC. */
function decodePng(png: Buffer): Image {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let off = 8; off < png.length; ) {
    const len = png.readUInt32BE(off);
    const type = png.toString("latin1", off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    expect(crc32(png.subarray(off + 4, off + 8 + len)) >>> 0, `${type} CRC`).toBe(
      png.readUInt32BE(off + 8 + len),
    );
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]], "bit depth, colour type, interlace").toEqual([8, 6, 0]);
    }
    if (type === "IDAT") idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(raw.length).toBe(height * (stride + 1));
  const rgba = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= 4 ? (rgba[y * stride + x - 4] ?? 0) : 0;
      const b = y > 0 ? (rgba[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] ?? 0) : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rgba[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, rgba };
}

/** The pixel at SVG coordinates (x, y). */
function pixel(img: Image, x: number, y: number): [number, number, number] {
  const i = (Math.round(y * CHART_SCALE) * img.width + Math.round(x * CHART_SCALE)) * 4;
  return [img.rgba[i] ?? 0, img.rgba[i + 1] ?? 0, img.rgba[i + 2] ?? 0];
}

/** Pixels darker than the palest background, in an SVG-coordinate box: ink from text or shapes. */
function inkIn(img: Image, x0: number, y0: number, x1: number, y1: number): number {
  let ink = 0;
  for (let y = Math.round(y0 * CHART_SCALE); y < Math.round(y1 * CHART_SCALE); y++) {
    for (let x = Math.round(x0 * CHART_SCALE); x < Math.round(x1 * CHART_SCALE); x++) {
      const i = (y * img.width + x) * 4;
      if ((img.rgba[i] ?? 255) + (img.rgba[i + 1] ?? 255) + (img.rgba[i + 2] ?? 255) < 3 * 160) ink++;
    }
  }
  return ink;
}

const isBarBlue = ([r, , b]: [number, number, number]) => b > 140 && r < 110 && b - r > 60;
const isRangeOrange = ([r, g, b]: [number, number, number]) => r > 200 && g > 150 && b < 160;

function rendered(input: ChartInput) {
  return { layout: layoutCompareChart(input), img: decodePng(renderCompareChart(input)) };
}

describe("renderCompareChart", () => {
  test("produces a valid PNG of the laid-out size", () => {
    const { layout, img } = rendered(exampleInput);
    expect(img.width).toBe(Math.round(CHART_WIDTH * CHART_SCALE));
    expect(Math.abs(img.height - layout.height * CHART_SCALE)).toBeLessThanOrEqual(1);
  });

  test("grows in height one row per region, and past twelve regions in two columns", () => {
    const six = rendered(syntheticInput(6));
    const twelve = rendered(syntheticInput(12));
    const fifty = rendered(syntheticInput(50));
    expect(fifty.img.width).toBe(twelve.img.width);
    expect(fifty.layout.rows).toHaveLength(50);
    // 36 px per row (type sized for phones) in one column.
    expect((twelve.layout.height - six.layout.height) / 6).toBe(36);
    // Fifty regions: two columns of 25 side by side, plus a once-only strip of tick labels at the top.
    const second = fifty.layout.rows[25];
    expect(second?.y).toBe(fifty.layout.rows[0]?.y);
    expect(second?.x0 ?? 0).toBeGreaterThan(CHART_WIDTH / 2);
    const perRow = (fifty.layout.height - twelve.layout.height) / (25 - 12);
    expect(perRow).toBeGreaterThanOrEqual(36);
    expect(perRow).toBeLessThan(39);
  });

  test("draws every region label and value", () => {
    const { layout, img } = rendered(exampleInput);
    expect(layout.rows.map((r) => r.label)).toEqual(exampleInput.rows.map((r) => r.label));
    for (const row of layout.rows) {
      expect(
        inkIn(img, layout.labelRight - 30, row.y - 8, layout.labelRight, row.y + 8),
        row.label,
      ).toBeGreaterThan(30);
      expect(inkIn(img, row.x1 + 6, row.y - 8, row.x1 + 30, row.y + 8), `${row.label} value`).toBeGreaterThan(
        20,
      );
    }
    // The gap between the label column and the plot stays blank.
    const first = layout.rows[0];
    if (!first) throw new Error("no rows");
    expect(inkIn(img, layout.labelRight + 2, first.y - 8, layout.zeroX - 2, first.y + 8)).toBe(0);
  });

  test("draws a range as a floating bar from low to high, a plain target as a bar from zero", () => {
    // The 6% row fixes the axis at 0–6 in both charts and the value texts have equal widths, so the two
    // plots line up pixel for pixel.
    const asBar: ChartInput = {
      ...exampleInput,
      rows: [
        { label: "历城", valueText: "6%", value: 6 },
        { label: "浙江", valueText: "5%—5.5%", value: 5 },
      ],
    };
    const asRange: ChartInput = {
      ...exampleInput,
      rows: [
        { label: "历城", valueText: "6%", value: 6 },
        { label: "浙江", valueText: "5%—5.5%", value: 5, low: 5, high: 5.5 },
      ],
    };
    const bar = rendered(asBar);
    const range = rendered(asRange);
    const barRow = bar.layout.rows[1];
    if (!barRow) throw new Error("no rows");
    expect(range.layout.rows.map((r) => r.kind)).toEqual(["bar", "range"]);
    const zeroX = bar.layout.zeroX;
    const xOf = (v: number) => zeroX + ((barRow.x1 - zeroX) * v) / 5;
    // Between zero and the low end: filled for the bar, empty for the range.
    for (const v of [1, 2.5, 4.5]) {
      expect(isBarBlue(pixel(bar.img, xOf(v), barRow.y)), `bar at ${v}`).toBe(true);
      expect(isBarBlue(pixel(range.img, xOf(v), barRow.y)), `range at ${v}`).toBe(false);
      expect(isRangeOrange(pixel(range.img, xOf(v), barRow.y)), `range at ${v}`).toBe(false);
    }
    expect(isRangeOrange(pixel(range.img, xOf(5.25), barRow.y))).toBe(true);
  });

  test("lists regions without a number under the chart instead of drawing them", () => {
    const input: ChartInput = {
      ...exampleInput,
      rows: [...exampleInput.rows, { label: "西湖", valueText: "", value: null }],
      missing: [{ label: "临安区", reason: "与经济增长保持同步" }],
    };
    const withMissing = rendered(input);
    const without = rendered(exampleInput);
    expect(withMissing.layout.rows.map((r) => r.label)).toEqual(exampleInput.rows.map((r) => r.label));
    expect(withMissing.layout.missingLines.join("")).toBe("无可比数值：临安区（与经济增长保持同步）；西湖");
    expect(withMissing.layout.svg).toContain('aria-label="临安区（与经济增长保持同步）；西湖"');
    // Same plot, one more line of text under it.
    expect(withMissing.layout.height - without.layout.height).toBe(28 + 12);
    const lastRow = withMissing.layout.rows.at(-1);
    if (!lastRow) throw new Error("no rows");
    const textTop = lastRow.y + 18 + 28 + 12;
    expect(inkIn(withMissing.img, 24, textTop, 400, textTop + 28)).toBeGreaterThan(200);
  });

  test("keeps XML special characters in labels as text", () => {
    const label = `<b>&"甲'`;
    const input: ChartInput = {
      ...exampleInput,
      title: "A & B <指标>",
      rows: [{ label, valueText: "5% & <6%>", value: 5 }],
      missing: [{ label: "]]>", reason: "<!-- -->" }],
    };
    const { layout, img } = rendered(input);
    expect(layout.svg).toContain('aria-label="&lt;b&gt;&amp;&quot;甲&apos;"');
    expect(layout.svg).not.toContain("<b>");
    const [row] = layout.rows;
    if (!row) throw new Error("no rows");
    expect(row.label).toBe(label);
    expect(inkIn(img, 28, row.y - 8, layout.labelRight, row.y + 8)).toBeGreaterThan(50);
  });

  test("gives the same bytes for the same input, whatever was rendered before", () => {
    const first = renderCompareChart(exampleInput);
    renderCompareChart(syntheticInput(50));
    expect(renderCompareChart(exampleInput).equals(first)).toBe(true);
    expect(renderCompareChart(syntheticInput(50)).equals(renderCompareChart(syntheticInput(50)))).toBe(true);
  });

  test("says so when there is nothing to plot", () => {
    const input: ChartInput = { ...exampleInput, rows: [], missing: [{ label: "临安区", reason: "未提及" }] };
    const { layout, img } = rendered(input);
    expect(layout.rows).toEqual([]);
    expect(layout.svg).toContain('aria-label="没有可比较的数值"');
    expect(img.width).toBe(Math.round(CHART_WIDTH * CHART_SCALE));
  });

  test.each([
    ["a NaN value", { label: "甲", valueText: "?", value: Number.NaN }],
    ["an infinite value", { label: "甲", valueText: "?", value: Number.POSITIVE_INFINITY }],
    ["half a range", { label: "甲", valueText: "5%—", value: 5, low: 5 }],
  ])("rejects %s", (_, row) => {
    expect(() => renderCompareChart({ ...exampleInput, rows: [row] })).toThrow(/renderCompareChart/);
  });
});

describe("the bundled font", () => {
  test("has a glyph for every character of the sample charts (no tofu boxes)", () => {
    const { regular, bold } = chartFaces();
    const text = [exampleInput, syntheticInput(50)]
      .flatMap((i) => [i.title, i.subtitle ?? "", i.footer, ...i.rows.flatMap((r) => [r.label, r.valueText])])
      .join("");
    const extra = "无可比数值：（）；单位单一数值区间（下限—上限）没有可比较的数值埇桥区鄞州亳州濉溪荥阳郫都";
    for (const ch of new Set(text + extra)) {
      if (ch.trim() === "") continue;
      expect(regular.font.charToGlyph(ch).index, ch).toBeGreaterThan(0);
      expect(bold.font.charToGlyph(ch).index, ch).toBeGreaterThan(0);
    }
  });
});
