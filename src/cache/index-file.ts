/** The cache file's contents: the compact index, TermStats and the statement table, with their key. */
import type { Statement } from "../facts/extract.ts";
import { CacheFileError, readCacheFile, viewAs, writeCacheFile } from "./cache-file.ts";
import type { IndexData, Postings } from "./compact-index.ts";
import { type Fingerprint, INDEX_VERSION } from "./fingerprint.ts";

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
}

// Terms never hold NUL: the tokenizer drops control characters with whitespace and punctuation.
const SEP = "\0";

export function saveCache(
  path: string,
  fingerprint: Fingerprint,
  paragraphs: number,
  { data, statements }: CacheContents,
): number {
  for (const t of [...data.terms, ...data.dfTerms]) {
    if (t.includes(SEP)) throw new Error(`term ${JSON.stringify(t)} holds NUL`);
  }
  const header: Header = {
    version: INDEX_VERSION,
    fingerprint,
    paragraphs,
    fields: data.fields,
    docCount: data.docCount,
    avgFieldLength: data.avgFieldLength,
    statsDocs: data.statsDocs,
    termCount: data.terms.length,
    dfCount: data.dfTerms.length,
    statementCount: statements.length,
  };
  const sections: Record<string, ArrayBufferView> = {
    terms: Buffer.from(data.terms.join(SEP), "utf8"),
    dfTerms: Buffer.from(data.dfTerms.join(SEP), "utf8"),
    dfCounts: data.dfCounts,
    fieldLength: data.fieldLength,
    docParagraph: data.docParagraph,
    statements: Buffer.from(JSON.stringify(statements), "utf8"),
  };
  data.postings.forEach((p, f) => {
    sections[`offsets.${f}`] = p.offsets;
    sections[`docs.${f}`] = p.docs;
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
  paragraphs: number,
): CacheContents | { fresh: false; why: string } {
  const file = readCacheFile<Header>(path);
  const h = file.header;
  const f = freshness(h, fingerprint, paragraphs);
  if (!f.fresh) return f;
  const terms = splitTerms(file.section("terms"), h.termCount);
  const dfTerms = splitTerms(file.section("dfTerms"), h.dfCount);
  const postings: Postings[] = h.fields.map((_, i) => ({
    offsets: viewAs(file.section(`offsets.${i}`), Uint32Array),
    docs: viewAs(file.section(`docs.${i}`), Int32Array),
    tfs: viewAs(file.section(`tfs.${i}`), Uint16Array),
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
  const statements = JSON.parse(Buffer.from(file.section("statements")).toString("utf8")) as Statement[];
  if (!Array.isArray(statements) || statements.length !== h.statementCount) {
    throw new CacheFileError("statement count");
  }
  return { data, statements };
}

function splitTerms(bytes: Uint8Array, count: number): string[] {
  if (count === 0) return [];
  const terms = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8").split(SEP);
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
    if (p.offsets.length !== d.terms.length + 1 || p.offsets[d.terms.length] !== p.docs.length)
      bad("offsets");
    if (p.tfs.length !== p.docs.length) bad("term frequencies");
  }
}
