/**
 * /ask: the best passages for a free question, each quoted by its best sentence. A question asking
 * for a number gets the clause holding that number as its answer line.
 */
import type { Region } from "../corpus/corpus.ts";
import type { Paragraph } from "../corpus/structure.ts";
import type { Engine } from "../engine.ts";
import { type Analysis, analyze } from "../query/analyze.ts";
import type { Hit, ReportInfo } from "../search/store.ts";
import { citationOf, failure } from "./build.ts";
import { MESSAGES } from "./messages.ts";
import type { Answer, Citation } from "./schema.ts";

export const PAGE_SIZE = 3;
const MAX_PAGES = 5;

export interface AskScope {
  regions: Region<ReportInfo>[];
  year: number | null;
}

/** Regions and year named in a question; the year selects that report where a region has several. */
export function scopeOf(a: Analysis, yearOption: number | null): AskScope {
  return { regions: a.regions.map((h) => h.region), year: yearOption ?? a.years[0] ?? null };
}

/**
 * The reports a question is asked of. A year picks the reports about it: that year's (its targets) and
 * the one reviewing it (usually the next year's). Without a year a named region is asked about in its
 * latest report and an unscoped question searches every report. `missingYear` is a named year no report
 * in scope speaks of: the answer says so instead of quoting another year.
 */
function reportsInScope(
  engine: Engine,
  scope: AskScope,
): { reports: readonly ReportInfo[] | null; missingYear: number | null } {
  const named = scope.regions.length > 0;
  const regions = named ? scope.regions : engine.regions;
  const y = scope.year;
  const aboutYear = (r: ReportInfo) => r.year === y || (r.reviewYear ?? r.year - 1) === y;
  const ofYear = y === null ? [] : regions.flatMap((region) => region.reports.filter(aboutYear));
  if (ofYear.length > 0) return { reports: ofYear, missingYear: null };
  const reports = named ? regions.flatMap((region) => region.reports.slice(0, 1)) : null;
  return { reports, missingYear: y };
}

export interface QueryTerms {
  /** Terms of the question itself. */
  own: string[];
  /** Own terms plus lexicon synonyms of an indicator it names. */
  all: string[];
}

export function queryTerms(engine: Engine, a: Analysis): QueryTerms {
  const tokenize = engine.tokenizer().tokenize;
  const own = [...new Set(tokenize(a.residue))];
  const all = [...own];
  // Query expansion from the lexicon: GDP ↔ 地区生产总值 ↔ 国内生产总值, 社零 ↔ 社会消费品零售总额.
  if (a.indicator) for (const t of a.indicator.indicator.terms.slice(0, 3)) all.push(...tokenize(t));
  return { own, all: [...new Set(all)] };
}

// Below this share of the question's weight matched in one sentence, the reports do not answer it.
const MIN_COVERAGE = 0.4;

/**
 * Share of the question's content terms (two characters or more, weighted by rarity) found in the
 * sentence; a term the lexicon expanded counts when any of its synonyms is there.
 */
function coverage(engine: Engine, q: QueryTerms, s: ScoredSentence): number {
  const content = q.own.filter((t) => t.length >= 2);
  if (content.length === 0) return 1;
  const expandedHit = s.matched.some((t) => !q.own.includes(t));
  let total = 0;
  let hit = 0;
  for (const t of content) {
    const w = engine.store.idf(t);
    total += w;
    if (
      s.matched.includes(t) ||
      (expandedHit && engine.lexicon.indicators.some((i) => i.aliases.includes(t)))
    )
      hit += w;
  }
  return total === 0 ? 1 : hit / total;
}

const CANDIDATES = 30;
const ASKS_HOW_MANY = /多少|几[个家项座条所次年万亿天人]/;

export function ask(
  engine: Engine,
  question: string,
  opts: { year: number | null; page: number },
  analysis: Analysis = analyze(engine, question),
): Answer {
  const command = "ask";
  const scope = scopeOf(analysis, opts.year);
  const { reports, missingYear } = reportsInScope(engine, scope);
  const q = queryTerms(engine, analysis);
  const terms = q.all;
  if (terms.length === 0) return failure(command, "bad_input", MESSAGES.noContent);
  const page = Math.min(Math.max(1, opts.page), MAX_PAGES);
  const hits = engine.store.search(terms, reports, CANDIDATES);
  if (hits.length === 0) return failure(command, "not_found", MESSAGES.notFoundAsk);
  if (missingYear !== null) {
    // "1990年物价" with no report of or about 1990: the nearest passages, never another year's answer.
    const near = rerank(engine, hits, terms, analysis.cues).slice(0, PAGE_SIZE);
    const citations = near.map((s) => citationOf(engine, s.paragraph, s.sentence, s.matched));
    const where = scope.regions.map((r) => r.name).join("、");
    return failure(command, "not_found", MESSAGES.noReportAbout(where, missingYear), { citations });
  }

  const { cues } = analysis;
  const all = rerank(engine, hits, terms, cues);
  // Past the first page only passages that answer the question as much as the first must: "临淄新建了
  // 多少充电桩" page 2 never drifts to 新建高标准农田 (a page with nothing relevant is not offered).
  const ranked = all.filter((s, i) => i < PAGE_SIZE || coverage(engine, q, s) >= MIN_COVERAGE);
  const shown = ranked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  if (shown.length === 0) return failure(command, "not_found", "没有更多结果了。");
  const citations: Citation[] = shown.map((s) => citationOf(engine, s.paragraph, s.sentence, s.matched));
  const best = ranked[0] as ScoredSentence;
  if (coverage(engine, q, best) < MIN_COVERAGE) {
    // Say so, and show the nearest passages so the user can judge: never a guessed answer line.
    return failure(command, "not_found", MESSAGES.notFoundAsk, { citations });
  }
  // "荔湾区的人口有多少" asks for a number; a best passage without one (人口计划生育服务) does not answer it.
  if (page === 1 && ASKS_HOW_MANY.test(analysis.text) && numberClause(engine, best) === null) {
    return failure(command, "not_found", MESSAGES.noNumber, { citations });
  }
  const top = shown[0] as ScoredSentence;
  return {
    ok: true,
    command,
    // "历城优良天数" asks for a number without saying 多少: a number next to the matched terms counts too.
    answer: answerLine(
      engine,
      top,
      cues.numeric || numberCloseness(top.sentence.toLowerCase(), top.matched) > 0.5,
    ),
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

type Cues = Analysis["cues"];

/**
 * BM25 finds candidate paragraphs; each is then scored by its best sentence (the rarest query terms
 * together in one sentence), so the quote shown first is the most precise one, not the shortest paragraph.
 */
function rerank(engine: Engine, hits: Hit[], terms: string[], cues: Cues): ScoredSentence[] {
  const weights = new Map(terms.map((t) => [t, engine.store.idf(t)]));
  const topBm25 = hits[0]?.score || 1;
  const scored = hits.flatMap((hit) => {
    const paragraph = engine.store.paragraph(hit.paragraphId);
    if (!paragraph) return [];
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
    return [s];
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

function answerLine(engine: Engine, top: ScoredSentence, numeric: boolean): string {
  const report = engine.reportById.get(top.paragraph.reportId);
  const where = report ? `${report.region}（${report.year}年报告）` : "";
  const text = numeric ? (numberClause(engine, top) ?? top.sentence) : top.sentence;
  return `${where}：${text}`;
}

/** The clause holding a number next to the rarest matched terms, with the clause before it when that names the subject. */
function numberClause(engine: Engine, s: ScoredSentence): string | null {
  const clauses = s.sentence.split(/(?<=[，,；;。：:])/);
  const weightIn = (text: string) =>
    s.matched.reduce((w, t) => w + (text.toLowerCase().includes(t) ? engine.store.idf(t) : 0), 0);
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
