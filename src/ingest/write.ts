/**
 * Adds one report to a corpus: the report file and its manifest entry, both or neither. Both are written
 * to temporary files first and renamed into place; if the second rename fails the first is undone.
 * Other reports' files are never opened for writing; their manifest entries are kept as they were.
 */
import * as nodeFs from "node:fs";
import { join } from "node:path";
import type { ReportEntry } from "../corpus/manifest.ts";
import { readJson } from "../corpus/manifest.ts";
import { IngestError } from "./formats/source.ts";

/** The file operations used, injectable so a test can make one of them fail. */
export interface WriteFs {
  writeFileSync: (path: string, data: string) => void;
  renameSync: (from: string, to: string) => void;
  rmSync: (path: string, opts?: { force?: boolean }) => void;
  existsSync: (path: string) => boolean;
}

// Key order and line grouping of manifest.json, so a diff shows the new entry and nothing else.
const LINES: string[][] = [
  ["id", "file", "title"],
  ["region", "aliases", "level", "city", "province"],
  ["year", "reviewYear", "targetYear", "published"],
  ["url"],
  ["source"],
  ["notes"],
];

function formatEntry(entry: Record<string, unknown>): string {
  const known = new Set(LINES.flat());
  const groups = [...LINES, Object.keys(entry).filter((k) => !known.has(k))]
    .map((keys) => keys.filter((k) => entry[k] !== undefined))
    .filter((keys) => keys.length > 0)
    .map(
      (keys) => `      ${keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(entry[k])}`).join(", ")}`,
    );
  return `    {\n${groups.join(",\n")}\n    }`;
}

export function formatManifest(reports: Record<string, unknown>[]): string {
  return `{\n  "reports": [\n${reports.map(formatEntry).join(",\n")}\n  ]\n}\n`;
}

export interface WriteResult {
  reportPath: string;
  manifestPath: string;
  replaced: boolean;
}

/**
 * Writes `reports/<id>.txt` and the manifest entry. An existing id is an error unless `force`; with
 * `force` the entry is replaced in place (same position in the manifest).
 */
export function writeReport(
  corpusDir: string,
  entry: ReportEntry,
  text: string,
  opts: { force?: boolean; fs?: WriteFs } = {},
): WriteResult {
  const fs = opts.fs ?? nodeFs;
  const manifestPath = join(corpusDir, "manifest.json");
  const raw = readJson(manifestPath) as { reports?: Record<string, unknown>[] };
  const reports = Array.isArray(raw.reports) ? [...raw.reports] : [];
  const at = reports.findIndex((r) => r.id === entry.id);
  const reportPath = join(corpusDir, entry.file);
  if ((at >= 0 || fs.existsSync(reportPath)) && !opts.force)
    throw new IngestError(`报告 ${entry.id} 已存在（${entry.file}）；确认要替换请加 --force`);
  const clash = reports.find((r) => r.file === entry.file && r.id !== entry.id);
  if (clash) throw new IngestError(`文件 ${entry.file} 已属于报告 ${String(clash.id)}`);
  if (at >= 0) reports[at] = { ...entry };
  else reports.push({ ...entry });

  const tag = `${process.pid}-${Date.now()}`;
  const reportTmp = `${reportPath}.tmp-${tag}`;
  const manifestTmp = `${manifestPath}.tmp-${tag}`;
  const backup = `${reportPath}.bak-${tag}`;
  const hadReport = fs.existsSync(reportPath);
  const cleanup = () => {
    fs.rmSync(reportTmp, { force: true });
    fs.rmSync(manifestTmp, { force: true });
  };
  try {
    fs.writeFileSync(reportTmp, text);
    fs.writeFileSync(manifestTmp, formatManifest(reports));
  } catch (e) {
    cleanup();
    throw new IngestError(`写入失败，语料库未改动：${(e as Error).message}`);
  }
  try {
    if (hadReport) fs.renameSync(reportPath, backup);
    fs.renameSync(reportTmp, reportPath);
  } catch (e) {
    if (hadReport && !fs.existsSync(reportPath) && fs.existsSync(backup)) fs.renameSync(backup, reportPath);
    cleanup();
    throw new IngestError(`写入失败，语料库未改动：${(e as Error).message}`);
  }
  try {
    fs.renameSync(manifestTmp, manifestPath);
  } catch (e) {
    // Undo the report file so the corpus is as it was.
    fs.rmSync(reportPath, { force: true });
    if (hadReport) fs.renameSync(backup, reportPath);
    cleanup();
    throw new IngestError(`写入失败，语料库未改动：${(e as Error).message}`);
  }
  if (hadReport) fs.rmSync(backup, { force: true });
  return { reportPath, manifestPath, replaced: at >= 0 };
}
