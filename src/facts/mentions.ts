/** Indicator mentions in text: lexicon terms, longest first, minus denominators and look-alikes. */
import type { Lexicon } from "./lexicon.ts";
import type { NumberExpr } from "./numbers.ts";

// A mention right after 占/与/同 is a denominator or comparator ("占GDP比重", "与地区生产总值的比率");
// after 单位/万元 it is the base of an intensity ("单位地区生产总值二氧化碳排放下降3%").
const DENOMINATOR_BEFORE = /([占与同]|单位|万元|每万元|相当于)$/;
// A mention followed by 的比重/中的比重 is the whole a share is taken of ("服务业在国内生产总值中的比重").
const DENOMINATOR_AFTER = /^(中的?|的)(比重|比例|比率|占比)|^中占比/;

export interface Mention {
  start: number;
  end: number;
  ids: string[];
}

export interface Matcher {
  phrases: { phrase: string; ids: string[]; notAfter: string[]; notBefore: string[] }[];
  units: ReadonlyMap<string, readonly string[]>;
  /** Indicator id → the indicator its share of GDP is (研发经费 → 研发投入强度). */
  shares: ReadonlyMap<string, string>;
}

/** A value whose unit the lexicon does not expect for the indicator belongs to something else. */
export function unitFits(matcher: Matcher, id: string, n: NumberExpr): boolean {
  const units = matcher.units.get(id) ?? [];
  return units.length === 0 || units.includes(n.unit) || n.unit === "个百分点";
}

export function buildMatcher(lex: Lexicon): Matcher {
  const phrases: Matcher["phrases"] = [];
  for (const ind of lex.indicators) {
    // Lexicons built in code (tests) may leave the optional lists out.
    for (const t of ind.terms)
      phrases.push({
        phrase: t,
        ids: [ind.id],
        notAfter: ind.notAfter ?? [],
        notBefore: ind.notBefore ?? [],
      });
  }
  for (const s of lex.splits) phrases.push({ phrase: s.phrase, ids: s.into, notAfter: [], notBefore: [] });
  phrases.sort((a, b) => b.phrase.length - a.phrase.length);
  const shares = new Map<string, string>();
  for (const i of lex.indicators) if (i.share) shares.set(i.id, i.share);
  return { phrases, units: new Map(lex.indicators.map((i) => [i.id, i.units])), shares };
}

/** Indicator mentions, longest match first, non-overlapping, in text order. */
export function findMentions(text: string, matcher: Matcher): Mention[] {
  const taken = new Array<boolean>(text.length).fill(false);
  const out: Mention[] = [];
  for (const { phrase, ids, notAfter, notBefore } of matcher.phrases) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(phrase, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + phrase.length;
      if (taken.slice(at, end).some(Boolean)) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      const before = text.slice(0, at);
      const after = text.slice(end);
      if (DENOMINATOR_BEFORE.test(before) || DENOMINATOR_AFTER.test(after)) continue;
      if (notAfter.some((p) => before.endsWith(p))) continue;
      if (notBefore.some((p) => after.startsWith(p))) continue;
      out.push({ start: at, end, ids });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
