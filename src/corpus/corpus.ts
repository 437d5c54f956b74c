/**
 * Reports grouped into regions. The engine serves from the store (src/search/store.ts), which keeps
 * paragraphs on disk; `loadCorpus` parses every report in memory, for the store build, the audit and
 * add-report's checks.
 */
import { loadManifest, type ManifestReport } from "./manifest.ts";
import { groupRegions, type Region } from "./regions.ts";
import { type Paragraph, parseReport } from "./structure.ts";

export { groupRegions, type Region };

export interface Report extends ManifestReport {
  paragraphs: Paragraph[];
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
