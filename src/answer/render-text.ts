/** Plain-text rendering for the terminal: the answer, then each quote with its citation. */
import type { Answer } from "./schema.ts";

export function renderText(a: Answer): string {
  const out = [a.answer];
  if (a.error?.suggestions?.length) out.push(`建议：${a.error.suggestions.join("、")}`);
  a.citations.forEach((c, i) => {
    out.push(
      "",
      `[${i + 1}] 「${c.quote}」`,
      `    —— ${c.region} · ${c.report} · ${c.section} · 第${c.paragraph}段（${c.id}）`,
    );
  });
  if (a.page?.hasMore) out.push("", `（还有更多结果：在问题后加 page:${a.page.page + 1}）`);
  return out.join("\n");
}
