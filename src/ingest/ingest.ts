/**
 * add-report as a library: read a file in any supported format, clean it, detect its metadata, check it
 * against the corpus, and (separately, in write.ts) add it. The CLI and the dataset import both use this.
 */
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { type ReportEntry, ReportEntrySchema, readManifest, readReportText } from "../corpus/manifest.ts";
import { parseReport } from "../corpus/structure.ts";
import { loadLexicon } from "../facts/lexicon.ts";
import { buildMatcher, type Matcher } from "../facts/mentions.ts";
import { type Cleaned, cleanText } from "./clean.ts";
import { readDocx } from "./formats/docx.ts";
import { readHtml } from "./formats/html.ts";
import { readPdf } from "./formats/pdf.ts";
import { IngestError, type SourceText } from "./formats/source.ts";
import { readTxt } from "./formats/txt.ts";
import { detectMetadata, type Metadata, type Overrides } from "./metadata.ts";
import { buildCorpusView, buildIngestionReport, type CorpusView, type IngestionReport } from "./report.ts";

export { IngestError } from "./formats/source.ts";

const BY_EXTENSION: Record<string, SourceText["format"]> = {
  ".txt": "txt",
  ".text": "txt",
  ".html": "html",
  ".htm": "html",
  ".shtml": "html",
  ".xhtml": "html",
  ".pdf": "pdf",
  ".docx": "docx",
};

function sniff(bytes: Uint8Array): SourceText["format"] | null {
  const head = Buffer.from(bytes.subarray(0, 512)).toString("latin1");
  if (head.startsWith("%PDF")) return "pdf";
  if (head.startsWith("PK\u0003\u0004")) return "docx";
  if (/^\s*(<!doctype html|<html)/i.test(head)) return "html";
  if (!bytes.subarray(0, 8192).includes(0)) return "txt";
  return null;
}

/** The file's text by its format: by extension, or by its first bytes when it has none. */
export async function readSource(path: string, bytes: Uint8Array = readFileSync(path)): Promise<SourceText> {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  if (bytes.length === 0) throw new IngestError(`${name}：文件是空的`);
  if (ext === ".doc") throw new IngestError(`${name}：不支持旧版 Word（.doc），请另存为 .docx`);
  const format = ext === "" ? sniff(bytes) : BY_EXTENSION[ext];
  if (!format)
    throw new IngestError(`${name}：不支持的文件格式${ext ? ` ${ext}` : ""}（支持 .txt .html .pdf .docx）`);
  const sniffed = sniff(bytes);
  if (format === "pdf" && sniffed !== "pdf") throw new IngestError(`${name}：扩展名是 .pdf，但内容不是 PDF`);
  if (format === "docx" && sniffed !== "docx")
    throw new IngestError(`${name}：扩展名是 .docx，但内容不是 Word 文档`);
  if (format === "pdf") return readPdf(bytes, name);
  if (format === "docx") return readDocx(bytes, name);
  if (format === "html") return readHtml(bytes, name);
  return readTxt(bytes, name);
}

export interface IngestContext {
  matcher: Matcher;
  corpus: CorpusView;
}

/** The lexicon and what the corpus already holds (names, paragraphs), read once per run. */
export function loadContext(corpusDir: string): IngestContext {
  const entries = readManifest(corpusDir);
  const reports = entries.map((e, i) => ({ ...e, text: readReportText(corpusDir, e, i).text }));
  return { matcher: buildMatcher(loadLexicon(corpusDir)), corpus: buildCorpusView(reports) };
}

/** Fields that come from where the file was found rather than from its text. */
export interface Provenance {
  url?: string;
  /** The manifest's `source`: a URL, a dataset row, a file name. */
  source?: string;
  notes?: string;
  /** A publication date to use when the text has no date line (a web page's date). */
  published?: string;
}

export interface Prepared {
  entry: ReportEntry;
  /** The report file's content: one paragraph per line, blank lines between. */
  text: string;
  source: SourceText;
  cleaned: Cleaned;
  meta: Metadata;
  report: IngestionReport;
}

export function prepare(
  source: SourceText,
  name: string,
  overrides: Overrides,
  provenance: Provenance,
  ctx: IngestContext,
): Prepared {
  const cleaned = cleanText(source.text, source.layout);
  const han = cleaned.paragraphs.join("").match(/[\u4e00-\u9fa5]/g)?.length ?? 0;
  if (han < 50)
    throw new IngestError(`${name}：清理后几乎没有中文正文（${han} 个汉字），不像一份政府工作报告`);
  const text = `${cleaned.paragraphs.join("\n\n")}\n`;
  const meta = detectMetadata(cleaned.paragraphs, parseReport("new", text), overrides, source.title);
  const candidate = {
    id: meta.id.value,
    file: `reports/${meta.id.value}.txt`,
    title: meta.title.value,
    region: meta.region.value,
    aliases: meta.aliases.value,
    level: meta.level.value,
    city: meta.city.value,
    province: meta.province.value,
    year: meta.year.value,
    reviewYear: meta.reviewYear.value,
    targetYear: meta.targetYear.value,
    ...((meta.published.value ?? provenance.published)
      ? { published: meta.published.value ?? provenance.published }
      : {}),
    ...(provenance.url ? { url: provenance.url } : {}),
    source: provenance.source ?? provenance.url ?? name,
    notes: provenance.notes ?? "",
  };
  const parsed = ReportEntrySchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") ?? "";
    const flag = field === "id" ? "--id" : field === "url" ? "--url" : `--${field}`;
    throw new IngestError(
      `清单字段 ${field} 的值 ${JSON.stringify((candidate as Record<string, unknown>)[field])} 无效（${issue?.message}）；请用 ${flag} 指定`,
    );
  }
  const entry = parsed.data;
  const paragraphs = parseReport(entry.id, text);
  const report = buildIngestionReport({ ...entry, text }, paragraphs, ctx.matcher, ctx.corpus);
  return { entry, text, source, cleaned, meta, report };
}
