/**
 * The one formatter for statements: "临淄区 · 2023年预期目标 · 地区生产总值：增长5.5%以上".
 * Digits are printed as the report wrote them, so every number in a line appears in its quote.
 */
import type { Statement } from "./extract.ts";

const AFTER = new Set(["以上", "左右", "以内", "以下", "上下"]);

/** "增长5.5%以上", "6%—6.5%", "约350亿元", or the clause itself for a target without a number. */
export function formatValue(
  s: Pick<Statement, "digits" | "digitsHigh" | "unit" | "change" | "qualifier" | "text">,
): string {
  if (s.digits === null) return s.text;
  const { lead, near, after } = splitQualifier(s.qualifier);
  const unit = s.unit ?? "";
  // "67700多亿元": 多 sits between the digits and the unit, as written.
  const more = near.includes("多") ? "多" : "";
  const number =
    s.digitsHigh !== null ? `${s.digits}${unit}—${s.digitsHigh}${unit}` : `${s.digits}${more}${unit}`;
  return `${lead}${s.change ?? ""}${near.replace("多", "")}${number}${after}`;
}

// 力争/预计/可比 qualify the whole statement ("力争增长10%"); 超过/约/突破 the number ("降幅超过3%").
const LEADING = /^(力争|预计|可比)/;

function splitQualifier(q: string | null): { lead: string; near: string; after: string } {
  if (!q) return { lead: "", near: "", after: "" };
  const tail = [...AFTER].find((a) => q.endsWith(a)) ?? "";
  const front = q.slice(0, q.length - tail.length);
  const lead = front.match(LEADING)?.[1] ?? "";
  return { lead, near: front.slice(lead.length), after: tail };
}

export function periodLabel(s: Pick<Statement, "kind" | "horizon" | "year" | "headline">): string {
  if (s.kind === "target") {
    if (s.horizon === "multi-year") return `${s.year}年报告 · 中长期目标`;
    return s.headline ? `${s.year}年预期目标` : `${s.year}年工作安排`;
  }
  return s.horizon === "multi-year" ? `${s.year}年报告 · 多年回顾` : `${s.year}年报告 · 工作回顾`;
}

/** Values of one subject in one clause chain, joined: "2778亿元，增长17.8%". */
export function formatGroup(group: readonly Statement[]): string {
  return group.map(formatValue).join("，");
}

export function formatLine(region: string, indicatorName: string, group: readonly Statement[]): string {
  const first = group[0];
  if (!first) return "";
  return `${region} · ${periodLabel(first)} · ${indicatorName}：${formatGroup(group)}`;
}
