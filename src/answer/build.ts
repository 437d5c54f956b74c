/** Small constructors shared by the commands, so every answer is shaped the same way. */
import type { Region } from "../corpus/corpus.ts";
import type { Paragraph } from "../corpus/structure.ts";
import type { Engine } from "../engine.ts";
import { findNumbers } from "../facts/numbers.ts";
import type { UserError } from "../query/command.ts";
import type { Kind } from "../query/text.ts";
import type { ReportInfo } from "../search/store.ts";
import { actualReports, targetReports } from "./check-pairs.ts";
import { MESSAGES } from "./messages.ts";
import type { Answer, Citation, ErrorCode, Mark } from "./schema.ts";

export function failure(
  command: string,
  code: ErrorCode,
  message: string,
  extra: Partial<Answer> = {},
): Answer {
  const suggestions = extra.error?.suggestions;
  return {
    ok: false,
    command,
    answer: message,
    facts: [],
    citations: [],
    ...extra,
    error: { code, message, ...(suggestions ? { suggestions } : {}) },
  };
}

/** The answer for an expected failure found before any command ran (bad input, unknown command). */
export function failureOf(e: UserError): Answer {
  return failure(
    e.command,
    e.code,
    e.message,
    e.suggestions ? { error: { code: e.code, message: "", suggestions: e.suggestions } } : {},
  );
}

export function citationOf(
  engine: Pick<Engine, "reportById">,
  p: Paragraph,
  quote: string,
  terms: readonly string[] = [],
): Citation {
  const report = engine.reportById.get(p.reportId);
  return {
    id: p.id,
    region: report?.region ?? "",
    report: report?.title ?? p.reportId,
    section: p.headings.join(" › ") || "（开篇）",
    paragraph: p.n,
    quote,
    marks: marksIn(quote, terms),
  };
}

/** Spans of the quote holding a query term or a number, sorted and non-overlapping. */
export function marksIn(quote: string, terms: readonly string[]): Mark[] {
  const spans: Mark[] = [];
  for (const n of findNumbers(quote)) spans.push({ start: n.start, end: n.end, kind: "number" });
  for (const t of new Set(terms)) {
    if (t.length < 2 && !/\p{Script=Han}/u.test(t)) continue;
    let from = 0;
    const lower = quote.toLowerCase();
    for (;;) {
      const at = lower.indexOf(t.toLowerCase(), from);
      if (at < 0) break;
      spans.push({ start: at, end: at + t.length, kind: "term" });
      from = at + t.length;
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mark[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}

export type ReportPick = { ok: true; report: ReportInfo } | { ok: false; answer: Answer };

/** The region's report for a year, or its latest when no year is given. */
export function pickReport(command: string, region: Region<ReportInfo>, year: number | null): ReportPick {
  if (year === null) {
    const latest = region.reports[0];
    if (latest) return { ok: true, report: latest };
  }
  const found = region.reports.find((r) => r.year === year);
  if (found) return { ok: true, report: found };
  const years = region.reports.map((r) => r.year);
  return {
    ok: false,
    answer: failure(command, "not_found", MESSAGES.noYear(region.name, year ?? 0, years), {
      error: { code: "not_found", message: "", suggestions: years.map(String) },
    }),
  };
}

export type AboutPick =
  | { ok: true; report: ReportInfo; note: string | null; byReportYear: boolean }
  | { ok: false; answer: Answer };

/**
 * /target and /figure with a year: the year the figure is about. A target for Y is in Y's report; an
 * actual for Y in the report reviewing Y (reviewYear, usually Y+1's). When no report reviews Y, Y's own
 * report (the report-year reading) with a note; when both readings exist, a note names the other.
 */
export function pickReportAbout(
  command: string,
  region: Region<ReportInfo>,
  kind: Kind,
  year: number,
): AboutPick {
  const about = kind === "target" ? targetReports(region, year) : actualReports(region, year);
  const own = region.reports.find((r) => r.year === year);
  const report = about[0];
  if (kind === "actual" && report && own && own !== report) {
    return { ok: true, report, byReportYear: false, note: MESSAGES.aboutYearBoth(year, report.year) };
  }
  if (report) return { ok: true, report, byReportYear: false, note: null };
  if (own) return { ok: true, report: own, byReportYear: true, note: MESSAGES.aboutYearFallback(year) };
  const pick = pickReport(command, region, year);
  return pick.ok ? { ...pick, byReportYear: true, note: null } : pick;
}
