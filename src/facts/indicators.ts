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
  // A paraphrase holding nearly all its characters in one phrase ("农民人均收入" → 农民人均可支配收入).
  const [best, second] = scoreIndicators(q, lex);
  if (best && best.score >= 0.8 && (!second || second.score < best.score)) {
    return { kind: "one", indicator: best.ind };
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

function scoreIndicators(q: string, lex: Lexicon): { ind: Indicator; score: number }[] {
  return lex.indicators
    .map((ind) => ({ ind, score: Math.max(...phrasesOf(ind).map((p) => overlap(q, norm(p)))) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
}

function suggestIndicators(q: string, lex: Lexicon): string[] {
  return scoreIndicators(q, lex)
    .slice(0, 5)
    .map((s) => s.ind.name);
}

/** Share of the input's characters found in a phrase; Han characters only when the input has any. */
function overlap(a: string, b: string): number {
  const han = [...a].filter((ch) => /\p{Script=Han}/u.test(ch));
  const chars = han.length > 0 ? han : [...a];
  let n = 0;
  for (const ch of new Set(chars)) if (b.includes(ch)) n++;
  return n / Math.max(new Set(chars).size, 1);
}
