/**
 * A store-build worker: parses, tokenises and extracts the reports the main thread sends, which inserts
 * the rows in manifest order. jieba is the slow part of a build; two cores halve it.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ReportEntry } from "../corpus/manifest.ts";
import type { Indicator, Lexicon, LexiconData } from "../facts/lexicon.ts";
import { buildMatcher } from "../facts/mentions.ts";
import { reportRows } from "./report-rows.ts";
import { Tokenizer } from "./tokenizer.ts";

export interface WorkerInit {
  userWords: string[];
  stopWords: string[];
  lexicon: LexiconData;
}

export interface WorkerTask {
  id: number;
  entry: ReportEntry;
  text: string;
  path: string;
}

const init = workerData as WorkerInit;
const tokenizer = Tokenizer.full({ userWords: init.userWords, stopWords: new Set(init.stopWords) });
const lexicon: Lexicon = {
  ...init.lexicon,
  byId: new Map<string, Indicator>(init.lexicon.indicators.map((i) => [i.id, i])),
};
const matcher = buildMatcher(lexicon);

parentPort?.on("message", (task: WorkerTask) => {
  try {
    const rows = reportRows(task.entry, { text: task.text, path: task.path }, tokenizer, matcher);
    parentPort?.postMessage({ id: task.id, rows });
  } catch (e) {
    parentPort?.postMessage({ id: task.id, error: e instanceof Error ? e.message : String(e) });
  }
});
