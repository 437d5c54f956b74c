/**
 * What a cached index depends on, as two hashes: the corpus (every file that changes results) and the
 * code (the index format version, the source of every module that shapes tokens, chunks, scores or
 * statements, and the versions of jieba and minisearch). Hashing the source means a change to the rule
 * layer rebuilds the cache even when nobody remembers to bump INDEX_VERSION.
 */
import { createHash, type Hash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Corpus } from "../corpus/corpus.ts";

/** Bump when the cache file layout or the meaning of a field changes. */
export const INDEX_VERSION = 1;

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Data files read next to manifest.json; report files come from the manifest. */
export const CORPUS_DATA_FILES = ["manifest.json", "indicators.json", "userdict.txt", "stopwords.txt"];

// Source that decides what is indexed and how it scores; src/engine.ts builds the tokenizer's user words.
const CODE_DIRS = ["src/corpus", "src/search", "src/facts", "src/cache"];
const CODE_FILES = ["src/engine.ts"];
const PACKAGES = ["@node-rs/jieba", "minisearch"];

export interface Fingerprint {
  corpus: string;
  code: string;
}

export function corpusHash(corpus: Corpus): string {
  const h = createHash("sha256");
  for (const f of CORPUS_DATA_FILES) addFile(h, f, join(corpus.dir, f));
  for (const r of corpus.reports) addFile(h, r.file, r.path);
  return h.digest("hex");
}

let codeHashMemo: string | undefined;

export function codeHash(): string {
  if (codeHashMemo) return codeHashMemo;
  const h = createHash("sha256");
  h.update(`index-version:${INDEX_VERSION}\n`);
  for (const pkg of PACKAGES) {
    const json = readFileSync(join(REPO_ROOT, "node_modules", pkg, "package.json"), "utf8");
    h.update(`${pkg}@${(JSON.parse(json) as { version: string }).version}\n`);
  }
  const files = [...CODE_DIRS.flatMap((d) => sourceFiles(join(REPO_ROOT, d))), ...CODE_FILES];
  for (const f of files.map((f) => relative(REPO_ROOT, resolve(REPO_ROOT, f))).sort()) {
    addFile(h, f, join(REPO_ROOT, f));
  }
  codeHashMemo = h.digest("hex");
  return codeHashMemo;
}

/** `code` pins the code version (the benchmark does, so a colleague's edit mid-run does not rebuild). */
export function fingerprint(corpus: Corpus, code: string = codeHash()): Fingerprint {
  return { corpus: corpusHash(corpus), code };
}

/** The default cache file for a corpus dir: one per absolute path, so two corpora never collide. */
export function defaultCachePath(corpusDir: string): string {
  const id = createHash("sha256").update(resolve(corpusDir)).digest("hex").slice(0, 16);
  return join(REPO_ROOT, ".cache", `index-${id}.zbi`);
}

function addFile(h: Hash, name: string, path: string): void {
  const bytes = readFileSync(path);
  // Name and length first, so moving bytes from one file to the next changes the hash.
  h.update(`${name}\0${bytes.length}\0`);
  h.update(bytes);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(dir, f));
}
