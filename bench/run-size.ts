/**
 * One benchmark size, in its own process so peak RSS is this size's alone:
 *   --phase build: build the index and statements (worker threads when large) and save the cache;
 *   --phase serve: start as the bot does (corpus, tokenizer, cache), answer the query mix, time the search
 *                  itself against the naive linear scan, and measure segmentation throughput.
 * Prints one JSON object on stdout. Timings are milliseconds, sizes bytes.
 */
import { performance } from "node:perf_hooks";

const scriptStart = performance.now();
const argv = process.argv.slice(2);
const arg = (name: string) => argv[argv.indexOf(`--${name}`) + 1] as string;
const phase = arg("phase");
const dir = arg("corpus");
const cachePath = arg("cache");
const codeHash = argv.includes("--code-hash") ? arg("code-hash") : undefined;
const reps = Number(argv.includes("--reps") ? arg("reps") : 20);
const scanReps = Number(argv.includes("--scan-reps") ? arg("scan-reps") : 3);

/** Progress on stderr: the 1000× phases take minutes. */
const note = (what: string) =>
  process.stderr.write(`  [${phase} ${(performance.now() / 1000).toFixed(1)} s] ${what}\n`);
// Memory in MiB (2^20 bytes), as RSS is usually read; maxRSS comes in KiB.
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const peakRssMiB = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

if (phase === "build") {
  const { prepare } = await import("../src/cache/engine-cache.ts");
  const { buildPrepared } = await import("../src/cache/build-cache.ts");
  note("parsing the corpus");
  const t0 = performance.now();
  const prep = prepare(dir, codeHash);
  note("building");
  const report = await buildPrepared(prep, { cachePath });
  const total = performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ ...report, total, peakRssMiB: peakRssMiB() })}\n`);
} else if (phase === "serve") {
  await serve();
} else {
  throw new Error(`unknown phase ${phase}`);
}

async function serve(): Promise<void> {
  const { loadEngineCached } = await import("../src/cache/engine-cache.ts");
  const { route } = await import("../src/router/route.ts");
  const { searchParagraphs } = await import("../src/search/search-index.ts");
  const { COLD_START_LINE, QUERY_MIX } = await import("./queries.ts");
  const imported = performance.now();

  note("loading the engine from the cache");
  const load = loadEngineCached(dir, { cachePath, codeHash, log: note });
  if (load.source !== "cache") throw new Error(`expected a fresh cache at ${cachePath}: ${load.reason}`);
  const loaded = performance.now();
  const parts = load.parts;
  const first = route(parts, COLD_START_LINE);
  if (!first.ok) throw new Error(`${COLD_START_LINE} failed: ${first.answer}`);
  const firstAnswer = performance.now();
  const mem = process.memoryUsage();
  const afterLoad = {
    rssMiB: mib(mem.rss),
    heapUsedMiB: mib(mem.heapUsed),
    arrayBuffersMiB: mib(mem.arrayBuffers),
  };

  // Every search the mix makes, recorded as it passes, to replay against the index and the linear scan.
  const searches: { terms: string[]; scope: ReadonlySet<string> | null; limit: number }[] = [];
  const index = parts.index;
  const recording = {
    searchParagraphs(terms: string[], scope: ReadonlySet<string> | null, limit: number) {
      searches.push({ terms, scope, limit });
      return searchParagraphs(index, terms, scope, limit);
    },
  };

  const latency: Record<string, number[]> = {};
  const failures: string[] = [];
  const mix = Object.entries(QUERY_MIX).flatMap(([command, lines]) =>
    lines.map((line) => ({ command, line })),
  );
  for (const { command, line } of mix) {
    latency[command] = [];
    if (!route(parts, line).ok) failures.push(line);
  }
  // A few passes first, so the JIT has compiled the hot paths before anything is timed.
  for (let i = 0; i < 3; i++) for (const { line } of mix) route(parts, line);
  const jitter = schedulerJitter();
  note("timing the query mix");
  // Round-robin over the mix, so a pause of the machine does not land on one question's samples only.
  for (let i = 0; i < reps; i++) {
    for (const { command, line } of mix) {
      if (command === "compare" && i % 4 !== 0) continue;
      const t = performance.now();
      route(parts, line);
      latency[command]?.push(performance.now() - t);
    }
  }
  note("timing the searches alone");
  parts.index = recording;
  for (const line of QUERY_MIX.ask) route(parts, line);
  parts.index = index;
  const indexSearch: number[] = [];
  for (const s of searches) {
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      searchParagraphs(index, s.terms, s.scope, s.limit);
      indexSearch.push(performance.now() - t);
    }
  }
  const peakServe = peakRssMiB();

  // Beyond here memory no longer counts: the baseline and the throughput probes allocate freely.
  note("timing the linear scan");
  const { linearScan } = await import("./baseline.ts");
  const paragraphs = parts.corpus.reports.flatMap((r) => r.paragraphs);
  const scan: number[] = [];
  for (const s of searches) {
    for (let i = 0; i < scanReps; i++) {
      const t = performance.now();
      linearScan(paragraphs, parts.stats, s.terms, s.scope, s.limit);
      scan.push(performance.now() - t);
    }
  }

  note("segmentation throughput and user dictionary");
  const chars = parts.corpus.reports.reduce((n, r) => n + r.text.length, 0);
  const segmentation = segmentationThroughput(parts.tokenizer, paragraphs);
  const userDict = await userDictCost(dir, parts);

  process.stdout.write(
    `${JSON.stringify({
      reports: parts.corpus.reports.length,
      regions: parts.corpus.regions.length,
      chars,
      utf8Bytes: parts.corpus.reports.reduce((n, r) => n + Buffer.byteLength(r.text), 0),
      paragraphs: paragraphs.length,
      statements: parts.facts.all.length,
      // Since process start (node + tsx boot), as a fresh bot process would see them.
      processBoot: scriptStart,
      imports: imported - scriptStart,
      engineLoad: loaded - imported,
      firstQuery: firstAnswer - loaded,
      coldStartInProcess: firstAnswer,
      loadTimings: load.timings,
      afterLoad,
      peakRssMiB: peakServe,
      latency,
      jitter,
      failures,
      searches: searches.length,
      indexSearch,
      scan,
      segmentation,
      userDict,
    })}\n`,
  );
}

/** How much the machine itself delays a fixed 1 ms of work: the floor under any measured p99. */
function schedulerJitter() {
  const samples: number[] = [];
  let sink = 0;
  const calibrate = performance.now();
  let n = 0;
  while (performance.now() - calibrate < 1) for (let j = 0; j < 1000; j++, n++) sink += j * 1.0001;
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    for (let j = 0; j < n; j++) sink += j * 1.0001;
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  if (sink < 0) samples.push(sink);
  return { p50: samples[150] as number, p99: samples[297] as number, max: samples[299] as number };
}

type Tokenizer = import("../src/search/tokenizer.ts").Tokenizer;
type Paragraph = import("../src/corpus/structure.ts").Paragraph;

/** Characters and UTF-8 megabytes tokenised per second, over up to ~3M characters of paragraphs. */
function segmentationThroughput(tokenizer: Tokenizer, paragraphs: readonly Paragraph[]) {
  const sample: string[] = [];
  let chars = 0;
  for (const p of paragraphs) {
    if (chars >= 3_000_000) break;
    sample.push(p.text);
    chars += p.text.length;
  }
  const bytes = sample.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const t = performance.now();
  let tokens = 0;
  for (const text of sample) tokens += tokenizer.tokenize(text).length;
  const s = (performance.now() - t) / 1000;
  return {
    sampleChars: chars,
    tokens,
    charsPerSec: Math.round(chars / s),
    mbPerSec: Math.round(bytes / s / 1e4) / 100,
  };
}

/** Tokenizer start-up with and without the user words (the corpus's region names among them). */
async function userDictCost(dir: string, parts: import("../src/engine.ts").EngineParts) {
  const { createTokenizer } = await import("../src/engine.ts");
  const { Tokenizer } = await import("../src/search/tokenizer.ts");
  const { lexiconPhrases } = await import("../src/facts/lexicon.ts");
  const { regionNames } = await import("../src/corpus/regions.ts");
  let t = performance.now();
  new Tokenizer({ userWords: [], stopWords: new Set() });
  const bare = performance.now() - t;
  t = performance.now();
  createTokenizer(dir, parts.corpus, parts.lexicon);
  const full = performance.now() - t;
  const words = lexiconPhrases(parts.lexicon).length + parts.corpus.regions.flatMap(regionNames).length;
  return { jiebaDictMs: bare, withUserWordsMs: full, userWords: words };
}
