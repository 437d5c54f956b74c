/**
 * The engine: the store (paragraphs, statements, full-text index) opened read-only, the report list
 * grouped into regions, the lexicon and the name index. Pure: no Discord, no terminal. Every front end
 * turns input into a typed Command and calls `execute` (src/answer/execute.ts).
 */
import { groupRegions, type Region } from "./corpus/regions.ts";
import type { Indicator, Lexicon, LexiconData } from "./facts/lexicon.ts";
import { NameIndex } from "./search/names.ts";
import { type ReportInfo, Store } from "./search/store.ts";
import { type EnsureOptions, ensureStore } from "./search/store-file.ts";
import { Tokenizer } from "./search/tokenizer.ts";

export const DEFAULT_CORPUS_DIR = "corpus";

export interface Engine {
  store: Store;
  reports: readonly ReportInfo[];
  reportById: ReadonlyMap<string, ReportInfo>;
  regions: readonly Region<ReportInfo>[];
  lexicon: Lexicon;
  names: NameIndex;
  /** The tokenizer queries go through: jieba over the store's dictionary table (src/search/tokenizer.ts). */
  tokenizer(): Tokenizer;
}

/** The engine over an existing store file. */
export function openEngine(storePath: string): Engine {
  const store = new Store(storePath);
  const data = store.metaJson<LexiconData>("lexicon");
  const lexicon: Lexicon = {
    ...data,
    byId: new Map<string, Indicator>(data.indicators.map((i) => [i.id, i])),
  };
  let tokenizer: Tokenizer | undefined;
  return {
    store,
    reports: store.reports,
    reportById: new Map(store.reports.map((r) => [r.id, r])),
    regions: groupRegions(store.reports),
    lexicon,
    names: new NameIndex(() => store.names()),
    tokenizer() {
      if (!tokenizer) {
        const { stopWords } = store.metaJson<{ stopWords: string[] }>("tokenizer");
        tokenizer = Tokenizer.onDemand(new Set(stopWords), store.dictionary());
      }
      return tokenizer;
    },
  };
}

/** The engine for a corpus directory: its store built or rebuilt first when missing or stale. */
export async function loadEngine(dir: string, opts: EnsureOptions = {}): Promise<Engine> {
  return openEngine((await ensureStore(dir, opts)).path);
}
