/**
 * Traditional → simplified for what users type, so a zh-TW or Hong Kong user's "臨淄 國內生產總值" finds
 * 临淄区 and GDP. The corpus is simplified; only the query is converted, never a quote. OpenCC's Taiwan
 * table ("tw") also maps variant forms (著力 → 着力) that a character-by-character table would miss.
 */
import { Converter as TwConverter } from "opencc-js/cn2t";
import { Converter } from "opencc-js/t2cn";

type Convert = (text: string) => string;
let convert: Convert | null = null;

// Text without Chinese characters (pinyin, GDP, citation ids) needs no dictionary walk.
const HAS_HAN = /\p{Script=Han}/u;

/** The text in simplified characters; Latin letters, digits and punctuation are left as they are. */
export function toSimplified(text: string): string {
  if (!HAS_HAN.test(text)) return text;
  convert ??= Converter({ from: "tw", to: "cn" });
  return (convert as Convert)(text);
}

let toTw: Convert | null = null;

/**
 * Simplified → traditional with Taiwan phrasing (默认 → 預設, 查看 → 檢視), for zh-TW command names and
 * descriptions written in simplified; only at start-up, never for a quote.
 */
export function toTaiwan(text: string): string {
  toTw ??= TwConverter({ from: "cn", to: "twp" });
  return (toTw as Convert)(text);
}
