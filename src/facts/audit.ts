/**
 * The gold audit: extracted statements scored against hand-labelled statements and traps (test/gold).
 * A gold sentence is complete: every number in it that measures a lexicon indicator is a gold item, so
 * any other numeric statement extracted from that sentence is a false positive. Traps name numbers
 * that must never attach (to any indicator, or to the one named).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { CorpusError } from "../errors.ts";
import type { Statement } from "./extract.ts";

const Common = {
  reportId: z.string().min(1),
  /** The sentence as the report writes it (compared after width and whitespace normalisation). */
  sentence: z.string().min(1),
  /** Phenomena the item exercises: ratio, intensity, subregion, partial, milestone, period, list… */
  tags: z.array(z.string()).default([]),
};

export const GoldStatementSchema = z.object({
  type: z.literal("statement"),
  ...Common,
  indicator: z.string().min(1),
  kind: z.enum(["target", "actual"]),
  horizon: z.enum(["annual", "multi-year"]),
  /** The year the figure is about, or the first year of its span. */
  about: z.number().int(),
  aboutEnd: z.number().int().nullable().default(null),
  value: z.number().nullable(),
  valueHigh: z.number().nullable().default(null),
  unit: z.string().nullable(),
  change: z.string().nullable().default(null),
  qualifier: z.string().nullable().default(null),
});

export const GoldTrapSchema = z.object({
  type: z.literal("trap"),
  ...Common,
  value: z.number(),
  digits: z.string(),
  unit: z.string(),
  /** The indicator the number must not attach to; null: it must attach to none. */
  notIndicator: z.string().nullable().default(null),
  note: z.string().default(""),
});

const GoldItemSchema = z.discriminatedUnion("type", [GoldStatementSchema, GoldTrapSchema]);
export type GoldStatement = z.infer<typeof GoldStatementSchema>;
export type GoldTrap = z.infer<typeof GoldTrapSchema>;
export type GoldItem = z.infer<typeof GoldItemSchema>;

/** Every `*.jsonl` file in dir, validated line by line; a bad line names its file and line. */
export function loadGold(dir: string): GoldItem[] {
  const out: GoldItem[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()) {
    const path = join(dir, name);
    readFileSync(path, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (line.trim() === "") return;
        let raw: unknown;
        try {
          raw = JSON.parse(line);
        } catch {
          throw new CorpusError(path, `line ${i + 1}`, line.slice(0, 40), "not valid JSON");
        }
        const parsed = GoldItemSchema.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new CorpusError(
            path,
            `line ${i + 1}: ${issue?.path.join(".")}`,
            line.slice(0, 40),
            issue?.message ?? "invalid",
          );
        }
        out.push(parsed.data);
      });
  }
  return out;
}

/** Full-width digits and punctuation folded, whitespace dropped: importers differ in both. */
export function normText(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "");
}

export type Era = "national<2000" | "national≥2000" | "province" | "district";

export interface ReportInfo {
  id: string;
  level: string;
  year: number;
}

export function eraOf(r: ReportInfo): Era {
  if (r.level === "国家") return r.year < 2000 ? "national<2000" : "national≥2000";
  return r.level === "区县" ? "district" : "province";
}

export interface Tally {
  /** Extracted numeric statements in gold sentences. */
  extracted: number;
  truePositives: number;
  gold: number;
  found: number;
  periodRight: number;
  traps: number;
  trapViolations: number;
}

const emptyTally = (): Tally => ({
  extracted: 0,
  truePositives: 0,
  gold: 0,
  found: 0,
  periodRight: 0,
  traps: 0,
  trapViolations: 0,
});

export type ErrorClass =
  | "trap violated"
  | "wrong subject"
  | "unlabelled number"
  | "wrong period"
  | "wrong kind"
  | "missed";

export interface AuditError {
  class: ErrorClass;
  reportId: string;
  sentence: string;
  detail: string;
  tags: string[];
}

export interface AuditResult {
  overall: Tally;
  byReport: Map<string, Tally>;
  byEra: Map<Era, Tally>;
  /** Gold items grouped by tag: recall and trap violations per phenomenon. */
  byTag: Map<string, Tally>;
  errors: AuditError[];
  /** Gold items whose report is not in the corpus. */
  skipped: number;
  skippedReports: string[];
}

type AuditStatement = Pick<
  Statement,
  "reportId" | "sentence" | "indicatorId" | "kind" | "horizon" | "value" | "valueHigh" | "unit" | "text"
> & { about?: number; aboutEnd?: number | null };

const same = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;

function valueMatches(s: AuditStatement, g: GoldStatement): boolean {
  return (
    s.indicatorId === g.indicator &&
    same(s.value, g.value) &&
    same(s.valueHigh, g.valueHigh) &&
    s.unit === g.unit
  );
}

function periodMatches(s: AuditStatement, g: GoldStatement): boolean {
  return (
    s.kind === g.kind &&
    s.horizon === g.horizon &&
    s.about === g.about &&
    (s.aboutEnd ?? null) === (g.aboutEnd ?? null)
  );
}

function sameSentence(extracted: string, gold: string): boolean {
  const a = normText(extracted);
  const b = normText(gold);
  return a.includes(b) || b.includes(a);
}

function add(t: Tally, d: Partial<Tally>): void {
  for (const [k, v] of Object.entries(d)) t[k as keyof Tally] += v as number;
}

/**
 * Scores statements against the gold set. Only numeric statements (value not null) from reports in
 * `reports` are scored; gold items of other reports are counted as skipped.
 */
export function audit(gold: GoldItem[], statements: AuditStatement[], reports: ReportInfo[]): AuditResult {
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const result: AuditResult = {
    overall: emptyTally(),
    byReport: new Map(),
    byEra: new Map(),
    byTag: new Map(),
    errors: [],
    skipped: 0,
    skippedReports: [],
  };
  const tally = (map: Map<string, Tally>, key: string) => {
    const t = map.get(key) ?? emptyTally();
    map.set(key, t);
    return t;
  };
  const present = gold.filter((g) => reportById.has(g.reportId));
  result.skipped = gold.length - present.length;
  result.skippedReports = [
    ...new Set(gold.filter((g) => !reportById.has(g.reportId)).map((g) => g.reportId)),
  ];

  // Gold grouped by report, then by sentence.
  const sentences = new Map<string, Map<string, GoldItem[]>>();
  for (const g of present) {
    const byS = sentences.get(g.reportId) ?? new Map<string, GoldItem[]>();
    sentences.set(g.reportId, byS);
    byS.set(g.sentence, [...(byS.get(g.sentence) ?? []), g]);
  }
  const numeric = statements.filter((s) => s.value !== null);
  const statementsByReport = new Map<string, AuditStatement[]>();
  for (const s of numeric)
    statementsByReport.set(s.reportId, [...(statementsByReport.get(s.reportId) ?? []), s]);

  for (const [reportId, bySentence] of sentences) {
    const report = reportById.get(reportId) as ReportInfo;
    const targets = [
      result.overall,
      tally(result.byReport, reportId),
      tally(result.byEra as Map<string, Tally>, eraOf(report)),
    ];
    const own = statementsByReport.get(reportId) ?? [];
    for (const [sentence, items] of bySentence) {
      const extracted = own.filter((s) => sameSentence(s.sentence, sentence));
      const golds = items.filter((g): g is GoldStatement => g.type === "statement");
      const traps = items.filter((g): g is GoldTrap => g.type === "trap");
      const err = (cls: ErrorClass, detail: string, tags: string[] = []) =>
        result.errors.push({ class: cls, reportId, sentence, detail, tags });
      for (const s of extracted) {
        const ok = golds.some((g) => valueMatches(s, g));
        const label = `${s.indicatorId} ${s.value}${s.valueHigh !== null ? `-${s.valueHigh}` : ""}${s.unit ?? ""}`;
        for (const t of targets) add(t, { extracted: 1, truePositives: ok ? 1 : 0 });
        if (ok) continue;
        const trap = traps.find(
          (t) =>
            same(t.value, s.value) &&
            t.unit === s.unit &&
            (t.notIndicator === null || t.notIndicator === s.indicatorId),
        );
        if (trap) continue; // counted below, once per trap
        const elsewhere = golds.find((g) => same(g.value, s.value) && g.unit === s.unit);
        if (elsewhere) err("wrong subject", `${label} (gold: ${elsewhere.indicator})`, elsewhere.tags);
        else err("unlabelled number", label);
      }
      for (const g of golds) {
        const hits = extracted.filter((s) => valueMatches(s, g));
        const found = hits.length > 0;
        const right = hits.some((s) => periodMatches(s, g));
        const d = { gold: 1, found: found ? 1 : 0, periodRight: right ? 1 : 0 };
        for (const t of targets) add(t, d);
        for (const tag of g.tags) add(tally(result.byTag, tag), d);
        const label = `${g.indicator} ${g.value}${g.unit ?? ""} ${g.kind}/${g.horizon}/${g.about}${g.aboutEnd ? `-${g.aboutEnd}` : ""}`;
        if (!found) err("missed", label, g.tags);
        else if (!right) {
          const s = hits[0] as AuditStatement;
          const got = `${s.kind}/${s.horizon}/${s.about}${s.aboutEnd ? `-${s.aboutEnd}` : ""}`;
          err(s.kind === g.kind ? "wrong period" : "wrong kind", `${label} (got ${got})`, g.tags);
        }
      }
      for (const trap of traps) {
        const hit = extracted.find(
          (s) =>
            same(trap.value, s.value) &&
            trap.unit === s.unit &&
            (trap.notIndicator === null || trap.notIndicator === s.indicatorId),
        );
        const d = { traps: 1, trapViolations: hit ? 1 : 0 };
        for (const t of targets) add(t, d);
        for (const tag of trap.tags) add(tally(result.byTag, tag), d);
        if (hit)
          err("trap violated", `${hit.indicatorId} ${trap.digits}${trap.unit}: ${trap.note}`, trap.tags);
      }
    }
  }
  return result;
}

export const precision = (t: Tally) => (t.extracted === 0 ? 1 : t.truePositives / t.extracted);
export const recall = (t: Tally) => (t.gold === 0 ? 1 : t.found / t.gold);
/** Period labels right among the gold items found. */
export const periodAccuracy = (t: Tally) => (t.found === 0 ? 1 : t.periodRight / t.found);
