import type { ReportEntry } from "./manifest.ts";
import { regionIndex } from "./region-index.ts";

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

export type RegionMatch<R extends Region = Region> =
  | { kind: "one"; region: R }
  | { kind: "ambiguous"; candidates: R[] }
  | { kind: "unknown"; closest: R[] };

/** The one normal form of a region name as typed: trimmed, lowercased, no spaces, apostrophes or dashes. */
export const normRegion = (s: string) =>
  s
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[’'\s-]/g, "");

/** Names a user may type for a region: official name, aliases, and the name without its 区/市/省 suffix. */
export function regionNames(region: Pick<Region, "name" | "aliases" | "short">): string[] {
  const names = new Set([region.name, ...region.aliases]);
  const bare = region.name.replace(/(特别行政区|自治区|区|县|市|省)$/, "");
  if (bare.length >= 2) names.add(bare);
  names.add(region.short);
  return [...names];
}

/**
 * Resolves what a user typed as a region option: exact name or alias, else a unique prefix. Unknown
 * input comes back with `closest` empty: the caller asks the name index (MiniSearch, fuzzy) for those.
 */
export function resolveRegion<R extends Region>(input: string, regions: readonly R[]): RegionMatch<R> {
  const q = normRegion(input);
  if (q === "") return { kind: "unknown", closest: [] };
  const index = regionIndex(regions, regionNames, normRegion);
  const exact = index.exact(q);
  if (exact.length === 1 && exact[0]) return { kind: "one", region: exact[0] };
  const prefixed = index.prefixed(q);
  if (prefixed.length === 1 && prefixed[0]) return { kind: "one", region: prefixed[0] };
  if (prefixed.length > 1) return { kind: "ambiguous", candidates: prefixed };
  return { kind: "unknown", closest: [] };
}

/** Regions named in free text, longest name first so 临淄区 wins over a shorter overlapping alias. */
export function findRegionsInText<R extends Region>(
  text: string,
  regions: readonly R[],
): { region: R; name: string }[] {
  return regionIndex(regions, regionNames, normRegion).inText(text);
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
    if (a.length >= 2 && a.length < short.length && name.startsWith(a) && /^\p{Script=Han}+$/u.test(a))
      short = a;
  }
  return short;
}
