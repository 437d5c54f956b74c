/** `npm run index`: builds the index and statement table for a corpus and saves the cache file. */
import { buildContents, type Prepared, prepare } from "./engine-cache.ts";
import { defaultCachePath } from "./fingerprint.ts";
import type { CacheContents } from "./index-file.ts";
import { saveCache } from "./index-file.ts";
import { buildContentsParallel, defaultWorkers } from "./parallel-build.ts";

export interface BuildReport {
  cachePath: string;
  bytes: number;
  workers: number;
  chunks: number;
  terms: number;
  postings: number;
  statements: number;
  /** Milliseconds: corpus, tokenizer, fingerprint (from prepare), build, save. */
  timings: Record<string, number>;
}

export interface BuildOptions {
  cachePath?: string;
  /** Worker threads; 0 builds in this thread. Default: 0 for small corpora, else one per core. */
  workers?: number;
}

export async function buildCache(dir: string, opts: BuildOptions = {}): Promise<BuildReport> {
  const prep = prepare(dir);
  return buildPrepared(prep, opts);
}

export async function buildPrepared(prep: Prepared, opts: BuildOptions = {}): Promise<BuildReport> {
  const cachePath = opts.cachePath ?? defaultCachePath(prep.dir);
  const workers = opts.workers ?? defaultWorkers(prep);
  const { timings } = prep;
  const t0 = performance.now();
  const contents: CacheContents =
    workers > 0 ? await buildContentsParallel(prep, workers) : buildContents(prep);
  timings.build = performance.now() - t0;
  const t1 = performance.now();
  const bytes = saveCache(cachePath, prep.fingerprint, prep.paragraphs, contents);
  timings.save = performance.now() - t1;
  const { data } = contents;
  return {
    cachePath,
    bytes,
    workers,
    chunks: data.docCount,
    terms: data.terms.length,
    postings: data.postings.reduce((n, p) => n + p.tfs.length, 0),
    statements: contents.statements.length,
    timings,
  };
}
