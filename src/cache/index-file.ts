/** The cache file's contents: the compact index, TermStats and the statement table, with their key. */
import type { Paragraph } from "../corpus/structure.ts";
import type { Statement } from "../facts/extract.ts";
import { CacheFileError, readCacheFile, viewAs, writeCacheFile } from "./cache-file.ts";
import type { IndexData, Postings } from "./compact-index.ts";
import { type Fingerprint, INDEX_VERSION } from "./fingerprint.ts";
import { decodeStatements, encodeStatements, type StatementTable } from "./statement-codec.ts";

export interface CacheContents {
  data: IndexData;
  statements: Statement[];
}

interface Header {
  version: number;
  fingerprint: Fingerprint;
  paragraphs: number;
  fields: string[];
  docCount: number;
  avgFieldLength: number[];
  statsDocs: number;
  termCount: number;
  dfCount: number;
  statementCount: number;
  statementKeys: string[];
  statementKinds: StatementTable["kinds"];
  statementShapes: number[][];
  /** Bytes per term frequency, per field. */
  tfBytes: number[];
}

// Terms never hold NUL: the tokenizer drops control characters with whitespace and punctuation.
const SEP = "\0";

export function saveCache(
  path: string,
  fingerprint: Fingerprint,
  paragraphs: readonly Paragraph[],
  { data, statements }: CacheContents,
): number {
  const table = encodeStatements(statements, paragraphs);
  for (const t of [...data.terms, ...data.dfTerms]) {
    if (t.includes(SEP)) throw new Error(`term ${JSON.stringify(t)} holds NUL`);
  }
  const header: Header = {
    version: INDEX_VERSION,
    fingerprint,
    paragraphs: paragraphs.length,
    fields: data.fields,
    docCount: data.docCount,
    avgFieldLength: data.avgFieldLength,
    statsDocs: data.statsDocs,
    termCount: data.terms.length,
    dfCount: data.dfTerms.length,
    statementCount: statements.length,
    statementKeys: table.keys,
    statementKinds: table.kinds,
    statementShapes: table.shapes,
    tfBytes: data.postings.map((p) => p.tfs.BYTES_PER_ELEMENT),
  };
  const sections: Record<string, ArrayBufferView> = {
    terms: Buffer.from(data.terms.join(SEP), "utf8"),
    dfTerms: Buffer.from(data.dfTerms.join(SEP), "utf8"),
    dfCounts: data.dfCounts,
    fieldLength: data.fieldLength,
    docParagraph: data.docParagraph,
    "st.strings": Buffer.from(JSON.stringify(table.strings), "utf8"),
    "st.shape": table.shape,
    "st.paragraph": table.paragraph,
  };
  table.columns.forEach((col, c) => {
    sections[`st.col.${c}`] = col;
  });
  data.postings.forEach((p, f) => {
    sections[`offsets.${f}`] = p.offsets;
    sections[`termBlock.${f}`] = p.blocks.termBlock;
    sections[`blockDoc.${f}`] = p.blocks.blockDoc;
    sections[`blockByte.${f}`] = p.blocks.blockByte;
    sections[`bytes.${f}`] = p.blocks.bytes;
    sections[`tfs.${f}`] = p.tfs;
  });
  return writeCacheFile(path, header, sections);
}

export type Freshness = { fresh: true } | { fresh: false; why: string };

/** Whether a cache header was written for this corpus and this code. */
export function freshness(header: Header, fingerprint: Fingerprint, paragraphs: number): Freshness {
  if (header.version !== INDEX_VERSION) return { fresh: false, why: "index version changed" };
  if (header.fingerprint?.code !== fingerprint.code) return { fresh: false, why: "code changed" };
  if (header.fingerprint?.corpus !== fingerprint.corpus) return { fresh: false, why: "corpus changed" };
  if (header.paragraphs !== paragraphs) return { fresh: false, why: "paragraph count differs" };
  return { fresh: true };
}

/** Reads a cache file; `Freshness` when it belongs to another corpus or code, CacheFileError when damaged. */
export function loadCache(
  path: string,
  fingerprint: Fingerprint,
  paragraphs: readonly Paragraph[],
): CacheContents | { fresh: false; why: string } {
  const file = readCacheFile<Header>(path);
  const h = file.header;
  const f = freshness(h, fingerprint, paragraphs.length);
  if (!f.fresh) return f;
  const terms = splitTerms(file.section("terms"), h.termCount);
  const dfTerms = splitTerms(file.section("dfTerms"), h.dfCount);
  const postings: Postings[] = h.fields.map((_, i) => ({
    offsets: viewAs(file.section(`offsets.${i}`), Uint32Array),
    blocks: {
      termBlock: viewAs(file.section(`termBlock.${i}`), Uint32Array),
      blockDoc: viewAs(file.section(`blockDoc.${i}`), Int32Array),
      blockByte: viewAs(file.section(`blockByte.${i}`), Uint32Array),
      bytes: file.section(`bytes.${i}`),
    },
    tfs: h.tfBytes?.[i] === 1 ? file.section(`tfs.${i}`) : viewAs(file.section(`tfs.${i}`), Uint16Array),
  }));
  const data: IndexData = {
    fields: h.fields,
    docCount: h.docCount,
    avgFieldLength: h.avgFieldLength,
    fieldLength: viewAs(file.section("fieldLength"), Int32Array),
    docParagraph: viewAs(file.section("docParagraph"), Int32Array),
    terms,
    postings,
    dfTerms,
    dfCounts: viewAs(file.section("dfCounts"), Uint32Array),
    statsDocs: h.statsDocs,
  };
  check(data);
  const table: StatementTable = {
    count: h.statementCount,
    keys: h.statementKeys,
    kinds: h.statementKinds,
    shapes: h.statementShapes,
    strings: JSON.parse(utf8(file.section("st.strings"))) as string[],
    shape: viewAs(file.section("st.shape"), Uint16Array),
    paragraph: viewAs(file.section("st.paragraph"), Int32Array),
    columns: h.statementKeys.map((_, c) => viewAs(file.section(`st.col.${c}`), Float64Array)),
  };
  if (table.shape.length !== table.count || table.columns.some((c) => c.length !== table.count)) {
    throw new CacheFileError("statement table sizes");
  }
  const statements = decodeStatements(table, paragraphs);
  return { data, statements };
}

function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

function splitTerms(bytes: Uint8Array, count: number): string[] {
  if (count === 0) return [];
  const terms = utf8(bytes).split(SEP);
  if (terms.length !== count) throw new CacheFileError(`expected ${count} terms, found ${terms.length}`);
  return terms;
}

/** Sizes agree with each other, so a search never reads past an array. */
function check(d: IndexData): void {
  const bad = (what: string) => {
    throw new CacheFileError(`inconsistent ${what}`);
  };
  if (d.fieldLength.length !== d.docCount * d.fields.length) bad("field lengths");
  if (d.docParagraph.length !== d.docCount) bad("chunk table");
  if (d.dfCounts.length !== d.dfTerms.length) bad("document frequencies");
  for (const p of d.postings) {
    const postings = p.offsets[d.terms.length];
    if (p.offsets.length !== d.terms.length + 1 || postings !== p.tfs.length) bad("offsets");
    const { termBlock, blockDoc, blockByte, bytes } = p.blocks;
    const blocks = termBlock[d.terms.length] as number;
    if (
      termBlock.length !== d.terms.length + 1 ||
      blockDoc.length !== blocks ||
      blockByte.length !== blocks
    ) {
      bad("posting blocks");
    }
    if (blocks > 0 && (blockByte[blocks - 1] as number) > bytes.length) bad("posting bytes");
  }
}
