/**
 * The answer pool: a few worker threads (piscina), each with its own read-only engine, and a bounded
 * queue in front of them. Past `threads + maxQueue` tasks in flight, `submit` throws BusyError at once,
 * so the user hears "繁忙，请稍后再试" instead of a deferred reply that never comes.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import type { WorkerInit } from "./answer-worker.ts";
import { type AnswerWork, BusyError, type Worked } from "./work.ts";

export interface PoolOptions {
  storePath: string;
  /** Worker threads (default: cores − 1, at least 1, at most 4: the main thread needs a core for I/O). */
  threads?: number;
  /** Tasks allowed to wait for a worker (default 1,500). */
  maxQueue?: number;
  validate?: boolean;
}

export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** The compiled worker next to dist/service/, or the .ts through its tsx bootstrap under tsx and tests. */
export function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith(".ts")) {
    let dir = dirname(here);
    while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
    return join(dir, "dist", "service", "answer-worker.js");
  }
  return join(dirname(here), "answer-worker-dev.mjs");
}

export function answerPool(opts: PoolOptions): AnswerWork {
  const threads = opts.threads ?? defaultThreads();
  const capacity = threads + (opts.maxQueue ?? 1500);
  const workerData: WorkerInit = { storePath: opts.storePath, validate: opts.validate ?? true };
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    // The bound is ours (capacity above); piscina's own queue never refuses.
    maxQueue: Number.POSITIVE_INFINITY,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData,
  });
  let pending = 0;
  return {
    submit(command) {
      if (pending >= capacity) throw new BusyError(`answer queue full (${pending} in flight)`);
      const queued = pending >= threads;
      pending++;
      const result = (pool.run(command) as Promise<Worked>).then(
        (w) => {
          pending--;
          // Structured clone turns the Buffer into a Uint8Array.
          return {
            ...w,
            chart: w.chart ? Buffer.from(w.chart.buffer, w.chart.byteOffset, w.chart.byteLength) : null,
          };
        },
        (e: unknown) => {
          pending--;
          throw e;
        },
      );
      return { result, queued };
    },
    get pending() {
      return pending;
    },
    get queued() {
      return Math.max(0, pending - threads);
    },
    async close() {
      await pool.close();
    },
  };
}
