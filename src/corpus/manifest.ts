import { existsSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { z } from "zod";
import { CorpusError } from "../errors.ts";

export const ReportEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes"),
  file: z.string().min(1),
  title: z.string().min(1),
  region: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  level: z.enum(["国家", "省", "市", "区县"]),
  city: z.string().nullable().default(null),
  province: z.string().nullable().default(null),
  year: z.number().int().min(1949).max(2100),
  source: z.string().min(1),
  notes: z.string().default(""),
  /** Where the text was published (a web page), when known. */
  url: z.url().optional(),
  /** The date the report was delivered or published, YYYY-MM-DD. */
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
    .optional(),
  /** The year the review part describes: a 2025 report reviews 2024. */
  reviewYear: z.number().int().min(1949).max(2100).optional(),
  /** The year the targets are for: a 2025 report sets 2025 targets. */
  targetYear: z.number().int().min(1949).max(2100).optional(),
});
export type ReportEntry = z.infer<typeof ReportEntrySchema>;

const ManifestSchema = z.object({ reports: z.array(ReportEntrySchema).min(1) });

export interface ManifestReport extends ReportEntry {
  /** The file's text, decoded as strict UTF-8. */
  text: string;
  /** Absolute or corpus-relative path actually read. */
  path: string;
}

/**
 * Reads and validates `manifest.json` and every report file it names. Any problem throws one
 * CorpusError naming the file, the field and the value.
 */
export function loadManifest(dir: string): ManifestReport[] {
  return readManifest(dir).map((entry, i) => ({ ...entry, ...readReportText(dir, entry, i) }));
}

/**
 * The validated manifest entries without their texts: the store is built one report at a time, so a
 * large corpus is never held in memory whole.
 */
export function readManifest(dir: string): ReportEntry[] {
  const manifestPath = join(dir, "manifest.json");
  const raw = readJson(manifestPath);
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    throw new CorpusError(
      manifestPath,
      path.join(".") || "(root)",
      valueAt(raw, path),
      issue?.message ?? "invalid",
    );
  }
  const seen = new Set<string>();
  // Two ids for one file would count every figure in it twice (and cite it under two names).
  const files = new Map<string, string>();
  for (const [i, entry] of parsed.data.reports.entries()) {
    if (seen.has(entry.id)) throw new CorpusError(manifestPath, `reports.${i}.id`, entry.id, "duplicate id");
    seen.add(entry.id);
    const target = resolve(dir, entry.file);
    const other = files.get(target);
    if (other !== undefined) {
      throw new CorpusError(manifestPath, `reports.${i}.file`, entry.file, `same file as report "${other}"`);
    }
    files.set(target, entry.id);
    // A manifest names files inside its corpus only: "../secrets.txt" would read outside it.
    const rel = relative(resolve(dir), resolve(dir, entry.file));
    if (isAbsolute(entry.file) || rel.startsWith("..") || isAbsolute(rel))
      throw new CorpusError(
        manifestPath,
        `reports.${i}.file`,
        entry.file,
        "file must be inside the corpus directory",
      );
  }
  return parsed.data.reports;
}

/** One report file as strict UTF-8 (a BOM dropped); `i` is the entry's index, for the error message. */
export function readReportText(dir: string, entry: ReportEntry, i: number): { text: string; path: string } {
  const path = join(dir, entry.file);
  if (!existsSync(path)) throw new CorpusError(path, `reports.${i}.file`, entry.file, "file not found");
  if (!statSync(path).isFile())
    throw new CorpusError(path, `reports.${i}.file`, entry.file, "not a regular file");
  return { text: decodeReport(readFileSync(path), path, entry, i), path };
}

/** A report's bytes as text: strict UTF-8, a BOM dropped, never empty. */
export function decodeReport(bytes: Uint8Array, path: string, entry: ReportEntry, i: number): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new CorpusError(path, `reports.${i}.file`, entry.file, "not valid UTF-8");
  }
  if (text.trim() === "") throw new CorpusError(path, `reports.${i}.file`, entry.file, "file is empty");
  return text;
}

export function readJson(path: string): unknown {
  if (!existsSync(path)) throw new CorpusError(path, "(file)", path, "file not found");
  const text = readFileSync(path, "utf8");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CorpusError(path, "(json)", text.slice(0, 40), `not valid JSON: ${(e as Error).message}`);
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
