import { IngestError, type SourceText } from "./source.ts";

const HAN = /[\u4e00-\u9fa5]/g;

/**
 * Text as saved from a web page or a wiki: UTF-8 (with or without BOM), or GB18030 as older Chinese
 * sites save it when the bytes are not UTF-8 and decode to mostly Han characters.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new IngestError(`${name}：文件是空的`);
  if (bytes.subarray(0, 8192).includes(0)) throw new IngestError(`${name}：是二进制文件，不是文本`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    const text = new TextDecoder("gb18030").decode(bytes);
    const han = text.match(HAN)?.length ?? 0;
    if (!text.includes("\uFFFD") && han > text.length * 0.3) return text;
    throw new IngestError(`${name}：不是 UTF-8 或 GB18030 编码的文本`);
  }
}

export function readTxt(bytes: Uint8Array, name: string): SourceText {
  return { format: "txt", text: decodeText(bytes, name) };
}
