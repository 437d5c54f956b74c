/**
 * Autocomplete for region and indicator over the engine's name index (MiniSearch: prefix and fuzzy
 * search over names, aliases, terms and pinyin with its initials). Discord asks on every keystroke and
 * gives us 3 s in total; the index is in memory and answers in well under a millisecond.
 */
import type { NameHit, NameIndex } from "../search/names.ts";
import { normName } from "../search/names.ts";
import { cutAtSentence } from "./markdown.ts";
import { LIMITS } from "./render.ts";

export interface Choice {
  name: string;
  value: string;
}

export class Autocomplete {
  constructor(private readonly names: NameIndex) {}

  region(typed: string): Choice[] {
    return this.names
      .search("region", String(typed ?? ""), LIMITS.choices)
      .map((h) => choice(h, h.entry.label));
  }

  /** Shows the synonym that matched: typing "GDP" offers "地区生产总值（GDP）". */
  indicator(typed: string): Choice[] {
    const q = normName(String(typed ?? ""));
    return this.names.search("indicator", String(typed ?? ""), LIMITS.choices).map((h) => {
      const { entry } = h;
      const hit =
        q && !normName(entry.value).includes(q)
          ? entry.words.find((w) => normName(w).includes(q))
          : undefined;
      return choice(h, hit && hit !== entry.value ? `${entry.label}（${hit}）` : entry.label);
    });
  }
}

function choice(h: NameHit, label: string): Choice {
  return {
    name: cutAtSentence(label, LIMITS.choiceName).text,
    value: h.entry.value.slice(0, LIMITS.choiceName),
  };
}
