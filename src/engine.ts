/**
 * The engine: corpus, tokenizer, index and statements, loaded once; `run` answers one line.
 * Pure: no Discord, no terminal. Every front end calls `run` (or `runParsed`) and renders the Answer.
 */
import { join } from "node:path";
import { type Corpus, loadCorpus } from "./corpus/corpus.ts";
import { regionNames } from "./corpus/regions.ts";
import { extractStatements } from "./facts/extract.ts";
import { type Lexicon, lexiconPhrases, loadLexicon } from "./facts/lexicon.ts";
import { FactStore } from "./facts/lookup.ts";
import { buildIndex, type ParagraphIndex, type TermStats } from "./search/search-index.ts";
import { readTokenizerData, Tokenizer } from "./search/tokenizer.ts";

export const DEFAULT_CORPUS_DIR = "corpus";

export interface EngineParts {
  corpus: Corpus;
  lexicon: Lexicon;
  tokenizer: Tokenizer;
  /** MiniSearch when built here; src/cache loads a compact index with the same results. */
  index: ParagraphIndex;
  stats: TermStats;
  facts: FactStore;
}

/** The corpus directory: `--corpus DIR`, else ZHENGBAO_CORPUS, else corpus/. */
export function corpusDirFrom(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const at = argv.indexOf("--corpus");
  const fromArg =
    at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith("--corpus="))?.slice("--corpus=".length);
  return fromArg || env.ZHENGBAO_CORPUS || DEFAULT_CORPUS_DIR;
}

export function createTokenizer(dir: string, corpus: Corpus, lexicon: Lexicon): Tokenizer {
  const data = readTokenizerData(join(dir, "userdict.txt"), join(dir, "stopwords.txt"));
  // Indicator phrases and region names are domain words too: one source of truth, no copy in userdict.
  const names = corpus.regions.flatMap(regionNames).filter((n) => /\p{Script=Han}/u.test(n));
  return new Tokenizer({ ...data, userWords: [...data.userWords, ...lexiconPhrases(lexicon), ...names] });
}

export function loadEngineParts(dir: string): EngineParts {
  const corpus = loadCorpus(dir);
  const lexicon = loadLexicon(dir);
  const tokenizer = createTokenizer(dir, corpus, lexicon);
  const { index, stats } = buildIndex(corpus, tokenizer);
  const facts = new FactStore(extractStatements(corpus, lexicon));
  return { corpus, lexicon, tokenizer, index, stats, facts };
}
