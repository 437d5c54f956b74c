/**
 * A serving process on a built store, as the bot is: `node serve.js --store FILE [--reps N]`.
 *   default: open the engine, warm up, then time the query mix (bench/queries.ts) round-robin, per line
 *            and per command; RSS after it; then, on the same store and for the same /ask questions, the
 *            FTS5-only peer (the raw BM25 query over the terms the engine searched, LIMIT 30) and a
 *            linear scan (every paragraph's text, term hits counted in JS). One JSON object on stdout.
 *   --hold:  open the engine, answer the mix once, print one JSON line, and stay up until stdin closes,
 *            so the parent can read this process's memory next to another's.
 * Milliseconds and MiB (2^20 bytes) throughout.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import Database from "libsql";
import { type Logger, runLine } from "../../src/answer/execute.ts";
import { openEngine } from "../../src/engine.ts";
import { type Command, QUERY_MIX } from "../queries.ts";
import { percentile } from "../stats.ts";

const { values } = parseArgs({
  options: {
    store: { type: "string" },
    reps: { type: "string", default: "30" },
    warmup: { type: "string", default: "3" },
    "scan-reps": { type: "string", default: "1" },
    hold: { type: "boolean", default: false },
  },
  strict: true,
});
const storePath = values.store as string;
const reps = Number(values.reps);
const warmup = Number(values.warmup);
const scanReps = Number(values["scan-reps"]);

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const errors: string[] = [];
const logger: Logger = { error: (message) => errors.push(message) };
const lines = (Object.entries(QUERY_MIX) as [Command, readonly string[]][]).flatMap(([command, ls]) =>
  ls.map((line) => ({ command, line })),
);

let t = performance.now();
const engine = openEngine(storePath);
const openMs = performance.now() - t;

// The engine's own search, timed and its terms kept: the peer and the scan get the very same terms.
const store = engine.store;
const search = store.search.bind(store);
const searched = new Map<string, string[]>();
const searchMs: number[] = [];
let current = "";
let timing = false;
store.search = (terms, reports, limit) => {
  const s = performance.now();
  const hits = search(terms, reports, limit);
  if (timing) searchMs.push(performance.now() - s);
  searched.set(current, [...terms]);
  return hits;
};

function answer(line: string): boolean {
  current = line;
  return runLine(engine, line, logger).ok;
}

if (values.hold) {
  for (const { line } of lines) answer(line);
  const m = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({ ready: true, rssMiB: mib(m.rss), heapMiB: mib(m.heapUsed), ...rssParts() })}\n`,
  );
  process.stdin.resume();
  process.stdin.on("end", () => process.exit(0));
} else {
  serve();
}

function serve(): void {
  t = performance.now();
  const firstOk = answer(lines[0]?.line ?? "");
  const firstAnswerMs = performance.now() - t;
  t = performance.now();
  engine.tokenizer();
  const tokenizerMs = performance.now() - t;

  const failures: { line: string }[] = [];
  for (let pass = 0; pass < Math.max(1, warmup); pass++) {
    for (const { line } of lines) if (!answer(line) && pass === 0) failures.push({ line });
  }
  if (!firstOk && !failures.some((f) => f.line === lines[0]?.line))
    failures.push({ line: lines[0]?.line ?? "" });

  const jitter = busyLoops(300);
  const byCommand: Record<Command, number[]> = { target: [], ask: [], compare: [] };
  const byLine: Record<string, number[]> = {};
  timing = true;
  for (let r = 0; r < reps; r++) {
    for (const { command, line } of lines) {
      const s = performance.now();
      answer(line);
      const ms = performance.now() - s;
      byCommand[command].push(ms);
      push(byLine, line, ms);
    }
  }
  timing = false;
  const mem = process.memoryUsage();
  const memory = {
    rssMiB: mib(mem.rss),
    heapUsedMiB: mib(mem.heapUsed),
    externalMiB: mib(mem.external),
    peakRssMiB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
    ...rssParts(),
  };

  const askLines = QUERY_MIX.ask.map((line) => ({ line, terms: searched.get(line) ?? [] }));
  const peer = peerLatency(askLines);
  const scan = linearScan(askLines);
  const summary = (xs: number[]) => ({ p50: percentile(xs, 50), p99: percentile(xs, 99), n: xs.length });
  const result = {
    openMs,
    firstAnswerMs,
    tokenizerMs,
    reps,
    warmup,
    failures,
    loggedErrors: errors,
    latency: {
      target: summary(byCommand.target),
      ask: summary(byCommand.ask),
      compare: summary(byCommand.compare),
    },
    perLine: Object.fromEntries(Object.entries(byLine).map(([line, xs]) => [line, summary(xs)])),
    engineSearch: summary(searchMs),
    peerFts: { ...summary(peer.all), perLine: peer.perLine },
    linearScan: { ...summary(scan.all), perLine: scan.perLine, paragraphs: scan.paragraphs },
    askTerms: Object.fromEntries(askLines.map((a) => [a.line, a.terms])),
    jitter,
    memory,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * RSS split as the kernel counts it: anonymous (V8 heap, native allocations such as jieba's dictionary and
 * SQLite's page cache) and file-backed (mapped code and the memory-mapped store, shared with other readers).
 */
function rssParts(): { rssAnonMiB: number; rssFileMiB: number } {
  const status = readFileSync("/proc/self/status", "utf8");
  const kb = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rssAnonMiB: mib(kb("RssAnon") * 1024), rssFileMiB: mib(kb("RssFile") * 1024) };
}

/** A fixed 1 ms busy loop, n times: whatever its p99 shows above 1 ms is the machine, not the engine. */
function busyLoops(n: number): { p50: number; p99: number } {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    while (performance.now() - s < 1);
    xs.push(performance.now() - s);
  }
  return { p50: percentile(xs, 50), p99: percentile(xs, 99) };
}

/** A bare connection, as the peer opens one: read-only (a mode=ro URI; libsql ignores `readonly`). */
function readOnly(path: string): Database.Database {
  return new Database(`file:${encodeURI(resolve(path)).replace(/[?#]/g, encodeURIComponent)}?mode=ro`);
}

function quoted(terms: readonly string[]): string {
  return terms.map((x) => `"${x.replaceAll('"', '""')}"`).join(" OR ");
}

/** The raw FTS5 query any program could send: every term, no region filter, BM25, LIMIT 30. */
function peerLatency(asks: { line: string; terms: string[] }[]) {
  const db = new Database(storePath, { readonly: true, fileMustExist: true });
  const stmt = db.prepare(
    `SELECT m.paragraph_id FROM chunks JOIN chunk_paragraphs AS m ON m.id = chunks.rowid
     WHERE chunks MATCH ? ORDER BY bm25(chunks) LIMIT 30`,
  );
  const run = (terms: string[]) => (terms.length > 0 ? stmt.all(quoted(terms)) : []);
  for (const a of asks) run(a.terms);
  const all: number[] = [];
  const perLine: Record<string, number[]> = {};
  for (let r = 0; r < reps; r++) {
    for (const a of asks) {
      const s = performance.now();
      run(a.terms);
      const ms = performance.now() - s;
      all.push(ms);
      push(perLine, a.line, ms);
    }
  }
  db.close();
  return { all, perLine: medians(perLine) };
}

/** No index at all: every paragraph's text read from the store and each term's occurrences counted. */
function linearScan(asks: { line: string; terms: string[] }[]) {
  const db = readOnly(storePath);
  const stmt = db.prepare("SELECT id, text FROM paragraphs");
  const all: number[] = [];
  const perLine: Record<string, number[]> = {};
  let paragraphs = 0;
  for (let r = 0; r < scanReps; r++) {
    for (const a of asks) {
      const s = performance.now();
      const top: { id: string; hits: number }[] = [];
      paragraphs = 0;
      for (const row of stmt.iterate() as Iterable<{ id: string; text: string }>) {
        paragraphs++;
        let hits = 0;
        for (const term of a.terms) {
          for (let i = row.text.indexOf(term); i >= 0; i = row.text.indexOf(term, i + term.length)) hits++;
        }
        if (hits > 0 && (top.length < 30 || hits > (top.at(-1)?.hits ?? 0))) {
          top.push({ id: row.id, hits });
          top.sort((x, y) => y.hits - x.hits);
          if (top.length > 30) top.pop();
        }
      }
      const ms = performance.now() - s;
      all.push(ms);
      push(perLine, a.line, ms);
    }
  }
  db.close();
  return { all, perLine: medians(perLine), paragraphs };
}

function push(m: Record<string, number[]>, key: string, x: number): void {
  const xs = m[key];
  if (xs) xs.push(x);
  else m[key] = [x];
}

function medians(m: Record<string, number[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(m).map(([k, xs]) => [k, percentile(xs, 50)]));
}
