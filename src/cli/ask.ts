/**
 * One-shot CLI: `npm run ask -- "/target 临淄 GDP"` (human), `--json` (one object), `--jsonl` (one line
 * per stdin line, one object per line, in order; a bad line yields an error object and the batch goes on).
 * Exit codes: 0 answered, 1 not found or unknown region, 2 bad usage, bad input or a corpus problem;
 * `--jsonl` batches exit 0.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { runLine } from "../answer/execute.ts";
import { renderText } from "../answer/render-text.ts";
import type { Answer } from "../answer/schema.ts";
import { validateAnswers } from "../answer/validate.ts";
import type { Engine } from "../engine.ts";
import { exitOnClosedStdout, parseCli } from "./args.ts";
import { corpusDir, loadEngineOrExit, stderrLogger } from "./boot.ts";
import { stdinLines } from "./lines.ts";

const USAGE = `
用法 (usage): npm run ask -- [options] "<command or question>"
  npm run ask -- "/target 临淄 GDP"
  npm run ask -- --json "/figure 历城 社零"
  printf '/target 临淄 GDP\\n临淄新建了多少充电桩\\n' | npm run --silent ask -- --jsonl
options:
  --json          print the answer as one JSON object
  --jsonl         read one line per stdin line, print one JSON object per line (exit 0)
  --chart FILE    with /compare or /trend: write the chart as PNG
  --corpus DIR    corpus directory (default: $ZHENGBAO_CORPUS or corpus/)
  -h, --help      this text
exit codes: 0 answered, 1 not found / unknown region, 2 bad usage, bad input or corpus error`;

const { values, positionals } = parseCli(USAGE, {
  json: { type: "boolean" },
  jsonl: { type: "boolean" },
  chart: { type: "string" },
  corpus: { type: "string" },
});
exitOnClosedStdout();

if (!values.jsonl && positionals.length === 0) {
  process.stderr.write(`没有要查询的内容 (nothing to ask).\n${USAGE}\n`);
  process.exit(2);
}
const engine: Engine = await loadEngineOrExit(corpusDir(values.corpus));
// Tools read the JSON outputs: those answers are checked against the schema (zod loads only then).
if (values.json || values.jsonl) await validateAnswers();

if (values.jsonl) {
  for await (const line of stdinLines()) {
    process.stdout.write(`${JSON.stringify(runLine(engine, line, stderrLogger))}\n`);
  }
} else {
  const answer = runLine(engine, positionals.join(" "), stderrLogger);
  process.stdout.write(values.json ? `${JSON.stringify(answer, null, 2)}\n` : `${renderText(answer)}\n`);
  process.exitCode = exitCodeOf(answer);
  if (values.chart) await writeChart(answer, values.chart);
}

function exitCodeOf(a: Answer): number {
  if (a.ok) return 0;
  return a.error?.code === "bad_input" || a.error?.code === "unknown_command" ? 2 : 1;
}

/** `--chart out.png`: the /compare bar chart or the /trend line chart, the same PNG the bot attaches. */
async function writeChart(answer: Answer, path: string): Promise<void> {
  if (!answer.chart && !(answer.series && answer.ok)) {
    process.stderr.write("--chart 只适用于 /compare 和 /trend 的回答（没有生成图表）。\n");
    process.exitCode = 2;
    return;
  }
  // Imported only here: the renderer and its fonts would add ~0.2 s to every other CLI start.
  const { answerChart } = await import("../chart/answer-chart.ts");
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, answerChart(answer) as Buffer);
  } catch (e) {
    process.stderr.write(
      `图表无法保存到 ${path}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
    );
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`图表已保存：${path}\n`);
}
