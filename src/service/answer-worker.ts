/**
 * A worker of the answer pool (pool.ts): opens the read-only store once (its pages are memory-mapped and
 * shared with every other thread and process that opens it) and answers one Command per task.
 */
import { workerData } from "node:worker_threads";
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

export default function answer(command: Command): Worked {
  return work(engine, command);
}
