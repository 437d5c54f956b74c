/** Which statements answer /target, /figure and /compare, best first. */
import type { Statement } from "./extract.ts";

export class FactStore {
  readonly all: readonly Statement[];
  readonly #byKey = new Map<string, Statement[]>();

  constructor(statements: readonly Statement[]) {
    this.all = statements;
    for (const s of statements) {
      const key = `${s.reportId}|${s.indicatorId}|${s.kind}`;
      const list = this.#byKey.get(key);
      if (list) list.push(s);
      else this.#byKey.set(key, [s]);
    }
  }

  /** Statement groups for one report, indicator and kind, most specific first. */
  groups(reportId: string, indicatorId: string, kind: Statement["kind"]): Statement[][] {
    const list = this.#byKey.get(`${reportId}|${indicatorId}|${kind}`) ?? [];
    const groups = new Map<string, Statement[]>();
    for (const s of list) {
      const g = groups.get(s.group);
      if (g) g.push(s);
      else groups.set(s.group, [s]);
    }
    // Stable sort keeps document order among equals, so the report's first mention leads.
    return [...groups.values()].sort((a, b) => rank(a) - rank(b));
  }
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
