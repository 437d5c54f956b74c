/**
 * The answer model: one schema for every command's result, read by every front end (terminal, JSON,
 * Discord). Documented in the README; other tools read it, so keep it stable.
 */
import { z } from "zod";
import { VERDICTS } from "./check-rule.ts";

export const ErrorCode = z.enum([
  "unknown_region",
  "ambiguous_region",
  "not_found",
  "bad_input",
  "unknown_command",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FactSchema = z.object({
  region: z.string(),
  indicator: z.string(),
  kind: z.enum(["target", "actual"]),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  change: z.string().nullable(),
  qualifier: z.string().nullable(),
  text: z.string(),
  citation: z.string(),
  /** The formatted line, e.g. "临淄区 · 2023年预期目标 · 地区生产总值：增长5.5%以上". */
  display: z.string().optional(),
  /** Upper bound of a range such as 4.5%—5% (value holds the lower bound). */
  valueHigh: z.number().nullable().optional(),
  /** "annual", or "multi-year" for 十四五/十五五 goals. */
  horizon: z.enum(["annual", "multi-year"]).optional(),
  year: z.number().int().optional(),
});
export type Fact = z.infer<typeof FactSchema>;

export const MarkSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: z.enum(["term", "number"]),
});
export type Mark = z.infer<typeof MarkSchema>;

export const CitationSchema = z.object({
  id: z.string(),
  region: z.string(),
  report: z.string(),
  section: z.string(),
  paragraph: z.number().int().positive(),
  quote: z.string(),
  /** Spans of `quote` that matched the question (terms) or hold numbers, as UTF-16 offsets. */
  marks: z.array(MarkSchema).optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

/** What a front end needs to draw /compare as a bar chart (src/chart renders it to PNG). */
export const ChartDataSchema = z.object({
  title: z.string(),
  subtitle: z.string().optional(),
  unit: z.string().nullable(),
  rows: z.array(
    z.object({
      label: z.string(),
      valueText: z.string(),
      value: z.number().nullable(),
      low: z.number().optional(),
      high: z.number().optional(),
    }),
  ),
  missing: z.array(z.object({ label: z.string(), reason: z.string() })),
  footer: z.string(),
});
export type ChartData = z.infer<typeof ChartDataSchema>;

/** One side of a /check or /trend year: the statement compared, as the report wrote it. */
export const CheckSideSchema = z.object({
  /** The value as written, e.g. "增长5%左右". */
  text: z.string(),
  value: z.number().nullable(),
  valueHigh: z.number().nullable(),
  unit: z.string().nullable(),
  qualifier: z.string().nullable(),
  /** The report it comes from (id) and the paragraph quoted (citation id). */
  report: z.string(),
  citation: z.string(),
});
export type CheckSide = z.infer<typeof CheckSideSchema>;

export const VerdictSchema = z.enum(VERDICTS);

/** /check: a year's target against that year's actual figure, and the verdict (docs/CHECK.md). */
export const CheckSchema = z.object({
  region: z.string(),
  indicator: z.string(),
  /** The year both figures are about. */
  year: z.number().int(),
  target: CheckSideSchema.nullable(),
  actual: CheckSideSchema.nullable(),
  verdict: VerdictSchema,
  /** Why this verdict, with both values. */
  reason: z.string(),
  /** The rule applied, in one line. */
  rule: z.string(),
  /** What is missing (a report not in the corpus, a statement not in a report). */
  missing: z.array(z.string()),
});
export type Check = z.infer<typeof CheckSchema>;

/** /trend: target and actual by year; a year with neither is absent, never interpolated. */
export const SeriesSchema = z.object({
  region: z.string(),
  indicator: z.string(),
  unit: z.string().nullable(),
  /** Which way is good for the indicator (docs/CHECK.md): a bare target is a floor or a cap. */
  direction: z.enum(["floor", "ceiling"]).optional(),
  from: z.number().int(),
  to: z.number().int(),
  points: z.array(
    z.object({
      year: z.number().int(),
      target: CheckSideSchema.nullable(),
      actual: CheckSideSchema.nullable(),
      verdict: VerdictSchema,
    }),
  ),
});
export type Series = z.infer<typeof SeriesSchema>;

export const AnswerSchema = z.object({
  ok: z.boolean(),
  command: z.string(),
  answer: z.string(),
  facts: z.array(FactSchema),
  citations: z.array(CitationSchema),
  error: z
    .object({ code: ErrorCode, message: z.string(), suggestions: z.array(z.string()).optional() })
    .optional(),
  /** Paging for /ask: the page shown and whether more passages exist. */
  page: z.object({ page: z.number().int().positive(), hasMore: z.boolean() }).optional(),
  /** /compare only: the rows as chart data. */
  chart: ChartDataSchema.optional(),
  /** /check with an indicator: the verdict for one year. */
  check: CheckSchema.optional(),
  /** /check with a region only: one verdict per indicator with both figures. */
  checks: z.array(CheckSchema).optional(),
  /** /trend: the series behind the table and the chart. */
  series: SeriesSchema.optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;
