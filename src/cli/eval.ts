/**
 * Scores a question set (default ../shared/eval/dev.jsonl) through the CLI contract, as
 * ../shared/eval/README.md describes: the `ask` fields go to `npm run ask -- --jsonl` in one process.
 * Prints per-kind results and exits 1 when a line fails or a quote is not verbatim.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { corpusDirFrom } from "../engine.ts";
import { type EvalLine, loadCorpusTexts, scoreLine } from "./eval-score.ts";

const argv = process.argv.slice(2);
const file = argv.find((a) => a.endsWith(".jsonl")) ?? "../shared/eval/dev.jsonl";
const corpusDir = corpusDirFrom(argv, process.env);
const lines: EvalLine[] = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as EvalLine);

const askScript = fileURLToPath(new URL("./ask.ts", import.meta.url));
const run = spawnSync(process.execPath, ["--import", "tsx", askScript, "--jsonl", "--corpus", corpusDir], {
  input: `${lines.map((l) => l.ask.replace(/\n/g, " ")).join("\n")}\n`,
  encoding: "utf8",
  maxBuffer: 1 << 28,
});
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(2);
}
const answers = run.stdout.split("\n").filter((l) => l.trim());
const corpusTexts = loadCorpusTexts(corpusDir);

const byKind = new Map<string, { pass: number; total: number }>();
let quotes = 0;
let verbatim = 0;
const failures: string[] = [];
lines.forEach((line, i) => {
  const result = scoreLine(line, answers[i] ?? "null", corpusTexts);
  quotes += result.quotes;
  verbatim += result.verbatim;
  const k = byKind.get(line.kind) ?? { pass: 0, total: 0 };
  k.total++;
  if (result.pass) k.pass++;
  else failures.push(`  ✗ ${line.id} ${line.ask} — ${result.why}`);
  byKind.set(line.kind, k);
});

const total = lines.length;
const passed = [...byKind.values()].reduce((n, k) => n + k.pass, 0);
for (const [kind, k] of byKind) process.stdout.write(`${kind.padEnd(15)} ${k.pass}/${k.total}\n`);
if (failures.length) process.stdout.write(`failures:\n${failures.join("\n")}\n`);
const pct = quotes === 0 ? 100 : (100 * verbatim) / quotes;
process.stdout.write(`quotes verbatim: ${verbatim}/${quotes} (${pct.toFixed(1)}%)\n`);
process.stdout.write(`total: ${passed}/${total} passed\n`);
process.exit(passed === total && verbatim === quotes ? 0 : 1);
