/**
 * The names users type — regions (official and short names, aliases, pinyin and its initials),
 * indicators (names, terms, aliases, pinyin) and report ids and titles — in one small in-memory
 * MiniSearch index: prefix and fuzzy search for autocomplete, "did you mean" and suggestions. This is
 * the job MiniSearch was designed for; paragraphs live in the SQLite store.
 */
import MiniSearch from "minisearch";

export type NameKind = "region" | "indicator" | "report";

export interface NameEntry {
  kind: NameKind;
  /** What a choice puts in the option: the official region name, the indicator name, the report id. */
  value: string;
  /** What a list shows. */
  label: string;
  /** Written forms: names, aliases, terms, titles. */
  words: string[];
  /** Pinyin spellings and initials; the store computes them at build time (pinyin-pro is build-only). */
  sounds: string[];
  /** Order when matches tie (or nothing is typed): national, provinces, cities, districts; lexicon order. */
  rank: number;
}

export interface NameHit {
  entry: NameEntry;
  score: number;
}

/** The normal form of typed names: width-folded, lowercased, without spaces, apostrophes, dashes, dots. */
export const normName = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s'’\-·]/g, "");

interface Doc {
  id: number;
  kind: NameKind;
  words: string;
  sounds: string;
}

// Each name is one term: "临淄区" must prefix-match "临", not be cut into characters or words.
const SEP = "\u0001";

export class NameIndex {
  readonly #load: () => readonly NameEntry[];
  #built: { entries: NameEntry[]; search: MiniSearch<Doc> } | null = null;

  /**
   * Built on first use from the loader: a /target never needs it, and at 100× the corpus building it
   * takes ~40 ms of a start-up.
   */
  constructor(entries: readonly NameEntry[] | (() => readonly NameEntry[])) {
    this.#load = typeof entries === "function" ? entries : () => entries;
  }

  get #entries(): NameEntry[] {
    return this.#index().entries;
  }

  get #search(): MiniSearch<Doc> {
    return this.#index().search;
  }

  #index(): { entries: NameEntry[]; search: MiniSearch<Doc> } {
    if (this.#built) return this.#built;
    const entries = [...this.#load()];
    const search = new MiniSearch<Doc>({
      fields: ["words", "sounds"],
      storeFields: [],
      tokenize: (text) => text.split(SEP).filter(Boolean),
      processTerm: normName,
    });
    search.addAll(
      entries.map((e, id) => ({ id, kind: e.kind, words: e.words.join(SEP), sounds: e.sounds.join(SEP) })),
    );
    this.#built = { entries, search };
    return this.#built;
  }

  entries(kind: NameKind): NameEntry[] {
    return this.#entries.filter((e) => e.kind === kind);
  }

  /**
   * Entries of a kind for what was typed, best first: exact and prefix matches on written forms lead,
   * pinyin next, then fuzzy matches (one edit for short input, two for longer), ties by rank.
   */
  search(kind: NameKind, typed: string, limit: number): NameHit[] {
    const q = normName(typed).slice(0, 100);
    if (q === "")
      return this.entries(kind)
        .sort(byRank)
        .slice(0, limit)
        .map((entry) => ({ entry, score: 0 }));
    const hits = this.#search.search(q, {
      prefix: true,
      fuzzy: (term) => (term.length >= 4 ? 2 : term.length >= 2 ? 1 : 0),
      boost: { words: 2, sounds: 1 },
      weights: { prefix: 0.6, fuzzy: 0.3 },
      filter: (r) => this.#entries[r.id as number]?.kind === kind,
    });
    return hits
      .map((h) => ({ entry: this.#entries[h.id as number] as NameEntry, score: h.score }))
      .map((h) => ({ ...h, score: h.score + exactBonus(q, h.entry) }))
      .sort((a, b) => b.score - a.score || a.entry.rank - b.entry.rank)
      .slice(0, limit);
  }

  /** Values of the closest entries for input that matched nothing exactly: for "did you mean". */
  closest(kind: NameKind, typed: string, limit = 3): string[] {
    return [...new Set(this.search(kind, typed, limit * 2).map((h) => h.entry.value))].slice(0, limit);
  }
}

function byRank(a: NameEntry, b: NameEntry): number {
  return a.rank - b.rank;
}

// BM25 over one-term fields barely separates "临淄区" typed in full from "临" prefixing it: an exact
// written form always leads, a written prefix next.
function exactBonus(q: string, e: NameEntry): number {
  if (e.words.some((w) => normName(w) === q)) return 100;
  if (e.words.some((w) => normName(w).startsWith(q))) return 20;
  if (e.sounds.some((s) => s === q)) return 15;
  if (e.sounds.some((s) => s.startsWith(q))) return 10;
  return 0;
}
