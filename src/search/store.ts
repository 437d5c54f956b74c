/**
 * The store, read-only: report metadata in memory (small), paragraphs and statements fetched by prepared
 * statements, full-text candidates from FTS5 (BM25 over jieba tokens) and term statistics from its
 * vocabulary table. Every process of the bot opens the same file; nothing is copied into private heap
 * beyond what a query touches.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import Database from "libsql";
import type { ReportEntry } from "../corpus/manifest.ts";
import { type Paragraph, type SectionKind, splitSentences } from "../corpus/structure.ts";
import type { Statement } from "../facts/extract.ts";
import { prepareJsonRows } from "./json-rows.ts";
import type { NameEntry } from "./names.ts";
import { STORE_APP, STORE_VERSION } from "./store-schema.ts";
import type { DictionarySource } from "./tokenizer.ts";

export interface ReportInfo extends ReportEntry {
  /** Paragraphs that are not headings. */
  paragraphCount: number;
  /** The report's chunks are rowids chunkLo..chunkHi in the FTS table: a report filter is a rowid range. */
  chunkLo: number;
  chunkHi: number;
}

export interface Hit {
  paragraphId: string;
  reportId: string;
  /** BM25, higher is better. */
  score: number;
}

interface ParagraphRow {
  id: string;
  report_id: string;
  n: number;
  text: string;
  is_heading: number;
  headings: string;
  section: string;
  section_kind: string;
  multi_year: number;
}

export class StoreError extends Error {
  override name = "StoreError";
}

// A term in more than this share of chunks ("发展", "推进") adds little to BM25 but makes FTS5 score most
// of the corpus; it still counts in the sentence reranking.
const COMMON_SHARE = 0.12;
const KEEP_AT_LEAST = 1;
const MAX_RANGES = 400;
// The file is memory-mapped up to this size: the pages a query touches are the page cache's, shared by
// every process serving the store and reclaimable by the kernel, not private copies in each process.
// Mapped pages do count in RSS (at 100× the bench's query mix touches ~66 MiB of a 190 MB store: the FTS
// index is contentless and a query reads only the chunks it keeps). Past 1 GiB (a 1000× store is ~2 GB)
// the rest is read through SQLite's own small page cache.
const MMAP_BYTES = 2 ** 30;

export class Store {
  readonly path: string;
  readonly meta: ReadonlyMap<string, string>;
  readonly reports: readonly ReportInfo[];
  readonly #db: Database.Database;
  readonly #chunks: number;
  readonly #df = new Map<string, number>();
  readonly #q;

  constructor(path: string) {
    this.path = path;
    this.#db = openReadOnly(path);
    this.meta = readMeta(this.#db, path);
    this.#chunks = Number(this.meta.get("chunks") ?? 0);
    const db = this.#db;
    const paragraphColumns = `json_object('id', id, 'report_id', report_id, 'n', n, 'text', text,
      'is_heading', is_heading, 'headings', headings, 'section', section, 'section_kind', section_kind,
      'multi_year', multi_year)`;
    this.#q = {
      paragraph: db.prepare("SELECT * FROM paragraphs WHERE id = ?"),
      paragraphsOf: prepareJsonRows<ParagraphRow>(
        db,
        `SELECT json_group_array(${paragraphColumns} ORDER BY n) AS rows FROM paragraphs WHERE report_id = ?`,
      ),
      statements: prepareJsonRows<Statement>(
        db,
        `SELECT json_group_array(json(data) ORDER BY seq) AS rows FROM statements
         WHERE indicator_id = ? AND kind = ? AND report_id = ?`,
      ),
      // The report ids as one JSON array: a single read however many reports /compare covers.
      ofReports: prepareJsonRows<Statement>(
        db,
        `SELECT json_group_array(json(data) ORDER BY report_id, seq) AS rows FROM statements
         WHERE indicator_id = ? AND kind = ? AND report_id IN (SELECT value FROM json_each(?))`,
      ),
      ofIndicator: prepareJsonRows<Statement>(
        db,
        `SELECT json_group_array(json(data) ORDER BY report_id, seq) AS rows FROM statements
         WHERE indicator_id = ? AND kind = ?`,
      ),
      dictionary: prepareJsonRows<[string, number]>(
        db,
        `SELECT json_group_array(json_array(word, freq)) AS rows FROM dictionary
         WHERE word IN (SELECT value FROM json_each(?))`,
      ),
      allStatements: db.prepare("SELECT data FROM statements ORDER BY seq"),
      df: db.prepare("SELECT doc FROM chunk_terms WHERE term = ?"),
    };
    this.reports = (
      db.prepare("SELECT entry, paragraphs, chunk_lo, chunk_hi FROM reports ORDER BY seq").all() as {
        entry: string;
        paragraphs: number;
        chunk_lo: number;
        chunk_hi: number;
      }[]
    ).map((r) => ({
      ...(JSON.parse(r.entry) as ReportEntry),
      paragraphCount: r.paragraphs,
      chunkLo: r.chunk_lo,
      chunkHi: r.chunk_hi,
    }));
  }

  close(): void {
    this.#db.close();
  }

  /** A JSON value the build saved in meta (lexicon, tokenizer data). */
  metaJson<T>(key: string): T {
    const raw = this.meta.get(key);
    if (raw === undefined) throw new StoreError(`${this.path}: meta.${key} missing`);
    return JSON.parse(raw) as T;
  }

  /** The tokenizer's dictionary, read a question's substrings at a time (src/search/tokenizer.ts). */
  dictionary(): DictionarySource {
    const { total, maxLength } = this.metaJson<{ total: number; maxLength: number }>("dictionary");
    return { total, maxLength, lookup: (candidates) => this.#q.dictionary.all(JSON.stringify(candidates)) };
  }

  names(): NameEntry[] {
    const rows = this.#db.prepare("SELECT * FROM names ORDER BY rowid").all() as {
      kind: NameEntry["kind"];
      value: string;
      label: string;
      words: string;
      sounds: string;
      rank: number;
    }[];
    return rows.map((r) => ({
      kind: r.kind,
      value: r.value,
      label: r.label,
      words: JSON.parse(r.words) as string[],
      sounds: JSON.parse(r.sounds) as string[],
      rank: r.rank,
    }));
  }

  paragraph(id: string): Paragraph | undefined {
    const row = this.#q.paragraph.get(id) as ParagraphRow | undefined;
    return row ? toParagraph(row) : undefined;
  }

  paragraphsOf(reportId: string): Paragraph[] {
    return this.#q.paragraphsOf.all(reportId).map(toParagraph);
  }

  /** One report's statements of an indicator and kind, in document order. */
  statements(reportId: string, indicatorId: string, kind: Statement["kind"]): Statement[] {
    return this.#q.statements.all(indicatorId, kind, reportId);
  }

  /**
   * Statements of an indicator and kind by report, in document order (for /compare): of the given
   * reports, or of every report. The table is clustered by indicator, so this reads adjacent pages.
   */
  statementsByReport(
    indicatorId: string,
    kind: Statement["kind"],
    reportIds: readonly string[] | null = null,
  ): Map<string, Statement[]> {
    const out = new Map<string, Statement[]>();
    const rows = reportIds
      ? this.#q.ofReports.all(indicatorId, kind, JSON.stringify(reportIds))
      : this.#q.ofIndicator.all(indicatorId, kind);
    for (const s of rows) {
      const list = out.get(s.reportId);
      if (list) list.push(s);
      else out.set(s.reportId, [s]);
    }
    return out;
  }

  /** Every statement, streamed (batch tools: one call per run, so libsql's per-call leak is paid once). */
  *allStatements(): Generator<Statement> {
    for (const r of this.#q.allStatements.iterate() as Iterable<{ data: string }>)
      yield JSON.parse(r.data) as Statement;
  }

  /** Chunks (text windows) containing the term: its document frequency. */
  df(term: string): number {
    let n = this.#df.get(term);
    if (n === undefined) {
      n = (this.#q.df.get(term) as { doc: number } | undefined)?.doc ?? 0;
      if (this.#df.size > 50_000) this.#df.clear();
      this.#df.set(term, n);
    }
    return n;
  }

  /** BM25's inverse document frequency: rare terms weigh more. */
  idf(term: string): number {
    const df = this.df(term);
    return Math.log(1 + (this.#chunks - df + 0.5) / (df + 0.5));
  }

  /**
   * Best paragraphs for the query terms (any of them), one hit per paragraph, within the given reports
   * (null: all). FTS5 ranks chunks by BM25 (text weighs 1, the headings above it 0.2).
   */
  search(terms: readonly string[], reports: readonly ReportInfo[] | null, limit: number): Hit[] {
    const kept = this.#selective(terms);
    if (kept.length === 0) return [];
    const match = kept.map((t) => `"${t.replaceAll('"', '""')}"`).join(" OR ");
    if (reports && reports.length === 0) return [];
    let ranges = reports ? mergeRanges(reports) : null;
    // SQLite caps bound parameters: past a few hundred ranges, filter the matches by report instead.
    const only = ranges && ranges.length > MAX_RANGES ? new Set(reports?.map((r) => r.id)) : null;
    if (only) ranges = null;
    const where = ranges ? ` AND (${ranges.map(() => "rowid BETWEEN ? AND ?").join(" OR ")})` : "";
    // Ranked on rowids and scores alone; only the chunks kept are looked up in chunk_paragraphs.
    const sql = `SELECT json_group_array(json_array(m.paragraph_id, m.report_id, t.score) ORDER BY t.score, t.id)
      AS rows FROM (SELECT rowid AS id, bm25(chunks, 1.0, 0.2) AS score FROM chunks
                    WHERE chunks MATCH ?${where} ORDER BY score, rowid LIMIT ?) AS t
      JOIN chunk_paragraphs AS m ON m.id = t.id`;
    const rows = prepareJsonRows<[string, string, number]>(this.#db, sql).all(
      match,
      ...(ranges?.flat() ?? []),
      only ? limit * 50 : limit * 3,
    );
    const byParagraph = new Map<string, Hit>();
    for (const [paragraphId, reportId, score] of rows) {
      if (byParagraph.has(paragraphId) || (only && !only.has(reportId))) continue;
      byParagraph.set(paragraphId, { paragraphId, reportId, score: -score });
      if (byParagraph.size >= limit) break;
    }
    return [...byParagraph.values()];
  }

  /** The query terms worth a full-text lookup: common ones dropped unless too few would remain. */
  #selective(terms: readonly string[]): string[] {
    const unique = [...new Set(terms)].filter((t) => t.length > 0);
    const withDf = unique.map((t) => ({ t, df: this.df(t) })).filter((x) => x.df > 0);
    const rare = withDf.filter((x) => x.df <= this.#chunks * COMMON_SHARE);
    if (rare.length >= KEEP_AT_LEAST || rare.length === withDf.length) return rare.map((x) => x.t);
    return withDf
      .sort((a, b) => a.df - b.df)
      .slice(0, KEEP_AT_LEAST)
      .map((x) => x.t);
  }
}

/**
 * A read-only connection. libsql takes better-sqlite3's `readonly` option but ignores it (and creates a
 * missing file), so the file is opened as a `mode=ro` URI, which SQLite itself enforces; query_only
 * guards the connection too. The first MMAP_BYTES of the file are memory-mapped, so processes serving
 * one store share those pages.
 */
export function openReadOnly(path: string): Database.Database {
  if (!existsSync(path)) throw new StoreError(`cannot open the store ${path}: no such file`);
  try {
    const db = new Database(`file:${encodeURI(resolve(path)).replace(/[?#]/g, encodeURIComponent)}?mode=ro`);
    db.exec(`PRAGMA query_only = ON; PRAGMA mmap_size = ${MMAP_BYTES};`);
    return db;
  } catch (e) {
    throw new StoreError(`cannot open the store ${path}: ${(e as Error).message}`);
  }
}

function readMeta(db: Database.Database, path: string): Map<string, string> {
  let rows: { key: string; value: string }[];
  try {
    rows = db.prepare("SELECT key, value FROM meta").all() as { key: string; value: string }[];
  } catch {
    throw new StoreError(`${path} is not a 政报通 store`);
  }
  const meta = new Map(rows.map((r) => [r.key, r.value]));
  if (meta.get("app") !== STORE_APP) throw new StoreError(`${path} is not a 政报通 store`);
  if (meta.get("version") !== String(STORE_VERSION)) {
    throw new StoreError(`${path}: store version ${meta.get("version")}, this code reads ${STORE_VERSION}`);
  }
  return meta;
}

function toParagraph(r: ParagraphRow): Paragraph {
  return {
    id: r.id,
    reportId: r.report_id,
    n: r.n,
    text: r.text,
    isHeading: r.is_heading === 1,
    headings: JSON.parse(r.headings) as string[],
    section: r.section,
    sectionKind: r.section_kind as SectionKind,
    multiYear: r.multi_year === 1,
    sentences: splitSentences(r.text),
  };
}

/** The reports' chunk rowid ranges, adjacent ones merged (a region's reports were added together). */
function mergeRanges(reports: readonly ReportInfo[]): [number, number][] {
  const sorted = reports
    .filter((r) => r.chunkHi >= r.chunkLo)
    .map((r) => [r.chunkLo, r.chunkHi] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}
