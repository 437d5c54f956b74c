import { loadManifest, type ManifestReport } from "./manifest.ts";
import { type Paragraph, parseReport } from "./structure.ts";

export interface Report extends ManifestReport {
  paragraphs: Paragraph[];
}

export interface Region {
  /** Official name, e.g. 临淄区. */
  name: string;
  /** Short name for tables and charts: the name without 区/县/市/省 (临淄区 → 临淄), else the name. */
  short: string;
  aliases: string[];
  level: Report["level"];
  /** Its reports, newest first. */
  reports: Report[];
}

export interface Corpus {
  dir: string;
  reports: Report[];
  regions: Region[];
  paragraphById: ReadonlyMap<string, Paragraph>;
  reportById: ReadonlyMap<string, Report>;
}

export function loadCorpus(dir: string): Corpus {
  const reports = loadManifest(dir).map((entry) => ({
    ...entry,
    paragraphs: parseReport(entry.id, entry.text),
  }));
  const byName = new Map<string, Region>();
  for (const r of reports) {
    let region = byName.get(r.region);
    if (!region) {
      const bare = r.region.replace(/(特别行政区|自治区|区|县|市|省)$/, "");
      const short = bare.length >= 2 ? bare : r.region;
      region = { name: r.region, short, aliases: [], level: r.level, reports: [] };
      byName.set(r.region, region);
    }
    for (const a of r.aliases) if (!region.aliases.includes(a)) region.aliases.push(a);
    region.reports.push(r);
  }
  for (const region of byName.values()) region.reports.sort((a, b) => b.year - a.year);
  const paragraphById = new Map<string, Paragraph>();
  for (const r of reports) for (const p of r.paragraphs) paragraphById.set(p.id, p);
  return {
    dir,
    reports,
    regions: [...byName.values()],
    paragraphById,
    reportById: new Map(reports.map((r) => [r.id, r])),
  };
}
