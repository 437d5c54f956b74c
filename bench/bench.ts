/**
 * `npm run bench [-- --sizes 1,10,100,1000] [--out FILE] [--quick]`: the corpus at 1×, 10×, 100× and 1000×
 * (synthetic copies, see synth.ts), each size built and served in child processes of its own. Prints a
 * table (markdown, for docs/PERFORMANCE.md) and writes JSON (default bench/results/latest.json).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { codeHash } from "../src/cache/fingerprint.ts";
import { COLD_START_LINE } from "./queries.ts";
import { growthExponent, median, percentile } from "./stats.ts";
import { writeSyntheticCorpus } from "./synth.ts";
import { formatReport } from "./table.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);
const opt = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const quick = argv.includes("--quick");
const sizes = (opt("sizes") ?? (quick ? "1" : "1,10,100,1000")).split(",").map(Number);
const out = opt("out") ?? join(ROOT, "bench/results/latest.json");
const keep = argv.includes("--keep");
// One code version for the whole run: an edit to the engine mid-run must not turn a cache stale.
const code = codeHash();

export interface SizeResult {
  size: number;
  generateMs: number;
  build: Record<string, unknown> & { timings: Record<string, number>; bytes: number; peakRssMiB: number };
  serve: Record<string, unknown>;
  cliColdStartMs: number[];
  summary: Record<string, number>;
}

const started = Date.now();
const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  freeMemoryGb: Math.round(freemem() / 2 ** 30),
  node: process.version,
  loadavgAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
};
const tmp = mkdtempSync(join(tmpdir(), "zb-bench-"));
const results: SizeResult[] = [];
try {
  for (const size of sizes) {
    process.stderr.write(`— ${size}× …\n`);
    results.push(await runSize(size));
  }
} finally {
  if (!keep) rmSync(tmp, { recursive: true, force: true });
}

const report = {
  date: new Date(started).toISOString(),
  wallSeconds: Math.round((Date.now() - started) / 1000),
  machine: { ...machine, loadavgAtEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
  command: `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
  sizes: results,
  growth: growth(results),
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${formatReport(report)}\nJSON: ${out}\n`);

async function runSize(size: number): Promise<SizeResult> {
  const dir = join(tmp, `corpus-${size}x`);
  const cache = join(tmp, `index-${size}x.zbi`);
  let t = performance.now();
  writeSyntheticCorpus(join(ROOT, "corpus"), size, dir);
  const generateMs = performance.now() - t;
  const build = JSON.parse(
    await child(["--phase", "build", "--corpus", dir, "--cache", cache, "--code-hash", code]),
  );
  // Fewer repetitions where one query takes long; p99 still needs a few dozen samples per command.
  const reps = quick ? 2 : size >= 1000 ? 8 : size >= 100 ? 30 : 50;
  const scanReps = quick || size >= 100 ? 1 : 3;
  const serve = JSON.parse(
    await child([
      "--phase",
      "serve",
      "--corpus",
      dir,
      "--cache",
      cache,
      "--reps",
      String(reps),
      "--scan-reps",
      String(scanReps),
      "--code-hash",
      code,
    ]),
  );
  const cliColdStartMs: number[] = [];
  for (let i = 0; i < (quick || size >= 1000 ? 1 : 3); i++) {
    t = performance.now();
    await cliAnswer(dir, cache);
    cliColdStartMs.push(performance.now() - t);
  }
  if (!keep) rmSync(dir, { recursive: true, force: true });
  if (!keep) rmSync(cache, { force: true });
  return { size, generateMs, build, serve, cliColdStartMs, summary: summarize(build, serve, cliColdStartMs) };
}

function summarize(
  build: SizeResult["build"],
  serve: Record<string, unknown>,
  cli: number[],
): Record<string, number> {
  const lat = serve.latency as Record<string, number[]>;
  const jitter = serve.jitter as { p50: number; p99: number };
  const lt = serve.loadTimings as Record<string, number>;
  const seg = serve.segmentation as { mbPerSec: number };
  const search = serve.indexSearch as number[];
  const scan = serve.scan as number[];
  const startup =
    (lt.corpus ?? 0) + (lt.tokenizer ?? 0) + (lt.fingerprint ?? 0) + (lt.cache ?? 0) + (lt.assemble ?? 0);
  return {
    reports: serve.reports as number,
    chars: serve.chars as number,
    paragraphs: serve.paragraphs as number,
    segMbPerSec: seg.mbPerSec,
    buildMs: build.timings.build ?? 0,
    buildS: (build.timings.build ?? 0) / 1000,
    buildWorkers: build.workers as number,
    buildTotalMs: build.total as number,
    cacheMb: build.bytes / 1e6,
    cacheLoadMs: (lt.cache ?? 0) + (lt.assemble ?? 0),
    corpusParseMs: lt.corpus ?? 0,
    tokenizerMs: lt.tokenizer ?? 0,
    fingerprintMs: lt.fingerprint ?? 0,
    startupFromCacheMs: startup,
    startupRebuildMs: startup - (lt.cache ?? 0) - (lt.assemble ?? 0) + (build.timings.build ?? 0),
    rebuildOverLoad: (build.timings.build ?? 0) / Math.max(1e-6, (lt.cache ?? 0) + (lt.assemble ?? 0)),
    coldStartInProcessMs: serve.coldStartInProcess as number,
    cliColdStartMs: median(cli),
    targetP50: percentile(lat.target ?? [], 50),
    targetP99: percentile(lat.target ?? [], 99),
    askP50: percentile(lat.ask ?? [], 50),
    askP99: percentile(lat.ask ?? [], 99),
    compareP50: percentile(lat.compare ?? [], 50),
    compareP99: percentile(lat.compare ?? [], 99),
    jitterP50: jitter.p50,
    jitterP99: jitter.p99,
    searchP50: percentile(search, 50),
    searchP99: percentile(search, 99),
    scanP50: percentile(scan, 50),
    scanP99: percentile(scan, 99),
    scanOverSearch: median(scan) / Math.max(1e-6, median(search)),
    serveRssMiB: serve.peakRssMiB as number,
    buildRssMiB: build.peakRssMiB,
  };
}

function growth(rs: SizeResult[]): Record<string, number | null> {
  const keys = Object.keys(rs[0]?.summary ?? {});
  return Object.fromEntries(
    keys.map((k) => [k, growthExponent(rs.map((r) => ({ size: r.size, value: r.summary[k] as number })))]),
  );
}

/** Runs bench/run-size.ts and returns its last stdout line; its stderr passes through. */
function child(args: string[]): Promise<string> {
  const script = join(ROOT, "bench/run-size.ts");
  return run(process.execPath, ["--import", "tsx", script, ...args], process.env).then((r) => {
    if (r.code !== 0) throw new Error(`run-size ${args.join(" ")} exited ${r.code}`);
    return r.stdout.trim().split("\n").at(-1) ?? "";
  });
}

/** A fresh CLI process answering one line from the cache, as `npm run ask` does after a restart. */
async function cliAnswer(dir: string, cache: string): Promise<void> {
  const ask = join(ROOT, "src/cli/ask.ts");
  const env = { ...process.env, ZHENGBAO_CACHE: cache, ZHENGBAO_CODE_HASH: code };
  const r = await run(
    process.execPath,
    ["--import", "tsx", ask, "--json", "--corpus", dir, COLD_START_LINE],
    env,
  );
  const answer = JSON.parse(r.stdout) as { ok: boolean };
  if (r.code !== 0 || !answer.ok) throw new Error(`cold start answer failed: ${r.stdout.slice(0, 200)}`);
  if (r.stderr.trim() !== "") throw new Error(`cold start did not load the cache: ${r.stderr.trim()}`);
}

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => {
      stdout += d;
    });
    p.stderr.on("data", (d) => {
      stderr += d;
      process.stderr.write(d);
    });
    p.on("error", reject);
    p.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
