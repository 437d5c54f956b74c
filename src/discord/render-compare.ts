/**
 * /compare on one phone screen: the ranking (values grouped, the level and year once in the header) and
 * the chart in the first embed, every quote behind one "查看原文…" menu (one option per region). The
 * earlier layout quoted every region in full with ten buttons and drew the chart last, three phone
 * screens for /compare GDP (docs/ux/).
 */
import type { APIEmbed } from "discord.js";
import type { Answer } from "../answer/schema.ts";
import { LEVEL_WORDS } from "../query/text.ts";
import { button, capRows, linkButton, quoteMenu, rowsOf } from "./components.ts";
import { sourceId } from "./custom-id.ts";
import { escapeText, markedQuote } from "./markdown.ts";
import { NOTICES } from "./notices.ts";
import {
  COLORS,
  citationLine,
  NO_MENTIONS,
  type RenderOptions,
  type ReplyPayload,
  renderHead,
  renderNotice,
} from "./render.ts";
import { type CompareCommand, type RenderView, reportOf } from "./view.ts";

const DESCRIPTION_MAX = 1500;

interface Header {
  indicator: string;
  kind: "target" | "actual";
  level: string;
  year: number;
  unit: string | null;
}

// compareTitle (src/answer/fact-commands.ts): "地区生产总值 · 预期目标对比 · 省级 · 2026年报告（按%排序）".
const TITLE = /^(.+?) · (预期目标|实际完成)对比 · (全国|省级|市级|区县级) · (\d{4})年报告/;

export function compareHeader(answer: Answer): Header | null {
  const m = answer.answer.match(TITLE);
  if (!m) return null;
  return {
    indicator: m[1] as string,
    kind: m[2] === "预期目标" ? "target" : "actual",
    level: m[3] as string,
    year: Number(m[4]),
    unit: answer.chart?.unit ?? null,
  };
}

/** The command that gives this answer again, read from the answer itself (a chat question has no options). */
export function compareCommandOf(h: Header): CompareCommand {
  return {
    name: "compare",
    indicator: h.indicator,
    kind: h.kind,
    year: h.year,
    level: LEVEL_WORDS[h.level] ?? null,
  };
}

/** "按增速从高到低" for growth rates, otherwise by the amount in its unit. */
export function orderWords(h: Header): string {
  if (h.unit === "%") return "按增速从高到低";
  return h.unit ? `按数值从高到低（单位：${h.unit}）` : "按数值从高到低";
}

/**
 * Value groups in rank order: regions with the same wording share a line ("**5%左右** 北京、吉林"), also
 * when a tie of equal value ranked another wording between them (5%左右, 5%以上, 5%左右).
 */
function rankingLines(answer: Answer): string[] {
  const rows = answer.chart?.rows ?? [];
  const lines: { value: string; key: string; regions: string[] }[] = [];
  for (const r of rows) {
    const region = r.label.replace(/\s\d{4}$/, "");
    const key = `${r.valueText}|${r.value}|${r.low ?? ""}|${r.high ?? ""}`;
    const same = lines.find((l) => l.key === key);
    if (same) same.regions.push(region);
    else lines.push({ value: r.valueText, key, regions: [region] });
  }
  let rank = 1;
  return lines.map((l) => {
    const line = `${rank}. **${escapeText(l.value, false)}** ${l.regions.map((x) => escapeText(x, false)).join("、")}`;
    rank += l.regions.length;
    return line;
  });
}

function missingLine(answer: Answer): string {
  const missing = answer.chart?.missing ?? [];
  const none = missing.filter((m) => m.reason === "报告未提及").map((m) => m.label);
  const other = missing.filter((m) => m.reason !== "报告未提及").map((m) => m.label);
  const parts = [
    other.length ? `无可比数值：${other.join("、")}` : "",
    none.length ? `报告未提及：${none.join("、")}` : "",
  ].filter(Boolean);
  return parts.length ? `-# ${escapeText(parts.join(" · "), false)}` : "";
}

/** The menu's option labels, in citation order: valued rows, then rows without a comparable value. */
function optionLabels(answer: Answer): { region: string; value: string }[] {
  const chart = answer.chart;
  if (!chart) return [];
  return [
    ...chart.rows.map((r) => ({ region: r.label.replace(/\s\d{4}$/, ""), value: r.valueText })),
    ...chart.missing
      .filter((m) => m.reason !== "报告未提及")
      .map((m) => ({ region: m.label, value: "无可比数值" })),
  ];
}

export function renderCompare(answer: Answer, opts: RenderOptions): ReplyPayload {
  const view = opts.view ?? {};
  if (view.quoteOf) return renderOneQuote(answer, view.quoteOf, view);
  const offset = view.menuOffset ?? 0;
  const h = compareHeader(answer);
  const kindWord = h?.kind === "actual" ? "实际完成" : "预期目标";
  const header = h ? `${h.level} · ${h.year}年报告 · ${orderWords(h)}` : "";
  let body = "";
  for (const line of rankingLines(answer)) {
    if (body.length + line.length + 1 > DESCRIPTION_MAX) {
      body += "\n…";
      break;
    }
    body += `${body ? "\n" : ""}${line}`;
  }
  const missing = missingLine(answer);
  const embed: APIEmbed = {
    title: h ? `${h.indicator} · ${kindWord}对比` : "各地区对比",
    description: [header ? `-# ${header}` : "", body, missing].filter(Boolean).join("\n"),
    color: COLORS.ok,
  };
  const files = opts.image ? [opts.image] : [];
  if (opts.image) embed.image = { url: `attachment://${opts.image.name}` };
  const menu = h ? quoteMenu(answer, compareCommandOf(h), optionLabels(answer), offset) : [];
  return {
    embeds: [embed],
    components: capRows(menu),
    ...(files.length ? { files } : {}),
    allowedMentions: NO_MENTIONS,
  };
}

/** The menu's choice: that region's line, its quote and citation, 查看整段 and the report link (private). */
function renderOneQuote(answer: Answer, id: string, view: RenderView): ReplyPayload {
  const c = answer.citations.find((x) => x.id === id);
  if (!c) return renderNotice(NOTICES.quoteGone);
  const line = answer.facts.find((f) => f.citation === id)?.display ?? c.region;
  const quote = markedQuote(c.quote.replace(/\s*\n\s*/g, " "), c.marks, 1500).text;
  const url = view.reports?.get(reportOf(id))?.url;
  const whole = sourceId(id);
  return {
    embeds: [
      {
        title: `${c.region} · 原文`,
        description: `${renderHead(line)}\n\n> ${quote}\n${citationLine(c, view)}`,
        color: COLORS.ok,
        ...(url ? { url } : {}),
      },
    ],
    components: rowsOf([
      ...(whole ? [button(whole, "查看整段")] : []),
      ...(url ? [linkButton(url, "打开报告原文")] : []),
    ]),
    allowedMentions: NO_MENTIONS,
  };
}
