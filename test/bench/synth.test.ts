import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { writeSyntheticCorpus } from "../../bench/synth.ts";
import { loadCorpus } from "../../src/corpus/corpus.ts";
import { findRegionsInText, regionNames } from "../../src/corpus/regions.ts";

const out = mkdtempSync(join(tmpdir(), "zb-synth-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("a 3× corpus holds the shipped reports once and two renamed copies, regions unique", () => {
  const dir = join(out, "c3");
  expect(writeSyntheticCorpus("corpus", 3, dir)).toBe(36);
  const shipped = loadCorpus("corpus");
  const corpus = loadCorpus(dir);
  expect(corpus.reports).toHaveLength(36);
  expect(corpus.regions).toHaveLength(3 * shipped.regions.length);
  const names = corpus.regions.flatMap(regionNames);
  expect(new Set(names).size).toBe(names.length);
  // Copy 0 is the shipped corpus itself; the copies' names use characters found nowhere in it.
  expect(corpus.reports.slice(0, 12).map((r) => r.id)).toEqual(shipped.reports.map((r) => r.id));
  const text = ["manifest.json", ...readdirSync("corpus/reports").map((f) => `reports/${f}`)]
    .map((f) => readFileSync(join("corpus", f), "utf8"))
    .join("");
  const synthetic = corpus.regions.slice(shipped.regions.length).flatMap(regionNames);
  for (const n of synthetic) expect(text.includes(n), n).toBe(false);
  expect(findRegionsInText("临淄新建了多少充电桩", corpus.regions).map((h) => h.region.name)).toEqual([
    "临淄区",
  ]);
});
