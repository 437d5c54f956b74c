import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { BUDGETS, verdicts } from "../../bench/report.ts";
import { percentile } from "../../bench/stats.ts";

const out = mkdtempSync(join(tmpdir(), "zb-bench-smoke-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const bench = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "bench/bench.ts", ...args], { encoding: "utf8" });

// End to end at 1×: figures are machine-dependent, so only their presence and shape are checked.
test("npm run bench -- --quick builds, starts, serves and weighs the 1× corpus and writes its JSON", () => {
  const file = join(out, "bench.json");
  const r = bench("--quick", "--out", file);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain("| size | budget | limit | measured | verdict |");
  const report = JSON.parse(readFileSync(file, "utf8"));
  expect(report.sizes).toHaveLength(1);
  const [one] = report.sizes;
  expect(one.size).toBe(1);
  expect(one.serve.failures).toEqual([]);
  expect(one.serve.loggedErrors).toEqual([]);
  expect(one.summary.reports).toBe(one.corpus.reports);
  for (const key of [
    "reports",
    "chunks",
    "statements",
    "storeMb",
    "buildS",
    "readyMs",
    "peerReadyMs",
    "floorMs",
    "readyOverPeer",
    "targetP99",
    "askP99",
    "compareP99",
    "peerAskP99",
    "scanP50",
    "serveRssMiB",
    "pssOneMiB",
    "pssTwoMiB",
  ]) {
    expect(Number.isFinite(one.summary[key]) && one.summary[key] > 0, key).toBe(true);
  }
  // Budgets of sizes not run are reported as such, never as passed.
  expect(report.budgets).toHaveLength(BUDGETS.length);
  for (const v of report.budgets) expect(v.pass).toBe(null);
}, 120_000);

test("--help prints the usage and runs nothing; an unknown flag or size is a usage error", () => {
  const help = bench("--help");
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("--sizes");
  expect(help.stderr).not.toContain("[bench");
  expect(bench("--frobnicate").status).toBe(2);
  const bad = bench("--sizes", "1,ten");
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('"ten"');
}, 60_000);

test("a budget passes at its limit, misses above it, and is not judged for a size not run", () => {
  const at = (key: string, value: number) =>
    verdicts([{ size: 100, summary: { [key]: value } } as never]).find(
      (v) => v.size === 100 && v.key === key,
    );
  expect(at("targetP99", 5)?.pass).toBe(true);
  expect(at("targetP99", 5.01)?.pass).toBe(false);
  expect(at("askP99", Number.NaN)?.pass).toBe(null);
  expect(verdicts([]).every((v) => v.pass === null && v.measured === null)).toBe(true);
});

test("percentiles pick by nearest rank", () => {
  expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
  expect(percentile([1, 2, 3, 4, 100], 99)).toBe(100);
  expect(Number.isNaN(percentile([], 50))).toBe(true);
});
