import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { growthExponent, percentile } from "../../bench/stats.ts";

const out = mkdtempSync(join(tmpdir(), "zb-bench-smoke-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

// The benchmark is not part of npm test; this only checks that it runs end to end at 1×.
test("npm run bench -- --quick measures the 1× corpus and writes its JSON", () => {
  const file = join(out, "bench.json");
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/bench.ts", "--quick", "--out", file], {
    encoding: "utf8",
  });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain("| size |");
  const report = JSON.parse(readFileSync(file, "utf8"));
  expect(report.sizes).toHaveLength(1);
  const [one] = report.sizes;
  expect(one.size).toBe(1);
  expect(one.serve.failures).toEqual([]);
  expect(one.summary.reports).toBe(12);
  for (const key of [
    "buildMs",
    "cacheMb",
    "cacheLoadMs",
    "cliColdStartMs",
    "askP99",
    "targetP99",
    "serveRssMiB",
  ]) {
    expect(Number.isFinite(one.summary[key]), key).toBe(true);
  }
}, 120_000);

test("percentiles pick by nearest rank and growth exponents read log-log slopes", () => {
  expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
  expect(percentile([1, 2, 3, 4, 100], 99)).toBe(100);
  expect(
    growthExponent([
      { size: 1, value: 2 },
      { size: 100, value: 200 },
    ]),
  ).toBeCloseTo(1);
  expect(
    growthExponent([
      { size: 1, value: 5 },
      { size: 1000, value: 5 },
    ]),
  ).toBeCloseTo(0);
});
