/**
 * Text as glyph outlines: each glyph a chart uses is defined once in <defs> and placed with <use>, so the
 * SVG needs no font at render time and text widths are exact, not estimated.
 */
import { chartFaces, type Face } from "./font.ts";
import { el, escapeXml, fmt } from "./xml.ts";

export interface TextStyle {
  size: number;
  fill: string;
  bold?: boolean;
  anchor?: "start" | "middle" | "end";
}

/** Collects the glyph definitions one SVG needs while its text is set. */
export class TextSetter {
  private readonly faces = chartFaces();
  private readonly used = new Set<string>();
  private readonly defs: string[] = [];

  private face(bold: boolean | undefined): Face {
    return bold ? this.faces.bold : this.faces.regular;
  }

  /** Advance width of `text` in px. No kerning: labels are mostly CJK and figures, which need none. */
  width(text: string, size: number, bold?: boolean): number {
    const { font } = this.face(bold);
    let units = 0;
    for (const ch of text) units += font.charToGlyph(ch).advanceWidth ?? font.unitsPerEm;
    return (units * size) / font.unitsPerEm;
  }

  /** One line of text with its baseline at `y`, as a group labelled with the text for readers of the SVG. */
  draw(text: string, x: number, y: number, style: TextStyle): string {
    const face = this.face(style.bold);
    const { font } = face;
    const width = this.width(text, style.size, style.bold);
    const left = style.anchor === "end" ? x - width : style.anchor === "middle" ? x - width / 2 : x;
    let pen = 0;
    let uses = "";
    for (const ch of text) {
      const glyph = font.charToGlyph(ch);
      const id = `${face.id}${glyph.index}`;
      let outline = face.outlines.get(glyph.index);
      if (outline === undefined) {
        outline = glyph.getPath(0, 0, font.unitsPerEm).toPathData(0);
        face.outlines.set(glyph.index, outline);
      }
      if (outline !== "") {
        if (!this.used.has(id)) {
          this.used.add(id);
          this.defs.push(el("path", { id, d: outline }));
        }
        uses += el("use", { href: `#${id}`, x: pen });
      }
      pen += glyph.advanceWidth ?? font.unitsPerEm;
    }
    const scale = style.size / font.unitsPerEm;
    const transform = `translate(${fmt(left)} ${fmt(y)}) scale(${Math.round(scale * 1e6) / 1e6})`;
    return `<g aria-label="${escapeXml(text)}" fill="${escapeXml(style.fill)}" transform="${transform}">${uses}</g>`;
  }

  /** The <defs> block for every glyph drawn so far. */
  defsElement(): string {
    return `<defs>${this.defs.join("")}</defs>`;
  }
}
