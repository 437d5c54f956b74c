/** /reports, /source and /help. */
import type { Engine } from "../engine.ts";
import { citationOf, failure } from "./build.ts";
import { MESSAGES } from "./messages.ts";
import type { Answer } from "./schema.ts";
import { yearRuns } from "./year-runs.ts";

const LEVELS = ["国家", "省", "市", "区县"] as const;

/** The corpus by level, one line per region with its report years (ids follow the pattern region-year). */
export function reports(engine: Engine): Answer {
  const lines: string[] = [];
  for (const level of LEVELS) {
    const regions = engine.regions.filter((r) => r.level === level);
    if (regions.length === 0) continue;
    lines.push(`【${level}】`);
    for (const r of regions) {
      const reports = [...r.reports].sort((a, b) => a.year - b.year);
      const ids = reports.length <= 3 ? `（${reports.map((x) => x.id).join("、")}）` : "";
      lines.push(`${r.name}：${yearRuns(reports.map((x) => x.year))}年${ids}`);
    }
  }
  const count = engine.reports.length;
  return {
    ok: true,
    command: "reports",
    answer: `已收录 ${count} 份报告、${engine.regions.length} 个地区：\n${lines.join("\n")}`,
    facts: [],
    citations: [],
  };
}

export function source(engine: Engine, id: string): Answer {
  const command = "source";
  const trimmed = id.trim();
  if (!/^[a-z0-9-]+#\d+$/.test(trimmed)) return failure(command, "bad_input", MESSAGES.badCitation(trimmed));
  const p = engine.store.paragraph(trimmed);
  if (!p) return failure(command, "not_found", MESSAGES.unknownCitation(trimmed));
  const c = citationOf(engine, p, p.text);
  return {
    ok: true,
    command,
    answer: `${c.region} · ${c.report} · ${c.section} · 第${p.n}段`,
    facts: [],
    citations: [c],
  };
}

export const HELP_TEXT = [
  "政报通：查政府工作报告里的数字和原文，每个回答都引用原句。",
  "/target 地区 指标 [年份]　预期目标，例如：/target 临淄 GDP",
  "/figure 地区 指标 [年份]　实际完成，例如：/figure 历城 社零",
  "/compare 指标 [target|actual] [年份]　各地区对比，例如：/compare GDP",
  "/check 地区 [指标] [年份]　目标完成情况（当年目标对次年报告回顾的实际），例如：/check 全国 GDP 2024、/check 全国 2024",
  "/trend 地区 指标 [起始年] [结束年]　历年目标与实际，附折线图，例如：/trend 全国 GDP 2000 2025",
  "/ask 问题　自由提问，例如：/ask 临淄新建了多少充电桩",
  "/source 引用编号　查看整段原文，例如：/source linzi-2023#19",
  "/reports　已收录的报告",
  "年份指数据所属的年份：/figure 全国 GDP 2024 是2024年的实际（见2025年报告），/target 全国 GDP 2024 是2024年的目标。",
  "不带斜杠直接提问也可以，例如：临淄今年GDP目标是多少？、2019年GDP目标完成了吗？、历年GDP目标和实际增速",
].join("\n");

export function help(): Answer {
  return { ok: true, command: "help", answer: HELP_TEXT, facts: [], citations: [] };
}
