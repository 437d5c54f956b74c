/**
 * The build on several cores: reports are cut into runs of about TASK_CHARS characters, worker threads
 * parse, tokenise and extract them, and the main thread merges the results in corpus order, so the
 * index and statements are the single-threaded build's, byte for byte.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Report } from "../corpus/corpus.ts";
import type { Statement } from "../facts/extract.ts";
import { indexOptions } from "../search/search-index.ts";
import type { Prepared } from "./engine-cache.ts";
import type { CacheContents } from "./index-file.ts";
import { IndexAssembler } from "./postings-builder.ts";
import type { WorkerInit, WorkerResult, WorkerTask } from "./worker-protocol.ts";

const TASK_CHARS = 500_000;
/** Below this many characters a worker's start-up (jieba's dictionary, ~0.3 s) costs more than it saves. */
export const PARALLEL_MIN_CHARS = 4_000_000;

export function defaultWorkers(prep: Prepared): number {
  const chars = prep.corpus.reports.reduce((n, r) => n + r.text.length, 0);
  return chars < PARALLEL_MIN_CHARS ? 0 : Math.min(availableParallelism(), 8);
}

export async function buildContentsParallel(prep: Prepared, workers: number): Promise<CacheContents> {
  const tasks = cutTasks(prep.corpus.reports);
  const init: WorkerInit = {
    dir: prep.dir,
    regions: prep.corpus.regions.map(({ reports: _, ...region }) => region),
  };
  const assembler = new IndexAssembler(indexOptions(prep.tokenizer).fields);
  const statements: Statement[][] = [];
  const done = new Map<number, WorkerResult>();
  let merged = 0;
  let next = 0;
  const pool = Array.from({ length: Math.max(1, Math.min(workers, tasks.length)) }, () => startWorker(init));
  try {
    await Promise.all(
      pool.map(async (worker) => {
        while (next < tasks.length) {
          const task = tasks[next++] as Task;
          const result = await run(worker, task);
          if (result.paragraphs !== task.paragraphs) {
            throw new Error(
              `worker parsed ${result.paragraphs} paragraphs in task ${task.index}, expected ${task.paragraphs}`,
            );
          }
          done.set(result.index, result);
          // Merge in corpus order as soon as the next task in line is back, so batches do not pile up.
          for (let r = done.get(merged); r; r = done.get(merged)) {
            assembler.add(r.batch);
            statements.push(r.statements);
            done.delete(merged++);
          }
        }
      }),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { data: assembler.finish(), statements: statements.flat() };
}

type Task = WorkerTask & { paragraphs: number };

function cutTasks(reports: readonly Report[]): Task[] {
  const tasks: Task[] = [];
  let cur: Task | null = null;
  let chars = 0;
  let base = 0;
  for (const r of reports) {
    if (!cur || chars >= TASK_CHARS) {
      cur = { index: tasks.length, reports: [], paragraphBase: base, paragraphs: 0 };
      tasks.push(cur);
      chars = 0;
    }
    const { paragraphs, ...entry } = r;
    cur.reports.push(entry);
    cur.paragraphs += paragraphs.length;
    chars += r.text.length;
    base += paragraphs.length;
  }
  return tasks;
}

// A worker file in TypeScript needs tsx's loader registered inside the worker before it is imported.
function startWorker(init: WorkerInit): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./build-worker.ts", import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: init });
}

function run(worker: Worker, task: Task): Promise<WorkerResult> {
  const { paragraphs: _, ...message } = task;
  return new Promise((resolve, reject) => {
    const onMessage = (r: WorkerResult) => {
      cleanup();
      resolve(r);
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`build worker exited with code ${code}`));
    };
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(message);
  });
}
