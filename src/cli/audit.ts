/**
 * `npm run audit [-- --corpus DIR] [--report ID] [--gold DIR] [--json] [--errors N]`: the rule layer
 * scored against the hand-labelled gold set (test/gold): precision, recall, trap violations and period
 * labels, overall, per era, per report and per error class. Independent of the store: it loads the
 * corpus and runs extractStatements itself.
 */
import { parseArgs } from "node:util";
import { loadCorpus } from "../corpus/corpus.ts";
import {
  type AuditResult,
  audit,
  type GoldItem,
  loadGold,
  periodAccuracy,
  precision,
  recall,
  type Tally,
} from "../facts/audit.ts";
import { extractStatements } from "../facts/extract.ts";
import { loadLexicon } from "../facts/lexicon.ts";

const HELP = `用法: npm run audit -- [--corpus 目录] [--report 报告ID] [--gold 目录] [--json] [--errors N]
  --corpus   语料目录（默认 corpus）
  --report   只评这一份报告（如 national-2019）
  --gold     金标准目录（默认 test/gold）
  --json     输出 JSON
  --errors   列出前 N 条错误（默认 40；0 不列）
`;

function main(): number {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse().values;
  } catch (e) {
    process.stderr.write(`参数错误：${(e as Error).message}\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const corpusDir = values.corpus ?? "corpus";
  let gold: GoldItem[];
  let corpus: ReturnType<typeof loadCorpus>;
  let lexicon: ReturnType<typeof loadLexicon>;
  try {
    gold = loadGold(values.gold ?? "test/gold");
    corpus = loadCorpus(corpusDir);
    lexicon = loadLexicon(corpusDir);
  } catch (e) {
    process.stderr.write(`无法加载：${(e as Error).message}\n`);
    return 2;
  }
  let reports = corpus.reports;
  if (values.report) {
    reports = reports.filter((r) => r.id === values.report);
    if (reports.length === 0) {
      process.stderr.write(`语料中没有报告 ${values.report}\n`);
      return 2;
    }
    gold = gold.filter((g) => g.reportId === values.report);
  }
  const statements = extractStatements({ reports }, lexicon);
  const result = audit(gold, statements, reports);
  const errorsShown = Number(values.errors ?? "40");
  if (!Number.isInteger(errorsShown) || errorsShown < 0) {
    process.stderr.write(`--errors 需要一个非负整数，收到 ${values.errors}\n`);
    return 2;
  }
  process.stdout.write(values.json ? `${toJson(result)}\n` : render(result, errorsShown));
  return 0;
}

function parse() {
  return parseArgs({
    args: process.argv.slice(2),
    strict: true,
    allowPositionals: false,
    options: {
      corpus: { type: "string" },
      report: { type: "string" },
      gold: { type: "string" },
      json: { type: "boolean" },
      errors: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function row(name: string, t: Tally): string {
  return [
    name.padEnd(18),
    `P ${pct(precision(t))} (${t.truePositives}/${t.extracted})`.padEnd(22),
    `R ${pct(recall(t))} (${t.found}/${t.gold})`.padEnd(22),
    `period ${pct(periodAccuracy(t))}`.padEnd(14),
    `traps ${t.trapViolations}/${t.traps}`,
  ].join(" ");
}

function render(r: AuditResult, errorsShown: number): string {
  const out: string[] = [];
  out.push(row("overall", r.overall));
  if (r.skipped > 0)
    out.push(`skipped ${r.skipped} gold items of reports not in the corpus: ${r.skippedReports.join(", ")}`);
  out.push("", "by era:");
  for (const [k, t] of [...r.byEra].sort()) out.push(`  ${row(k, t)}`);
  out.push("", "by report:");
  for (const [k, t] of [...r.byReport].sort()) out.push(`  ${row(k, t)}`);
  out.push("", "by tag (recall and traps of the items carrying it):");
  for (const [k, t] of [...r.byTag].sort()) out.push(`  ${row(k, t)}`);
  const classes = new Map<string, number>();
  for (const e of r.errors) classes.set(e.class, (classes.get(e.class) ?? 0) + 1);
  out.push("", "errors by class:");
  for (const [k, n] of [...classes].sort((a, b) => b[1] - a[1])) out.push(`  ${k.padEnd(18)} ${n}`);
  if (errorsShown > 0 && r.errors.length > 0) {
    out.push("", `first ${Math.min(errorsShown, r.errors.length)} errors:`);
    for (const e of r.errors.slice(0, errorsShown)) {
      out.push(`  [${e.class}] ${e.reportId}: ${e.detail} | ${e.sentence.slice(0, 60)}`);
    }
  }
  return `${out.join("\n")}\n`;
}

function toJson(r: AuditResult): string {
  const withRates = (t: Tally) => ({
    ...t,
    precision: precision(t),
    recall: recall(t),
    periodAccuracy: periodAccuracy(t),
  });
  const obj = (m: Map<string, Tally>) => Object.fromEntries([...m].map(([k, t]) => [k, withRates(t)]));
  return JSON.stringify({
    overall: withRates(r.overall),
    byEra: obj(r.byEra as Map<string, Tally>),
    byReport: obj(r.byReport),
    byTag: obj(r.byTag),
    errors: r.errors,
    skipped: r.skipped,
    skippedReports: r.skippedReports,
  });
}

// Piped into head: a closed pipe ends the output, not in a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});
process.exitCode = main();
