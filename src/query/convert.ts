/**
 * Traditional → simplified for what users type, so a zh-TW or Hong Kong user's "臨淄 國內生產總值" finds
 * 临淄区 and GDP. The corpus is simplified; only the query is converted, never a quote. OpenCC's Taiwan
 * table ("tw") converts phrases as well as characters (臨淄著力 → 临淄着力, while 著名 stays).
 * opencc-js and its dictionary load on the first traditional line only: a CLI start pays nothing for it.
 */
import { createRequire } from "node:module";
import { TRADITIONAL_ONLY } from "./traditional-chars.ts";

type Convert = (text: string) => string;
type OpenCC = { Converter(opts: { from: string; to: string }): Convert };
const load = (bundle: "t2cn" | "cn2t") => createRequire(import.meta.url)(`opencc-js/${bundle}`) as OpenCC;
let convert: Convert | null = null;

let traditional: Set<string> | null = null;

/** Whether the text has a character only traditional text uses (most lines have none). */
export function looksTraditional(text: string): boolean {
  traditional ??= new Set(TRADITIONAL_ONLY);
  for (const ch of text) if (traditional.has(ch)) return true;
  return false;
}

/**
 * The text in simplified characters; Latin letters, digits and punctuation are left as they are. Text
 * with no traditional-only character is returned as it is, without loading OpenCC's dictionary.
 */
export function toSimplified(text: string): string {
  if (!looksTraditional(text)) return text;
  convert ??= load("t2cn").Converter({ from: "tw", to: "cn" });
  return (convert as Convert)(text);
}

let toTw: Convert | null = null;

/**
 * Simplified → traditional with Taiwan phrasing (默认 → 預設, 查看 → 檢視), for zh-TW command names and
 * descriptions written in simplified; only at start-up, never for a quote.
 */
export function toTaiwan(text: string): string {
  toTw ??= load("cn2t").Converter({ from: "cn", to: "twp" });
  return (toTw as Convert)(text);
}
