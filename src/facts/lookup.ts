/** How the statements of one report, indicator and kind are shown: display groups, most specific first. */
import type { Statement } from "./extract.ts";

/** Statements (one report, indicator and kind, in document order) as display groups, most specific first. */
export function rankedGroups(list: readonly Statement[]): Statement[][] {
  const groups = new Map<string, Statement[]>();
  for (const s of list) {
    const g = groups.get(s.group);
    if (g) g.push(s);
    else groups.set(s.group, [s]);
  }
  // Stable sort keeps document order among equals, so the report's first mention leads.
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

// Lower is better: annual before multi-year (a question without a year asks about this year), then the
// 预期目标 paragraph before other plan sentences, then statements with a number.
function rank(group: readonly Statement[]): number {
  const s = group[0];
  if (!s) return 99;
  return (
    (s.horizon === "annual" ? 0 : 8) + (s.headline ? 0 : 4) + (group.some((g) => g.value !== null) ? 0 : 1)
  );
}
