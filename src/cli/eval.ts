/**
 * Scores a question set (default ../shared/eval/dev.jsonl) through the CLI contract, as
 * ../shared/eval/README.md describes: the `ask` fields go to `npm run ask -- --jsonl` in one process.
 * Prints per-kind results and exits 1 when a line fails or a quote is not verbatim.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCli } from "./args.ts";
import { corpusDir } from "./boot.ts";
import { type EvalLine, loadCorpusTexts, scoreLine } from "./eval-score.ts";

const USAGE = `
用法 (usage): npm run eval -- [FILE.jsonl …] [--corpus DIR]
  Scores question sets (default ../shared/eval/dev.jsonl and our eval/public.jsonl) through ask --jsonl.
  --corpus DIR   corpus directory (default: $ZHENGBAO_CORPUS or corpus/)
  -h, --help     this text
exit codes: 0 all passed, 1 a line failed or a quote is not verbatim, 2 bad usage or missing file`;

const { values, positionals } = parseCli(USAGE, { corpus: { type: "string" } });
const files = positionals.length > 0 ? positionals : ["../shared/eval/dev.jsonl", "eval/public.jsonl"];
const dir = corpusDir(values.corpus);
const lines: EvalLine[] = [];
for (const file of files) {
  if (!existsSync(file)) {
    process.stderr.write(`找不到评测文件 (eval file not found): ${file}\n`);
    process.exit(2);
  }
  for (const [i, l] of readFileSync(file, "utf8").split("\n").entries()) {
    if (!l.trim()) continue;
    try {
      lines.push(JSON.parse(l) as EvalLine);
    } catch {
      process.stderr.write(`${file}:${i + 1}: not valid JSON\n`);
      process.exit(2);
    }
  }
}

// The same program the user runs: compiled JavaScript when this runs compiled, else the .ts under tsx.
const askScript = fileURLToPath(
  new URL(import.meta.url.endsWith(".js") ? "./ask.js" : "./ask.ts", import.meta.url),
);
const runner = askScript.endsWith(".js") ? [] : ["--import", "tsx"];
const run = spawnSync(process.execPath, [...runner, askScript, "--jsonl", "--corpus", dir], {
  input: `${lines.map((l) => l.ask.replace(/\n/g, " ")).join("\n")}\n`,
  encoding: "utf8",
  maxBuffer: 1 << 28,
});
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(2);
}
const answers = run.stdout.split("\n").filter((l) => l.trim());
const corpusTexts = loadCorpusTexts(dir);

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
