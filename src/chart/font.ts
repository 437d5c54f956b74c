/**
 * The chart's font: Noto Sans Hans (Noto Sans CJK SC cut to GB2312 plus common extras, OFL-1.1) from the
 * npm package @embedpdf/fonts-sc, the smallest registry package we found with a CJK font resvg or
 * opentype.js can read (fontsource ships only woff/woff2). Install cost: 41 MB for the font package (five
 * weights of ~8.4 MB; we load Regular and Bold), 3.6 MB for opentype.js, 4.4 MB for the resvg binary.
 *
 * Why glyphs are drawn as paths instead of SVG <text>: with these 8 MB files loaded through `fontFiles`,
 * resvg-js 2.6 spent about 1 ms per glyph (it appears to reread the file for each one), so a 50-row chart
 * took about a second. Parsing the fonts once per process with opentype.js (0.2–0.8 s, on first use) and
 * caching each glyph's outline brings a 50-row render to about 130 ms.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import opentype, { type Font } from "opentype.js";

const require = createRequire(import.meta.url);
// The package exports only its JS entry, so the font folder is found next to it.
const fontDir = join(dirname(require.resolve("@embedpdf/fonts-sc")), "..", "fonts");

export interface Face {
  font: Font;
  /** Prefix for glyph ids in the SVG, so regular and bold outlines never clash. */
  id: string;
  /** Outline path data per glyph index, in font units with y pointing down and the baseline at 0. */
  outlines: Map<number, string>;
}

let faces: { regular: Face; bold: Face } | undefined;

function loadFace(file: string, id: string): Face {
  const bytes = readFileSync(join(fontDir, file));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  // lowMemory parses glyphs on demand: a chart needs a few hundred of the font's 30,000.
  return { font: opentype.parse(buffer, { lowMemory: true }), id, outlines: new Map() };
}

/** Parses the fonts on first use; call it at start-up to keep that cost out of the first chart. */
export function chartFaces(): { regular: Face; bold: Face } {
  faces ??= {
    regular: loadFace("NotoSansHans-Regular.otf", "r"),
    bold: loadFace("NotoSansHans-Bold.otf", "b"),
  };
  return faces;
}
