/**
 * The verdict rule of /check (docs/CHECK.md): one deterministic comparison of a year's target with that
 * year's actual figure, both as the reports state them. Pure: no engine, no store.
 */

/** The outcomes, in one list: the answer schema validates against it too. */
export const VERDICTS = [
  "完成",
  "超额完成",
  "略低于目标",
  "略高于目标",
  "未完成",
  "无法判断",
  "缺少数据",
] as const;

export type Verdict = (typeof VERDICTS)[number];

/** Which way is good when a target gives a bare number: more (a floor) or less (a ceiling). */
export type Direction = "floor" | "ceiling";

/**
 * Indicators whose targets are caps. Kept here, keyed by lexicon id, rather than in corpus/indicators.json:
 * the direction is part of the verdict rule, documented with it. Every other indicator is a floor
 * (growth, totals, new jobs: reaching more is doing better).
 */
const CEILINGS: ReadonlySet<string> = new Set([
  "cpi", // 居民消费价格涨幅3%左右: a cap on inflation
  "price_level", // 商品零售价格涨幅
  "unemployment", // 城镇调查失业率5.5%左右
  "registered_unemployment", // 城镇登记失业率4.5%以内
  "energy_intensity", // 单位GDP能耗: less is better (a 下降 target flips to a floor on the decrease)
  "deficit_ratio", // 赤字率3%左右
  "pm25", // 细颗粒物浓度
]);

export function directionOf(indicatorId: string): Direction {
  return CEILINGS.has(indicatorId) ? "ceiling" : "floor";
}

/** The part of a statement the rule reads. */
export interface RuleSide {
  value: number | null;
  valueHigh: number | null;
  unit: string | null;
  change: string | null;
  qualifier: string | null;
  /** The clause, read for 控制在/不超过/名义 which the rule layer leaves in the text. */
  text: string;
}

export interface Judgement {
  verdict: Verdict;
  /** Why, in Chinese, with the two values as the reports wrote them. */
  reason: string;
}

const DOWN = /下降|降低|减少|回落|降幅/;
// Qualifiers and verbs that make a number a ceiling or a floor whatever the indicator.
const CEILING_WORDS = /以内|以下|不超过|不高于|控制在/;
const FLOOR_WORDS = /以上|不低于|超过|突破|至少/;
const ABOUT_WORDS = /左右|上下/;
// Qualifiers on an actual that make it a bound rather than a value.
const ACTUAL_LOWER = /以上|超过|突破|多/;
const ACTUAL_UPPER = /以内|以下|不到|不足/;

/** The verdict for one target and one actual of the same indicator and year (see docs/CHECK.md). */
export function judge(indicatorId: string, target: RuleSide, actual: RuleSide, shown: Shown): Judgement {
  if (target.value === null) return { verdict: "无法判断", reason: "目标是定性表述，没有可比的数值。" };
  if (actual.value === null) return { verdict: "无法判断", reason: "实际情况是定性表述，没有可比的数值。" };
  // Never a verdict from numbers of different units (增长5% against 134.9万亿元).
  if (target.unit !== actual.unit) {
    return {
      verdict: "无法判断",
      reason: `目标和实际的单位不同（${target.unit ?? "无单位"}／${actual.unit ?? "无单位"}），不作比较。`,
    };
  }
  // Nominal against real growth (名义 vs 可比价) is a different basis.
  if (/名义/.test(target.text) !== /名义/.test(actual.text)) {
    return { verdict: "无法判断", reason: "目标和实际的口径不同（名义／可比价），不作比较。" };
  }
  const qualifier = `${target.qualifier ?? ""}${target.text}`;
  const tDown = DOWN.test(target.change ?? "");
  const aDown = DOWN.test(actual.change ?? "");
  // Both say 下降 (能耗下降3%以上 / 下降5%): compare the decreases, where more is better.
  const bothDown = tDown && aDown;
  const sign = (down: boolean) => (down && !bothDown ? -1 : 1);
  let lo = sign(tDown) * target.value;
  let hi = sign(tDown) * (target.valueHigh ?? target.value);
  if (lo > hi) [lo, hi] = [hi, lo];
  const a = sign(aDown) * actual.value;

  const explicitCeiling =
    CEILING_WORDS.test(target.qualifier ?? "") || /控制在|不超过|不高于/.test(qualifier);
  const explicitFloor = FLOOR_WORDS.test(target.qualifier ?? "");
  let dir: Direction = bothDown ? flip(directionOf(indicatorId)) : directionOf(indicatorId);
  // A word in the target beats the indicator's default; on a single 下降 target it speaks of the decrease.
  if (explicitFloor || explicitCeiling) {
    dir = explicitFloor ? "floor" : "ceiling";
    if (tDown && !bothDown) dir = flip(dir);
  }
  const about = ABOUT_WORDS.test(target.qualifier ?? "") && target.valueHigh === null;
  const t = `“${shown.target}”`;
  const v = shown.actual;
  const at = (x: number) =>
    verdictAt(x, { lo, hi, dir, about, unit: target.unit, value: target.value as number }, t, v);
  // An actual stated as a bound ("降幅超过3%", "一直控制在3%以内", "1000多万人") only says the true value lies
  // beyond it: a verdict holds when every value on that side gets it (success kinds meet at 完成).
  const lowerOnly = ACTUAL_LOWER.test(actual.qualifier ?? "");
  const upperOnly = ACTUAL_UPPER.test(actual.qualifier ?? "");
  if (!lowerOnly && !upperOnly) return at(a);
  // On a signed comparison a bound on a decrease points the other way.
  const towardsHigher = lowerOnly !== (aDown && !bothDown);
  const here = at(a);
  const far = at(towardsHigher ? a + 1e9 : a - 1e9);
  if (here.verdict === far.verdict) return here;
  const success = (x: Verdict) => x === "完成" || x === "超额完成";
  if (success(here.verdict) && success(far.verdict)) return { verdict: "完成", reason: here.reason };
  return { verdict: "无法判断", reason: `实际${v}只给出一个界限，不足以判断是否达到目标${t}。` };
}

interface Bounds {
  lo: number;
  hi: number;
  dir: Direction;
  about: boolean;
  unit: string | null;
  value: number;
}

function verdictAt(a: number, b: Bounds, t: string, v: string): Judgement {
  const { lo, hi, dir, about } = b;

  if (about) {
    // 左右: within half a percentage point (for % targets) or a twentieth of the value (others) of the
    // stated number counts as close; the side it falls on is named.
    const band = b.unit === "%" ? 0.5 : Math.abs(b.value) / 20;
    const bandText = b.unit === "%" ? "半个百分点" : "目标值的二十分之一";
    if (dir === "floor") {
      if (a > lo + band) return { verdict: "超额完成", reason: `实际${v}，比目标${t}高出${bandText}以上。` };
      if (a >= lo) return { verdict: "完成", reason: `实际${v}，达到目标${t}。` };
      if (a >= lo - band)
        return { verdict: "略低于目标", reason: `实际${v}，低于目标${t}，差距在${bandText}以内。` };
      return { verdict: "未完成", reason: `实际${v}，比目标${t}低出${bandText}以上。` };
    }
    if (a <= lo) return { verdict: "完成", reason: `实际${v}，未超过目标${t}。` };
    if (a <= lo + band)
      return { verdict: "略高于目标", reason: `实际${v}，高于目标${t}，差距在${bandText}以内。` };
    return { verdict: "未完成", reason: `实际${v}，比目标${t}高出${bandText}以上。` };
  }
  if (dir === "floor") {
    if (a < lo) return { verdict: "未完成", reason: `实际${v}，低于目标${t}的下限。` };
    if (a > hi) return { verdict: "超额完成", reason: `实际${v}，高于目标${t}。` };
    return { verdict: "完成", reason: `实际${v}，达到目标${t}。` };
  }
  if (a > hi) return { verdict: "未完成", reason: `实际${v}，超过目标${t}的上限。` };
  return { verdict: "完成", reason: `实际${v}，控制在目标${t}以内。` };
}

/** The two values as the reports wrote them, for the reason text. */
export interface Shown {
  target: string;
  actual: string;
}

function flip(d: Direction): Direction {
  return d === "floor" ? "ceiling" : "floor";
}

/** The rule in one line, printed under every verdict; for one indicator, or (null) for a table of them. */
export function ruleText(indicatorId: string | null): string {
  const dir =
    indicatorId === null
      ? "增长类指标越高越好（目标是下限），物价、失业率、能耗、赤字率越低越好（目标是上限）"
      : directionOf(indicatorId) === "floor"
        ? "该指标越高越好（目标是下限）"
        : "该指标越低越好（目标是上限）";
  return (
    `判定规则：${dir}；“以上”、区间下限为下限，“以内”“不超过”“控制在”、区间上限为上限；` +
    "“左右”按约数比较，相差半个百分点（非百分比指标为目标值的二十分之一）以内为略低于／略高于目标；" +
    "单位或口径不同不作判断（详见 docs/CHECK.md）。"
  );
}
