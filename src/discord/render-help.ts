/**
 * /help written for Discord: clickable command mentions (`</target:id>`, when the application's command
 * ids are known), command names in the reader's language, an example per command, the ways of asking
 * without a command (@mention in a server, a plain message in DMs), and the years the corpus covers.
 */
import { chatInputApplicationCommandMention } from "@discordjs/formatters";
import type { APIEmbed, Client } from "discord.js";
import { yearRuns } from "../answer/year-runs.ts";
import type { Engine } from "../engine.ts";

export interface HelpInfo {
  /** Registered command ids by name; a command without one is shown as plain text. */
  commandIds: ReadonlyMap<string, string>;
  /** The reader's client locale (zh-CN, zh-TW, en-US…). */
  locale?: string;
  reports: number;
  regions: number;
  years: readonly number[];
}

interface Entry {
  name: string;
  cn: string;
  tw: string;
  args: string;
  what: string;
  example: string;
}

const ENTRIES: readonly Entry[] = [
  { name: "target", cn: "目标", tw: "目標", args: "地区 指标 [年份]", what: "预期目标", example: "临淄 GDP" },
  {
    name: "figure",
    cn: "数据",
    tw: "數據",
    args: "地区 指标 [年份]",
    what: "实际完成",
    example: "历城 社零",
  },
  {
    name: "compare",
    cn: "对比",
    tw: "對比",
    args: "指标 [类型] [级别] [年份]",
    what: "各地区排名和图表",
    example: "GDP",
  },
  {
    name: "check",
    cn: "核对",
    tw: "核對",
    args: "地区 [指标] [年份]",
    what: "目标完成了没有",
    example: "临淄 GDP",
  },
  { name: "trend", cn: "趋势", tw: "趨勢", args: "地区 指标", what: "历年目标与实际", example: "全国 GDP" },
  {
    name: "ask",
    cn: "提问",
    tw: "提問",
    args: "问题",
    what: "自由提问，引用原文",
    example: "临淄新建了多少充电桩",
  },
  { name: "source", cn: "原文", tw: "原文", args: "引用编号", what: "整段原文", example: "linzi-2023#19" },
  { name: "reports", cn: "报告", tw: "報告", args: "", what: "已收录的报告", example: "" },
];

function shownName(e: Entry, locale?: string): string {
  if (locale === "zh-CN") return e.cn;
  if (locale === "zh-TW") return e.tw;
  return e.name;
}

export function renderHelp(info: HelpInfo): APIEmbed {
  const commandLines = ENTRIES.map((e) => {
    const id = info.commandIds.get(e.name);
    // A mention must carry the registered name; the client shows it clickable.
    const mention = id ? chatInputApplicationCommandMention(e.name, id) : `/${shownName(e, info.locale)}`;
    const args = e.args ? ` \`${e.args}\`` : "";
    const example = e.example ? `\n-# 例：/${shownName(e, info.locale)} ${e.example}` : "";
    return `${mention}${args} — ${e.what}${example}`;
  });
  const years = yearRuns(info.years);
  const description = [
    "查政府工作报告里的数字和原文：每个回答都引用原句，并链接到报告。",
    "",
    ...commandLines,
    "",
    "**不用命令也能问**",
    "• 在服务器里 @政报通 加问题，例如 `@政报通 临淄今年GDP目标是多少`",
    "• 私信政报通，直接发问题即可",
    "• 把政报通添加到自己的账号后，任何服务器和私信里都能用上面的命令",
    "• 繁体也可以：`臨淄 國內生產總值`",
    "",
    `**已收录** ${info.reports} 份报告 · ${info.regions} 个地区 · ${years} 年`,
  ].join("\n");
  return { title: "政报通 · 用法", description, color: 0x2f6fde };
}

/** The registered command ids the client knows (fetched, when it was) and those seen on interactions. */
export function commandIds(
  client: Client,
  seen: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const ids = new Map<string, string>(seen);
  for (const c of client.application?.commands.cache.values() ?? []) ids.set(c.name, c.id);
  return ids;
}

export function helpInfo(engine: Engine, ids: ReadonlyMap<string, string>, locale?: string): HelpInfo {
  return {
    commandIds: ids,
    ...(locale ? { locale } : {}),
    reports: engine.reports.length,
    regions: engine.regions.length,
    years: engine.reports.map((r) => r.year),
  };
}
