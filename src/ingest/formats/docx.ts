import mammoth from "mammoth";
import { IngestError, type SourceText } from "./source.ts";

/** A Word file: mammoth's raw text gives one paragraph per block, separated by blank lines. */
export async function readDocx(bytes: Uint8Array, name: string): Promise<SourceText> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { format: "docx", text: value, layout: "blocks" };
  } catch (e) {
    throw new IngestError(`${name}：无法读取 Word 文档（${(e as Error).message}）`);
  }
}
