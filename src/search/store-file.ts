/**
 * Where the store lives and whether it is fresh. Default: `.cache/store-<hash of the corpus path>.db` in
 * the project; ZHENGBAO_STORE=<file> moves it. A store is fresh when it was built by this code from these
 * exact corpus bytes: sizes and mtimes are checked first, and only when they differ are the files hashed
 * again. A file at the store path that is not a 政报通 store is never overwritten.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type Database from "libsql";
import { CorpusError } from "../errors.ts";
import { addBytes, CORPUS_DATA_FILES, codeHash, type FileStamp, stampsMatch } from "./fingerprint.ts";
import { openReadOnly, StoreError } from "./store.ts";
import type { BuildResult } from "./store-build.ts";
import { STORE_APP, STORE_VERSION } from "./store-schema.ts";

export interface EnsureOptions {
  /** The store file; default ZHENGBAO_STORE, else one per corpus under .cache/. */
  path?: string;
  env?: NodeJS.ProcessEnv;
  /** One line when a store is (re)built, and progress lines during a long build. */
  log?: (line: string) => void;
  /** Rebuild even when fresh (`npm run index`). */
  rebuild?: boolean;
}

export interface EnsureResult {
  path: string;
  /** Why it was built, null when the existing store was fresh. */
  rebuilt: string | null;
  build: BuildResult | null;
}

/** The project root, found from this module under src/ (tsx) or dist/src/ (compiled). */
function projectRoot(): string {
  let dir = fileURLToPath(new URL(".", import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export function defaultStorePath(corpusDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.ZHENGBAO_STORE) return resolve(env.ZHENGBAO_STORE);
  const id = createHash("sha256").update(resolve(corpusDir)).digest("hex").slice(0, 16);
  return join(projectRoot(), ".cache", `store-${id}.db`);
}

/**
 * The store for a corpus, built first when missing or stale. The builder, the manifest reader and the
 * lexicon (zod, jieba, pinyin) are imported only then: serving a fresh store loads none of them.
 */
export async function ensureStore(dir: string, opts: EnsureOptions = {}): Promise<EnsureResult> {
  const path = opts.path ?? defaultStorePath(dir, opts.env);
  const stale = opts.rebuild ? "rebuild requested" : await staleness(dir, path);
  if (stale === null) return { path, rebuilt: null, build: null };
  const [{ readManifest }, { loadLexicon }, { buildStore }] = await Promise.all([
    import("../corpus/manifest.ts"),
    import("../facts/lexicon.ts"),
    import("./store-build.ts"),
  ]);
  // A bad manifest or lexicon is reported before the "building" line: one line for one problem.
  readManifest(dir);
  loadLexicon(dir);
  mkdirSync(dirname(path), { recursive: true });
  opts.log?.(`建立索引 (building the store: ${stale}) → ${path}`);
  const build = await buildStore(dir, path, opts.log ? { log: opts.log } : {});
  return { path, rebuilt: stale, build };
}

/** Why the store at `path` cannot serve this corpus with this code, or null when it can. */
export async function staleness(dir: string, path: string): Promise<string | null> {
  if (!existsSync(path)) return "no store yet";
  const meta = readMetaOf(path);
  if (meta.get("version") !== String(STORE_VERSION)) return "store format changed";
  if (meta.get("code") !== codeHash()) return "engine code changed";
  const stamps = JSON.parse(meta.get("stamps") ?? "[]") as FileStamp[];
  if (stampsMatch(dir, stamps)) return null;
  // Touched but maybe not changed (a checkout, a copy): the bytes decide.
  return (await corpusHash(dir)) === meta.get("corpus") ? null : "corpus changed";
}

/** The meta table of an existing file, refusing one that is not ours: we never overwrite it. */
function readMetaOf(path: string): Map<string, string> {
  let db: Database.Database | undefined;
  try {
    db = openReadOnly(path);
    const rows = db.prepare("SELECT key, value FROM meta").all() as { key: string; value: string }[];
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    if (meta.get("app") === STORE_APP) return meta;
  } catch {
    // Not SQLite, or SQLite without our meta table: not ours either way.
  } finally {
    db?.close();
  }
  throw new StoreError(
    `${path} exists and is not a 政报通 store; refusing to overwrite it (set ZHENGBAO_STORE to another file)`,
  );
}

/** The corpus hash exactly as the build computes it: data files, then report files in manifest order. */
async function corpusHash(dir: string): Promise<string> {
  const { readManifest } = await import("../corpus/manifest.ts");
  const h = createHash("sha256");
  for (const f of CORPUS_DATA_FILES) {
    const path = join(dir, f);
    if (!existsSync(path)) throw new CorpusError(path, "(file)", f, "file not found");
    addBytes(h, f, readFileSync(path));
  }
  for (const entry of readManifest(dir)) {
    const path = join(dir, entry.file);
    if (!existsSync(path)) return "missing";
    addBytes(h, entry.file, readFileSync(path));
  }
  return h.digest("hex");
}
