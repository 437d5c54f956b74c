import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { loadManifest, type ReportEntry } from "../../src/corpus/manifest.ts";
import { IngestError } from "../../src/ingest/ingest.ts";
import { type WriteFs, writeReport } from "../../src/ingest/write.ts";
import { snapshot, tempCorpus } from "./helpers.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function corpus() {
  const d = tempCorpus();
  dirs.push(d);
  return d;
}

const ENTRY: ReportEntry = {
  id: "test-2026",
  file: "reports/test-2026.txt",
  title: "2026年测试区政府工作报告",
  region: "测试区",
  aliases: ["测试"],
  level: "区县",
  city: null,
  province: null,
  year: 2026,
  reviewYear: 2025,
  targetYear: 2026,
  source: "test",
  notes: "",
};
const TEXT = "各位代表：\n\n现在，我代表区人民政府向大会报告工作。\n";

/** Real file operations, except that the nth rename throws. */
function failingRename(n: number): WriteFs {
  let calls = 0;
  return {
    writeFileSync: (p, d) => writeFileSync(p, d),
    rmSync: (p, o) => rmSync(p, o),
    existsSync: (p) => existsSync(p),
    renameSync: (from, to) => {
      calls++;
      if (calls === n) throw new Error(`rename ${calls} failed`);
      renameSync(from, to);
    },
  };
}

describe("writeReport", () => {
  test("writes the file and appends the entry; other entries keep every field", () => {
    const dir = corpus();
    const others = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).reports;
    writeReport(dir, ENTRY, TEXT);
    expect(readFileSync(join(dir, ENTRY.file), "utf8")).toBe(TEXT);
    const after = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).reports;
    expect(after.slice(0, -1)).toEqual(others);
    expect(after.at(-1)).toEqual(ENTRY);
    expect(loadManifest(dir).map((e) => e.id)).toContain("test-2026");
  });

  test("refuses an existing id without force", () => {
    const dir = corpus();
    writeReport(dir, ENTRY, TEXT);
    const before = snapshot(dir);
    expect(() => writeReport(dir, ENTRY, "改过的\n")).toThrow(IngestError);
    expect(snapshot(dir)).toEqual(before);
  });

  test.each([1, 2])("a failure at rename %d of a new report leaves the corpus as it was", (n) => {
    const dir = corpus();
    const before = snapshot(dir);
    expect(() => writeReport(dir, ENTRY, TEXT, { fs: failingRename(n) })).toThrow(/语料库未改动/);
    expect(snapshot(dir)).toEqual(before);
  });

  test.each([1, 2, 3])("a failure at rename %d of a forced replacement restores the old report", (n) => {
    const dir = corpus();
    writeReport(dir, ENTRY, TEXT);
    const before = snapshot(dir);
    expect(() =>
      writeReport(dir, { ...ENTRY, notes: "new" }, "新的文本\n", { force: true, fs: failingRename(n) }),
    ).toThrow(/语料库未改动/);
    expect(snapshot(dir)).toEqual(before);
  });
});
