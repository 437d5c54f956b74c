/**
 * A worker of the answer pool (pool.ts): opens the read-only store once (its pages are memory-mapped and
 * shared with every other thread and process that opens it) and answers one Command per task. The store
 * does not change while it is served, so an answer (and its chart, ~150 ms to draw) is kept for the next
 * identical Command: a burst after an announcement asks the same few questions hundreds of times.
 */

import { workerData } from "node:worker_threads";
import { LRUCache } from "lru-cache";
import { validateAnswers } from "../answer/validate.ts";
import { warmUpCompareChart } from "../chart/compare-chart.ts";
import { openEngine } from "../engine.ts";
import type { Command } from "../query/command.ts";
import { type Worked, work } from "./work.ts";

export interface WorkerInit {
  storePath: string;
  /** Check every answer against the zod schema (the bot and tests do). */
  validate: boolean;
}

const init = workerData as WorkerInit;
const engine = openEngine(init.storePath);
if (init.validate) await validateAnswers();
warmUpCompareChart();

const recent = new LRUCache<string, Worked>({
  max: 2000,
  // Charts dominate the size; 64 MB per worker bounds them whatever the mix.
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (w) => 4096 + (w.chart?.length ?? 0),
});

export default function answer(command: Command): Worked {
  const key = JSON.stringify(command);
  const known = recent.get(key);
  if (known) return known;
  const worked = work(engine, command);
  // An answer that hit the engine's single catch is not kept: the next ask gets a fresh try.
  if (worked.errors.length === 0) recent.set(key, worked);
  return worked;
}
