/** Number expressions in report text: value, optional range, unit and the qualifiers around them. */

// Tried longest first (sorted below), so 万亿元 wins over 亿元 and 个百分点 over 个.
const UNITS = [
  "个百分点",
  "万亿立方米",
  "亿立方米",
  "万平方米",
  "平方公里",
  "平方米",
  "万亿斤",
  "万亿美元",
  "亿吨",
  "微克/立方米",
  "万亿元",
  "万人次",
  "万千瓦",
  "亿美元",
  "万美元",
  "亿公斤",
  "亿元",
  "万元",
  "美元",
  "亿斤",
  "万吨",
  "万户",
  "万家",
  "万人",
  "万辆",
  "万亩",
  "万个",
  "公里",
  "千米",
  "吨",
  "元",
  "%",
  "‰",
  "人",
  "户",
  "家",
  "个",
  "亩",
  "倍",
  "项",
  "件",
  "所",
  "座",
  "条",
  "台",
  "辆",
  "艘",
  "套",
  "只",
  "头",
  "天",
  "对",
  "次",
  "起",
  "名",
  "位",
  "张",
  "亿千瓦时",
  "万千瓦时",
  "万标箱",
  "立方米",
  "公顷",
  "千瓦",
  "兆瓦",
  "标箱",
  "处",
  "场",
  "例",
  "批",
  "栋",
  "间",
  "株",
  "棵",
];
const UNIT = [...UNITS]
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[.*+?^${}()|[\]\\%]/g, "\\$&"))
  .join("|");
const NUM = String.raw`\d+(?:\.\d+)?`;
const DASH = "[－—–\\-~～至到]";
const PRE = "(力争|超过|超|约|近|接近|预计|突破|跨过|不低于|不少于)?";
const POST = "(以上|左右|以内|以下|上下)?";

/**
 * Matches "5.5%以上", "6%－6.5%", "4.5%—5%", "约2亿美元", "1215.57亿元", "1.3万亿斤以上", and the
 * older "67700多亿元" (多 kept as a qualifier).
 */
export const NUMBER_EXPR = new RegExp(
  `${PRE}(${NUM})(多)?(${UNIT})?(?:${DASH}(${NUM})(${UNIT}))?${POST}`,
  "g",
);

export interface NumberExpr {
  /** Offset of the match in the searched text. */
  start: number;
  end: number;
  raw: string;
  value: number;
  valueHigh: number | null;
  unit: string;
  qualifier: string | null;
  /** The digits as written ("5.5", "6.5"), so the formatter never rewrites a number. */
  digits: string;
  digitsHigh: string | null;
}

/**
 * Full-width digits, ％ and ． as ASCII, one character for one so offsets stay valid: older national
 * reports write "比上年增长９．７％".
 */
export function foldWidth(text: string): string {
  return text.replace(/[０-９％．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Number expressions with a unit; bare numbers, years and ordinals are not values. */
export function findNumbers(written: string): NumberExpr[] {
  const out: NumberExpr[] = [];
  const text = foldWidth(written);
  for (const m of text.matchAll(NUMBER_EXPR)) {
    const [raw, pre, digits, more, unit1, digitsHigh, unit2, post] = m;
    const at = m.index ?? 0;
    if (!digits) continue;
    const unit = unit2 ?? unit1;
    if (!unit) continue;
    const numAt = at + (pre?.length ?? 0);
    // "第3", an ASCII word such as "5G" or "PM2.5", and a digit run cut mid-number ("19·5%") are not values.
    const before = text[numAt - 1] ?? "";
    if (before === "第" || /[A-Za-z.·．_]/.test(before)) continue;
    if (more && !unit1) continue;
    // "超6.3万户次", "1.8亿人次" count visits, not the unit's things.
    if (text[at + raw.length] === "次" && !/次$/.test(unit)) continue;
    const qualifier = [pre, more, post].filter(Boolean).join("") || null;
    // Digits as the report wrote them (maybe full-width); value and unit from the folded text.
    const digitsAt = numAt;
    const highAt = digitsHigh ? at + raw.lastIndexOf(digitsHigh) : -1;
    out.push({
      start: at,
      end: at + raw.length,
      raw: written.slice(at, at + raw.length),
      value: Number(digits),
      valueHigh: digitsHigh ? Number(digitsHigh) : null,
      unit,
      qualifier,
      digits: written.slice(digitsAt, digitsAt + digits.length),
      digitsHigh: digitsHigh ? written.slice(highAt, highAt + digitsHigh.length) : null,
    });
  }
  return out;
}
