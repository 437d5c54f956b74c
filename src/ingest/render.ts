/** The ingestion report as the terminal shows it: every guess marked, every warning spelled out. */
import type { Prepared } from "./ingest.ts";
import type { Field } from "./metadata.ts";

const KIND_LABEL: Record<string, string> = {
  review: "回顾",
  plan: "安排",
  self: "自身建设",
  other: "未分类",
};
const LAYOUT_LABEL = { blocks: "空行分段", lines: "一行一段" };

function mark<T>(f: Field<T>): string {
  return f.from === "检测" ? "" : `  (${f.from})`;
}

/** Pads to a terminal width where a Han character takes two columns. */
function padWide(s: string, width: number): string {
  const w = [...s].reduce((n, c) => n + ((c.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);
  return s + " ".repeat(Math.max(1, width - w));
}

function cut(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function renderReport(p: Prepared, fileName: string): string {
  const { entry, meta, report, cleaned } = p;
  const out: string[] = [];
  out.push(`【${entry.id}】 ${fileName}（${p.source.format}，${LAYOUT_LABEL[cleaned.layout]}）`);
  out.push(`  标题      ${entry.title}${mark(meta.title)}`);
  out.push(
    `  地区      ${entry.region} · ${entry.level}${mark(meta.region)}  别名 ${entry.aliases.join("、") || "无"}${
      entry.province && entry.level !== "省" ? `  省 ${entry.province}` : ""
    }${entry.city ? `  市 ${entry.city}` : ""}`,
  );
  out.push(
    `  年份      ${entry.year}${mark(meta.year)} · 回顾 ${entry.reviewYear}${mark(meta.reviewYear)} · 目标 ${entry.targetYear}${mark(meta.targetYear)}`,
  );
  out.push(`  会议      ${meta.dateLine ?? "（未找到会议行）"}`);
  out.push(`  报告人    ${meta.speakerLine ?? "（未找到）"}`);
  if (entry.published) out.push(`  日期      ${entry.published}${mark(meta.published)}`);
  if (entry.url) out.push(`  网址      ${entry.url}`);
  out.push(
    `  清理      删除 ${cleaned.removed.length} 行页面杂项，合并 ${cleaned.joins} 处断行 → ${report.paragraphs} 段，${report.hanChars} 个汉字`,
  );
  if (cleaned.removed.length > 0)
    out.push(
      `            删除示例：${cleaned.removed
        .slice(0, 6)
        .map((r) => `「${cut(r, 16)}」`)
        .join("")}`,
    );
  out.push("  章节");
  if (report.sections.length === 0) out.push("            （没有一级标题）");
  for (const s of report.sections)
    out.push(
      `            ${padWide(cut(s.heading, 24), 50)}${KIND_LABEL[s.kind]}${s.year ? ` ${s.year}` : ""} · ${s.paragraphs} 段`,
    );
  out.push(`  主要预期目标  ${report.targetsParagraph ? `第 ${report.targetsParagraph} 段` : "未找到"}`);
  const st = report.statements;
  out.push(
    `  数值表述  目标 年度 ${st["target annual"] ?? 0} · 目标 多年 ${st["target multi-year"] ?? 0} · 实际 年度 ${
      st["actual annual"] ?? 0
    } · 实际 多年 ${st["actual multi-year"] ?? 0}`,
  );
  if (report.warnings.length === 0) out.push("  警告      无");
  else {
    out.push(`  警告      ${report.warnings.length} 条`);
    for (const w of report.warnings) out.push(`    ⚠ ${w}`);
  }
  const guessed = [meta.title, meta.region, meta.year, meta.reviewYear, meta.targetYear].some(
    (f) => f.from === "默认",
  );
  if (guessed || report.warnings.length > 0)
    out.push("  猜错了？用 --id --title --region --level --year --review-year --target-year 改正");
  return out.join("\n");
}
