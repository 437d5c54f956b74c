/**
 * Synthetic corpora for the benchmark: N copies of a set of shipped reports in a temp dir with their own
 * manifest. The set is the ORIGINAL twelve reports (BASE_IDS), so "1×" means what it meant in every
 * earlier run however much the shipped corpus grows. Copy 0 is those reports as shipped (same ids, same
 * regions), so the benchmark's questions
 * about real regions mean the same thing at every size. Copies 1…N-1 rename every region to a name made
 * of characters that occur nowhere in the shipped corpus: unique, never a real name, and never found in
 * a question about a real region. Report texts are hard links (verbatim copies), so the vocabulary stays
 * that of the shipped corpus while every posting list grows N-fold: the worst case for query latency.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface Entry {
  id: string;
  file: string;
  region: string;
  aliases: string[];
  title: string;
  [key: string]: unknown;
}

const DATA_FILES = ["indicators.json", "userdict.txt", "stopwords.txt"];

/** The corpus as it shipped when the benchmark was first run (232,568 characters): the unit of "1×". */
export const BASE_IDS = [
  "liwan-2023",
  "linan-2023",
  "licheng-2023",
  "linzi-2023",
  "national-2019",
  "national-2024",
  "national-2025",
  "beijing-2026",
  "tianjin-2026",
  "zhejiang-2026",
  "sichuan-2026",
  "guangdong-2026",
] as const;

/** Han characters absent from every data file of the corpus, in code point order. */
export function unusedHanChars(srcDir: string, count: number): string[] {
  const seen = new Set<string>();
  const files = [
    "manifest.json",
    ...DATA_FILES,
    ...readdirSync(join(srcDir, "reports")).map((f) => `reports/${f}`),
  ];
  for (const f of files) for (const ch of readFileSync(join(srcDir, f), "utf8")) seen.add(ch);
  const out: string[] = [];
  // CJK Unified Ideographs Extension A-free block: U+4E00..U+9FA5 holds all common and many rare characters.
  for (let cp = 0x4e00; cp <= 0x9fa5 && out.length < count; cp++) {
    const ch = String.fromCodePoint(cp);
    if (!seen.has(ch)) out.push(ch);
  }
  if (out.length < count) throw new Error(`only ${out.length} unused Han characters`);
  return out;
}

/** Region name number k (0-based) for a synthetic copy: two unused characters plus the original's suffix. */
function nameOf(k: number, pool: readonly string[], original: string): string {
  const a = pool[Math.floor(k / pool.length)];
  const b = pool[k % pool.length];
  const suffix = /[区县市省]$/.test(original) ? original.slice(-1) : "市";
  return `${a}${b}${suffix}`;
}

/**
 * Writes a corpus of `factor` copies of the reports `ids` of `srcDir` (in that order) into `outDir`
 * (which must be empty or absent). Returns the number of reports written.
 */
export function writeSyntheticCorpus(
  srcDir: string,
  factor: number,
  outDir: string,
  ids: readonly string[] = BASE_IDS,
): number {
  const all = JSON.parse(readFileSync(join(srcDir, "manifest.json"), "utf8")) as { reports: Entry[] };
  const byId = new Map(all.reports.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new Error(`${srcDir}/manifest.json lacks ${missing.join(", ")}`);
  const manifest = { reports: ids.map((id) => byId.get(id) as Entry) };
  const regions = [...new Set(manifest.reports.map((r) => r.region))];
  const needed = (factor - 1) * regions.length;
  // A pool of p characters gives p² two-character names.
  const pool = unusedHanChars(srcDir, Math.max(2, Math.ceil(Math.sqrt(needed + 1))));
  mkdirSync(join(outDir, "reports"), { recursive: true });
  for (const f of DATA_FILES) copyFileSync(join(srcDir, f), join(outDir, f));
  const reports: Entry[] = [];
  let n = 0;
  for (let copy = 0; copy < factor; copy++) {
    const renamed = new Map(
      regions.map((r, i) => [r, copy === 0 ? r : nameOf((copy - 1) * regions.length + i, pool, r)]),
    );
    for (const entry of manifest.reports) {
      const id = copy === 0 ? entry.id : `${entry.id}-x${copy}`;
      const file = `reports/${id}.txt`;
      linkOrCopy(join(srcDir, entry.file), join(outDir, file));
      const region = renamed.get(entry.region) ?? entry.region;
      const bare = region.slice(0, -1);
      reports.push(
        copy === 0
          ? { ...entry, file }
          : {
              ...entry,
              id,
              file,
              region,
              aliases: [bare],
              title: entry.title.replace(entry.region, region),
            },
      );
      n++;
    }
  }
  writeFileSync(join(outDir, "manifest.json"), JSON.stringify({ reports }));
  return n;
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
