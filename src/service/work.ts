/**
 * Where answers are computed. The engine and the chart renderer are synchronous and CPU-bound (a /compare
 * chart takes ~150 ms): run on the event loop they starve the timers that acknowledge interactions, which
 * is how whole bursts missed Discord's 3 s. `AnswerWork` is the seam: a worker pool in production
 * (pool.ts), the main thread in unit tests. Both bound what waits, so a burst past capacity is told
 * "busy" at once instead of timing out.
 */
import { errorId, safeExecute } from "../answer/execute.ts";
import type { Answer } from "../answer/schema.ts";
import { answerChart } from "../chart/answer-chart.ts";
import type { Engine } from "../engine.ts";
import { type Command, ok } from "../query/command.ts";

/** An answer and its picture (the /compare chart as PNG), plus errors to log in the main thread. */
export interface Worked {
  answer: Answer;
  chart: Buffer | null;
  /** Lines for the main thread's logger (a worker cannot log through it). */
  errors: { message: string; detail?: string }[];
}

export interface Submitted {
  result: Promise<Worked>;
  /** True when the task waits behind others: the caller acknowledges at once rather than racing it. */
  queued: boolean;
}

export interface AnswerWork {
  /** Starts the work, or throws BusyError at once when the queue is full. */
  submit(command: Command): Submitted;
  /** Tasks submitted and not finished (running and waiting). */
  readonly pending: number;
  /** Tasks waiting for a free worker. */
  readonly queued: number;
  /** Finishes what was submitted, then releases the workers. */
  close(): Promise<void>;
}

export class BusyError extends Error {
  override name = "BusyError";
}

/** The picture of an answer, when it has one: the /compare bar chart or the /trend line chart. */
export function compareChart(answer: Answer): Buffer | null {
  return answerChart(answer);
}

/** The answer and its picture, computed where this runs; never throws (the engine's single catch). */
export function work(engine: Engine, command: Command, picture = compareChart): Worked {
  const errors: Worked["errors"] = [];
  const log = {
    error: (message: string, detail?: unknown) =>
      errors.push({
        message,
        detail: detail instanceof Error ? (detail.stack ?? detail.message) : String(detail),
      }),
  };
  const answer = safeExecute(engine, ok(command), log);
  let chart: Buffer | null = null;
  try {
    chart = picture(answer);
  } catch (e) {
    // A failed picture only drops the picture: the answer's text still goes out.
    log.error(`[${errorId()}] picture for /${answer.command} failed; answering without it`, e);
  }
  return { answer, chart, errors };
}

export interface InlineOptions {
  /** Tasks allowed to wait at once (default 1,000). */
  maxPending?: number;
  /** The picture for an answer; the default renders the /compare chart. */
  chart?: (answer: Answer) => Buffer | null;
}

/**
 * Work on the main thread, one task per macrotask (so timers and I/O run between tasks). For unit tests
 * and small corpora; the service uses the pool.
 */
export function inlineWork(engine: Engine, opts: InlineOptions = {}): AnswerWork {
  const maxPending = opts.maxPending ?? 1000;
  let pending = 0;
  let tail: Promise<unknown> = Promise.resolve();
  const picture = opts.chart ?? compareChart;
  return {
    submit(command) {
      if (pending >= maxPending) throw new BusyError("answer queue full");
      const queued = pending > 0;
      pending++;
      const result = tail.then(
        () =>
          new Promise<Worked>((resolve) =>
            setImmediate(() => {
              pending--;
              resolve(work(engine, command, picture));
            }),
          ),
      );
      tail = result;
      return { result, queued };
    },
    get pending() {
      return pending;
    },
    get queued() {
      return Math.max(0, pending - 1);
    },
    async close() {
      await tail;
    },
  };
}
