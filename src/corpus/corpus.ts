/**
 * Reports grouped into regions. The engine serves from the store (src/search/store.ts), which keeps
 * paragraphs on disk; `loadCorpus` parses every report in memory, for the store build, the audit and
 * add-report's checks.
 */
import { loadManifest, type ManifestReport, type ReportEntry } from "./manifest.ts";
import { type Paragraph, parseReport } from "./structure.ts";

export interface Report extends ManifestReport {
  paragraphs: Paragraph[];
}

export interface Region<R extends ReportEntry = ReportEntry> {
  /** Official name, e.g. 临淄区. */
  name: string;
  /** Short name for tables and charts: 临淄区 → 临淄, 广西壮族自治区 → 广西 (its alias), else the name. */
  short: string;
  aliases: string[];
  level: ReportEntry["level"];
  /** Its reports, newest first. */
  reports: R[];
}

export interface Corpus {
  dir: string;
  reports: Report[];
  regions: Region<Report>[];
  paragraphById: ReadonlyMap<string, Paragraph>;
  reportById: ReadonlyMap<string, Report>;
}

export function loadCorpus(dir: string): Corpus {
  const reports = loadManifest(dir).map((entry) => ({
    ...entry,
    paragraphs: parseReport(entry.id, entry.text),
  }));
  const paragraphById = new Map<string, Paragraph>();
  for (const r of reports) for (const p of r.paragraphs) paragraphById.set(p.id, p);
  return {
    dir,
    reports,
    regions: groupRegions(reports),
    paragraphById,
    reportById: new Map(reports.map((r) => [r.id, r])),
  };
}

const SUFFIX = /(特别行政区|自治区|区|县|市|省)$/;

/** Regions in manifest order, each with its reports newest first and the aliases of all of them. */
export function groupRegions<R extends ReportEntry>(reports: readonly R[]): Region<R>[] {
  const byName = new Map<string, Region<R>>();
  for (const r of reports) {
    let region = byName.get(r.region);
    if (!region) {
      region = { name: r.region, short: r.region, aliases: [], level: r.level, reports: [] };
      byName.set(r.region, region);
    }
    for (const a of r.aliases) if (!region.aliases.includes(a)) region.aliases.push(a);
    region.reports.push(r);
  }
  for (const region of byName.values()) {
    region.reports.sort((a, b) => b.year - a.year);
    region.short = shortName(region.name, region.aliases);
  }
  return [...byName.values()];
}

function shortName(name: string, aliases: readonly string[]): string {
  const bare = name.replace(SUFFIX, "");
  let short = bare.length >= 2 ? bare : name;
  // "广西壮族自治区" is 广西 to everyone: an alias that starts the name and is shorter wins.
  for (const a of aliases) {
    if (a.length >= 2 && a.length < short.length && name.startsWith(a) && /^\p{Script=Han}+$/u.test(a)) short = a;
  }
  return short;
}
