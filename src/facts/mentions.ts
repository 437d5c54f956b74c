/** Indicator mentions in text: lexicon terms, longest first, minus denominators and look-alikes. */
import type { Lexicon } from "./lexicon.ts";
import type { NumberExpr } from "./numbers.ts";

// A mention right after 占/与/同 is a denominator or comparator ("占GDP比重", "与地区生产总值的比率").
const DENOMINATOR_BEFORE = /[占与同]$/;

export interface Mention {
  start: number;
  end: number;
  ids: string[];
}

export interface Matcher {
  phrases: { phrase: string; ids: string[]; notAfter: string[] }[];
  units: ReadonlyMap<string, readonly string[]>;
}

/** A value whose unit the lexicon does not expect for the indicator belongs to something else. */
export function unitFits(matcher: Matcher, id: string, n: NumberExpr): boolean {
  const units = matcher.units.get(id) ?? [];
  return units.length === 0 || units.includes(n.unit) || n.unit === "个百分点";
}

export function buildMatcher(lex: Lexicon): Matcher {
  const phrases: Matcher["phrases"] = [];
  for (const ind of lex.indicators) {
    for (const t of ind.terms) phrases.push({ phrase: t, ids: [ind.id], notAfter: ind.notAfter });
  }
  for (const s of lex.splits) phrases.push({ phrase: s.phrase, ids: s.into, notAfter: [] });
  phrases.sort((a, b) => b.phrase.length - a.phrase.length);
  return { phrases, units: new Map(lex.indicators.map((i) => [i.id, i.units])) };
}

/** Indicator mentions, longest match first, non-overlapping, in text order. */
export function findMentions(text: string, matcher: Matcher): Mention[] {
  const taken = new Array<boolean>(text.length).fill(false);
  const out: Mention[] = [];
  for (const { phrase, ids, notAfter } of matcher.phrases) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(phrase, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + phrase.length;
      if (taken.slice(at, end).some(Boolean)) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      const before = text.slice(0, at);
      if (DENOMINATOR_BEFORE.test(before)) continue;
      if (notAfter.some((p) => before.endsWith(p))) continue;
      out.push({ start: at, end, ids });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
