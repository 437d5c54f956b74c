import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { IngestError, type SourceText } from "./source.ts";

interface Line {
  page: number;
  y: number;
  x0: number;
  x1: number;
  size: number;
  text: string;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

const PAGE_NUMBER = /^[-—–－\s]*(第\s*)?[0-9０-９]{1,4}\s*(页)?(\s*[/／共]\s*[0-9]{1,4}\s*页?)?[-—–－\s]*$/;

function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return { cMapUrl: `${join(root, "cmaps")}/`, standardFontDataUrl: `${join(root, "standard_fonts")}/` };
}

/** Items sharing a baseline make a line; lines run top to bottom. */
function pageLines(items: TextItem[], page: number): Line[] {
  const lines: Line[] = [];
  const sorted = items
    .filter((it) => it.str !== "")
    .sort(
      (a, b) =>
        (b.transform[5] ?? 0) - (a.transform[5] ?? 0) || (a.transform[4] ?? 0) - (b.transform[4] ?? 0),
    );
  for (const it of sorted) {
    const x = it.transform[4] ?? 0;
    const y = it.transform[5] ?? 0;
    const size = Math.abs(it.transform[3] ?? 0) || it.height || 10;
    const line = lines.find((l) => Math.abs(l.y - y) < size * 0.4);
    if (line) {
      line.text = x < line.x0 ? it.str + line.text : line.text + it.str;
      // A space item does not move the line's edges, which mark indents and short last lines.
      if (it.str.trim() !== "") {
        line.x0 = Math.min(line.x0, x);
        line.x1 = Math.max(line.x1, x + it.width);
      }
    } else if (it.str.trim() !== "") lines.push({ page, y, x0: x, x1: x + it.width, size, text: it.str });
  }
  return lines.map((l) => ({ ...l, text: l.text.trim() }));
}

/** Text repeated at the top or bottom of most pages: a running header or footer ("河南省人民政府文件"). */
function runningLines(pages: Line[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    // Keyed by height on the page and text (digits masked): a header sits at the same place every time.
    const edge = new Set(
      [...lines.slice(0, 2), ...lines.slice(-2)].map(
        (l) => `${Math.round(l.y)}|${l.text.replace(/[0-9]+/g, "#")}`,
      ),
    );
    for (const t of edge) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const out = new Set<string>();
  if (pages.length < 2) return out;
  for (const [t, n] of counts) if (n >= Math.max(2, pages.length * 0.5)) out.add(t.slice(t.indexOf("|") + 1));
  return out;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/**
 * A PDF's text by pdfjs. Layout breaks a paragraph into lines; a paragraph ends where a line stops short
 * of the right margin or the next one is indented. Page numbers and running headers/footers are dropped.
 * Paragraphs come out separated by blank lines, the layout's line breaks kept inside them.
 */
export async function readPdf(bytes: Uint8Array, name: string): Promise<SourceText> {
  const { getDocument, VerbosityLevel } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let pages: Line[][];
  try {
    const doc = await getDocument({
      data: new Uint8Array(bytes),
      ...pdfjsAssets(),
      cMapPacked: true,
      verbosity: VerbosityLevel.ERRORS,
      isEvalSupported: false,
      useSystemFonts: false,
    }).promise;
    pages = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      pages.push(
        pageLines(
          content.items.filter((it): it is TextItem & typeof it => "str" in it),
          p,
        ),
      );
    }
    await doc.destroy();
  } catch (e) {
    throw new IngestError(`${name}：无法读取 PDF（${(e as Error).message}）`);
  }
  const running = runningLines(pages);
  const body = pages
    .flat()
    .filter((l) => !PAGE_NUMBER.test(l.text) && !running.has(l.text.replace(/[0-9]+/g, "#")));
  if (body.length === 0) throw new IngestError(`${name}：PDF 中没有可提取的文字（可能是扫描件）`);
  const left = mode(body.map((l) => l.x0));
  const right = Math.max(...body.map((l) => l.x1));
  const paragraphs: string[][] = [];
  let prev: Line | undefined;
  for (const l of body) {
    const indented = l.x0 > left + l.size * 0.9;
    const prevShort = prev !== undefined && prev.x1 < right - l.size * 1.5;
    const gap = prev !== undefined && prev.page === l.page && prev.y - l.y > l.size * 2.2;
    if (!prev || indented || prevShort || gap) paragraphs.push([l.text]);
    else paragraphs[paragraphs.length - 1]?.push(l.text);
    prev = l;
  }
  return { format: "pdf", text: paragraphs.map((p) => p.join("\n")).join("\n\n"), layout: "blocks" };
}
