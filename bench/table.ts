/** The benchmark report as markdown tables: what `npm run bench` prints and docs/PERFORMANCE.md quotes. */

interface Report {
  date: string;
  wallSeconds: number;
  machine: Record<string, unknown>;
  command: string;
  sizes: { size: number; summary: Record<string, number> }[];
  growth: Record<string, number | null>;
}

type Col = [title: string, key: string, digits: number];

const BUILD: Col[] = [
  ["reports", "reports", 0],
  ["chars", "chars", 0],
  ["paragraphs", "paragraphs", 0],
  ["segment MB/s", "segMbPerSec", 1],
  ["build s", "buildS", 1],
  ["workers", "buildWorkers", 0],
  ["build peak RSS MiB", "buildRssMiB", 0],
  ["cache MB", "cacheMb", 1],
];
const START: Col[] = [
  ["cache load ms", "cacheLoadMs", 1],
  ["corpus parse ms", "corpusParseMs", 0],
  ["tokenizer ms", "tokenizerMs", 0],
  ["hash ms", "fingerprintMs", 0],
  ["start from cache ms", "startupFromCacheMs", 0],
  ["start with rebuild ms", "startupRebuildMs", 0],
  ["rebuild ÷ cache load", "rebuildOverLoad", 0],
  ["cold start ms (in process)", "coldStartInProcessMs", 0],
  ["cold start ms (CLI)", "cliColdStartMs", 0],
];
const QUERY: Col[] = [
  ["/target p50", "targetP50", 2],
  ["/target p99", "targetP99", 2],
  ["/ask p50", "askP50", 2],
  ["/ask p99", "askP99", 2],
  ["/compare p50", "compareP50", 1],
  ["/compare p99", "compareP99", 1],
  ["search p50", "searchP50", 3],
  ["search p99", "searchP99", 3],
  ["linear scan p50", "scanP50", 1],
  ["scan ÷ search", "scanOverSearch", 0],
  ["serve peak RSS MiB", "serveRssMiB", 0],
  ["1 ms loop p99", "jitterP99", 2],
];

function table(report: Report, cols: Col[]): string {
  const rows = report.sizes.map((r) => {
    const s = r.summary;
    return [`${r.size}×`, ...cols.map(([, key, digits]) => fmt(s[key], digits))];
  });
  rows.push(["growth exponent", ...cols.map(([, key]) => fmt(report.growth[key], 2))]);
  const head = ["size", ...cols.map(([t]) => t)];
  return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

function fmt(v: number | null | undefined, digits: number): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

interface Budget {
  size: number;
  what: string;
  ok: (s: Record<string, number>) => boolean;
  got: (s: Record<string, number>) => string;
}

const ms = (v: number | undefined) => `${fmt(v, 2)} ms`;
export const BUDGETS: Budget[] = [
  {
    size: 1,
    what: "cold start to first answer < 1 s (CLI)",
    ok: (s) => s.cliColdStartMs < 1000,
    got: (s) => ms(s.cliColdStartMs),
  },
  { size: 1, what: "p99 /ask < 5 ms", ok: (s) => s.askP99 < 5, got: (s) => ms(s.askP99) },
  {
    size: 1,
    what: "p99 /target < 1 ms",
    ok: (s) => s.targetP99 < 1,
    got: (s) => ms(s.targetP99),
  },
  {
    size: 100,
    what: "p99 /ask < 20 ms",
    ok: (s) => s.askP99 < 20,
    got: (s) => ms(s.askP99),
  },
  {
    size: 100,
    what: "p99 /target < 5 ms",
    ok: (s) => s.targetP99 < 5,
    got: (s) => ms(s.targetP99),
  },
  {
    size: 100,
    what: "RSS < 500 MB (serving)",
    ok: (s) => s.serveRssMiB * 1.048576 < 500,
    got: (s) => `${fmt(s.serveRssMiB, 0)} MiB = ${fmt(s.serveRssMiB * 1.048576, 0)} MB`,
  },
  { size: 1000, what: "index builds", ok: (s) => s.buildMs > 0, got: (s) => `${fmt(s.buildMs / 1000, 1)} s` },
  {
    size: 1000,
    what: "p99 /ask < 100 ms",
    ok: (s) => s.askP99 < 100,
    got: (s) => ms(s.askP99),
  },
  {
    size: 1000,
    what: "RSS < 2 GB (serving; read as 2 GiB)",
    ok: (s) => s.serveRssMiB < 2048,
    got: (s) => `${fmt(s.serveRssMiB, 0)} MiB = ${fmt(s.serveRssMiB * 1.048576, 0)} MB`,
  },
  {
    size: 1000,
    what: "cache load ≥ 5× faster than a rebuild",
    ok: (s) => (s.buildMs ?? 0) / (s.cacheLoadMs ?? 1) >= 5,
    got: (s) => `${fmt((s.buildMs ?? 0) / (s.cacheLoadMs ?? 1), 0)}×`,
  },
];

export function formatReport(report: Report): string {
  const m = report.machine;
  const budgets = BUDGETS.flatMap((b) => {
    const r = report.sizes.find((x) => x.size === b.size);
    return r
      ? [`| ${b.size}× | ${b.what} | ${b.got(r.summary)} | ${b.ok(r.summary) ? "yes" : "**no**"} |`]
      : [];
  });
  return [
    `${report.command} — ${report.date}, ${report.wallSeconds} s`,
    `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, node ${m.node}, load average ${String(m.loadavgAtStart)} → ${String(m.loadavgAtEnd)}`,
    "",
    "Corpus and build",
    "",
    table(report, BUILD),
    "",
    "Start-up (ms)",
    "",
    table(report, START),
    "",
    "Queries (ms)",
    "",
    table(report, QUERY),
    "",
    ...(budgets.length
      ? ["Budgets", "", "| size | budget | measured | met |", "| --- | --- | --- | --- |", ...budgets]
      : []),
  ].join("\n");
}
