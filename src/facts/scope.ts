/**
 * Whether a number measures the region's own indicator: sub-regions, partial scopes, new registrations,
 * comparisons and hypotheticals are recognised here and dropped; shares of GDP go to their own
 * indicator (研发经费 → 研发投入强度) or are dropped.
 */
import type { Mention } from "./mentions.ts";

// A part of the region: "成都平原经济区经济总量", "大湾区经济总量", "城市副中心和平原新城地区生产总值",
// "脱贫地区农村居民收入", "县域经济增长".
const SUBREGION =
  /都市圈|经济圈|经济区|城市群|新区|湾区|片区|新城|副中心|县域|县（市）|县\(市\)|县市|脱贫地区|脱贫县|贫困县|重点县|园区|示范区|开发区|高新区|自贸区|自由贸易试验区|经济带|城区|主城|各市|市州|地市/;
// Part of the whole: trade with some countries ("对共建“一带一路”国家进出口增长"), enterprises only.
const PARTIAL = /对[^，。；]{0,16}(国家|地区|东盟|欧盟|美国|日本|韩国|非洲|拉美|港澳|台湾)[^，、；]{0,4}$/;
// New registrations are a flow, not the stock: "新登记经营主体320万户、增长13%".
const NEW_REGISTRATIONS = /(新登记|新设立|新设|新注册|新引进|新开办)[^，、；]{0,6}$/;
// The whole region named right before: such a clause is never a sub-region's.
const WHOLE = /全省|全市|全区|全县|全国|我省|我市|我区|我县|我国|本市|本省|全自治区|全域/;
// A generic GDP term is anyone's: the sentence must not be about a part of the region.
const GENERIC_GDP = /^(经济总量|生产总值|地区生产总值|GDP|经济增长|经济增速)$/;

/**
 * True when the mention names the indicator of something narrower than the region. `clauseStart` is
 * the clause's offset in the sentence, `text` the clause.
 */
export function outOfScope(sentence: string, clauseStart: number, text: string, m: Mention): boolean {
  // The stretch of the clause before the mention, back to the last list break.
  const before = text.slice(0, m.start);
  const item = before.slice(Math.max(before.lastIndexOf("、"), before.lastIndexOf("和")) + 1);
  if (SUBREGION.test(item) || NEW_REGISTRATIONS.test(before) || PARTIAL.test(before)) return true;
  const term = text.slice(m.start, m.end);
  if (m.ids.includes("gdp") && GENERIC_GDP.test(term) && !WHOLE.test(before)) {
    // "成渝地区双城经济圈建设走深走实，经济总量超9万亿元": the sub-region is named clauses earlier;
    // "泸州经济总量突破3000亿元" in a sentence about 片区 and 都市圈.
    if (SUBREGION.test(sentence.slice(0, clauseStart + m.start))) return true;
  }
  return false;
}

// "高于全国0.3个百分点", "快于经济增速1个百分点", "约为全国平均的70%": a comparison, not the value.
const COMPARISON =
  /(高于|低于|快于|慢于|优于|好于|领先|超出)(全国|全省|全市|全区|平均|经济|地区生产总值|同期|上年|全体)[^，、；]{0,12}$|(全国|全省|全市)(平均|水平)?的$|占全(国|省|市)[^，、；]{0,8}$/;
// "每增长1个百分点的增量": a hypothetical step.
const HYPOTHETICAL = /每(增长|提高|下降|增加|降低)$/;

// "今年上半年…增长18.5％", "前三季度增长5.2%": part of a year, not the year.
const PART_OF_YEAR =
  /上半年|下半年|前三季度|[一二三四]季度|前[一二三四五六七八九十]+个月|1[—－-]1?\d月|１[—－-]１?[０-９]月/;

/** True when the number right after `before` (its clause up to it) is a comparison or a hypothetical. */
export function numberDropped(before: string): boolean {
  return COMPARISON.test(before) || HYPOTHETICAL.test(before) || PART_OF_YEAR.test(before);
}

/**
 * True when the sentence's opening (before the clause) restricts it to part of a year: the last period
 * it names is a part ("前三季度…，第四季度…，全年实现…" ends on 全年, the year).
 */
export function partOfYear(opening: string): boolean {
  const marks = [...opening.matchAll(new RegExp(`${PART_OF_YEAR.source}|全年|年末|全年度`, "g"))];
  const last = marks.at(-1)?.[0];
  return last !== undefined && !/^(全年|年末|全年度)$/.test(last);
}

// "占GDP比重达到3.1%", "相当于全市生产总值的比例2.5%".
const SHARE_OF = /(占|相当于)[^，；]{0,16}(比重|比例|比率)|^占比/;

/**
 * The indicator a number after `gap` (the text between its subject and it) belongs to: the subject's
 * share indicator when the gap takes a share of GDP, null when it takes a share the subject has no
 * indicator for, else the subject itself.
 */
export function shareTarget(id: string, gap: string, shares: ReadonlyMap<string, string>): string | null {
  const lastValue = gap.search(/[%元户家人]、[^、]*$/);
  const tail = lastValue >= 0 ? gap.slice(lastValue) : gap;
  if (!SHARE_OF.test(tail)) return id;
  return shares.get(id) ?? null;
}

/** "新增高新技术企业174家" and "净增经营主体34.6万家" count additions, not the total. */
export function additionChange(before: string, m: Mention): string | null {
  const head = before.slice(0, m.start);
  // "新增省级创新平台30个、专精特新中小企业100户、高新技术企业150家": 新增 heads the whole list.
  return (
    head.match(/(新增|净增)(各类|各种)?$/)?.[1] ?? head.match(/^(新增|净增)[^，；]*、[^，；]*$/)?.[1] ?? null
  );
}

/** Digits directly followed by "的预定目标" are the year's target even inside a review. */
export function namesTarget(before: string, after: string): boolean {
  if (/^的?(预定|预期|调控)?目标/.test(after)) return true;
  // "没有实现年初确定的单位国内生产总值能耗降低4%左右…的目标".
  return (
    /(确定|提出|预定|下达)的[^，。；]{0,24}$/.test(before) && /^[^，。；]{0,30}的(预定|预期)?目标/.test(after)
  );
}
