/**
 * The engine loaded through the index cache: the corpus is parsed (cheap, and its files are hashed
 * anyway), the index, TermStats and statements come from the cache file when it was written for this
 * corpus and this code, and are rebuilt and saved otherwise. A missing, stale or damaged cache costs a
 * rebuild and one line through the injected logger, never a failed start.
 */
import { type Corpus, loadCorpus } from "../corpus/corpus.ts";
import type { Paragraph } from "../corpus/structure.ts";
import { createTokenizer, type EngineParts, loadEngineParts } from "../engine.ts";
import { extractStatements } from "../facts/extract.ts";
import { type Lexicon, loadLexicon } from "../facts/lexicon.ts";
import { FactStore } from "../facts/lookup.ts";
import { corpusChunks, indexOptions, TermStats } from "../search/search-index.ts";
import type { Tokenizer } from "../search/tokenizer.ts";
import { CacheFileError } from "./cache-file.ts";
import { CompactIndex, type IndexData, UnsupportedOptionsError } from "./compact-index.ts";
import { defaultCachePath, type Fingerprint, fingerprint } from "./fingerprint.ts";
import { type CacheContents, loadCache, saveCache } from "./index-file.ts";
import { IndexAssembler, tokenizeChunks } from "./postings-builder.ts";

export interface CacheOptions {
  /** Where the cache lives; default `.cache/index-<hash of the corpus path>.zbi` in the repo. */
  cachePath?: string;
  /** One line for a rebuild and for a cache that could not be saved. */
  log?: (line: string) => void;
  /** Rebuild even when the cache is fresh. */
  rebuild?: boolean;
  /** Take this as the code's hash instead of hashing the source (benchmarks pin it for a whole run). */
  codeHash?: string;
}

export type LoadSource = "cache" | "built";

export interface LoadResult {
  parts: EngineParts;
  source: LoadSource;
  /** Why the cache was not used (absent, stale, unreadable), null when it was. */
  reason: string | null;
  cachePath: string;
  /** Bytes written when the cache was (re)built and saved. */
  savedBytes: number | null;
  /** Milliseconds per phase: corpus, tokenizer, fingerprint, cache (load) or build and save. */
  timings: Record<string, number>;
}

/** What every load needs before the index: the parsed corpus, lexicon, tokenizer and the cache key. */
export interface Prepared {
  dir: string;
  corpus: Corpus;
  lexicon: Lexicon;
  tokenizer: Tokenizer;
  paragraphs: Paragraph[];
  fingerprint: Fingerprint;
  timings: Record<string, number>;
}

export function prepare(dir: string, codeHash?: string): Prepared {
  const timings: Record<string, number> = {};
  const corpus = timed(timings, "corpus", () => loadCorpus(dir));
  const lexicon = loadLexicon(dir);
  const tokenizer = timed(timings, "tokenizer", () => createTokenizer(dir, corpus, lexicon));
  const fp = timed(timings, "fingerprint", () => fingerprint(corpus, codeHash));
  const paragraphs = corpus.reports.flatMap((r) => r.paragraphs);
  return { dir, corpus, lexicon, tokenizer, paragraphs, fingerprint: fp, timings };
}

/**
 * The engine for the CLI, the console and the bot: through the cache, or built by `loadEngineParts`
 * (MiniSearch, no cache) when ZHENGBAO_CACHE=off. ZHENGBAO_CACHE=<file> moves the cache file;
 * ZHENGBAO_CODE_HASH pins the code version in the cache key (the benchmark sets it for its whole run).
 */
export function loadEngine(
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): EngineParts {
  if (env.ZHENGBAO_CACHE === "off") return loadEngineParts(dir);
  try {
    const opts = {
      cachePath: env.ZHENGBAO_CACHE || undefined,
      codeHash: env.ZHENGBAO_CODE_HASH || undefined,
    };
    return loadEngineCached(dir, { ...opts, log }).parts;
  } catch (e) {
    if (!(e instanceof UnsupportedOptionsError)) throw e;
    // indexOptions grew an option the compact index does not reproduce: MiniSearch answers instead.
    log(`索引缓存不可用，改用 MiniSearch（compact index: unsupported ${e.message}）`);
    return loadEngineParts(dir);
  }
}

/** Loads the engine, from the cache when it is fresh. Synchronous: a rebuild here is single-threaded. */
export function loadEngineCached(dir: string, opts: CacheOptions = {}): LoadResult {
  const prep = prepare(dir, opts.codeHash);
  const cachePath = opts.cachePath ?? defaultCachePath(dir);
  const { timings } = prep;
  let reason: string;
  if (opts.rebuild) reason = "rebuild requested";
  else {
    const t0 = performance.now();
    const got = tryLoad(cachePath, prep);
    timings.cache = performance.now() - t0;
    if ("data" in got) {
      const parts = timed(timings, "assemble", () => assembleLoaded(prep, got));
      if (!("why" in parts))
        return { parts, source: "cache", reason: null, cachePath, savedBytes: null, timings };
      reason = parts.why;
      opts.log?.(`${MESSAGE.unreadable}（${reason}）`);
    } else {
      reason = got.why;
      opts.log?.(`${MESSAGE[got.kind]}（${reason}）`);
    }
  }
  const contents = timed(timings, "build", () => buildContents(prep));
  const savedBytes = timed(timings, "save", () => trySave(cachePath, prep, contents, opts.log));
  const parts = timed(timings, "assemble", () => assemble(prep, contents));
  return { parts, source: "built", reason, cachePath, savedBytes, timings };
}

const MESSAGE = {
  absent: "索引缓存不存在，正在建立…",
  stale: "索引缓存已过期，正在重建…",
  unreadable: "索引缓存无法读取，正在重建…",
} as const;

type Miss = { kind: keyof typeof MESSAGE; why: string };

function tryLoad(path: string, prep: Prepared): CacheContents | Miss {
  try {
    const got = loadCache(path, prep.fingerprint, prep.paragraphs);
    if ("data" in got) return got;
    return { kind: "stale", why: `stale cache: ${got.why}` };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { kind: "absent", why: `no cache: ${path}` };
    const detail = e instanceof CacheFileError || e instanceof SyntaxError ? e.message : String(e);
    return { kind: "unreadable", why: `unreadable cache: ${detail}` };
  }
}

export function trySave(
  path: string,
  prep: Prepared,
  contents: CacheContents,
  log?: (line: string) => void,
): number | null {
  try {
    return saveCache(path, prep.fingerprint, prep.paragraphs, contents);
  } catch (e) {
    log?.(`索引缓存无法保存（cannot save cache ${path}: ${(e as Error).message}）`);
    return null;
  }
}

/** Index, TermStats and statements built in this thread. */
export function buildContents(prep: Prepared): CacheContents {
  const { corpus, tokenizer, lexicon } = prep;
  const ordinal = paragraphOrdinals(prep.paragraphs);
  const batch = tokenizeChunks(
    corpusChunks(corpus),
    (c) => ordinal.get(c.paragraphId) as number,
    (onText) => indexOptions(tokenizer, onText),
  );
  const assembler = new IndexAssembler(indexOptions(tokenizer).fields);
  assembler.add(batch);
  return { data: assembler.finish(), statements: extractStatements(corpus, lexicon) };
}

export function paragraphOrdinals(paragraphs: readonly Paragraph[]): Map<string, number> {
  return new Map(paragraphs.map((p, i) => [p.id, i]));
}

// A cache whose chunk table does not fit the corpus is as good as unreadable.
function assembleLoaded(prep: Prepared, contents: CacheContents): EngineParts | { why: string } {
  try {
    return assemble(prep, contents);
  } catch (e) {
    if (e instanceof RangeError) return { why: `unreadable cache: ${e.message}` };
    throw e;
  }
}

export function assemble(prep: Prepared, { data, statements }: CacheContents): EngineParts {
  const { corpus, lexicon, tokenizer } = prep;
  const index = new CompactIndex(data, indexOptions(tokenizer), prep.paragraphs);
  return { corpus, lexicon, tokenizer, index, stats: termStats(data), facts: new FactStore(statements) };
}

function termStats(data: IndexData): TermStats {
  const df = new Map<string, number>();
  data.dfTerms.forEach((t, i) => {
    df.set(t, data.dfCounts[i] as number);
  });
  return new TermStats(df, data.statsDocs);
}

export function timed<T>(timings: Record<string, number>, name: string, f: () => T): T {
  const t0 = performance.now();
  try {
    return f();
  } finally {
    timings[name] = (timings[name] ?? 0) + performance.now() - t0;
  }
}
