/**
 * A build worker: parses, tokenises and extracts statements for a run of consecutive reports, exactly as
 * the single-threaded build does for the whole corpus (both are per report), and sends back a token batch
 * and the statements. Started by parallel-build.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Corpus, Region, Report } from "../corpus/corpus.ts";
import { parseReport } from "../corpus/structure.ts";
import { createTokenizer } from "../engine.ts";
import { extractStatements } from "../facts/extract.ts";
import { loadLexicon } from "../facts/lexicon.ts";
import { corpusChunks, indexOptions } from "../search/search-index.ts";
import { tokenizeChunks } from "./postings-builder.ts";
import { batchTransferList, type WorkerInit, type WorkerResult, type WorkerTask } from "./worker-protocol.ts";

const { dir, regions } = workerData as WorkerInit;
const lexicon = loadLexicon(dir);
// The tokenizer's user words come from the regions' names only, which the main thread sent along.
const tokenizer = createTokenizer(dir, { regions } as unknown as Corpus, lexicon);

parentPort?.on("message", (task: WorkerTask) => {
  const reports: Report[] = task.reports.map((e) => ({ ...e, paragraphs: parseReport(e.id, e.text) }));
  const paragraphs = reports.flatMap((r) => r.paragraphs);
  const ordinal = new Map(paragraphs.map((p, i) => [p.id, task.paragraphBase + i]));
  const corpus: Corpus = {
    dir,
    reports,
    regions: regions as Region[],
    paragraphById: new Map(paragraphs.map((p) => [p.id, p])),
    reportById: new Map(reports.map((r) => [r.id, r])),
  };
  const batch = tokenizeChunks(
    corpusChunks(corpus),
    (c) => ordinal.get(c.paragraphId) as number,
    (onText) => indexOptions(tokenizer, onText),
  );
  const result: WorkerResult = {
    index: task.index,
    batch,
    statements: extractStatements(corpus, lexicon),
    paragraphs: paragraphs.length,
  };
  parentPort?.postMessage(result, batchTransferList(batch));
});
