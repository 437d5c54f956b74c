/**
 * The store's tables: one SQLite file per corpus, built by `npm run index` (src/search/store-build.ts)
 * and opened read-only by every process. Documented in the README ("The store"); other tools may read
 * it, so a change of layout or of a column's meaning bumps STORE_VERSION.
 */

/** Bump when a table, a column or the meaning of a value changes. */
export const STORE_VERSION = 4;

/** Marks a file as ours: a file at the store path without it is never overwritten. */
export const STORE_APP = "zhengbao-store";

// FTS5 sees the jieba tokens joined by spaces. Tokens keep ".&+-" so "pm2.5", "r&d" and "3.56" stay one
// term in the vocabulary; each query term is matched as a quoted phrase, so a token the FTS tokenizer
// does split still matches exactly what the document had.
const FTS_TOKENIZER = `unicode61 remove_diacritics 0 tokenchars '.&+-%'`;

export const SCHEMA_SQL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  title TEXT NOT NULL,
  region TEXT NOT NULL,
  level TEXT NOT NULL,
  year INTEGER NOT NULL,
  file TEXT NOT NULL,
  paragraphs INTEGER NOT NULL,
  chunk_lo INTEGER NOT NULL,
  chunk_hi INTEGER NOT NULL,
  entry TEXT NOT NULL
);

CREATE TABLE sections (
  report_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  depth INTEGER NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  PRIMARY KEY (report_id, n)
);

CREATE TABLE paragraphs (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  text TEXT NOT NULL,
  is_heading INTEGER NOT NULL,
  headings TEXT NOT NULL,
  section TEXT NOT NULL,
  section_kind TEXT NOT NULL,
  multi_year INTEGER NOT NULL
);
CREATE INDEX paragraphs_by_report ON paragraphs (report_id, n);

CREATE TABLE statements (
  seq INTEGER NOT NULL,
  report_id TEXT NOT NULL,
  region TEXT NOT NULL,
  year INTEGER NOT NULL,
  about INTEGER NOT NULL,
  about_end INTEGER,
  paragraph_id TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  horizon TEXT NOT NULL,
  value REAL,
  value_high REAL,
  unit TEXT,
  change TEXT,
  qualifier TEXT,
  text TEXT NOT NULL,
  sentence TEXT NOT NULL,
  headline INTEGER NOT NULL,
  grp TEXT NOT NULL,
  data TEXT NOT NULL,
  -- Clustered by indicator: /compare reads one indicator's rows across all reports from adjacent pages.
  PRIMARY KEY (indicator_id, kind, report_id, seq)
) WITHOUT ROWID;
CREATE INDEX statements_by_seq ON statements (seq);

CREATE TABLE names (
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  label TEXT NOT NULL,
  words TEXT NOT NULL,
  sounds TEXT NOT NULL,
  rank INTEGER NOT NULL
);

-- jieba's dictionary merged with the corpus's words, as the build cut the reports: serving processes cut
-- a question with only the words that occur in it (src/search/tokenizer.ts), not a private copy of this.
CREATE TABLE dictionary (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID;

-- Contentless: the index and the chunk lengths BM25 needs, not a second copy of the tokens. A query reads
-- the doclists and lengths of its terms' chunks, then chunk_paragraphs for the few it keeps.
CREATE VIRTUAL TABLE chunks USING fts5 (
  text, heading, content = '',
  tokenize = "${FTS_TOKENIZER}"
);
CREATE TABLE chunk_paragraphs (
  id INTEGER PRIMARY KEY, -- the chunk's rowid in chunks
  paragraph_id TEXT NOT NULL,
  report_id TEXT NOT NULL
);
CREATE VIRTUAL TABLE chunk_terms USING fts5vocab (chunks, row);
`;
