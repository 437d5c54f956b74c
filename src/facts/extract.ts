/**
 * The numeric rule layer: indicator statements extracted from every sentence by general rules.
 * A statement's `text` is a clause of its sentence and holds the value's digits verbatim.
 * Which sentences are read, and as what, is contexts.ts; lists of subjects and values, lists.ts. This
 * file stays longer than most (~450 lines) because `extractSentence` walks a sentence's clauses once,
 * carrying the subject, its display group and the open list from clause to clause: split further, that
 * state would have to travel between files.
 */
import type { Corpus, Report } from "../corpus/corpus.ts";
import { type Paragraph, parseReport } from "../corpus/structure.ts";
import { type Context, LOOKING_BACK, sentenceContexts, TARGETS_PARAGRAPH, yearsOf } from "./contexts.ts";
import type { Lexicon } from "./lexicon.ts";
import { distribute } from "./lists.ts";
import { buildMatcher, findMentions, type Matcher, type Mention, unitFits } from "./mentions.ts";
import { findNumbers, type NumberExpr } from "./numbers.ts";
import { periodOf } from "./period.ts";
import { additionChange, namesTarget, numberDropped, outOfScope, partOfYear, shareTarget } from "./scope.ts";

export interface Statement {
  region: string;
  reportId: string;
  year: number;
  paragraphId: string;
  section: string;
  indicatorId: string;
  kind: "target" | "actual";
  horizon: "annual" | "multi-year";
  value: number | null;
  valueHigh: number | null;
  unit: string | null;
  change: string | null;
  qualifier: string | null;
  /** Digits as written, for the formatter. */
  digits: string | null;
  digitsHigh: string | null;
  /** The clause(s) holding the statement: an exact substring of `sentence`. */
  text: string;
  /** The sentence quoted as evidence: an exact substring of the paragraph. */
  sentence: string;
  /** From the 主要预期目标 paragraph: the most specific kind of target. */
  headline: boolean;
  /** Statements sharing a group come from one subject in one clause chain ("2778亿元、增长17.8%"). */
  group: string;
  /**
   * The year the figure describes, or the first year of its span: a 2025 report's review is about 2024
   * (manifest reviewYear), its targets about 2025 (targetYear); "年均增长5.9%" in a 十四五 review about 2021.
   */
  about: number;
  /** The last year of a span ("十四五": 2025), null for one year. */
  aboutEnd: number | null;
}

const CLAUSE_BREAK = /[，,；;：:]/;
const CHANGE =
  /(同比)?(增长|下降|提高|提升|降低|回落|减少|增加|上涨|上升|下跌|回升|微降|微涨|涨幅|增速|增幅|降幅)(?!到|至|值|额|量)/g;
const LEVEL_VERB =
  /(提高到|提高至|提升到|提升至|降低到|降低至|下降到|下降至|增加到|增加至|增至|降至|达到|达|实现|完成|突破|控制在|保持在|稳定在)/;
// A clause without its own subject continues the previous one: "实现地区生产总值67665亿元，增长5.5%".
// Older wording too: "按可比价格计算平均每年增长11.1%", "1987年提高到463元", "较“十三五”末净增1万亿元".
const CONTINUATION = new RegExp(
  "^((19|20|１９|２０)..年(为|是)?(?=[0-9０-９])|(19|20|１９|２０)..年)?(按可比价格计算|扣除[^，]{0,8}因素后?)?" +
    "(较[^，、增]{1,10}?|比[^，、增]{1,10}?)?(分别)?(稳步|持续|继续|首次|累计|转为|五年来?|十年来?|五年间|十年间)?" +
    "(同比|比上年|较上年|可比|实际|年均|平均每年|每年平均)?" +
    "((?<=年(为|是))|增长|下降|提高|降低|回落|减少|增加|上涨|达到|达|实现|完成|突破|超过|跨过|迈上|总量|规模|增速|增幅|净增|新增)",
);
// Within a "、" list a share also continues its subject: "研发投入增长21%、占GDP比重达到3.1%".
const LIST_CONTINUATION = new RegExp(`${CONTINUATION.source}|^占(GDP|地区生产总值|国内生产总值)`);
const FRONT_QUALIFIER = /(力争|预计|可比|超过|约)/;
const QUALITATIVE = /同步|保持|稳定|平衡|缩小|提质增效|合理增长|稳中有升|稳中有进|持续增长|基本持平/;
const MAX_GAP = 18;

interface Clause {
  start: number;
  end: number;
  text: string;
}

function clausesOf(sentence: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= sentence.length; i++) {
    if (i === sentence.length || CLAUSE_BREAK.test(sentence[i] ?? "")) {
      if (i > start) out.push({ start, end: i, text: sentence.slice(start, i) });
      start = i + 1;
    }
  }
  return out;
}

function stripEnd(s: string): string {
  return s.replace(/[。！？!?；;，,、：:”’）)]+$/, "");
}

export function extractStatements(corpus: Pick<Corpus, "reports">, lex: Lexicon): Statement[] {
  const matcher = buildMatcher(lex);
  return corpus.reports.flatMap((report) => extractReportStatements(report, matcher));
}

/** One report's statements: the store is built a report at a time. */
export function extractReportStatements(report: Report, matcher: Matcher): Statement[] {
  const out: Statement[] = [];
  let paragraphId = "";
  const previous: PreviousSubject = { id: null };
  for (const ctx of sentenceContexts(report)) {
    if (ctx.paragraph.id !== paragraphId) previous.id = null;
    paragraphId = ctx.paragraph.id;
    out.push(...extractSentence(ctx, matcher, previous));
  }
  return out;
}

/** The subject the previous sentence of the paragraph ended on, if it ended on one with a value. */
export interface PreviousSubject {
  id: string | null;
}

// A sentence that opens on a rate without a subject continues the last one of the sentence before:
// "地区生产总值达到1.2万亿元。五年年均增长6.1%。"
const OPENS_ON_RATE = /^(五年|十年)?(年均|平均每年)?(增长|增速)[0-9０-９]/;

export const PHRASE_PREFIX = "phrase:";

/**
 * Statements for a phrase the lexicon does not know ("5G基站", "充电桩"): in each clause naming it, the
 * number right after it ("新建充电桩1401座") or right before it ("240个5G基站"). Same rules for kind,
 * horizon and quotes as lexicon indicators; the indicator id is `phrase:<phrase>`.
 */
export function extractPhrase(report: Report, phrase: string, kind: Statement["kind"]): Statement[] {
  const out: Statement[] = [];
  for (const ctx of sentenceContexts(report)) {
    if (ctx.kind !== kind || !ctx.sentence.includes(phrase)) continue;
    clausesOf(ctx.sentence).forEach((clause, i) => {
      const at = clause.text.indexOf(phrase);
      if (at < 0) return;
      const end = at + phrase.length;
      const near = findNumbers(clause.text).find(
        (n) => (n.start >= end && n.start - end <= 8) || (n.end <= at && at - n.end <= 2),
      );
      if (near)
        out.push(
          statementOf(ctx, `${PHRASE_PREFIX}${phrase}`, near, clause.text, stripEnd(clause.text), `${i}`),
        );
    });
  }
  return out;
}

/**
 * Statements of one paragraph's text outside any corpus, as if it stood in a section of the given kind:
 * for tests and for checking a new report's sentences by hand.
 */
export function extractText(
  text: string,
  lex: Lexicon,
  opts: { kind: "target" | "actual"; region?: string; year?: number; multiYear?: boolean },
): Statement[] {
  const paragraph = { ...(parseReport("t", text)[0] as Paragraph), multiYear: opts.multiYear ?? false };
  const report = { id: "t", region: opts.region ?? "测试区", year: opts.year ?? 2023 } as Report;
  const matcher = buildMatcher(lex);
  const headline = opts.kind === "target" && TARGETS_PARAGRAPH.test(text);
  const horizon = opts.multiYear ? "multi-year" : "annual";
  const previous: PreviousSubject = { id: null };
  return paragraph.sentences.flatMap((sentence) =>
    extractSentence(
      {
        report,
        paragraph,
        sentence,
        kind: LOOKING_BACK.test(sentence) ? "actual" : opts.kind,
        horizon,
        headline,
      },
      matcher,
      previous,
    ),
  );
}

export function extractSentence(ctx: Context, matcher: Matcher, previous?: PreviousSubject): Statement[] {
  const { sentence } = ctx;
  const out: Statement[] = [];
  const carriedOver = previous?.id ?? null;
  if (previous) previous.id = null;
  // The last subject of the previous clause, and the display group its values belong to.
  type Carried = { ids: string[]; clause: Clause; group: string; skipped?: boolean };
  let carried: Carried | null = null;
  let totalOf: Carried | null = null;
  // Every clause subject so far, for values listed later without 分别.
  const subjects: { id: string; start: number }[] = [];
  let groupNo = 0;
  const clauses = clausesOf(sentence);
  const first = clauses[0];
  if (
    carriedOver &&
    first &&
    OPENS_ON_RATE.test(first.text) &&
    findMentions(first.text, matcher).length === 0
  ) {
    // The quote is this sentence's clause; its subject is the previous sentence's last.
    for (const n of findNumbers(first.text).slice(0, 1))
      if (unitFits(matcher, carriedOver, n))
        out.push(statementOf(ctx, carriedOver, n, first.text, stripEnd(first.text), `0:${carriedOver}`));
  }
  for (const clause of clauses) {
    if (clause === first && out.length > 0) continue;
    // A mention of a part (a sub-region, new registrations) stays as a blocker without ids, so its
    // numbers attach to nothing.
    const mentions = findMentions(clause.text, matcher).map((m) =>
      outOfScope(sentence, clause.start, clause.text, m) ? { ...m, ids: [], whole: m.ids } : m,
    );
    const partial = partOfYear(sentence.slice(0, clause.end));
    const numbers = partial
      ? []
      : findNumbers(clause.text).filter((n) => !numberDropped(clause.text.slice(0, n.start)));
    if (mentions.length === 0 && !carried && totalOf && /^总量/.test(clause.text)) carried = totalOf;
    if (mentions.length === 0 && carried && CONTINUATION.test(clause.text) && numbers.length > 0) {
      // The subject comes from the clause before: quote both clauses together.
      const text = stripEnd(sentence.slice(carried.clause.start, clause.end));
      if (numbers.length > 1) {
        // "城镇居民…17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%": one value per subject
        // named before, in order; when they do not pair up, none is attached.
        const owners = subjects.slice(-numbers.length);
        if (owners.length === numbers.length) {
          const from = owners[0]?.start ?? carried.clause.start;
          const chain = stripEnd(sentence.slice(from, clause.end));
          numbers.forEach((n, i) => {
            const id = owners[i]?.id;
            if (id && unitFits(matcher, id, n))
              out.push(
                statementOf(
                  ctx,
                  id,
                  n,
                  clause.text,
                  chain,
                  `${groupNo}:${id}`,
                  sentence.slice(from, clause.start),
                ),
              );
          });
        }
        continue;
      }
      for (const n of numbers) {
        for (const id of carried.ids.slice(0, 1)) {
          if (unitFits(matcher, id, n)) {
            const prefix = sentence.slice(carried.clause.start, clause.start);
            out.push(statementOf(ctx, id, n, clause.text, text, carried.group, prefix));
          }
        }
      }
      continue;
    }
    const listed = mentions.length === 0 ? distribute(clause.text, mentions, numbers, matcher) : null;
    if (listed) {
      // "单位国内生产总值用水量、能耗、二氧化碳排放量分别下降23%、15%、18%": no subject of its own, but
      // a list whose items name indicators with the first item's head.
      for (const [id, n] of listed)
        if (unitFits(matcher, id, n))
          out.push(statementOf(ctx, id, n, clause.text, stripEnd(clause.text), `${groupNo}:${id}`));
      carried = null;
      continue;
    }
    if (mentions.length === 0) {
      // A short aside without values ("实现历史性晋位") keeps the subject for the clause after it.
      if (numbers.length > 0 || clause.text.length > 12 || carried?.skipped) carried = null;
      else if (carried !== null) carried.skipped = true;
      continue;
    }
    groupNo++;
    const distributed = distribute(clause.text, mentions, numbers, matcher);
    if (distributed) {
      for (const [id, n] of distributed) {
        if (unitFits(matcher, id, n))
          out.push(statementOf(ctx, id, n, clause.text, stripEnd(clause.text), `${groupNo}:${id}`));
      }
      carried = null;
      continue;
    }
    // "由前三年分别上升4.9％、5.5％、0.2％": values listed with 分别 that pair with no subjects belong to none.
    const listedAt = clause.text.indexOf("分别");
    for (const n of numbers) {
      if (listedAt >= 0 && n.start > listedAt) continue;
      const owner = nearestMention(clause.text, mentions, n);
      const subject = owner?.ids.length === 1 ? owner.ids[0] : undefined;
      if (!owner || !subject) continue;
      // "研发投入增长21%、占GDP比重达到3.1%": the share is R&D intensity, not R&D spending.
      const gap = clause.text.slice(owner.end, n.start);
      // "经营主体“无事不扰”率达99.11%": a rate of something about the subject, not the subject.
      if (/(?<!增长|失业|赤字)率/.test(gap)) continue;
      // "国家财政收入的６０％左右要经过地方收交": a share of the subject, not its value or change.
      if (gap === "的" && n.unit === "%") continue;
      // "有进出口实绩的企业数量增长7%": a count of enterprises, unless the subject counts enterprises.
      const counts = (matcher.units.get(subject) ?? []).some((u) => /[家户]$/.test(u));
      if (!counts && /企业/.test(gap)) continue;
      const id = shareTarget(subject, gap, matcher.shares);
      if (!id || !unitFits(matcher, id, n)) continue;
      const st = statementOf(ctx, id, n, clause.text, stripEnd(clause.text), `${groupNo}:${owner.start}`);
      if (st.change === null && !gap.includes("、")) st.change = additionChange(clause.text, owner);
      // "略低于8%的预定目标": a target quoted in a review.
      if (namesTarget(clause.text.slice(0, n.start), sentence.slice(clause.start + n.end)))
        st.kind = "target";
      out.push(st);
    }
    const last = mentions.at(-1);
    if (numbers.length === 0 && ctx.kind === "target" && last) {
      // A target without a number ("一般公共预算收入与经济增长保持同步") is kept, value null.
      const subject = mentions[0];
      if (
        subject &&
        subject.ids.length === 1 &&
        subject.ids[0] &&
        subject.start <= 4 &&
        isQualitative(ctx, clause)
      ) {
        out.push(qualitativeOf(ctx, subject.ids[0], stripEnd(clause.text), `${groupNo}`));
      }
    }
    carried =
      last && last.ids.length === 1 ? { ids: last.ids, clause, group: `${groupNo}:${last.start}` } : null;
    // "新登记经营主体320万户、增长13%，总量达2037.7万户": the total is the whole's.
    const whole = last && "whole" in last ? (last.whole as string[]) : [];
    if (!carried && whole.length === 1 && last)
      totalOf = { ids: whole, clause, group: `${groupNo}:${last.start}` };
    else totalOf = null;
    if (last?.ids.length === 1 && last.ids[0]) subjects.push({ id: last.ids[0], start: clause.start });
  }
  if (previous) {
    const lastOut = out.at(-1);
    previous.id = lastOut && lastOut.value !== null ? lastOut.indicatorId : null;
  }
  return out;
}

function isQualitative(ctx: Context, clause: Clause): boolean {
  return (ctx.headline || /同步/.test(clause.text)) && QUALITATIVE.test(clause.text);
}

/** The mention a number belongs to: the nearest one before it, close enough, with no other value between. */
function nearestMention(text: string, mentions: Mention[], n: NumberExpr): Mention | null {
  let owner: Mention | null = null;
  for (const m of mentions) if (m.end <= n.start) owner = m;
  if (!owner) return null;
  const gap = text.slice(owner.end, n.start);
  // Years ("增长到2025年的") and the values before in the chain do not count as distance.
  const lastDigit = Math.max(
    ...[...gap.matchAll(/[0-9０-９][%％元户家人]?/g)].map((m) => (m.index ?? 0) + m[0].length),
    0,
  );
  const tail = gap
    .slice(gap.search(/(19|20)\d\d年的?$/) >= 0 ? 0 : lastDigit)
    .replace(/(19|20)\d\d年的?/g, "");
  if (tail.length > MAX_GAP) return null;
  // After "、" a new subject may start ("高新技术企业118家、省科技型中小企业234家"); only a
  // continuation ("、增长17.8%", "、总量达到555家") keeps the earlier subject.
  const afterList = gap.split("、").slice(1).at(-1);
  // "、超过6万亿元": the number's own lead word continues the subject too.
  if (afterList !== undefined && !LIST_CONTINUATION.test(afterList + text.slice(n.start, n.end))) {
    return null;
  }
  return owner;
}

function changeBefore(clause: string, n: NumberExpr): string | null {
  const before = clause.slice(0, n.start);
  if (LEVEL_VERB.test(before.slice(-4))) return null;
  let change: string | null = null;
  for (const m of before.matchAll(CHANGE)) change = m[2] ?? null;
  return change;
}

function statementOf(
  ctx: Context,
  indicatorId: string,
  n: NumberExpr,
  clause: string,
  text: string,
  group: string,
  /** The clauses this one continues ("实现地区生产总值67665亿元，" before "增长5.5%"). */
  prefix = "",
): Statement {
  const front = clause.slice(0, n.start).match(FRONT_QUALIFIER)?.[1];
  const qualifiers = [front && !(n.qualifier ?? "").includes(front) ? front : null, n.qualifier].filter(
    (q): q is string => !!q,
  );
  const change = changeBefore(clause, n);
  const before = prefix + clause.slice(0, n.start);
  const isLevel = change === null && n.unit !== "个百分点";
  return {
    ...base(ctx, indicatorId, text, group, before, isLevel),
    value: n.value,
    valueHigh: n.valueHigh,
    unit: n.unit,
    change,
    qualifier: qualifiers.length > 0 ? qualifiers.join("") : null,
    digits: n.digits,
    digitsHigh: n.digitsHigh,
  };
}

function qualitativeOf(ctx: Context, indicatorId: string, text: string, group: string): Statement {
  return {
    ...base(ctx, indicatorId, text, group, text, false),
    value: null,
    valueHigh: null,
    unit: null,
    change: null,
    qualifier: null,
    digits: null,
    digitsHigh: null,
  };
}

// Flows add up over a span ("城镇新增就业超过6000万人" in a 十三五 review); levels stand at its end.
const FLOWS = new Set(["new_urban_jobs"]);

function base(
  ctx: Context,
  indicatorId: string,
  text: string,
  group: string,
  before: string,
  isLevel: boolean,
) {
  const period = periodOf({
    kind: ctx.kind,
    before,
    text,
    sentence: ctx.sentence,
    headingMultiYear: ctx.kind === "actual" && ctx.passage ? ctx.passage.multi : ctx.horizon === "multi-year",
    passage: ctx.kind === "actual" && ctx.passage?.multi ? ctx.passage.opening : "",
    paragraphOpening: ctx.paragraph.text.slice(0, Math.max(0, ctx.paragraph.text.indexOf(ctx.sentence))),
    ...yearsOf(ctx.report),
    isLevel,
    isFlow: FLOWS.has(indicatorId) || /新增|净增|累计/.test(before),
  });
  return {
    region: ctx.report.region,
    reportId: ctx.report.id,
    year: ctx.report.year,
    paragraphId: ctx.paragraph.id,
    section: ctx.paragraph.section,
    indicatorId,
    kind: ctx.kind,
    horizon: period.horizon,
    about: period.about,
    aboutEnd: period.aboutEnd,
    text,
    sentence: ctx.sentence,
    headline: ctx.headline,
    group: `${ctx.paragraph.id}/${ctx.paragraph.sentences.indexOf(ctx.sentence)}/${group}`,
  };
}
