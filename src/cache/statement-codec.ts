/**
 * The statement table in columns, for the cache file. Loading 291,000 statements (1000×) from JSON took
 * seconds and held a private copy of every quoted sentence; here each column is a Float64Array, every
 * distinct string is stored once, and a string found in its statement's paragraph (the sentence, the
 * clause) is stored as an offset and length and comes back as a slice of the corpus text, sharing its
 * memory. Generic over the Statement's fields, so the rule layer can add one without touching this file.
 */
import type { Paragraph } from "../corpus/structure.ts";
import type { Statement } from "../facts/extract.ts";

type Kind = "num" | "bool" | "str";

export interface StatementTable {
  count: number;
  keys: string[];
  kinds: Kind[];
  /** Distinct key orders; each statement names one. */
  shapes: number[][];
  strings: string[];
  shape: Uint16Array;
  /** The paragraph (ordinal) a statement's substrings are cut from; -1 for none. */
  paragraph: Int32Array;
  columns: Float64Array[];
}

// A string of at least this length found in the paragraph is stored as a slice: shorter ones are cheaper
// as shared table entries (V8 copies substrings under 13 characters anyway).
const MIN_SLICE = 13;
const LENGTH_BITS = 2 ** 16;
const NULL = Number.NaN;

export function encodeStatements(
  statements: readonly Statement[],
  paragraphs: readonly Paragraph[],
): StatementTable {
  const rows = statements as unknown as readonly Record<string, unknown>[];
  const ordinal = new Map(paragraphs.map((p, i) => [p.id, i]));
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  const shapes: number[][] = [];
  const shapeIndex = new Map<string, number>();
  const shape = new Uint16Array(rows.length);
  rows.forEach((row, i) => {
    const ks = Object.keys(row).map((k) => {
      let at = keyIndex.get(k);
      if (at === undefined) {
        at = keys.length;
        keyIndex.set(k, at);
        keys.push(k);
      }
      return at;
    });
    const sig = ks.join(",");
    let s = shapeIndex.get(sig);
    if (s === undefined) {
      s = shapes.length;
      shapeIndex.set(sig, s);
      shapes.push(ks);
    }
    shape[i] = s;
  });
  if (shapes.length > 0xffff) throw new Error("too many statement shapes");
  const kinds = keys.map((k) => kindOf(rows.map((r) => r[k])));
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const paragraph = new Int32Array(rows.length).fill(-1);
  rows.forEach((row, i) => {
    const at = typeof row.paragraphId === "string" ? ordinal.get(row.paragraphId) : undefined;
    if (at !== undefined) paragraph[i] = at;
  });
  const columns = keys.map((k, c) => {
    const col = new Float64Array(rows.length);
    rows.forEach((row, i) => {
      const v = row[k];
      if (v === null || v === undefined) col[i] = NULL;
      else if (kinds[c] === "num") col[i] = v as number;
      else if (kinds[c] === "bool") col[i] = v ? 1 : 0;
      else col[i] = stringCode(v as string, paragraphs[paragraph[i] as number], strings, stringIndex);
    });
    return col;
  });
  return { count: rows.length, keys, kinds, shapes, strings, shape, paragraph, columns };
}

export function decodeStatements(t: StatementTable, paragraphs: readonly Paragraph[]): Statement[] {
  const out = new Array<Statement>(t.count);
  for (let i = 0; i < t.count; i++) {
    const row: Record<string, unknown> = {};
    const p = paragraphs[t.paragraph[i] as number];
    for (const c of t.shapes[t.shape[i] as number] ?? []) {
      const v = (t.columns[c] as Float64Array)[i] as number;
      const kind = t.kinds[c];
      row[t.keys[c] as string] = Number.isNaN(v)
        ? null
        : kind === "num"
          ? v
          : kind === "bool"
            ? v === 1
            : stringOf(v, p, t.strings);
    }
    out[i] = row as unknown as Statement;
  }
  return out;
}

function kindOf(values: readonly unknown[]): Kind {
  const types = new Set(values.filter((v) => v !== null && v !== undefined).map((v) => typeof v));
  if (types.size === 0 || (types.size === 1 && types.has("string"))) return "str";
  if (types.size === 1 && types.has("number")) return "num";
  if (types.size === 1 && types.has("boolean")) return "bool";
  throw new Error(`statement field with values of types ${[...types].join(", ")}`);
}

// A table entry is its index (≥ 0); a slice of the paragraph is −(offset · 2¹⁶ + length) − 1.
function stringCode(
  s: string,
  p: Paragraph | undefined,
  strings: string[],
  index: Map<string, number>,
): number {
  if (p && s.length >= MIN_SLICE && s.length < LENGTH_BITS) {
    const at = p.text.indexOf(s);
    if (at >= 0) return -(at * LENGTH_BITS + s.length) - 1;
  }
  let i = index.get(s);
  if (i === undefined) {
    i = strings.length;
    index.set(s, i);
    strings.push(s);
  }
  return i;
}

function stringOf(code: number, p: Paragraph | undefined, strings: readonly string[]): string {
  if (code >= 0) return strings[code] as string;
  if (!p) throw new RangeError("a statement slice without its paragraph");
  const ref = -code - 1;
  const length = ref % LENGTH_BITS;
  const offset = (ref - length) / LENGTH_BITS;
  return p.text.slice(offset, offset + length);
}
