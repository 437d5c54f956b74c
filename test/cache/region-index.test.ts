import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeSyntheticCorpus } from "../../bench/synth.ts";
import { loadCorpus, type Region } from "../../src/corpus/corpus.ts";
import { findRegionsInText, regionNames, resolveRegion } from "../../src/corpus/regions.ts";

// The scans the index replaced, verbatim: the index must give their answers exactly.
const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[’'\s-]/g, "");

function scanInText(text: string, regions: readonly Region[]) {
  const lower = text.toLowerCase();
  const hits: { region: Region; name: string; at: number }[] = [];
  for (const region of regions) {
    let best: { name: string; at: number } | undefined;
    for (const name of regionNames(region)) {
      const at = lower.indexOf(name.toLowerCase());
      if (at < 0 || (/^[a-z]/i.test(name) && /[a-z]/i.test(lower[at - 1] ?? ""))) continue;
      if (!best || name.length > best.name.length) best = { name, at };
    }
    if (best) hits.push({ region, ...best });
  }
  return hits.sort((a, b) => a.at - b.at).map(({ region, name }) => ({ region, name }));
}

function scanResolve(input: string, regions: readonly Region[]) {
  const q = norm(input);
  if (q === "") return "unknown";
  const exact = regions.filter((r) => regionNames(r).some((n) => norm(n) === q));
  if (exact.length === 1) return exact[0]?.name;
  const prefixed = regions.filter((r) => regionNames(r).some((n) => norm(n).startsWith(q)));
  if (prefixed.length === 1) return prefixed[0]?.name;
  if (prefixed.length > 1) return prefixed.map((r) => r.name);
  return "unknown";
}

function resolved(input: string, regions: readonly Region[]) {
  const m = resolveRegion(input, regions);
  return m.kind === "one"
    ? m.region.name
    : m.kind === "ambiguous"
      ? m.candidates.map((r) => r.name)
      : "unknown";
}

const out = mkdtempSync(join(tmpdir(), "zb-regions-"));
let regions: Region[];
let pieces: string[];
beforeAll(() => {
  writeSyntheticCorpus("corpus", 4, join(out, "c4"));
  regions = loadCorpus(join(out, "c4")).regions;
  pieces = [...regions.flatMap(regionNames), "区", "市", "省", "x", "-", " ", "’", "的", "GDP", "2025年"];
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("region index", () => {
  test("finds the regions named in text exactly as a scan over every region", () => {
    const text = fc
      .array(
        fc.oneof(
          fc.nat().map((i) => pieces[i % pieces.length] as string),
          fc.string({ maxLength: 3 }),
        ),
        {
          maxLength: 8,
        },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(findRegionsInText(t, regions)).toEqual(scanInText(t, regions));
      }),
      { numRuns: 500 },
    );
  });

  test("resolves typed regions (exact, prefix, ambiguous, unknown) exactly as a scan", () => {
    const input = fc.oneof(
      fc.nat().map((i) => pieces[i % pieces.length] as string),
      fc.nat().chain((i) => {
        const p = pieces[i % pieces.length] as string;
        return fc.integer({ min: 0, max: p.length }).map((n) => p.slice(0, n));
      }),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(input, (q) => {
        expect(resolved(q, regions)).toEqual(scanResolve(q, regions));
      }),
      { numRuns: 500 },
    );
  });

  test("a list that grows gets a fresh index", () => {
    const list = regions.slice(0, 3);
    expect(findRegionsInText("临淄", list)).toEqual(scanInText("临淄", list));
    list.push(...regions.slice(3));
    expect(findRegionsInText("临淄和北京", list)).toEqual(scanInText("临淄和北京", list));
  });
});
