/**
 * `npm run index [-- --corpus DIR] [--workers N]`: builds the search index and the statement table once
 * and saves them in the cache file that `npm start`, the CLI and the console load (ZHENGBAO_CACHE moves it).
 */
import { buildCache } from "../cache/build-cache.ts";
import { corpusDirFrom } from "../engine.ts";
import { CorpusError } from "../errors.ts";

const argv = process.argv.slice(2);
const dir = corpusDirFrom(argv, process.env);
const at = argv.indexOf("--workers");
const workers = at >= 0 ? Number(argv[at + 1]) : undefined;
if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
  process.stderr.write(`--workers wants a whole number ≥ 0, not ${argv[at + 1]}\n`);
  process.exit(2);
}
const cache = process.env.ZHENGBAO_CACHE;
if (cache === "off") {
  process.stderr.write("ZHENGBAO_CACHE=off: nothing to build\n");
  process.exit(2);
}

try {
  const t0 = performance.now();
  const r = await buildCache(dir, { cachePath: cache || undefined, workers });
  const ms = (name: string) => `${Math.round(r.timings[name] ?? 0)} ms`;
  const lines = [
    `索引已建立 (index built): ${r.cachePath}`,
    `  ${r.chunks} chunks, ${r.terms} terms, ${r.postings} postings, ${r.statements} statements`,
    `  ${(r.bytes / 1e6).toFixed(1)} MB; ${r.workers > 0 ? `${r.workers} workers` : "one thread"}`,
    `  corpus ${ms("corpus")}, tokenizer ${ms("tokenizer")}, fingerprint ${ms("fingerprint")}, build ${ms("build")}, save ${ms("save")}; total ${Math.round(performance.now() - t0)} ms`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
} catch (e) {
  if (e instanceof CorpusError) {
    process.stderr.write(`语料加载失败 (corpus error): ${e.message}\n`);
    process.exit(2);
  }
  throw e;
}
