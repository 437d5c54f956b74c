/**
 * `npm run bench [-- --sizes shipped,1,10,100,1000] [--out FILE] [--quick] [--keep]`: the budgets of
 * issue 9, measured. Per size: a corpus (the shipped one, or N copies of the original twelve reports, see
 * synth.ts), its store built by the compiled `index-build` in a child of its own (wall time, peak RSS),
 * the compiled CLI's cold start next to an FTS5-only peer and `node -e 0`, run for run, a serving child
 * timing the warm query mix against the peer's raw BM25 query and a linear scan, and the memory of one
 * and of two serving processes on the same store. Prints markdown tables with the budgets, writes JSON.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import Database from "libsql";
import { parseCli } from "../src/cli/args.ts";
import { type Compiled, compile } from "./compile.ts";
import { hold, memoryOf, run, timeWrapper } from "./proc.ts";
import { COLD_START_LINE } from "./queries.ts";
import {
  formatReport,
  labelOf,
  type Report,
  type Size,
  type SizeResult,
  type Summary,
  verdicts,
} from "./report.ts";
import { median } from "./stats.ts";
import { writeSyntheticCorpus } from "./synth.ts";

const USAGE = `
用法 (usage): npm run bench -- [--sizes LIST] [--out FILE] [--quick] [--keep]
  --sizes LIST   comma-separated: "shipped" (the corpus as it ships) and/or multiples of the original
                 12 reports (default: shipped,1,10,100,1000 — 1000× alone takes ~5 minutes on both cores)
  --out FILE     JSON results (default: bench/results/latest.json)
  --quick        1× only, fewer repetitions (what the smoke test runs)
  --keep         keep the generated corpora, stores and compiled programs (their folder is printed)
  -h, --help     this text`;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values, positionals } = parseCli(USAGE, {
  sizes: { type: "string" },
  out: { type: "string" },
  quick: { type: "boolean" },
  keep: { type: "boolean" },
});
if (positionals.length > 0) usageError(`unexpected argument "${positionals[0]}"`);
const quick = values.quick === true;
const keep = values.keep === true;
const sizes = parseSizes(values.sizes ?? (quick ? "1" : "shipped,1,10,100,1000"));
const out = resolve(values.out ?? join(ROOT, "bench/results/latest.json"));
const node = process.execPath;
// How long the memory of serving processes is left to settle before it is read "at rest" (see pair()).
const REST_MS = quick ? 0 : 10_000;

function usageError(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE.trim()}\n`);
  process.exit(2);
}

function parseSizes(list: string): Size[] {
  const parsed = list.split(",").map((s): Size => {
    if (s.trim() === "shipped") return "shipped";
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1)
      usageError(`--sizes: "${s}" is neither "shipped" nor a whole number ≥ 1`);
    return n;
  });
  return [...new Set(parsed)];
}

const started = Date.now();
const loadStart = loadavg();
const note = (line: string) =>
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}\n`);
note("compiling the programs under test");
const compiled = await compile(ROOT);
const tmp = mkdtempSync(join(tmpdir(), "zb-bench-"));
const results: SizeResult[] = [];
const notes: string[] = [];
function cleanUp(): void {
  if (keep) note(`kept: ${tmp} and ${compiled.dir}`);
  else {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(compiled.dir, { recursive: true, force: true });
  }
}
// A 1000× run leaves gigabytes behind: Ctrl-C or a kill cleans up too (children get the signal themselves).
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(code);
  });
}
try {
  for (const size of sizes) results.push(await measure(size, compiled));
} finally {
  cleanUp();
}

const report: Report = {
  date: new Date(started).toISOString(),
  wallSeconds: Math.round((Date.now() - started) / 1000),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
  machine: {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    loadavgAtStart: loadStart.map((l) => l.toFixed(2)).join(","),
    loadavgAtEnd: loadavg()
      .map((l) => l.toFixed(2))
      .join(","),
  },
  codeHash: compiled.codeHash,
  sizes: results,
  budgets: verdicts(results),
  notes,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${formatReport(report)}\n\nJSON: ${out}\n`);

async function measure(size: Size, c: Compiled): Promise<SizeResult> {
  const label = labelOf(size);
  const big = typeof size === "number" ? size : 1;
  const tag = `  [${label}] `;
  // The corpus.
  const t = performance.now();
  const dir = size === "shipped" ? join(ROOT, "corpus") : join(tmp, `corpus-${label}`);
  if (size !== "shipped") {
    note(`${label}: writing the corpus`);
    writeSyntheticCorpus(join(ROOT, "corpus"), size, dir);
  }
  const generateMs = performance.now() - t;
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { reports: unknown[] };
  const store = join(tmp, `store-${size === "shipped" ? "shipped" : `${size}x`}.db`);
  const env: NodeJS.ProcessEnv = { ...process.env, ZHENGBAO_STORE: store };
  delete env.ZHENGBAO_CORPUS;

  // The build, in a child of its own: its peak RSS is this size's alone.
  note(`${label}: building the store (${manifest.reports.length} reports)`);
  const rssFile = join(tmp, "build-rss.txt");
  rmSync(rssFile, { force: true });
  const wrap = timeWrapper(rssFile);
  const argv = [...wrap, node, c.indexBuild, "--corpus", dir, "--rebuild"];
  const b = await run(argv[0] as string, argv.slice(1), { env, echo: tag });
  const stored = b.code === 0 || existsSync(store) ? storeCounts(store) : null;
  // A build that fails after its store is complete (e.g. on reading back a store over 2 GiB) still gives a
  // store to serve: measure it, and say that the build exited with an error.
  if (!stored) throw new Error(`${label}: the store build exited ${b.code}: ${b.stderr.slice(-500)}`);
  if (b.code !== 0) {
    notes.push(
      `${label}: the store build exited ${b.code} after the store was complete: ${lastErrorLine(b.stderr)}`,
    );
  }
  const peakKiB =
    wrap.length > 0 ? Number(readFileSync(rssFile, "utf8").trim().split("\n").at(-1)) : Number.NaN;
  const build = {
    wallMs: b.wallMs,
    peakRssMiB: Number.isFinite(peakKiB) ? Math.round((peakKiB / 1024) * 10) / 10 : null,
    storeBytes: statSync(store).size,
    exitCode: b.code,
    ...stored,
    stdout: b.stdout.trim(),
  };

  // Cold start: ours, the peer and the floor interleaved, the order rotated each round.
  const rounds = quick ? 3 : size === "shipped" ? 21 : big >= 1000 ? 5 : 9;
  note(`${label}: cold start, ${rounds} rounds`);
  const samples = {
    ours: [] as number[],
    oursFirstOutput: [] as number[],
    peer: [] as number[],
    floor: [] as number[],
  };
  const steps = {
    ours: async () => {
      const r = await run(node, [c.ask, "--corpus", dir, COLD_START_LINE], { env });
      // A rebuild would time the build, not a start. Other stderr lines (warnings) are kept for the report.
      if (r.code !== 0 || /building the store/.test(r.stderr) || !r.stdout.includes("临淄")) {
        throw new Error(
          `${label}: the CLI did not answer from the fresh store (exit ${r.code}): ${r.stderr.slice(0, 300)}`,
        );
      }
      samples.ours.push(r.wallMs);
      if (r.stderr.trim() !== "") cliStderr.add(r.stderr.trim());
      samples.oursFirstOutput.push(r.firstOutputMs ?? Number.NaN);
    },
    peer: async () => {
      const r = await run(node, [c.peer, store], { env });
      if (r.code !== 0 || r.stdout.trim() === "")
        throw new Error(`${label}: the FTS5 peer failed: ${r.stderr}`);
      samples.peer.push(r.wallMs);
    },
    floor: async () => {
      samples.floor.push((await run(node, ["-e", "0"], { env })).wallMs);
    },
  };
  const cliStderr = new Set<string>();
  const order = [steps.ours, steps.peer, steps.floor];
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < order.length; k++) await (order[(i + k) % order.length] as () => Promise<void>)();
  }
  const ratios = samples.ours.map((o, i) => o / (samples.peer[i] as number));
  const ready = {
    rounds,
    ...samples,
    oursMs: median(samples.ours),
    peerMs: median(samples.peer),
    floorMs: median(samples.floor),
    ratioOfMedians: median(samples.ours) / median(samples.peer),
    ratioPerRoundMedian: median(ratios),
    cliStderr: [...cliStderr],
  };

  // Warm serving.
  const reps = quick ? 3 : big >= 1000 ? 8 : big >= 100 ? 30 : 50;
  const scanReps = quick || big >= 100 ? 1 : 3;
  note(`${label}: serving the query mix, ${reps} repetitions`);
  const s = await run(
    node,
    [
      c.serve,
      "--store",
      store,
      "--reps",
      String(reps),
      "--warmup",
      quick ? "1" : "3",
      "--scan-reps",
      String(scanReps),
    ],
    { env, echo: tag },
  );
  if (s.code !== 0) throw new Error(`${label}: the serving child exited ${s.code}: ${s.stderr.slice(-500)}`);
  const serve = JSON.parse(s.stdout.trim().split("\n").at(-1) ?? "{}") as SizeResult["serve"];

  note(`${label}: memory of one and of two serving processes`);
  const memory = {
    engine: await pair([c.serve, "--store", store, "--hold"], env),
    peer: await pair([c.peer, store, "--hold"], env),
  };

  if (!keep) {
    if (size !== "shipped") rmSync(dir, { recursive: true, force: true });
    rmSync(store, { force: true });
  }
  const lat = serve.latency as Record<string, { p50: number; p99: number }>;
  const g = (o: unknown, k: string) => (o as Record<string, number>)[k] as number;
  const summary: Summary = {
    reports: build.reports,
    paragraphs: build.paragraphs,
    chunks: build.chunks,
    statements: build.statements,
    storeMb: build.storeBytes / 1e6,
    buildS: build.wallMs / 1000,
    buildPeakRssMiB: build.peakRssMiB,
    readyMs: ready.oursMs,
    peerReadyMs: ready.peerMs,
    floorMs: ready.floorMs,
    readyOverPeer: ready.ratioOfMedians,
    targetP50: g(lat.target, "p50"),
    targetP99: g(lat.target, "p99"),
    askP50: g(lat.ask, "p50"),
    askP99: g(lat.ask, "p99"),
    compareP50: g(lat.compare, "p50"),
    compareP99: g(lat.compare, "p99"),
    searchP50: g(serve.engineSearch, "p50"),
    searchP99: g(serve.engineSearch, "p99"),
    peerAskP50: g(serve.peerFts, "p50"),
    peerAskP99: g(serve.peerFts, "p99"),
    scanP50: g(serve.linearScan, "p50"),
    serveRssMiB: g(serve.memory, "rssMiB"),
    pssOneMiB: memory.engine.onePssMiB,
    pssTwoMiB: memory.engine.twoPssMiB,
    pssTwoOverOne: memory.engine.ratio,
    burstPssOneMiB: memory.engine.burst.onePssMiB,
    burstPssTwoMiB: memory.engine.burst.twoPssMiB,
    peerPssOneMiB: memory.peer.onePssMiB,
    peerPssTwoMiB: memory.peer.twoPssMiB,
    jitterP99: g(serve.jitter, "p99"),
  };
  return {
    size,
    label,
    corpus: { dir: size === "shipped" ? "corpus" : dir, reports: manifest.reports.length, generateMs },
    build,
    ready,
    serve,
    memory,
    summary,
  };
}

/** Rows in the store, read back from the file (the build's own summary is not trusted to exist). */
function storeCounts(path: string): {
  reports: number;
  paragraphs: number;
  chunks: number;
  statements: number;
} {
  const db = new Database(`file:${encodeURI(path).replace(/[?#]/g, encodeURIComponent)}?mode=ro`);
  try {
    const count = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
    return {
      reports: count("SELECT count(*) AS n FROM reports"),
      paragraphs: count("SELECT count(*) AS n FROM paragraphs"),
      chunks: count("SELECT value AS n FROM meta WHERE key = 'chunks'"),
      statements: count("SELECT count(*) AS n FROM statements"),
    };
  } finally {
    db.close();
  }
}

function lastErrorLine(stderr: string): string {
  const lines = stderr.split("\n").filter((l) => /Error|error:/.test(l));
  return (lines[0] ?? stderr.trim().split("\n").at(-1) ?? "").trim().slice(0, 300);
}

/**
 * One process alone, then a second on the same store beside it: PSS splits each shared page among the
 * processes mapping it, so the sum of the two PSS is what the pair costs the machine. Measured twice:
 * - "burst": right after the processes answered the mix, the garbage of the answers still in V8's heap;
 * - at rest: REST_MS later, once V8's memory reducer has run (it does ~8 s into idleness and gives the
 *   heap's free pages back: 36 → 18 MiB private at 100×). A bot spends most of its time at rest, so the
 *   budget is judged there; both figures are reported.
 */
async function pair(args: string[], env: NodeJS.ProcessEnv) {
  const sum = (ms: { pssMiB: number }[]) => Math.round(ms.reduce((x, m) => x + m.pssMiB, 0) * 10) / 10;
  const pidOf = (h: { child: { pid?: number } }) => h.child.pid as number;
  const a = await hold(node, args, env);
  try {
    const aloneBurst = memoryOf(pidOf(a));
    const b = await hold(node, args, env);
    let pairBurst: ReturnType<typeof memoryOf>[];
    try {
      pairBurst = [pidOf(a), pidOf(b)].map(memoryOf);
    } finally {
      await b.stop();
    }
    await sleep(REST_MS);
    const alone = memoryOf(pidOf(a));
    const c = await hold(node, args, env);
    try {
      await sleep(REST_MS);
      const atRest = [pidOf(a), pidOf(c)].map(memoryOf);
      return {
        restMs: REST_MS,
        alone,
        pair: atRest,
        onePssMiB: alone.pssMiB,
        twoPssMiB: sum(atRest),
        ratio: sum(atRest) / alone.pssMiB,
        burst: {
          alone: aloneBurst,
          pair: pairBurst,
          onePssMiB: aloneBurst.pssMiB,
          twoPssMiB: sum(pairBurst),
          ratio: sum(pairBurst) / aloneBurst.pssMiB,
        },
        ready: a.first,
      };
    } finally {
      await c.stop();
    }
  } finally {
    await a.stop();
  }
}
