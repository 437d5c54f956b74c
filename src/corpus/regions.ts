import type { Region } from "./corpus.ts";
import { regionIndex } from "./region-index.ts";

export type RegionMatch =
  | { kind: "one"; region: Region }
  | { kind: "ambiguous"; candidates: Region[] }
  | { kind: "unknown"; closest: Region[] };

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[’'\s-]/g, "");

/** Names a user may type for a region: official name, aliases, and the name without its 区/市/省 suffix. */
export function regionNames(region: Region): string[] {
  const names = new Set([region.name, ...region.aliases]);
  const bare = region.name.replace(/(特别行政区|自治区|区|县|市|省)$/, "");
  if (bare.length >= 2) names.add(bare);
  return [...names];
}

/** Resolves what a user typed as a region option: exact name or alias, else a unique prefix. */
export function resolveRegion(input: string, regions: readonly Region[]): RegionMatch {
  const q = norm(input);
  if (q === "") return { kind: "unknown", closest: [] };
  const exact = regionIndex(regions, regionNames, norm).exact(q);
  if (exact.length === 1 && exact[0]) return { kind: "one", region: exact[0] };
  const prefixed = regionIndex(regions, regionNames, norm).prefixed(q);
  if (prefixed.length === 1 && prefixed[0]) return { kind: "one", region: prefixed[0] };
  if (prefixed.length > 1) return { kind: "ambiguous", candidates: prefixed };
  return { kind: "unknown", closest: closestRegions(q, regions) };
}

/** Regions named in free text, longest name first so 临淄区 wins over a shorter overlapping alias. */
export function findRegionsInText(
  text: string,
  regions: readonly Region[],
): { region: Region; name: string }[] {
  return regionIndex(regions, regionNames, norm).inText(text);
}

function closestRegions(q: string, regions: readonly Region[]): Region[] {
  const scored = regions.map((r) => ({
    r,
    score: Math.max(...regionNames(r).map((n) => sharedChars(q, norm(n)))),
  }));
  const best = Math.max(0, ...scored.map((s) => s.score));
  return best === 0 ? [] : scored.filter((s) => s.score === best).map((s) => s.r);
}

function sharedChars(a: string, b: string): number {
  let n = 0;
  for (const ch of new Set(a)) if (b.includes(ch)) n++;
  return n;
}
