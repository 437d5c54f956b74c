import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { IngestError, type SourceText } from "./source.ts";
import { decodeText } from "./txt.ts";

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, div";

/**
 * A saved government page: Readability finds the article body (dropping navigation, breadcrumbs,
 * font-size controls and the footer); each block element becomes one line.
 */
export function readHtml(bytes: Uint8Array, name: string): SourceText {
  const html = decodeText(bytes, name);
  const { document } = parseHTML(html);
  // The page's <h1> is the article's headline; <title> often carries the site name too ("…_河南省人民政府门户网站").
  const headline = document.querySelector("h1")?.textContent?.trim() || undefined;
  // Readability edits the document it reads; it gets its own copy.
  const article = new Readability(
    parseHTML(html).document as unknown as ConstructorParameters<typeof Readability>[0],
    { charThreshold: 200 },
  ).parse();
  if (!article?.content) throw new IngestError(`${name}：网页中找不到正文`);
  const { document: body } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const lines: string[] = [];
  for (const el of body.querySelectorAll(BLOCKS)) {
    // Only innermost blocks: a <div> holding <p>s would repeat their text.
    if (el.querySelector(BLOCKS)) continue;
    const text = (el.textContent ?? "").replace(/\s*\n\s*/g, "").trim();
    if (text) lines.push(text);
  }
  const title = headline || article.title?.trim() || document.title?.trim() || undefined;
  // Readability lifts the headline out of the body; put it back as the title line.
  if (title && !lines.slice(0, 5).includes(title)) lines.unshift(title);
  return { format: "html", text: lines.join("\n"), title };
}
