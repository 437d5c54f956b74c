/** Messages between parallel-build.ts and build-worker.ts. */
import type { Region } from "../corpus/corpus.ts";
import type { ManifestReport } from "../corpus/manifest.ts";
import type { Statement } from "../facts/extract.ts";
import type { TokenBatch } from "./postings-builder.ts";

export interface WorkerInit {
  dir: string;
  /** Regions without their reports: what the tokenizer's user dictionary is built from. */
  regions: Omit<Region, "reports">[];
}

export interface WorkerTask {
  index: number;
  reports: ManifestReport[];
  /** Ordinal of the first report's first paragraph among all paragraphs of the corpus. */
  paragraphBase: number;
}

export interface WorkerResult {
  index: number;
  batch: TokenBatch;
  statements: Statement[];
  paragraphs: number;
}

export function batchTransferList(batch: TokenBatch): ArrayBuffer[] {
  const views = [
    batch.paragraph,
    batch.dfCounts,
    ...batch.fields.flatMap((f) => [f.pairStart, f.term, f.tf, f.length]),
  ];
  return views.map((v) => v.buffer as ArrayBuffer);
}
