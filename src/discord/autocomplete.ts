/**
 * Autocomplete for region (names, aliases, pinyin and its initials) and indicator (name, terms, aliases,
 * pinyin). Pure and precomputed once: Discord asks on every keystroke and gives us 3 s in total.
 */
import { pinyin } from "pinyin-pro";
import type { Region } from "../corpus/corpus.ts";
import { regionNames } from "../corpus/regions.ts";
import type { Lexicon } from "../facts/lexicon.ts";
import { cutAtSentence } from "./markdown.ts";
import { LIMITS } from "./render.ts";

export interface Choice {
  name: string;
  value: string;
}

interface Entry {
  value: string;
  label: string;
  /** Written forms (names, aliases, terms): the best match ranks highest. */
  words: string[];
  /** Pinyin spellings and initials: a match here ranks just below the same match on a written form. */
  sounds: string[];
  /** Order when nothing (or everything equally) matches. */
  order: number;
}

const norm = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s'’\-·]/g, "");

function sounds(text: string): string[] {
  if (!/\p{Script=Han}/u.test(text)) return [];
  const syllables = pinyin(text, { toneType: "none", type: "array" });
  return [syllables.join(""), syllables.map((s) => s[0] ?? "").join("")].map(norm);
}

function matchScore(q: string, key: string): number {
  if (key === q) return 100;
  if (key.startsWith(q)) return 80 - Math.min(10, key.length - q.length);
  if (key.includes(q)) return 50;
  return isSubsequence(q, key) && /\p{Script=Han}/u.test(q) ? 20 : 0;
}

/** "临区" finds 临淄区: typed characters in order, others skipped (Chinese only; in Latin it is noise). */
function isSubsequence(q: string, key: string): boolean {
  let i = 0;
  for (const ch of key) if (ch === q[i]) i++;
  return i === q.length;
}

function score(q: string, e: Entry): number {
  const written = Math.max(0, ...e.words.map((w) => matchScore(q, w)));
  const spoken = Math.max(0, ...e.sounds.map((s) => matchScore(q, s) - 5));
  return Math.max(written, spoken);
}

const LEVEL_ORDER = ["国家", "省", "市", "区县"];

export class Autocomplete {
  private readonly regions: Entry[];
  private readonly indicators: Entry[];

  constructor(
    regions: readonly Region[],
    private readonly lexicon: Lexicon,
  ) {
    this.regions = regions.map((r, i) => {
      const names = regionNames(r);
      const years = r.reports.map((rep) => rep.year).join("、");
      return {
        value: r.name,
        label: `${r.name}（${r.level} · ${years}年报告）`,
        words: names.map(norm),
        sounds: names.flatMap(sounds),
        order: LEVEL_ORDER.indexOf(r.level) * 1000 + i,
      };
    });
    this.indicators = lexicon.indicators.map((ind, i) => {
      const phrases = [ind.name, ...ind.aliases, ...ind.terms];
      return {
        value: ind.name,
        label: ind.name,
        words: phrases.map(norm),
        sounds: [ind.name, ...ind.aliases].flatMap(sounds),
        order: i,
      };
    });
  }

  region(typed: string): Choice[] {
    return rank(this.regions, typed, () => null);
  }

  /** Shows the synonym that matched: typing "GDP" offers "地区生产总值（GDP）". */
  indicator(typed: string): Choice[] {
    return rank(this.indicators, typed, (e, q) => {
      const ind = this.lexicon.indicators.find((x) => x.name === e.value);
      const hit = ind && [...ind.aliases, ...ind.terms].find((p) => norm(p).includes(q) && p !== ind.name);
      return hit && !norm(e.value).includes(q) ? `${e.label}（${hit}）` : null;
    });
  }
}

function rank(entries: Entry[], typed: string, labelFor: (e: Entry, q: string) => string | null): Choice[] {
  const q = norm(String(typed ?? "")).slice(0, 100);
  const scored = entries
    .map((e) => ({ e, s: q === "" ? 1 : score(q, e) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.e.order - b.e.order);
  return scored.slice(0, LIMITS.choices).map(({ e }) => ({
    name: cutAtSentence((q && labelFor(e, q)) || e.label, LIMITS.choiceName).text,
    value: e.value.slice(0, LIMITS.choiceName),
  }));
}
