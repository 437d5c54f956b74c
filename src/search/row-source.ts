/**
 * Where a build gets each report's rows: in this thread for a small corpus, from worker threads for a
 * large one (each worker loads jieba's dictionary once, ~0.3 s, so below a few MB it does not pay).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ReportEntry } from "../corpus/manifest.ts";
import type { Lexicon } from "../facts/lexicon.ts";
import { buildMatcher } from "../facts/mentions.ts";
import type { WorkerInit, WorkerTask } from "./build-worker.ts";
import { type ReportRows, reportRows } from "./report-rows.ts";
import { Tokenizer, type TokenizerData } from "./tokenizer.ts";

export interface RowSource {
  rows(entry: ReportEntry, text: string, path: string): Promise<ReportRows>;
  close(): Promise<void>;
}

/** Corpora with more text than this are built on worker threads. */
export const PARALLEL_MIN_BYTES = 16_000_000;

/** Worker threads for a corpus of this size: none below PARALLEL_MIN_BYTES or on one core. */
export function defaultWorkers(corpusBytes: number): number {
  const cores = Math.min(availableParallelism(), 4);
  return corpusBytes < PARALLEL_MIN_BYTES || cores < 2 ? 0 : cores;
}

export function rowSource(tokenizerData: TokenizerData, lexicon: Lexicon, workers: number): RowSource {
  if (workers === 0) return inThread(tokenizerData, lexicon);
  return pool(workers, {
    userWords: [...tokenizerData.userWords],
    stopWords: [...tokenizerData.stopWords],
    lexicon: { indicators: lexicon.indicators, splits: lexicon.splits },
  });
}

function inThread(tokenizerData: TokenizerData, lexicon: Lexicon): RowSource {
  const tokenizer = Tokenizer.full(tokenizerData);
  const matcher = buildMatcher(lexicon);
  return {
    rows: async (entry, text, path) => reportRows(entry, { text, path }, tokenizer, matcher),
    close: async () => {},
  };
}

/**
 * A worker running build-worker: the bundled .js when compiled (dist/ mirrors src/); under tsx and in
 * tests the .ts, loaded through tsx's API from a small bootstrap (workers do not inherit --import tsx).
 */
function startWorker(init: WorkerInit): Worker {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith(".ts")) {
    let dir = dirname(here);
    while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
    return new Worker(join(dir, "dist", "search", "build-worker.js"), { workerData: init });
  }
  // require.resolve finds the CommonJS build of the API; its ES module build sits beside it.
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const script = pathToFileURL(join(dirname(here), "build-worker.ts")).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(boot, { eval: true, workerData: init });
}

function pool(size: number, init: WorkerInit): RowSource {
  const waiting = new Map<number, { resolve: (r: ReportRows) => void; reject: (e: Error) => void }>();
  const workers = Array.from({ length: size }, () => {
    const w = startWorker(init);
    w.on("message", (m: { id: number; rows?: ReportRows; error?: string }) => {
      const p = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.rows) p?.resolve(m.rows);
      else p?.reject(new Error(m.error ?? "worker failed"));
    });
    w.on("error", (e) => {
      for (const p of waiting.values()) p.reject(e);
      waiting.clear();
    });
    return w;
  });
  let next = 0;
  return {
    rows(entry, text, path) {
      const id = next++;
      const task: WorkerTask = { id, entry, text, path };
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        (workers[id % workers.length] as Worker).postMessage(task);
      });
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
