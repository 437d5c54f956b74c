/**
 * The FTS5-only peer: the least any program answering from the store can do. `node peer.js STORE` opens
 * the store read-only with libsql, answers one BM25 query and exits; it is what our CLI's cold start is
 * compared with, run for run. `--hold` keeps it open afterwards (until stdin closes) for memory readings.
 * Kept free of any project import on purpose: nothing but node and libsql.
 */
import { resolve } from "node:path";
import Database from "libsql";

const [path, flag] = process.argv.slice(2);
if (!path) {
  process.stderr.write("usage: node peer.js STORE [--hold]\n");
  process.exit(2);
}
// libsql ignores better-sqlite3's `readonly` option: a mode=ro URI is read-only in SQLite itself.
const db = new Database(`file:${encodeURI(resolve(path)).replace(/[?#]/g, encodeURIComponent)}?mode=ro`);
const rows = db
  .prepare(
    `SELECT m.paragraph_id FROM chunks JOIN chunk_paragraphs AS m ON m.id = chunks.rowid
     WHERE chunks MATCH '"地区生产总值"' ORDER BY bm25(chunks) LIMIT 5`,
  )
  .all() as { paragraph_id: string }[];
process.stdout.write(`${rows.map((r) => r.paragraph_id).join("\n")}\n`);
if (flag === "--hold") {
  process.stdout.write("ready\n");
  process.stdin.resume();
  process.stdin.on("end", () => db.close());
}
