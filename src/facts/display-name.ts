import type { Indicator } from "./lexicon.ts";

/** The name a report of this level uses for the indicator (国家: 国内生产总值). Zod-free for the serving path. */
export function displayName(ind: Pick<Indicator, "name" | "levelNames">, level: string): string {
  return ind.levelNames[level] ?? ind.name;
}
