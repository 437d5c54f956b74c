/**
 * The only module that imports jieba. Documents and queries go through the same `tokenize`, so a term
 * indexed from a report is the term a question produces.
 *
 * Two ways to cut, with the same result:
 * - `Tokenizer.full` loads jieba's whole dictionary plus the corpus's words (~49 MiB of native memory per
 *   process): the store build, which cuts every report.
 * - `Tokenizer.onDemand` keeps the dictionary in the store (the `dictionary` table, shared by every process
 *   through the file) and, for each text, builds a jieba holding only the dictionary words that occur in
 *   that text. jieba's cut of a text depends only on those words, their frequencies and the dictionary's
 *   total frequency (a filler entry keeps the total), so the cut is jieba's own: the tests compare both
 *   over whole reports. Serving processes cut short questions, so this costs them well under a
 *   millisecond and no dictionary in memory.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import type { Jieba } from "@node-rs/jieba";
import { CorpusError } from "../errors.ts";

const require = createRequire(import.meta.url);
const jiebaModule = () => require("@node-rs/jieba") as typeof import("@node-rs/jieba");
// jieba's own dictionary file (dict.txt, 5 MB): read only by `Tokenizer.full` and `dictionaryOf`.
const jiebaDictionary = () =>
  (require("@node-rs/jieba/dict.js") as typeof import("@node-rs/jieba/dict.js")).dict;

export interface TokenizerData {
  /** Lines of jieba's user-dictionary format: `word [freq] [tag]`. */
  userWords: readonly string[];
  stopWords: ReadonlySet<string>;
}

/** The dictionary jieba holds after loading its own and the user words: word → frequency. */
export interface Dictionary {
  words: ReadonlyMap<string, number>;
  /** Sum of all frequencies: jieba scores a word by log(freq / total). */
  total: number;
  /** The longest word, in code points. */
  maxLength: number;
}

/** Where `Tokenizer.onDemand` finds dictionary words: the store's `dictionary` table. */
export interface DictionarySource {
  total: number;
  maxLength: number;
  /** The entries among `candidates` (each a substring of the text to cut). */
  lookup(candidates: readonly string[]): Iterable<readonly [string, number]>;
}

// ASCII runs are cut out before jieba sees the text: jieba splits "3.56", "R&D" and "PM2.5".
const ASCII_RUN = /[A-Za-z0-9]+(?:[.&+][A-Za-z0-9]+)*/g;
const HAN = /\p{Script=Han}/u;
const PUNCT_ONLY = /^[\p{P}\p{S}\s]+$/u;
// A high frequency makes jieba keep domain terms whole rather than preferring its own splits.
const USER_WORD_FREQ = 200_000;
// Holds the rest of the total frequency in an on-demand jieba. Private-use characters: jieba never
// reads them as part of a word, so this entry never matches.
const FILLER = "\uE000\uE001";

type Cut = (chunks: readonly string[]) => string[][];

export class Tokenizer {
  readonly #cut: Cut;
  readonly #stop: ReadonlySet<string>;

  private constructor(cut: Cut, stopWords: ReadonlySet<string>) {
    this.#cut = cut;
    this.#stop = stopWords;
  }

  /** jieba with its whole dictionary and the user words: for cutting whole reports. */
  static full(data: TokenizerData): Tokenizer {
    const jieba = jiebaModule().Jieba.withDict(jiebaDictionary());
    if (data.userWords.length > 0) {
      jieba.loadDict(new TextEncoder().encode(`${userLines(data.userWords).join("\n")}\n`));
    }
    return new Tokenizer((chunks) => chunks.map((c) => jieba.cut(c, true)), data.stopWords);
  }

  /** jieba built per text from the dictionary words in it: for serving processes. */
  static onDemand(stopWords: ReadonlySet<string>, source: DictionarySource): Tokenizer {
    return new Tokenizer((chunks) => cutOnDemand(chunks, source), stopWords);
  }

  /** Raw segmentation (stop words kept), lowercased ASCII. */
  segment(text: string): string[] {
    // The text in order: ASCII runs as they are, the pieces between them to be cut.
    const pieces: { ascii: boolean; text: string }[] = [];
    let last = 0;
    for (const m of text.matchAll(ASCII_RUN)) {
      const at = m.index ?? 0;
      if (at > last) pieces.push({ ascii: false, text: text.slice(last, at) });
      pieces.push({ ascii: true, text: m[0].toLowerCase() });
      last = at + m[0].length;
    }
    if (last < text.length) pieces.push({ ascii: false, text: text.slice(last) });

    const han = pieces.filter((p) => !p.ascii && HAN.test(p.text)).map((p) => p.text);
    const cuts = han.length > 0 ? this.#cut(han) : [];
    const out: string[] = [];
    let next = 0;
    for (const p of pieces) {
      if (p.ascii) out.push(p.text);
      else if (HAN.test(p.text)) {
        for (const w of cuts[next++] ?? []) if (!PUNCT_ONLY.test(w)) out.push(w);
      } else {
        for (const piece of p.text.split(/\s+/)) if (piece && !PUNCT_ONLY.test(piece)) out.push(piece);
      }
    }
    return out;
  }

  /** Index and query terms: segmented, without stop words, punctuation or whitespace. */
  tokenize = (text: string): string[] =>
    this.segment(text)
      .map(stripAspect)
      .filter((t) => !this.#stop.has(t));
}

/** Every substring of the chunks up to the longest word, looked up at once; then one small jieba. */
function cutOnDemand(chunks: readonly string[], source: DictionarySource): string[][] {
  const candidates = new Set<string>();
  for (const chunk of chunks) {
    const cps = [...chunk];
    for (let i = 0; i < cps.length; i++) {
      let word = "";
      for (let j = i; j < Math.min(cps.length, i + source.maxLength); j++) {
        word += cps[j];
        candidates.add(word);
      }
    }
  }
  const lines: string[] = [];
  let sum = 0;
  for (const [word, freq] of source.lookup([...candidates])) {
    lines.push(`${word} ${freq}`);
    sum += freq;
  }
  lines.push(`${FILLER} ${Math.max(0, source.total - sum)}`);
  const jieba: Jieba = jiebaModule().Jieba.withDict(new TextEncoder().encode(`${lines.join("\n")}\n`));
  return chunks.map((c) => jieba.cut(c, true));
}

/** The user words as dictionary lines, each with a frequency. */
function userLines(userWords: readonly string[]): string[] {
  return userWords.map((w) => (/\s\d+/.test(w) ? w.trim() : `${w.trim()} ${USER_WORD_FREQ}`));
}

/**
 * jieba's dictionary merged with the user words as `Tokenizer.full` holds it: a user word replaces the
 * frequency of the same word, and the total is the sum over the merged entries. The store keeps it.
 */
export function dictionaryOf(userWords: readonly string[]): Dictionary {
  const words = new Map<string, number>();
  const add = (line: string) => {
    const [word, freq] = line.trim().split(/\s+/);
    const n = Number(freq);
    if (word && Number.isFinite(n)) words.set(word, n);
  };
  for (const line of Buffer.from(jiebaDictionary()).toString("utf8").split("\n")) add(line);
  for (const line of userLines(userWords)) add(line);
  let total = 0;
  let maxLength = 0;
  for (const [word, freq] of words) {
    total += freq;
    maxLength = Math.max(maxLength, [...word].length);
  }
  return { words, total, maxLength };
}

// jieba keeps "建了", "完成了" whole; the aspect particle says nothing about the subject.
function stripAspect(t: string): string {
  return t.length >= 2 && /[了过着]$/.test(t) && /\p{Script=Han}/u.test(t) ? t.slice(0, -1) : t;
}

/** Reads the user dictionary and stop words from their data files (one entry a line, `#` comments). */
export function readTokenizerData(userDictPath: string, stopWordsPath: string): TokenizerData {
  return {
    userWords: readLines(userDictPath),
    stopWords: new Set(readLines(stopWordsPath)),
  };
}

function readLines(path: string): string[] {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new CorpusError(path, "(file)", path, "file not found (one entry a line, # comments)");
  }
  return readFileSync(path, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
}
