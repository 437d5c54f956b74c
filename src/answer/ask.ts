/**
 * /ask: the best passages for a free question, each quoted by its best sentence. A question asking
 * for a number gets the clause holding that number as its answer line.
 */
import type { Region, Report } from "../corpus/corpus.ts";
import { findRegionsInText } from "../corpus/regions.ts";
import type { Paragraph } from "../corpus/structure.ts";
import type { EngineParts } from "../engine.ts";
import { findIndicatorInText } from "../facts/indicators.ts";
import { type Hit, searchParagraphs } from "../search/search-index.ts";
import { citationOf, failure } from "./build.ts";
import { MESSAGES } from "./messages.ts";
import type { Answer, Citation } from "./schema.ts";

export const PAGE_SIZE = 3;
const MAX_PAGES = 5;
// Asking for an amount: 多少/几/数量… or naming an indicator with a number in it.
const NUMERIC_QUESTION =
  /多少|几[个家项座条所次年万亿]?|数量|规模|总量|金额|比重|占比|增速|增幅|增长|下降|达到|多大|多高|多长|多快|目标/;
const YEAR = /(?<!\d)(19[5-9]\d|20\d\d)(?:年)?(?!\d)/;

export interface AskScope {
  regions: Region[];
  year: number | null;
}

/** Regions and year named in a question; the year selects that report where a region has several. */
export function scopeOf(parts: EngineParts, question: string, yearOption: number | null): AskScope {
  const regions = findRegionsInText(question, parts.corpus.regions).map((h) => h.region);
  const y = yearOption ?? Number(question.match(YEAR)?.[1] ?? Number.NaN);
  return { regions, year: Number.isNaN(y) ? null : y };
}

function reportsInScope(parts: EngineParts, scope: AskScope): Report[] {
  const named = scope.regions.length > 0;
  const regions = named ? scope.regions : parts.corpus.regions;
  const ofYear = regions.flatMap((region) => region.reports.filter((r) => r.year === scope.year));
  // A year picks that year's reports; without one (or with none of that year) a named region is asked
  // about in its latest report, and an unscoped question searches every report.
  if (ofYear.length > 0) return ofYear;
  return named ? regions.flatMap((region) => region.reports.slice(0, 1)) : parts.corpus.reports;
}

export interface QueryTerms {
  /** Terms of the question itself. */
  own: string[];
  /** Own terms plus lexicon synonyms of an indicator it names. */
  all: string[];
}

export function queryTerms(parts: EngineParts, question: string, scope: AskScope): QueryTerms {
  let text = question;
  for (const r of scope.regions) for (const name of [r.name, ...r.aliases]) text = text.split(name).join(" ");
  text = text.replace(YEAR, " ");
  const own = [...new Set(parts.tokenizer.tokenize(text))];
  const all = [...own];
  const ind = findIndicatorInText(text, parts.lexicon);
  // Query expansion from the lexicon: GDP ↔ 地区生产总值 ↔ 国内生产总值, 社零 ↔ 社会消费品零售总额.
  if (ind) for (const t of ind.indicator.terms.slice(0, 3)) all.push(...parts.tokenizer.tokenize(t));
  return { own, all: [...new Set(all)] };
}

// Below this share of the question's weight matched in one sentence, the reports do not answer it.
const MIN_COVERAGE = 0.4;

/**
 * Share of the question's content terms (two characters or more, weighted by rarity) found in the
 * sentence; a term the lexicon expanded counts when any of its synonyms is there.
 */
function coverage(parts: EngineParts, q: QueryTerms, s: ScoredSentence): number {
  const content = q.own.filter((t) => t.length >= 2);
  if (content.length === 0) return 1;
  const expandedHit = s.matched.some((t) => !q.own.includes(t));
  let total = 0;
  let hit = 0;
  for (const t of content) {
    const w = parts.stats.idf(t);
    total += w;
    if (s.matched.includes(t) || (expandedHit && parts.lexicon.indicators.some((i) => i.aliases.includes(t))))
      hit += w;
  }
  return total === 0 ? 1 : hit / total;
}

// Tense cues: a question about what was done prefers the review, one about plans the plan sections.
const PAST = /了|已|去年|过去|上年|完成|实现|取得|建成/;
const FUTURE = /目标|计划|今年|将|要|力争|预期|打算/;
const CANDIDATES = 30;

export function ask(
  parts: EngineParts,
  question: string,
  opts: { year: number | null; page: number },
): Answer {
  const command = "ask";
  const scope = scopeOf(parts, question, opts.year);
  const reports = reportsInScope(parts, scope);
  const q = queryTerms(parts, question, scope);
  const terms = q.all;
  if (terms.length === 0) return failure(command, "bad_input", MESSAGES.noContent);
  const page = Math.min(Math.max(1, opts.page), MAX_PAGES);
  const hits = searchParagraphs(parts.index, terms, new Set(reports.map((r) => r.id)), CANDIDATES);
  if (hits.length === 0) return failure(command, "not_found", MESSAGES.notFoundAsk);

  const numeric = NUMERIC_QUESTION.test(question) || findIndicatorInText(question, parts.lexicon) !== null;
  const cues = { numeric, past: PAST.test(question), future: FUTURE.test(question) };
  const ranked = rerank(parts, hits, terms, cues);
  const shown = ranked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  if (shown.length === 0) return failure(command, "not_found", "没有更多结果了。");
  const citations: Citation[] = shown.map((s) =>
    citationOf(parts.corpus, s.paragraph, s.sentence, s.matched),
  );
  const best = ranked[0] as ScoredSentence;
  if (coverage(parts, q, best) < MIN_COVERAGE) {
    // Say so, and show the nearest passages so the user can judge: never a guessed answer line.
    return failure(command, "not_found", MESSAGES.notFoundAsk, { citations });
  }
  const top = shown[0] as ScoredSentence;
  return {
    ok: true,
    command,
    // "历城优良天数" asks for a number without saying 多少: a number next to the matched terms counts too.
    answer: answerLine(parts, top, numeric || numberCloseness(top.sentence.toLowerCase(), top.matched) > 0.5),
    facts: [],
    citations,
    page: { page, hasMore: ranked.length > page * PAGE_SIZE && page < MAX_PAGES },
  };
}

interface ScoredSentence {
  paragraph: Paragraph;
  sentence: string;
  matched: string[];
  score: number;
}

interface Cues {
  numeric: boolean;
  past: boolean;
  future: boolean;
}

/**
 * BM25 finds candidate paragraphs; each is then scored by its best sentence (the rarest query terms
 * together in one sentence), so the quote shown first is the most precise one, not the shortest paragraph.
 */
function rerank(parts: EngineParts, hits: Hit[], terms: string[], cues: Cues): ScoredSentence[] {
  const weights = new Map(terms.map((t) => [t, parts.stats.idf(t)]));
  const topBm25 = hits[0]?.score ?? 1;
  const scored = hits.map((hit) => {
    const paragraph = parts.corpus.paragraphById.get(hit.paragraphId) as Paragraph;
    let best: ScoredSentence | null = null;
    for (const sentence of paragraph.sentences) {
      const lower = sentence.toLowerCase();
      const matched = terms.filter((t) => lower.includes(t));
      let score = matched.reduce((w, t) => w + (weights.get(t) ?? 0), 0);
      score += phraseBonus(lower, terms, weights);
      if (cues.numeric) score += 1.5 * numberCloseness(lower, matched);
      if (!best || score > best.score) best = { paragraph, sentence, matched, score };
    }
    const s = best ?? { paragraph, sentence: paragraph.text, matched: [], score: 0 };
    s.score += hit.score / topBm25;
    // What was done is the reports' firmest ground: without a future cue, the review leads a little.
    if (!cues.future && paragraph.sectionKind === "review") s.score += cues.past ? 0.5 : 0.25;
    if (cues.future && !cues.past && paragraph.sectionKind === "plan") s.score += 0.5;
    return s;
  });
  return scored.sort((a, b) => b.score - a.score);
}

/**
 * How closely a number follows or precedes a matched term: 1 for "减税降费26.86亿元" or "240个5G基站",
 * falling with the characters between ("减税降费因素后增长10.5%" scores lower), 0 when none is near.
 */
export function numberCloseness(sentence: string, matched: readonly string[]): number {
  let best = 0;
  for (const t of matched) {
    if (t.length < 2 || /^\d/.test(t)) continue;
    let at = sentence.indexOf(t);
    while (at >= 0) {
      const after = sentence.slice(at + t.length, at + t.length + 9).search(/\d/);
      const beforeText = sentence.slice(Math.max(0, at - 9), at);
      const beforeDigit = beforeText.search(/\d[^\d]*$/);
      const gapBefore = beforeDigit < 0 ? -1 : beforeText.length - beforeDigit - 1;
      for (const gap of [after, gapBefore]) if (gap >= 0) best = Math.max(best, 1 / (1 + gap / 2));
      at = sentence.indexOf(t, at + 1);
    }
  }
  return best;
}

/** Adjacent query terms that stand together in the sentence ("稷下学宫遗址" whole, not scattered). */
function phraseBonus(
  sentence: string,
  terms: readonly string[],
  weights: ReadonlyMap<string, number>,
): number {
  let bonus = 0;
  for (let i = 0; i + 1 < terms.length; i++) {
    const a = terms[i] as string;
    const b = terms[i + 1] as string;
    if (sentence.includes(a + b)) bonus += ((weights.get(a) ?? 0) + (weights.get(b) ?? 0)) / 2;
  }
  return bonus;
}

function answerLine(parts: EngineParts, top: ScoredSentence, numeric: boolean): string {
  const report = parts.corpus.reportById.get(top.paragraph.reportId);
  const where = report ? `${report.region}（${report.year}年报告）` : "";
  const text = numeric ? (numberClause(parts, top) ?? top.sentence) : top.sentence;
  return `${where}：${text}`;
}

/** The clause holding a number next to the rarest matched terms, with the clause before it when that names the subject. */
function numberClause(parts: EngineParts, s: ScoredSentence): string | null {
  const clauses = s.sentence.split(/(?<=[，,；;。：:])/);
  const weightIn = (text: string) =>
    s.matched.reduce((w, t) => w + (text.toLowerCase().includes(t) ? parts.stats.idf(t) : 0), 0);
  let best: { text: string; score: number } | null = null;
  for (const [i, clause] of clauses.entries()) {
    if (!/\d/.test(clause)) continue;
    const own = weightIn(clause);
    const prev = clauses[i - 1] ?? "";
    const fromPrev = own === 0 ? weightIn(prev) / 2 : 0;
    const score = own + fromPrev;
    if (score === 0 || (best && score <= best.score)) continue;
    best = { text: (fromPrev > 0 ? prev + clause : clause).replace(/[，,；;。：:]$/, ""), score };
  }
  return best?.text ?? null;
}
