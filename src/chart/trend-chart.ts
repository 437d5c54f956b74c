/**
 * PNG line charts for /trend answers: the same pipeline as the compare chart (SVG with text as glyph
 * outlines of the bundled CJK font, rasterised by resvg with no system fonts), so the same series always
 * gives the same bytes.
 */
import { Resvg } from "@resvg/resvg-js";
import { type Series, SeriesSchema } from "../answer/schema.ts";
import { layoutTrendChart } from "./trend-layout.ts";

/** Renders a /trend series as PNG bytes, 800 px wide. Throws on a malformed series (checked by zod). */
export function renderTrendChart(series: Series): Buffer {
  const parsed = SeriesSchema.safeParse(series);
  if (!parsed.success) throw new Error(`renderTrendChart: ${parsed.error.message}`);
  if (parsed.data.from > parsed.data.to) throw new Error("renderTrendChart: from after to");
  const { svg } = layoutTrendChart(parsed.data);
  const resvg = new Resvg(svg, {
    // Drawn at its final size: the layout's type sizes are chosen for 800 px.
    fitTo: { mode: "original" },
    font: { loadSystemFonts: false },
    logLevel: "off",
  });
  return resvg.render().asPng();
}
