// A rough layout of one bot message in Discord's phone client at 390 pt wide (iPhone 12–15), enough to
// say whether an answer fits one screen before its components. Numbers from the client at that width:
// text column ≈ 300 pt after avatar and margins, embed padding 12 on each side, body text 15 pt on 20 pt
// lines, "-#" small text 13 pt on 16 pt lines, CJK glyphs one em wide, Latin and digits ≈ 0.55 em.
import type { APIEmbed } from "discord.js";

export const PHONE = {
  width: 390,
  /** Visible height for messages: 844 pt minus status bar, channel header and the message box. */
  visible: 650,
  embedText: 300 - 24,
  authorLine: 22,
  padding: 24,
  gap: 8,
};

function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) <= 0xff ? size * 0.55 : size;
  return w;
}

/** A line as the client shows it: no markdown markers, masked links as their text. */
function visibleText(line: string): string {
  return line
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*\*|__|`/g, "")
    .replace(/^> /, "")
    .replace(/\\(.)/g, "$1");
}

function linesHeight(text: string): number {
  let h = 0;
  for (const raw of text.split("\n")) {
    const small = raw.startsWith("-# ");
    const size = small ? 13 : 15;
    const line = visibleText(small ? raw.slice(3) : raw);
    const rows = Math.max(1, Math.ceil(textWidth(line, size) / PHONE.embedText));
    h += rows * (small ? 16 : 20);
  }
  return h;
}

/** Pixel size of a PNG from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Estimated height in pt of a message with one embed (and its image) on a 390 pt phone. */
export function phoneHeight(
  content: string | undefined,
  embed: APIEmbed,
  image?: { width: number; height: number },
): number {
  let h = PHONE.authorLine + PHONE.padding;
  if (content) h += linesHeight(content) + PHONE.gap;
  if (embed.title) h += Math.max(1, Math.ceil(textWidth(embed.title, 16) / PHONE.embedText)) * 22 + PHONE.gap;
  if (embed.description) h += linesHeight(embed.description) + PHONE.gap;
  if (image) h += Math.round((PHONE.embedText * image.height) / image.width) + PHONE.gap;
  if (embed.footer?.text) h += linesHeight(`-# ${embed.footer.text}`) + PHONE.gap;
  return h;
}
