/**
 * Provincial-level regions by official name, and the words a report uses for the country. Ids and
 * aliases come from here; anything below province level is read from the text itself.
 */
import { pinyin } from "pinyin-pro";

export const NATIONAL = "全国";
export const NATIONAL_ALIASES = ["中国", "国务院", "national", "China"];

export const PROVINCES = [
  "北京市",
  "天津市",
  "上海市",
  "重庆市",
  "河北省",
  "山西省",
  "辽宁省",
  "吉林省",
  "黑龙江省",
  "江苏省",
  "浙江省",
  "安徽省",
  "福建省",
  "江西省",
  "山东省",
  "河南省",
  "湖北省",
  "湖南省",
  "广东省",
  "海南省",
  "四川省",
  "贵州省",
  "云南省",
  "陕西省",
  "甘肃省",
  "青海省",
  "台湾省",
  "内蒙古自治区",
  "广西壮族自治区",
  "西藏自治区",
  "宁夏回族自治区",
  "新疆维吾尔自治区",
  "香港特别行政区",
  "澳门特别行政区",
] as const;

// 陕西 and 山西 share the syllables "shanxi"; the official romanisation spells 陕西 "Shaanxi".
const PINYIN_EXCEPTIONS: Record<string, string> = { 陕西: "shaanxi", 香港: "hongkong", 澳门: "macao" };

/** 河南省 → 河南, 广西壮族自治区 → 广西, 临淄区 → 临淄; a two-character name stays whole (朝阳区 → 朝阳, 和县 → 和县). */
export function shortName(region: string): string {
  if (region === NATIONAL) return region;
  const m = /^(.+?)(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市|区|县|旗)$/.exec(region);
  const bare = m?.[1] ?? region;
  return bare.length >= 2 ? bare : region;
}

/** Lowercase pinyin of a region's short name, for report ids: 河南省 → henan. */
export function regionSlug(region: string): string {
  if (region === NATIONAL) return "national";
  const short = shortName(region);
  const special = PINYIN_EXCEPTIONS[short];
  if (special) return special;
  return pinyin(short, { toneType: "none", type: "array" })
    .join("")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export function isProvince(region: string): boolean {
  return (PROVINCES as readonly string[]).includes(region);
}

/** The province named by a short or official name (河南 → 河南省), else null. */
export function provinceNamed(name: string): string | null {
  return PROVINCES.find((p) => p === name || shortName(p) === name) ?? null;
}

export type Level = "国家" | "省" | "市" | "区县";

export function levelOf(region: string): Level {
  if (region === NATIONAL) return "国家";
  if (isProvince(region)) return "省";
  if (/市$/.test(region)) return "市";
  return "区县";
}

/** Aliases a new entry gets: the short name and, for provinces and the country, the romanised name. */
export function defaultAliases(region: string): string[] {
  if (region === NATIONAL) return [...NATIONAL_ALIASES];
  const out: string[] = [];
  const short = shortName(region);
  if (short !== region) out.push(short);
  const slug = regionSlug(region);
  if (slug) out.push(slug.charAt(0).toUpperCase() + slug.slice(1));
  return out;
}
