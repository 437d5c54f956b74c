/** A small corpus in a temp dir: two of the shipped reports with the shipped data files. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SOURCE = "corpus";
const REPORTS = ["linzi-2023", "national-2024"];
const DATA_FILES = ["indicators.json", "userdict.txt", "stopwords.txt"];

export interface Fixture {
  root: string;
  dir: string;
  cachePath: string;
  cleanup(): void;
}

export function makeFixture(reports: readonly string[] = REPORTS): Fixture {
  const root = mkdtempSync(join(tmpdir(), "zb-cache-"));
  const dir = join(root, "corpus");
  mkdirSync(join(dir, "reports"), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(SOURCE, "manifest.json"), "utf8")) as {
    reports: { id: string; file: string }[];
  };
  const kept = manifest.reports.filter((r) => reports.includes(r.id));
  for (const r of kept) copyFileSync(join(SOURCE, r.file), join(dir, r.file));
  for (const f of DATA_FILES) copyFileSync(join(SOURCE, f), join(dir, f));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ reports: kept }, null, 2));
  return {
    root,
    dir,
    cachePath: join(root, "cache", "index.zbi"),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Collects the lines a loader logs, instead of printing them. */
export function lines(): { log: (line: string) => void; lines: string[] } {
  const out: string[] = [];
  return { log: (l) => out.push(l), lines: out };
}
