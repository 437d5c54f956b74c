/**
 * PNG bar charts for /compare answers, rendered without a browser or system fonts: the SVG is laid out
 * here with text drawn as outlines of a bundled CJK font (no tofu boxes), then rasterised by resvg, a
 * prebuilt binary from npm. The same input always gives the same bytes.
 * Install cost: 41 MB font package + 3.6 MB opentype.js + 4.4 MB resvg binary (see font.ts for why).
 */
import { Resvg } from "@resvg/resvg-js";
import { z } from "zod";
import { layoutCompareChart } from "./compare-layout.ts";
import { chartFaces } from "./font.ts";

export interface ChartRow {
  /** The region's short name, e.g. "浙江". */
  label: string;
  /** The value as the report words it, e.g. "5.5%以上", "5%左右", "4.5%—5%". */
  valueText: string;
  value: number | null;
  /** Set both for a range target; it is drawn from low to high, not from zero. */
  low?: number;
  high?: number;
}

export interface ChartInput {
  /** Names the indicator, the kind and the years; given by the caller. */
  title: string;
  subtitle?: string;
  unit: string | null;
  /** One bar per region, in the caller's order. */
  rows: ChartRow[];
  /** Regions with no number (only a qualitative statement, or none), listed under the chart. */
  missing: { label: string; reason: string }[];
  /** 数据来源 and the reports; wrapped when long. */
  footer: string;
}

const rowSchema = z
  .object({
    label: z.string(),
    valueText: z.string(),
    value: z.number().nullable(),
    low: z.number().optional(),
    high: z.number().optional(),
  })
  .refine((r) => (r.low === undefined) === (r.high === undefined), "low and high must be given together");

// The input comes from our own engine, but a NaN or Infinity would silently break the axis, so check it.
const inputSchema = z.object({
  title: z.string(),
  subtitle: z.string().optional(),
  unit: z.string().nullable(),
  rows: z.array(rowSchema),
  missing: z.array(z.object({ label: z.string(), reason: z.string() })),
  footer: z.string(),
});

/** Output pixels per SVG unit: the layout is drawn at its final 800 px, with type sized for phones. */
export const CHART_SCALE = 1;

/** Renders a /compare chart as PNG bytes. Throws on malformed input (non-finite numbers, half a range). */
export function renderCompareChart(input: ChartInput): Buffer {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new Error(`renderCompareChart: ${z.prettifyError(parsed.error)}`);
  const { svg } = layoutCompareChart(parsed.data);
  return rasterize(svg).asPng();
}

/**
 * Parses the bundled fonts now (0.2–0.8 s, once per process) instead of during the first chart, which
 * would otherwise take that much longer; call it at start-up where a slow first reply matters.
 */
export function warmUpCompareChart(): void {
  chartFaces();
}

function rasterize(svg: string) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: CHART_SCALE },
    // All text is already outlines (see glyph-text.ts); no font may come from the machine.
    font: { loadSystemFonts: false },
    logLevel: "off",
  });
  return resvg.render();
}
