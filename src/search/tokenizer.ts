/**
 * The only module that imports jieba. Documents and queries go through the same `tokenize`, so a term
 * indexed from a report is the term a question produces.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import type { Jieba } from "@node-rs/jieba";
import { CorpusError } from "../errors.ts";

// Loaded on the first Tokenizer, not at import: the dictionary costs ~50 ms, and /target never tokenises.
const require = createRequire(import.meta.url);
function newJieba(): Jieba {
  const { Jieba: JiebaClass } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
  const { dict } = require("@node-rs/jieba/dict.js") as typeof import("@node-rs/jieba/dict.js");
  return JiebaClass.withDict(dict);
}

export interface TokenizerData {
  /** Lines of jieba's user-dictionary format: `word [freq] [tag]`. */
  userWords: readonly string[];
  stopWords: ReadonlySet<string>;
}

// ASCII runs are cut out before jieba sees the text: jieba splits "3.56", "R&D" and "PM2.5".
const ASCII_RUN = /[A-Za-z0-9]+(?:[.&+][A-Za-z0-9]+)*/g;
const HAN = /\p{Script=Han}/u;
const PUNCT_ONLY = /^[\p{P}\p{S}\s]+$/u;

export class Tokenizer {
  readonly #jieba: Jieba;
  readonly #stop: ReadonlySet<string>;

  constructor(data: TokenizerData) {
    this.#jieba = newJieba();
    if (data.userWords.length > 0) {
      // A high frequency makes jieba keep domain terms whole rather than preferring its own splits.
      const lines = data.userWords.map((w) => (/\s\d+/.test(w) ? w : `${w.trim()} 200000`));
      this.#jieba.loadDict(new TextEncoder().encode(`${lines.join("\n")}\n`));
    }
    this.#stop = data.stopWords;
  }

  /** Raw segmentation (stop words kept), lowercased ASCII: for highlighting and clause matching. */
  segment(text: string): string[] {
    const out: string[] = [];
    let last = 0;
    for (const m of text.matchAll(ASCII_RUN)) {
      const at = m.index ?? 0;
      if (at > last) this.#cutInto(text.slice(last, at), out);
      out.push(m[0].toLowerCase());
      last = at + m[0].length;
    }
    if (last < text.length) this.#cutInto(text.slice(last), out);
    return out;
  }

  /** Index and query terms: segmented, without stop words, punctuation or whitespace. */
  tokenize = (text: string): string[] =>
    this.segment(text)
      .map(stripAspect)
      .filter((t) => !this.#stop.has(t));

  #cutInto(chunk: string, out: string[]): void {
    if (!HAN.test(chunk)) {
      for (const piece of chunk.split(/\s+/)) if (piece && !PUNCT_ONLY.test(piece)) out.push(piece);
      return;
    }
    for (const w of this.#jieba.cut(chunk, true)) {
      if (!PUNCT_ONLY.test(w)) out.push(w);
    }
  }
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
