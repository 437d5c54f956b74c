import { join } from "node:path";
import { z } from "zod";
import { readJson } from "../corpus/manifest.ts";
import { CorpusError } from "../errors.ts";

const IndicatorSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  /** Display name, used by the formatter. */
  name: z.string().min(1),
  /** Phrases as reports write them; extraction matches these (longest first). */
  terms: z.array(z.string().min(1)).min(1),
  /** What users type; query expansion and lookup match these and the terms. */
  aliases: z.array(z.string().min(1)).default([]),
  units: z.array(z.string().min(1)).default([]),
  /** Words that, right before a term, make it another indicator (海洋生产总值 is not GDP). */
  notAfter: z.array(z.string().min(1)).default([]),
  /** Words that, right after a term, make it something else (经济增长贡献率 is not GDP growth). */
  notBefore: z.array(z.string().min(1)).default([]),
  /**
   * The indicator a share of GDP of this one is: "研发经费支出相当于生产总值的比例2.5%" is R&D intensity,
   * not R&D spending. Without it, a share of GDP is dropped.
   */
  share: z.string().optional(),
  /** Narrower indicators to answer with when a report states none for this one (居民 → 城镇, 农村). */
  narrower: z.array(z.string()).default([]),
  /** Display name by report level where reports name it differently (国家: 国内生产总值). */
  levelNames: z.record(z.string(), z.string()).default({}),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

const LexiconSchema = z.object({
  indicators: z.array(IndicatorSchema).min(1),
  /** Compound subjects that stand for several indicators, e.g. 城乡居民人均可支配收入 → 城镇, 农村. */
  splits: z.array(z.object({ phrase: z.string().min(1), into: z.array(z.string()).min(2) })).default([]),
});
export type LexiconData = z.infer<typeof LexiconSchema>;

export interface Lexicon extends LexiconData {
  byId: ReadonlyMap<string, Indicator>;
}

export function loadLexicon(dir: string): Lexicon {
  const path = join(dir, "indicators.json");
  const raw = readJson(path);
  const parsed = LexiconSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorpusError(path, issue?.path.join(".") || "(root)", undefined, issue?.message ?? "invalid");
  }
  const byId = new Map<string, Indicator>();
  parsed.data.indicators.forEach((ind, i) => {
    if (byId.has(ind.id)) throw new CorpusError(path, `indicators.${i}.id`, ind.id, "duplicate id");
    byId.set(ind.id, ind);
  });
  parsed.data.indicators.forEach((ind, i) => {
    for (const id of ind.narrower) {
      if (!byId.has(id)) throw new CorpusError(path, `indicators.${i}.narrower`, id, "unknown indicator id");
    }
  });
  parsed.data.indicators.forEach((ind, i) => {
    if (ind.share && !byId.has(ind.share))
      throw new CorpusError(path, `indicators.${i}.share`, ind.share, "unknown indicator id");
  });
  parsed.data.splits.forEach((s, i) => {
    for (const id of s.into) {
      if (!byId.has(id)) throw new CorpusError(path, `splits.${i}.into`, id, "unknown indicator id");
    }
  });
  return { ...parsed.data, byId };
}

export { displayName } from "./display-name.ts";

/** Every phrase naming an indicator (terms and aliases), for query expansion and the user dictionary. */
export function lexiconPhrases(lex: Lexicon): string[] {
  const all = new Set<string>();
  for (const ind of lex.indicators) for (const p of [...ind.terms, ...ind.aliases, ind.name]) all.add(p);
  for (const s of lex.splits) all.add(s.phrase);
  return [...all];
}
