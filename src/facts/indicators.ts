import type { Indicator, Lexicon } from "./lexicon.ts";

const norm = (s: string) => s.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "");

function phrasesOf(ind: Indicator): string[] {
  return [ind.name, ...ind.terms, ...ind.aliases];
}

export type IndicatorMatch =
  | { kind: "one"; indicator: Indicator }
  | { kind: "unknown"; suggestions: string[] };

/**
 * What a user typed as an indicator: a name, term or alias (any case), else the longest phrase it
 * contains ("今年GDP目标" → GDP). Unknown input gets the closest display names as suggestions.
 */
export function resolveIndicator(input: string, lex: Lexicon): IndicatorMatch {
  const q = norm(input);
  if (q === "") return { kind: "unknown", suggestions: [] };
  for (const ind of lex.indicators) {
    if (phrasesOf(ind).some((p) => norm(p) === q)) return { kind: "one", indicator: ind };
  }
  const found = findIndicatorInText(input, lex);
  if (found) return { kind: "one", indicator: found.indicator };
  // A fragment of a phrase ("研发" of 研发投入): the indicator whose shortest phrase holds it.
  if (q.length >= 2) {
    let best: { ind: Indicator; len: number } | null = null;
    for (const ind of lex.indicators) {
      for (const p of phrasesOf(ind)) {
        if (norm(p).includes(q) && (!best || p.length < best.len)) best = { ind, len: p.length };
      }
    }
    if (best) return { kind: "one", indicator: best.ind };
  }
  return { kind: "unknown", suggestions: suggestIndicators(q, lex) };
}

/** The indicator named in free text, by its longest phrase; null when none is named. */
export function findIndicatorInText(
  text: string,
  lex: Lexicon,
): { indicator: Indicator; phrase: string } | null {
  const q = norm(text);
  let best: { indicator: Indicator; phrase: string } | null = null;
  for (const ind of lex.indicators) {
    for (const p of phrasesOf(ind)) {
      if (q.includes(norm(p)) && (!best || p.length > best.phrase.length))
        best = { indicator: ind, phrase: p };
    }
  }
  return best;
}

function suggestIndicators(q: string, lex: Lexicon): string[] {
  const scored = lex.indicators
    .map((ind) => {
      const score = Math.max(...phrasesOf(ind).map((p) => overlap(q, norm(p))));
      return { name: ind.name, score };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, 5).map((s) => s.name);
}

function overlap(a: string, b: string): number {
  let n = 0;
  for (const ch of new Set(a)) if (b.includes(ch)) n++;
  return n / Math.max(a.length, 1);
}
