import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { loadManifest } from "../../src/corpus/manifest.ts";
import { CorpusError } from "../../src/errors.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function corpusWith(extra: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "zhengbao-manifest-"));
  dirs.push(dir);
  mkdirSync(join(dir, "reports"));
  writeFileSync(join(dir, "reports", "a-2026.txt"), "各位代表：\n");
  const entry = {
    id: "a-2026",
    file: "reports/a-2026.txt",
    title: "t",
    region: "测试区",
    level: "区县",
    year: 2026,
    source: "s",
    ...extra,
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ reports: [entry] }));
  return dir;
}

describe("manifest fields from ingestion", () => {
  test("url, published, reviewYear and targetYear load when valid and stay optional", () => {
    const extra = {
      url: "https://www.gov.cn/a.html",
      published: "2026-01-26",
      reviewYear: 2025,
      targetYear: 2026,
    };
    expect(loadManifest(corpusWith(extra))[0]).toMatchObject(extra);
    expect(loadManifest(corpusWith({}))[0]?.reviewYear).toBeUndefined();
  });

  test.each([
    [{ published: "2026/01/26" }, "reports.0.published"],
    [{ reviewYear: "2025" }, "reports.0.reviewYear"],
    [{ targetYear: 2026.5 }, "reports.0.targetYear"],
    [{ url: "not a url" }, "reports.0.url"],
  ])("a bad value %j is a CorpusError naming %s", (extra, field) => {
    const dir = corpusWith(extra);
    expect(() => loadManifest(dir)).toThrow(CorpusError);
    expect(() => loadManifest(dir)).toThrow(field);
  });

  test.each(["../outside.txt", "reports/../../outside.txt", "/etc/passwd"])(
    "a file path leaving the corpus (%s) is refused",
    (file) => {
      const dir = corpusWith({ file });
      expect(() => loadManifest(dir)).toThrow(/inside the corpus directory/);
    },
  );
});
