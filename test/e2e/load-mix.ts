// The mixed burst of the load tests (issue 13's "Done when"): 2,000 interactions at once, 200 of them
// /compare with charts, the rest the other commands, autocomplete and 查看原文 clicks, each from its own
// user (so the per-user limit is not what is measured). Region × indicator pairs keep most lookups and
// questions distinct; /compare has as many variants as indicator × kind × level give, as in real use.
import type { Engine } from "../../src/engine.ts";

export type LoadItem =
  | { kind: "command"; name: string; options: Record<string, string | number> }
  | { kind: "autocomplete"; name: string; options: Record<string, string>; focused: string }
  | { kind: "button"; customId: string };

const COUNTS = {
  compare: 200,
  ask: 500,
  target: 400,
  figure: 300,
  help: 100,
  reports: 100,
  autocomplete: 200,
  source: 200,
} as const;

export const LOAD_TOTAL = Object.values(COUNTS).reduce((a, b) => a + b, 0);

export function loadMix(engine: Engine): LoadItem[] {
  const regions = engine.regions.map((r) => r.short);
  const indicators = engine.lexicon.indicators.map((i) => i.name);
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
  const levels = ["省", "区县", "国家"];
  const citations = engine.reports.slice(0, 50).map((r) => `${r.id}#${1 + (r.paragraphCount > 3 ? 2 : 0)}`);
  const items: LoadItem[] = [];
  for (let n = 0; n < COUNTS.compare; n++) {
    const options: Record<string, string> = { indicator: pick(indicators.slice(0, 8), n) };
    if (n % 2) options.kind = "actual";
    options.level = pick(levels, Math.floor(n / 16));
    items.push({ kind: "command", name: "compare", options });
  }
  for (let n = 0; n < COUNTS.ask; n++) {
    const question = `${pick(regions, n)}${pick(indicators, Math.floor(n / regions.length) + n)}怎么样`;
    items.push({ kind: "command", name: "ask", options: { question } });
  }
  for (let n = 0; n < COUNTS.target; n++) {
    items.push({
      kind: "command",
      name: "target",
      options: { region: pick(regions, n), indicator: pick(indicators, n * 7) },
    });
  }
  for (let n = 0; n < COUNTS.figure; n++) {
    items.push({
      kind: "command",
      name: "figure",
      options: { region: pick(regions, n * 3), indicator: pick(indicators, n) },
    });
  }
  for (let n = 0; n < COUNTS.help; n++) items.push({ kind: "command", name: "help", options: {} });
  for (let n = 0; n < COUNTS.reports; n++) items.push({ kind: "command", name: "reports", options: {} });
  for (let n = 0; n < COUNTS.autocomplete; n++) {
    const typed = pick(regions, n).slice(0, 1 + (n % 2));
    items.push({
      kind: "autocomplete",
      name: "target",
      options: { region: typed, indicator: "" },
      focused: "region",
    });
  }
  for (let n = 0; n < COUNTS.source; n++)
    items.push({ kind: "button", customId: `zb1:src:${pick(citations, n)}` });
  // Interleaved, so charts and questions arrive among the quick ones as they would.
  return items
    .map((item, i) => ({ item, key: (i * 7919) % items.length }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

/** Percentile of a sorted list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
