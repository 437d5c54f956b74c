/** /reports, /source and /help. */
import type { EngineParts } from "../engine.ts";
import { citationOf, failure } from "./build.ts";
import { MESSAGES } from "./messages.ts";
import type { Answer } from "./schema.ts";

export function reports(parts: EngineParts): Answer {
  const lines = parts.corpus.reports.map((r) => {
    const count = r.paragraphs.filter((p) => !p.isHeading).length;
    return `${r.id}　${r.region}（${r.level}）　${r.year}年　${count}段　${r.title}`;
  });
  return {
    ok: true,
    command: "reports",
    answer: `已收录 ${lines.length} 份报告：\n${lines.join("\n")}`,
    facts: [],
    citations: [],
  };
}

export function source(parts: EngineParts, id: string): Answer {
  const command = "source";
  const trimmed = id.trim();
  if (!/^[a-z0-9-]+#\d+$/.test(trimmed)) return failure(command, "bad_input", MESSAGES.badCitation(trimmed));
  const p = parts.corpus.paragraphById.get(trimmed);
  if (!p) return failure(command, "not_found", MESSAGES.unknownCitation(trimmed));
  const c = citationOf(parts.corpus, p, p.text);
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
  "/ask 问题　自由提问，例如：/ask 临淄新建了多少充电桩",
  "/source 引用编号　查看整段原文，例如：/source linzi-2023#19",
  "/reports　已收录的报告",
  "不带斜杠直接提问也可以，例如：临淄今年GDP目标是多少？",
].join("\n");

export function help(): Answer {
  return { ok: true, command: "help", answer: HELP_TEXT, facts: [], citations: [] };
}
