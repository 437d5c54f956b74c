/** Chinese messages for expected outcomes, in one table so every front end says the same thing. */
import type { ErrorCode } from "./schema.ts";

export const MESSAGES = {
  empty: "请输入问题或命令，例如：/target 临淄 GDP。输入 /help 查看用法。",
  tooLong: (max: number) => `输入过长（超过 ${max} 个字符），请缩短问题后再试。`,
  noContent: "没有看懂这个问题：请用文字描述要查的地区和指标，例如“临淄GDP目标是多少”。",
  unknownCommand: (name: string, known: string[]) =>
    `没有 /${name} 这个命令。可用命令：${known.map((k) => `/${k}`).join("、")}。`,
  missingRegion: (cmd: string) => `/${cmd} 需要地区，例如：/${cmd} 临淄 GDP。`,
  missingIndicator: (cmd: string) => `/${cmd} 需要指标，例如：/${cmd} 临淄 GDP。`,
  missingQuestion: "请在 /ask 后写上问题，例如：/ask 临淄新建了多少充电桩。",
  badYear: (y: string) => `年份“${y}”无效，请写四位年份，例如 2024。`,
  badPage: (p: string) => `页码“${p}”无效，请写正整数，例如 page:2。`,
  compareCut: (more: number, max: number) =>
    `另有 ${more} 个地区排在后面，未列出（最多列 ${max} 个）：用 level:（级别）或 year:（年份）缩小范围，或用 /figure 查单个地区。`,
  badLevel: (v: string) => `“${v}”不是有效的级别：请写 国家、省、市 或 区县。`,
  badKind: (v: string) => `“${v}”不是有效的类型：请写 target（目标）或 actual（实际）。`,
  unknownRegion: (input: string) => `语料中没有“${input}”的报告（/reports 列出已收录的地区）。`,
  closestRegion: (names: string[]) => `最接近的是：${names.join("、")}。`,
  ambiguousRegion: (input: string, names: string[]) => `“${input}”可能指：${names.join("、")}，请写全称。`,
  noYear: (region: string, year: number, years: number[]) =>
    `${region}没有 ${year} 年的报告（已收录：${years.join("、")} 年）。`,
  unknownIndicator: (input: string) => `没有找到指标“${input}”。`,
  notFoundFact: (region: string, label: string, indicator: string) =>
    `${region}${label}中没有找到“${indicator}”的${indicator ? "" : ""}表述。以下是最接近的段落。`,
  notFoundAsk: "报告中没有找到与问题相符的内容。",
  noNumber: "报告中没有找到问题所问的数字。以下是最接近的段落。",
  noReportAbout: (where: string, year: number) =>
    `语料中没有${where}${year}年的报告，也没有回顾${year}年的报告，无法回答这一年的问题。以下是最接近的段落（出自其他年份）。`,
  badCitation: (id: string) => `引用编号“${id}”无效，格式应为“报告编号#段落号”，例如 linzi-2023#57。`,
  unknownCitation: (id: string) => `没有找到段落“${id}”。`,
  checkNothing: (region: string, indicator: string) =>
    `${region}的报告中没有找到${indicator}的年度目标或实际数。`,
  checkNoYear: (region: string, what: string, missing: string) =>
    `${region}${what}没有同时有目标和实际数的指标：目标在当年报告，实际在次年报告的工作回顾。${missing}`,
  missingRegionCheck: (cmd: string) => `/${cmd} 需要地区，例如：/${cmd} 全国 GDP 2019。`,
  missingIndicatorTrend: "/trend 需要地区和指标，例如：/trend 全国 GDP 2000 2025。",
  trendNothing: (region: string, indicator: string, span: string) =>
    `${region}${span}的报告中没有找到${indicator}的年度目标或实际数。`,
  aboutYearBoth: (year: number, reportYear: number) =>
    `（${year}年指数据所属年份：${year}年的实际数见${reportYear}年报告的工作回顾；${year}年报告回顾的是${year - 1}年。）`,
  aboutYearFallback: (year: number) =>
    `（语料中没有回顾${year}年的报告，按报告年份理解：以下是${year}年报告的工作回顾，即${year - 1}年的情况。）`,
  badSpan: (from: number, to: number) => `起始年 ${from} 晚于结束年 ${to}。`,
} as const;

export const ERROR_TITLES: Record<ErrorCode, string> = {
  unknown_region: "未知地区",
  ambiguous_region: "地区不明确",
  not_found: "未找到",
  bad_input: "输入有误",
  unknown_command: "未知命令",
};
