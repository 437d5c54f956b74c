/**
 * Metadata read from a cleaned report: title, region, level, year, the date and meeting line, the
 * speaker line, and the years its review and its targets are about. Every field records where it came
 * from so the ingestion report can show a guess as a guess; a flag overrides any of them.
 */
import type { Paragraph } from "../corpus/structure.ts";
import { DATE_LINE, SPEAKER_LINE } from "./clean.ts";
import { IngestError } from "./formats/source.ts";
import {
  defaultAliases,
  type Level,
  levelOf,
  NATIONAL,
  provinceNamed,
  regionSlug,
  shortName,
} from "./regions.ts";

export type Origin = "检测" | "参数" | "默认" | "数据集";
export interface Field<T> {
  value: T;
  from: Origin;
}

export interface Overrides {
  id?: string;
  title?: string;
  region?: string;
  level?: Level;
  year?: number;
  aliases?: string[];
  province?: string | null;
  city?: string | null;
  published?: string;
  reviewYear?: number;
  targetYear?: number;
}

export interface Metadata {
  id: Field<string>;
  title: Field<string>;
  region: Field<string>;
  level: Field<Level>;
  year: Field<number>;
  aliases: Field<string[]>;
  province: Field<string | null>;
  city: Field<string | null>;
  published: Field<string | null>;
  reviewYear: Field<number>;
  targetYear: Field<number>;
  dateLine: string | null;
  speakerLine: string | null;
}

// 〇 and ○ both write zero in years ("一九八〇年").
const CN_DIGIT: Record<string, number> = Object.fromEntries(
  [..."〇一二三四五六七八九"]
    .map((c, i) => [c, i] as const)
    .concat([
      ["○", 0],
      ["零", 0],
    ]),
);

/** Full-width digits to ASCII: "２００１年" is 2001 to a reader. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
}

/** 一九七八 → 1978 (digit by digit); 二十六 → 26; 12 → 12. */
export function cnNumber(s: string): number | null {
  const t = asciiDigits(s.trim());
  if (/^\d+$/.test(t)) return Number(t);
  if (t.length === 4 && [...t].every((c) => c in CN_DIGIT))
    return Number([...t].map((c) => CN_DIGIT[c]).join(""));
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(t);
  if (!m || t === "") return null;
  const tens = m[2] ? (m[1] ? (CN_DIGIT[m[1]] ?? 0) : 1) : 0;
  const ones = m[2] ? (m[3] ? (CN_DIGIT[m[3]] ?? 0) : 0) : m[1] ? (CN_DIGIT[m[1]] ?? 0) : 0;
  return tens * 10 + ones;
}

const YEAR_IN = /([0-9０-９]{4}|[一二三四五六七八九〇○零]{4})年/;

export function yearIn(text: string): number | null {
  const m = YEAR_IN.exec(text);
  const y = m?.[1] ? cnNumber(m[1]) : null;
  return y !== null && y >= 1949 && y <= 2100 ? y : null;
}

/** "——2026年1月26日在…" → 2026-01-26. */
export function dateOf(dateLine: string): string | null {
  const m =
    /([0-9０-９]{4}|[一二三四五六七八九〇○零]{4})年([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日/.exec(
      dateLine,
    );
  if (!m) return null;
  const [y, mo, d] = [m[1], m[2], m[3]].map((x) => cnNumber(x ?? ""));
  if (!y || !mo || !d || mo > 12 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const REGION_END = /(省|自治区|特别行政区|市|区|县|旗|州|盟)$/;

/** A region name as written, normalised: 河南 → 河南省; 全国人大 → 全国; null when it is no region. */
function asRegion(raw: string): string | null {
  const s = raw.replace(/^(中华人民共和国)/, "").trim();
  if (s === "" || /全国|国务院/.test(s)) return /全国|国务院/.test(s) ? NATIONAL : null;
  const province = provinceNamed(s);
  if (province) return province;
  return REGION_END.test(s) && s.length >= 2 && s.length <= 12 ? s : null;
}

function regionFrom(lines: string[], title: string | null, dateLine: string | null): string | null {
  if (dateLine) {
    // "在河南省第十四届人民代表大会…", "在第十四届全国人民代表大会…"
    const m = /日在(.*?)第[一二三四五六七八九十0-9]+届(.*?)人民代表大会/.exec(dateLine);
    if (m) {
      const r = asRegion(m[1] || m[2] || "");
      if (r) return r;
    }
  }
  if (title) {
    const bare = asciiDigits(title)
      .replace(/\d{4}年/g, "")
      .replace(/(人民)?政府工作报告.*$/, "")
      .trim();
    const r = asRegion(bare);
    if (r) return r;
  }
  for (const line of lines.slice(0, 12)) {
    // "现在，我代表河南省人民政府，向大会报告工作" / "我代表国务院"
    const m = /我代表(国务院|(.{1,14}?)(?:人民政府|政府))/.exec(line);
    if (m?.[1] === "国务院") return NATIONAL;
    const r = m?.[2] ? asRegion(m[2]) : null;
    if (r) return r;
  }
  return null;
}

function composeTitle(year: number, region: string): string {
  return `${year}年${region === NATIONAL ? "国务院" : region}政府工作报告`;
}

/** The years named by the top-level review and plan headings ("一、2025年工作回顾" → review 2025). */
function headingYears(
  paragraphs: Paragraph[],
  year: number,
): { review: number | null; target: number | null } {
  let review: number | null = null;
  let target: number | null = null;
  for (const p of paragraphs) {
    if (!p.isHeading || p.headings.length !== 1) continue;
    const y = yearIn(p.text);
    if (y === null || y > year || y < year - 1) continue;
    const kind = p.sectionKind;
    // A review is of a past year: "三、2026年主要工作" in a 2026 report is its plan, whatever the keyword says.
    if (kind === "review" && review === null && y < year) review = y;
    // Targets are for the report's own year: an earlier year under a plan heading is a mixed heading.
    if (kind === "plan" && target === null && y === year) target = y;
  }
  return { review, target };
}

function field<T>(override: T | undefined, detected: T | null | undefined, fallback: T): Field<T> {
  if (override !== undefined) return { value: override, from: "参数" };
  if (detected !== null && detected !== undefined) return { value: detected, from: "检测" };
  return { value: fallback, from: "默认" };
}

/**
 * Reads the title block (lines before "各位代表") and the headings. `containerTitle` is what the file
 * format carried (an HTML <title>); `paragraphs` are the parsed report for the heading years.
 */
export function detectMetadata(
  lines: string[],
  paragraphs: Paragraph[],
  o: Overrides,
  containerTitle?: string,
): Metadata {
  const opening = lines.findIndex((l) => /^各位代表/.test(l));
  const head = opening >= 0 ? lines.slice(0, opening) : lines.slice(0, 3);
  const dateLine = head.find((l) => DATE_LINE.test(l)) ?? null;
  const dateAt = dateLine === null ? -1 : head.indexOf(dateLine);
  const speakerLine =
    head.find((l) => l.length <= 30 && SPEAKER_LINE.test(l) && !DATE_LINE.test(l) && !/[，。]/.test(l)) ??
    // "毛伟明" alone under the date line: the speaker line without a title.
    (dateAt >= 0 && /^[\u4e00-\u9fa5]{2,4}$/.test(head[dateAt + 1] ?? "")
      ? (head[dateAt + 1] as string)
      : null);
  const titleLine = head.find((l) => /政府工作报/.test(l) && l.length <= 40) ?? containerTitle ?? null;

  const regionRaw = o.region !== undefined ? (provinceNamed(o.region) ?? o.region) : undefined;
  const detectedRegion = regionFrom(lines, titleLine, dateLine);
  if (regionRaw === undefined && detectedRegion === null)
    throw new IngestError(
      "无法从文本识别地区（标题、会议行和“我代表…人民政府”都没有写明）；请用 --region 指定，例如 --region 河南省",
    );
  const region = field(regionRaw, detectedRegion, NATIONAL);

  const detectedYear =
    (titleLine ? yearIn(titleLine) : null) ??
    (dateLine ? yearIn(dateLine) : null) ??
    paragraphs
      .filter((p) => p.isHeading && p.sectionKind === "review")
      .map((p) => yearIn(p.text))
      .map((y) => (y === null ? null : y + 1))
      .find((y) => y !== null) ??
    null;
  if (o.year === undefined && detectedYear === null)
    throw new IngestError(
      "无法从文本识别报告年份（标题和会议行都没有年份）；请用 --year 指定，例如 --year 2026",
    );
  const year = field(o.year, detectedYear, 0);

  const composed = composeTitle(year.value, region.value);
  // Keep the report's own title when it names the year and the region; otherwise write one like the rest.
  const titleOk =
    titleLine !== null &&
    yearIn(titleLine) === year.value &&
    titleLine.includes(shortName(region.value)) &&
    region.value !== NATIONAL;
  const title: Field<string> =
    o.title !== undefined
      ? { value: o.title, from: "参数" }
      : titleOk
        ? { value: titleLine as string, from: "检测" }
        : { value: composed, from: "默认" };

  const level = field(o.level, levelOf(region.value), "区县" as Level);
  const years = headingYears(paragraphs, year.value);
  const id = field(o.id, `${regionSlug(region.value)}-${year.value}`, "");
  const province = field<string | null>(
    o.province,
    level.value === "省" ? region.value : level.value === "国家" ? null : undefined,
    null,
  );
  return {
    id,
    title,
    region,
    level,
    year,
    aliases: field(o.aliases, defaultAliases(region.value), []),
    province,
    city: field<string | null>(o.city, undefined, null),
    published: field<string | null>(o.published, dateLine ? dateOf(dateLine) : null, null),
    reviewYear: field(o.reviewYear, years.review, year.value - 1),
    targetYear: field(o.targetYear, years.target, year.value),
    dateLine,
    speakerLine,
  };
}
