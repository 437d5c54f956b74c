import type { Region } from "./corpus.ts";
import { regionIndex } from "./region-index.ts";

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
