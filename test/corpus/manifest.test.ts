import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { loadCorpus } from "../../src/corpus/corpus.ts";
import { CorpusError } from "../../src/errors.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A corpus dir with two real reports whose manifest the test may spoil. */
function fixture(edit: (manifest: { reports: Record<string, unknown>[] }) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), "zb-corpus-"));
  dirs.push(dir);
  mkdirSync(join(dir, "reports"));
  const manifest = JSON.parse(readFileSync("corpus/manifest.json", "utf8"));
  manifest.reports = manifest.reports.filter((r: { id: string }) =>
    ["linzi-2023", "national-2024"].includes(r.id),
  );
  for (const r of manifest.reports) copyFileSync(join("corpus", r.file), join(dir, r.file));
  edit(manifest);
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
  return dir;
}

function loadError(dir: string): CorpusError {
  try {
    loadCorpus(dir);
  } catch (e) {
    if (e instanceof CorpusError) return e;
    throw e;
  }
  throw new Error("expected a CorpusError");
}

describe("corpus loading", () => {
  test("loads a valid corpus", () => {
    const c = loadCorpus(fixture());
    expect(c.reports.map((r) => r.id)).toEqual(["linzi-2023", "national-2024"]);
    expect(c.regions.map((r) => r.name)).toEqual(["临淄区", "全国"]);
  });

  test("a field of the wrong type names the file, the field and the value", () => {
    const e = loadError(fixture((m) => ((m.reports[0] as Record<string, unknown>).year = "2023年")));
    expect(e.file).toMatch(/manifest\.json$/);
    expect(e.field).toBe("reports.0.year");
    expect(e.message).toContain('"2023年"');
  });

  test("an unknown level is rejected", () => {
    const e = loadError(fixture((m) => ((m.reports[1] as Record<string, unknown>).level = "乡镇")));
    expect(e.field).toBe("reports.1.level");
    expect(e.message).toContain("乡镇");
  });

  test("a missing report file names the file", () => {
    const e = loadError(
      fixture((m) => ((m.reports[0] as Record<string, unknown>).file = "reports/nope.txt")),
    );
    expect(e.message).toContain("nope.txt");
    expect(e.message).toContain("file not found");
  });

  test("an empty report file is rejected", () => {
    const dir = fixture();
    writeFileSync(join(dir, "reports/linzi-2023.txt"), " \n\n");
    expect(loadError(dir).message).toContain("file is empty");
  });

  test("a duplicate id is rejected", () => {
    const e = loadError(fixture((m) => ((m.reports[1] as Record<string, unknown>).id = "linzi-2023")));
    expect(e.field).toBe("reports.1.id");
    expect(e.message).toContain("duplicate id");
  });

  test("a file that is not UTF-8 is rejected", () => {
    const dir = fixture();
    // "临淄" in GBK: valid Chinese text, but not UTF-8.
    writeFileSync(join(dir, "reports/national-2024.txt"), Buffer.from([0xc1, 0xd9, 0xd7, 0xcd, 0x0a]));
    const e = loadError(dir);
    expect(e.file).toMatch(/national-2024\.txt$/);
    expect(e.message).toContain("not valid UTF-8");
  });

  test("a manifest that is not JSON is rejected", () => {
    const dir = fixture();
    writeFileSync(join(dir, "manifest.json"), "{ reports: ");
    expect(loadError(dir).message).toContain("not valid JSON");
  });

  test("a missing manifest is rejected", () => {
    const dir = fixture();
    rmSync(join(dir, "manifest.json"));
    expect(loadError(dir).message).toContain("file not found");
  });
});
