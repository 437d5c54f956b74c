/**
 * The benchmark's results: the shape written to JSON, the budgets of issue 9 checked against them, and
 * the markdown tables printed at the end (and pasted into docs/PERFORMANCE.md).
 */

export type Size = number | "shipped";

/** Flat figures per size; the budgets and the tables read these. Milliseconds and MiB unless named. */
export interface Summary {
  reports: number;
  paragraphs: number;
  chunks: number;
  statements: number;
  storeMb: number;
  buildS: number;
  buildPeakRssMiB: number | null;
  readyMs: number;
  peerReadyMs: number;
  floorMs: number;
  readyOverPeer: number;
  targetP50: number;
  targetP99: number;
  askP50: number;
  askP99: number;
  compareP50: number;
  compareP99: number;
  searchP50: number;
  searchP99: number;
  peerAskP50: number;
  peerAskP99: number;
  scanP50: number;
  serveRssMiB: number;
  pssOneMiB: number;
  pssTwoMiB: number;
  pssTwoOverOne: number;
  /** The same right after answering the mix, before V8's memory reducer ran. */
  burstPssOneMiB: number;
  burstPssTwoMiB: number;
  peerPssOneMiB: number;
  peerPssTwoMiB: number;
  jitterP99: number;
}

export interface SizeResult {
  size: Size;
  label: string;
  corpus: { dir: string; reports: number; generateMs: number };
  build: Record<string, unknown>;
  ready: Record<string, unknown>;
  serve: Record<string, unknown> & { failures: { line: string }[] };
  memory: Record<string, unknown>;
  summary: Summary;
}

export interface Budget {
  size: Size;
  what: string;
  key: keyof Summary;
  max: number;
  unit: string;
}

export const BUDGETS: readonly Budget[] = [
  { size: "shipped", what: "CLI cold start, one /target (wall)", key: "readyMs", max: 500, unit: "ms" },
  { size: "shipped", what: "CLI cold start ÷ FTS5 peer", key: "readyOverPeer", max: 1.5, unit: "×" },
  { size: 100, what: "ready: process start → first answer", key: "readyMs", max: 1000, unit: "ms" },
  { size: 1000, what: "ready: process start → first answer", key: "readyMs", max: 2000, unit: "ms" },
  { size: 100, what: "RSS serving", key: "serveRssMiB", max: 200, unit: "MiB" },
  {
    size: 100,
    what: "two serving processes: PSS sum ÷ one alone (at rest)",
    key: "pssTwoOverOne",
    max: 1.3,
    unit: "×",
  },
  { size: 100, what: "warm p99 /target", key: "targetP99", max: 5, unit: "ms" },
  { size: 100, what: "warm p99 /ask", key: "askP99", max: 30, unit: "ms" },
  { size: 100, what: "warm p99 /compare", key: "compareP99", max: 50, unit: "ms" },
  { size: 1000, what: "warm p99 /ask", key: "askP99", max: 150, unit: "ms" },
  { size: 1000, what: "build (2 cores)", key: "buildS", max: 300, unit: "s" },
  { size: 1000, what: "build peak RSS", key: "buildPeakRssMiB", max: 1536, unit: "MiB" },
];

export interface Verdict extends Budget {
  measured: number | null;
  /** null: the size was not part of this run. */
  pass: boolean | null;
}

export function verdicts(sizes: readonly SizeResult[]): Verdict[] {
  return BUDGETS.map((b) => {
    const r = sizes.find((s) => s.size === b.size);
    const v = r ? r.summary[b.key] : null;
    const measured = typeof v === "number" && Number.isFinite(v) ? v : null;
    return { ...b, measured, pass: measured === null ? null : measured <= b.max };
  });
}

export function labelOf(size: Size): string {
  return size === "shipped" ? "shipped" : `${size}×`;
}

/** A figure for a table: thousands separated, decimals by magnitude, "—" when missing. */
export function fmt(x: number | null | undefined, digits?: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const d = digits ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);
  return x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
}

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

export interface Report {
  date: string;
  wallSeconds: number;
  command: string;
  machine: Record<string, unknown>;
  codeHash: string;
  sizes: SizeResult[];
  budgets: Verdict[];
  /** What went wrong without stopping the run (a build that exited with an error after its store). */
  notes: string[];
}

export function formatReport(r: Report): string {
  const m = r.machine;
  const s = r.sizes;
  const budgetRows = r.budgets.map((v) => [
    labelOf(v.size),
    v.what,
    `≤ ${fmt(v.max, v.unit === "×" ? 1 : 0)} ${v.unit}`,
    v.measured === null ? "not run" : `${fmt(v.measured, v.unit === "×" ? 2 : undefined)} ${v.unit}`,
    v.pass === null ? "—" : v.pass ? "PASS" : "**MISS**",
  ]);
  return [
    `\`${r.command}\` — ${r.date}, ${r.wallSeconds} s`,
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.node}, load average ${m.loadavgAtStart} → ${m.loadavgAtEnd}`,
    "",
    "**Budgets (issue 9)**",
    "",
    table(["size", "budget", "limit", "measured", "verdict"], budgetRows),
    ...r.notes.map((n) => `\nNote: ${n}`),
    "",
    "**Build and ready**",
    "",
    table(
      [
        "size",
        "reports",
        "paragraphs",
        "chunks",
        "statements",
        "store MB",
        "build s",
        "build peak RSS MiB",
        "ready ms (CLI)",
        "FTS5 peer ms",
        "ready ÷ peer",
        "`node -e 0` ms",
      ],
      s.map((x) => {
        const u = x.summary;
        return [
          x.label,
          fmt(u.reports, 0),
          fmt(u.paragraphs, 0),
          fmt(u.chunks, 0),
          fmt(u.statements, 0),
          fmt(u.storeMb, 1),
          fmt(u.buildS, 1),
          fmt(u.buildPeakRssMiB, 0),
          fmt(u.readyMs, 0),
          fmt(u.peerReadyMs, 0),
          fmt(u.readyOverPeer, 2),
          fmt(u.floorMs, 0),
        ];
      }),
    ),
    "",
    "**Warm queries (ms) and memory (MiB)**",
    "",
    table(
      [
        "size",
        "/target p50",
        "/target p99",
        "/ask p50",
        "/ask p99",
        "/compare p50",
        "/compare p99",
        "engine search p50 / p99",
        "FTS5 peer /ask p50 / p99",
        "linear scan p50",
        "RSS serving",
        "PSS one / two at rest",
        "two ÷ one at rest",
        "right after the mix: one / two (÷)",
        "peer PSS one / two",
        "1 ms loop p99",
      ],
      s.map((x) => {
        const u = x.summary;
        return [
          x.label,
          fmt(u.targetP50),
          fmt(u.targetP99),
          fmt(u.askP50),
          fmt(u.askP99),
          fmt(u.compareP50),
          fmt(u.compareP99),
          `${fmt(u.searchP50)} / ${fmt(u.searchP99)}`,
          `${fmt(u.peerAskP50)} / ${fmt(u.peerAskP99)}`,
          fmt(u.scanP50),
          fmt(u.serveRssMiB, 0),
          `${fmt(u.pssOneMiB, 0)} / ${fmt(u.pssTwoMiB, 0)}`,
          fmt(u.pssTwoOverOne, 2),
          `${fmt(u.burstPssOneMiB, 0)} / ${fmt(u.burstPssTwoMiB, 0)} (${fmt(u.burstPssTwoMiB / u.burstPssOneMiB, 2)})`,
          `${fmt(u.peerPssOneMiB, 0)} / ${fmt(u.peerPssTwoMiB, 0)}`,
          fmt(u.jitterP99),
        ];
      }),
    ),
  ].join("\n");
}
