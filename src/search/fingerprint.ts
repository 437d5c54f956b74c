/**
 * What a store depends on, as two hashes: the corpus (the bytes of every file the build read) and the
 * code (STORE_VERSION, the modules that shape paragraphs, tokens and statements, and jieba's version).
 * Hashing the code means a change to the rule layer rebuilds the store even when nobody bumps a version.
 * The running code is hashed as it runs: .ts under tsx, the compiled .js under `node dist/…`.
 */
import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { STORE_VERSION } from "./store-schema.ts";

/** Where this module runs from: src/search/ under tsx, a chunk under dist/ when compiled. */
const RUNNING_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * The TypeScript source (src/ of the project this runs in) is what is hashed, under tsx and compiled
 * alike: the compiled program bakes that hash in (src/cli/build.ts) and compares it with src/ as it is now.
 */
const SOURCE_ROOT = join(projectRoot(RUNNING_DIR), "src/");

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

// Source that decides what the store holds; engine-independent front ends are left out on purpose.
const CODE_DIRS = ["corpus", "search", "facts"];
const PACKAGES = ["@node-rs/jieba"];

/** Data files read next to manifest.json; report files come from the manifest. */
export const CORPUS_DATA_FILES = ["manifest.json", "indicators.json", "userdict.txt", "stopwords.txt"];

/** A corpus file as the build saw it: a restart trusts size and mtime before it rehashes. */
export interface FileStamp {
  file: string;
  size: number;
  mtimeMs: number;
}

// `npm run build` bakes the hash of the source it compiled into the bundle (src/cli/build.ts).
declare const __ZHENGBAO_CODE_HASH__: string | undefined;

let codeHashMemo: string | undefined;

export function codeHash(): string {
  return bakedCodeHash() ?? sourceCodeHash();
}

/** The hash `npm run build` baked into the compiled program; undefined under tsx. */
export function bakedCodeHash(): string | undefined {
  return typeof __ZHENGBAO_CODE_HASH__ === "string" ? __ZHENGBAO_CODE_HASH__ : undefined;
}

/** True when this is the compiled program and the source beside it has changed since the build. */
export function compiledIsStale(): boolean {
  const baked = bakedCodeHash();
  return baked !== undefined && existsSync(join(SOURCE_ROOT, "search")) && sourceCodeHash() !== baked;
}

/** The hash of the TypeScript source as it is now (tsx, tests, and the build that bakes it in). */
export function sourceCodeHash(): string {
  if (codeHashMemo) return codeHashMemo;
  const h = createHash("sha256");
  h.update(`store-version:${STORE_VERSION}\n`);
  for (const pkg of PACKAGES) h.update(`${pkg}@${packageVersion(pkg)}\n`);
  const files = CODE_DIRS.flatMap((d) => sourceFiles(join(SOURCE_ROOT, d))).sort();
  for (const f of files) addBytes(h, f.slice(SOURCE_ROOT.length), readFileSync(f));
  codeHashMemo = h.digest("hex");
  return codeHashMemo;
}

/** Adds one file's bytes to a corpus hash: name and length first, so bytes moved between files count. */
export function addBytes(h: Hash, name: string, bytes: Uint8Array): void {
  h.update(`${name}\0${bytes.length}\0`);
  h.update(bytes);
}

export function stampOf(dir: string, file: string): FileStamp | null {
  try {
    const st = statSync(join(dir, file));
    return st.isFile() ? { file, size: st.size, mtimeMs: st.mtimeMs } : null;
  } catch {
    return null;
  }
}

/** True when every file still has the size and mtime the build saw. */
export function stampsMatch(dir: string, stamps: readonly FileStamp[]): boolean {
  return stamps.every((s) => {
    const now = stampOf(dir, s.file);
    return now !== null && now.size === s.size && now.mtimeMs === s.mtimeMs;
  });
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => join(dir, f));
}

function packageVersion(pkg: string): string {
  for (let dir = RUNNING_DIR; ; dir = dirname(dir)) {
    const json = join(dir, "node_modules", pkg, "package.json");
    if (existsSync(json)) return (JSON.parse(readFileSync(json, "utf8")) as { version: string }).version;
    if (dirname(dir) === dir) return "unknown";
  }
}
