/**
 * The one normaliser and the one year reader for everything users type (commands, options, questions,
 * follow-ups), and the cue words that say what a question asks for.
 */

/** Control, format (zero-width) and private-use characters dropped; widths folded; spaces collapsed. */
export function cleanInput(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;

// A four-digit year standing alone or before 年: "2024", "2024年", "1978年政府工作报告"; not "20240".
const YEAR_IN_TEXT = /(?<![\d.])(1[89]\d\d|2[01]\d\d)(?:年)?(?![\d.%])/g;

/** Years named in free text, in order, within 1949–2100. */
export function readYears(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(YEAR_IN_TEXT)) {
    const y = Number(m[1]);
    if (y >= MIN_YEAR && y <= MAX_YEAR && !out.includes(y)) out.push(y);
  }
  return out;
}

/** Removes the years `readYears` found, so they are not searched as terms. */
export function withoutYears(text: string): string {
  return text.replace(YEAR_IN_TEXT, (m, y) => (Number(y) >= MIN_YEAR && Number(y) <= MAX_YEAR ? " " : m));
}

/** A year option as typed ("2024", "2024年"): the year, or null when it is not one in range. */
export function parseYear(raw: string): number | null {
  const m = raw.trim().match(/^(\d{4})年?$/);
  const y = m ? Number(m[1]) : Number.NaN;
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

/** What a statement is: the report's target, or what was achieved. */
export type Kind = "target" | "actual";

export const CUES = {
  /** Asking for the plan: "今年GDP目标是多少". */
  target: /目标|预期|计划|力争|今年|将要|打算|要达到/,
  /** Asking about results: "去年完成了多少". */
  past: /了|已|去年|过去|上年|完成|实现|取得|建成/,
  /** Looking ahead: a plan section answers better. */
  future: /目标|计划|今年|将|要|力争|预期|打算/,
  /** Several regions side by side. */
  compare: /对比|比较|各地|各地区|哪个地区|排名|谁高/,
  /** Asking for an amount: 多少/几/数量…. */
  numeric:
    /多少|几[个家项座条所次年万亿]?|数量|规模|总量|金额|比重|占比|增速|增幅|增长|下降|达到|多大|多高|多长|多快|目标/,
  /** Words that pick /figure rather than /target when a command is completed from context. */
  actual: /实际|完成|实现|去年|取得/,
} as const;

/** Words naming the kind in /compare: target (目标) or actual (实际). */
export const KIND_WORDS: Readonly<Record<string, Kind>> = {
  target: "target",
  目标: "target",
  预期: "target",
  actual: "actual",
  figure: "actual",
  实际: "actual",
  完成: "actual",
};

/** A report's administrative level. */
export type Level = "国家" | "省" | "市" | "区县";

/** Words naming a level in /compare: 省级, province… */
export const LEVEL_WORDS: Readonly<Record<string, Level>> = {
  国家: "国家",
  全国: "国家",
  national: "国家",
  省: "省",
  省级: "省",
  province: "省",
  市: "市",
  市级: "市",
  city: "市",
  区县: "区县",
  区县级: "区县",
  county: "区县",
  district: "区县",
};
