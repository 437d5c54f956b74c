import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { BASE_IDS, writeSyntheticCorpus } from "../../bench/synth.ts";
import { readManifest } from "../../src/corpus/manifest.ts";
import { findRegionsInText, groupRegions, regionNames } from "../../src/corpus/regions.ts";

const out = mkdtempSync(join(tmpdir(), "zb-synth-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("a 3× corpus holds the base reports once and two renamed copies, region names unique", () => {
  const dir = join(out, "c3");
  const base = BASE_IDS.length;
  expect(writeSyntheticCorpus("corpus", 3, dir)).toBe(3 * base);
  const entries = readManifest(dir);
  expect(entries).toHaveLength(3 * base);
  // Copy 0 is the base reports as shipped, whatever else the shipped corpus holds by now.
  expect(entries.slice(0, base).map((r) => r.id)).toEqual([...BASE_IDS]);
  const baseRegions = groupRegions(entries.slice(0, base));
  const regions = groupRegions(entries);
  expect(regions).toHaveLength(3 * baseRegions.length);
  const names = regions.flatMap(regionNames);
  expect(new Set(names).size).toBe(names.length);
  // The copies' names use characters found nowhere in the shipped corpus.
  const text = ["manifest.json", ...readdirSync("corpus/reports").map((f) => `reports/${f}`)]
    .map((f) => readFileSync(join("corpus", f), "utf8"))
    .join("");
  const synthetic = regions.slice(baseRegions.length).flatMap(regionNames);
  expect(synthetic.length).toBeGreaterThan(0);
  for (const n of synthetic) expect(text.includes(n), n).toBe(false);
  expect(findRegionsInText("临淄新建了多少充电桩", regions).map((h) => h.region.name)).toEqual(["临淄区"]);
});

test("an id missing from the manifest is named, not silently skipped", () => {
  expect(() => writeSyntheticCorpus("corpus", 1, join(out, "bad"), ["no-such-report"])).toThrow(
    /no-such-report/,
  );
});
