/** Readers for the two source datasets (../shared/sources/SOURCES.md), validated at the edge with zod. */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import { parseCsvRecords } from "./csv.ts";

const NationalRow = z.object({
  title: z.string().min(1),
  url: z.string().min(1),
  content: z.string().min(1),
  year: z.coerce.number().int().min(1949).max(2100),
});
export type NationalRow = z.infer<typeof NationalRow>;

const ProvinceRow = z.object({
  province: z.string().min(1),
  year: z.coerce.number().int().min(1949).max(2100),
  title: z.string().min(1),
  source_url: z.string(),
  publish_date: z.string(),
  full_text: z.string().min(1),
});
export type ProvinceRow = z.infer<typeof ProvinceRow> & { file: string };

export function readNationalJsonl(path: string): NationalRow[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l, i) => {
      const parsed = NationalRow.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** Every `<year>_<province>_*.csv` in the folder (the collector's run manifest is not a report). */
export function readProvinceCsvs(dir: string): ProvinceRow[] {
  const out: ProvinceRow[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/^\d{4}_.+\.csv$/.test(name)) continue;
    const path = join(dir, name);
    for (const [i, rec] of parseCsvRecords(readFileSync(path, "utf8")).entries()) {
      const parsed = ProvinceRow.safeParse(rec);
      if (!parsed.success) throw new Error(`${path} row ${i + 2}: ${parsed.error.issues[0]?.message}`);
      out.push({ ...parsed.data, file: basename(path) });
    }
  }
  return out;
}
