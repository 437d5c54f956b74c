/**
 * Builds the store: every report parsed, tokenised and extracted one at a time (a large corpus is never
 * in memory whole), written to a temporary file in the target's folder and renamed over the target, so
 * a reader sees the old store or the new one, never half of one.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Database from "libsql";
import { decodeReport, type ReportEntry, readManifest } from "../corpus/manifest.ts";
import { groupRegions, regionNames } from "../corpus/regions.ts";
import { CorpusError } from "../errors.ts";
import { type Lexicon, lexiconPhrases, loadLexicon } from "../facts/lexicon.ts";
import { addBytes, CORPUS_DATA_FILES, codeHash, type FileStamp, stampOf } from "./fingerprint.ts";
import { type NameEntry, normName } from "./names.ts";
import type { ReportRows } from "./report-rows.ts";
import { defaultWorkers, rowSource } from "./row-source.ts";
import { SCHEMA_SQL, STORE_APP, STORE_VERSION } from "./store-schema.ts";
import { dictionaryOf, readTokenizerData, type TokenizerData } from "./tokenizer.ts";

const WINDOW = 8;

export interface BuildOptions {
  /** Progress lines for long builds (stderr in the CLI). */
  log?: (line: string) => void;
  /** Worker threads for parsing and tokenising; default by corpus size (src/search/row-source.ts). */
  workers?: number;
}

export interface BuildResult {
  path: string;
  reports: number;
  paragraphs: number;
  chunks: number;
  statements: number;
  bytes: number;
  ms: number;
}

/** The tokenizer's data: the corpus's user dictionary and stop words plus lexicon phrases and region names. */
export function tokenizerDataFor(
  dir: string,
  entries: readonly ReportEntry[],
  lexicon: Lexicon,
): TokenizerData {
  const data = readTokenizerData(join(dir, "userdict.txt"), join(dir, "stopwords.txt"));
  const names = groupRegions(entries)
    .flatMap(regionNames)
    .filter((n) => /\p{Script=Han}/u.test(n));
  return { ...data, userWords: [...new Set([...data.userWords, ...lexiconPhrases(lexicon), ...names])] };
}

export async function buildStore(dir: string, target: string, opts: BuildOptions = {}): Promise<BuildResult> {
  const t0 = performance.now();
  const entries = readManifest(dir);
  const lexicon = loadLexicon(dir);
  const tokenizerData = tokenizerDataFor(dir, entries, lexicon);
  const corpusBytes = entries.reduce((n, e) => n + (stampOf(dir, e.file)?.size ?? 0), 0);
  const source = rowSource(tokenizerData, lexicon, opts.workers ?? defaultWorkers(corpusBytes));
  const hash = createHash("sha256");
  const stamps: FileStamp[] = [];
  for (const f of CORPUS_DATA_FILES) stamps.push(hashFile(dir, f, hash));

  const tmp = `${target}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 8192;");
    db.exec(SCHEMA_SQL);
    const insert = inserters(db);
    const totals = { paragraphs: 0, chunks: 0, statements: 0 };
    let chunkId = 0;
    let lastLog = performance.now();
    // Up to WINDOW reports in flight; rows are inserted in manifest order as they come back.
    const pending: Promise<ReportRows>[] = [];
    const submit = (i: number) => {
      const entry = entries[i] as ReportEntry;
      const { text, stamp } = readReport(dir, entry, i, hash);
      stamps.push(stamp);
      pending.push(source.rows(entry, text, join(dir, entry.file)));
    };
    let submitted = 0;
    for (const [i, entry] of entries.entries()) {
      while (submitted < entries.length && submitted < i + WINDOW) submit(submitted++);
      const rows = await (pending.shift() as Promise<ReportRows>);
      const lo = chunkId + 1;
      chunkId += rows.chunks.length;
      db.transaction(() => writeReport(insert, entry, i, rows, lo))();
      totals.paragraphs += rows.paragraphs.length;
      totals.chunks += rows.chunks.length;
      totals.statements += rows.statements.length;
      if (opts.log && performance.now() - lastLog > 5000) {
        lastLog = performance.now();
        opts.log(`  ${i + 1}/${entries.length} reports, ${totals.chunks} chunks`);
      }
    }
    await source.close();
    writeNames(db, entries, lexicon);
    const dictionary = writeDictionary(db, tokenizerData.userWords);
    const meta: Record<string, string> = {
      app: STORE_APP,
      version: String(STORE_VERSION),
      code: codeHash(),
      corpus: hash.digest("hex"),
      stamps: JSON.stringify(stamps),
      lexicon: JSON.stringify({ indicators: lexicon.indicators, splits: lexicon.splits }),
      tokenizer: JSON.stringify({
        userWords: tokenizerData.userWords,
        stopWords: [...tokenizerData.stopWords],
      }),
      dictionary: JSON.stringify(dictionary),
      chunks: String(totals.chunks),
      built: new Date().toISOString(),
    };
    const put = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
    db.transaction(() => {
      for (const [k, v] of Object.entries(meta)) put.run(k, v);
    })();
    db.exec("INSERT INTO chunks (chunks) VALUES ('optimize'); ANALYZE;");
    db.close();
    renameSync(tmp, target);
    const bytes = statSync(target).size;
    return { path: target, reports: entries.length, ...totals, bytes, ms: performance.now() - t0 };
  } catch (e) {
    await source.close();
    if (db.open) db.close();
    rmSync(tmp, { force: true });
    throw e;
  }
}

function hashFile(dir: string, file: string, hash: ReturnType<typeof createHash>): FileStamp {
  const stamp = stampOf(dir, file);
  if (!stamp) throw new CorpusError(join(dir, file), "(file)", file, "file not found");
  addBytes(hash, file, readFileSync(join(dir, file)));
  return stamp;
}

/** A report's bytes, hashed as read and decoded as strict UTF-8: the hash covers exactly what was parsed. */
function readReport(
  dir: string,
  entry: ReportEntry,
  i: number,
  hash: ReturnType<typeof createHash>,
): { text: string; stamp: FileStamp } {
  const path = join(dir, entry.file);
  const stamp = stampOf(dir, entry.file);
  if (!stamp) {
    const problem = existsSync(path) ? "not a regular file" : "file not found";
    throw new CorpusError(path, `reports.${i}.file`, entry.file, problem);
  }
  const bytes = readFileSync(path);
  addBytes(hash, entry.file, bytes);
  const text = decodeReport(bytes, path, entry, i);
  // The stamp is taken before reading; a file changed in between has another size or mtime next time.
  return { text, stamp: { ...stamp, size: bytes.length === stamp.size ? stamp.size : -1 } };
}

type Inserters = ReturnType<typeof inserters>;

function inserters(db: Database.Database) {
  return {
    /** Statements are numbered in corpus order: document order within a report. */
    statementSeq: { n: 0 },
    report: db.prepare(
      "INSERT INTO reports (id, seq, title, region, level, year, file, paragraphs, chunk_lo, chunk_hi, entry) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    ),
    section: db.prepare("INSERT INTO sections (report_id, n, depth, title, kind) VALUES (?,?,?,?,?)"),
    paragraph: db.prepare(
      "INSERT INTO paragraphs (id, report_id, n, text, is_heading, headings, section, section_kind, multi_year) VALUES (?,?,?,?,?,?,?,?,?)",
    ),
    chunk: db.prepare("INSERT INTO chunks (rowid, text, heading) VALUES (?,?,?)"),
    chunkParagraph: db.prepare("INSERT INTO chunk_paragraphs (id, paragraph_id, report_id) VALUES (?,?,?)"),
    statement: db.prepare(
      `INSERT INTO statements (seq, report_id, region, year, about, about_end, paragraph_id, indicator_id,
        kind, horizon, value, value_high, unit, change, qualifier, text, sentence, headline, grp, data)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    ),
  };
}

function writeReport(ins: Inserters, entry: ReportEntry, seq: number, rows: ReportRows, lo: number): void {
  const hi = lo + rows.chunks.length - 1;
  const body = rows.paragraphs.filter((p) => !p.isHeading).length;
  ins.report.run(
    entry.id,
    seq,
    entry.title,
    entry.region,
    entry.level,
    entry.year,
    entry.file,
    body,
    lo,
    hi,
    JSON.stringify(entry),
  );
  for (const s of rows.sections) ins.section.run(entry.id, s.n, s.depth, s.title, s.kind);
  for (const p of rows.paragraphs) {
    ins.paragraph.run(
      p.id,
      entry.id,
      p.n,
      p.text,
      p.isHeading ? 1 : 0,
      JSON.stringify(p.headings),
      p.section,
      p.sectionKind,
      p.multiYear ? 1 : 0,
    );
  }
  rows.chunks.forEach((c, k) => {
    ins.chunk.run(lo + k, c.text, c.heading);
    ins.chunkParagraph.run(lo + k, c.paragraphId, entry.id);
  });
  for (const s of rows.statements) {
    ins.statement.run(
      ++ins.statementSeq.n,
      s.reportId,
      s.region,
      s.year,
      s.about,
      s.aboutEnd,
      s.paragraphId,
      s.indicatorId,
      s.kind,
      s.horizon,
      s.value,
      s.valueHigh,
      s.unit,
      s.change,
      s.qualifier,
      s.text,
      s.sentence,
      s.headline ? 1 : 0,
      s.group,
      JSON.stringify(s),
    );
  }
}

const LEVEL_ORDER = ["国家", "省", "市", "区县"];

// pinyin-pro (~90 ms to load) is needed only when a store is built, never when one is served.
const require = createRequire(import.meta.url);
let pinyinFn: typeof import("pinyin-pro").pinyin | undefined;

function sounds(text: string): string[] {
  if (!/\p{Script=Han}/u.test(text)) return [];
  pinyinFn ??= (require("pinyin-pro") as typeof import("pinyin-pro")).pinyin;
  const pinyin = pinyinFn;
  const syllables = pinyin(text, { toneType: "none", type: "array" });
  return [syllables.join(""), syllables.map((s) => s[0] ?? "").join("")].map(normName);
}

/** The name index's entries (src/search/names.ts), pinyin included, so serving never loads pinyin-pro. */
/** jieba's merged dictionary, for the serving processes' tokenizer; returns what meta records of it. */
function writeDictionary(
  db: Database.Database,
  userWords: readonly string[],
): { total: number; maxLength: number; words: number } {
  const { words, total, maxLength } = dictionaryOf(userWords);
  const put = db.prepare("INSERT INTO dictionary (word, freq) VALUES (?, ?)");
  // In key order: each insert appends to the table's b-tree.
  const sorted = [...words].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  db.transaction(() => {
    for (const [word, freq] of sorted) put.run(word, freq);
  })();
  return { total, maxLength, words: words.size };
}

function writeNames(db: Database.Database, entries: readonly ReportEntry[], lexicon: Lexicon): void {
  const names: NameEntry[] = [];
  groupRegions(entries).forEach((r, i) => {
    const all = regionNames(r);
    const years = r.reports.map((rep) => rep.year).join("、");
    names.push({
      kind: "region",
      value: r.name,
      label: `${r.name}（${r.level} · ${years}年报告）`,
      words: all,
      sounds: [...new Set(all.flatMap(sounds))],
      rank: LEVEL_ORDER.indexOf(r.level) * 100_000 + i,
    });
  });
  lexicon.indicators.forEach((ind, i) => {
    names.push({
      kind: "indicator",
      value: ind.name,
      label: ind.name,
      words: [...new Set([ind.name, ...ind.aliases, ...ind.terms])],
      sounds: [...new Set([ind.name, ...ind.aliases].flatMap(sounds))],
      rank: i,
    });
  });
  entries.forEach((e, i) => {
    names.push({ kind: "report", value: e.id, label: e.title, words: [e.id, e.title], sounds: [], rank: i });
  });
  const put = db.prepare("INSERT INTO names (kind, value, label, words, sounds, rank) VALUES (?,?,?,?,?,?)");
  db.transaction(() => {
    for (const n of names)
      put.run(n.kind, n.value, n.label, JSON.stringify(n.words), JSON.stringify(n.sounds), n.rank);
  })();
}
