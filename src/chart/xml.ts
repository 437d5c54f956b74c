/** Escapes text and attribute values for SVG: every caller-given string goes through here. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch] ?? ch).replace(INVALID_XML_CHARS, "");
}

const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

// Control characters are not allowed in XML 1.0 even as entities; a stray one would make resvg reject the SVG.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

type AttrValue = string | number | undefined;

/** One SVG element; attribute values are escaped, `inner` must already be escaped markup. */
export function el(name: string, attrs: Record<string, AttrValue>, inner?: string): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${key}="${typeof value === "number" ? fmt(value) : escapeXml(value)}"`;
  }
  return inner === undefined ? `${out}/>` : `${out}>${inner}</${name}>`;
}

/** Coordinates rounded to 0.01 so the SVG text, and so the PNG, is the same on every run and platform. */
export function fmt(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}
