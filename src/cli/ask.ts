/**
 * One-shot CLI: `npm run ask -- "/target 临淄 GDP"` (human), `--json` (one object), `--jsonl` (one line
 * per stdin line, one object per line, in order; a bad line yields an error object and the batch goes on).
 */

import { writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { renderText } from "../answer/render-text.ts";
import type { Answer } from "../answer/schema.ts";
import { corpusDirFrom } from "../engine.ts";
import { safeRun } from "../engine-run.ts";
import { loadEngineOrExit, stderrLogger } from "./boot.ts";

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const jsonl = argv.includes("--jsonl");
const flagValue = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const chartPath = flagValue("--chart");
const flagValues = new Set(["--corpus", "--chart"].map((f) => argv.indexOf(f) + 1).filter((i) => i > 0));
const words = argv.filter((a, i) => !a.startsWith("--") && !flagValues.has(i));
const parts = loadEngineOrExit(corpusDirFrom(argv, process.env));

if (jsonl) {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl)
    process.stdout.write(`${JSON.stringify(safeRun(parts, line, stderrLogger))}\n`);
} else {
  const answer = safeRun(parts, words.join(" "), stderrLogger);
  process.stdout.write(json ? `${JSON.stringify(answer, null, 2)}\n` : `${renderText(answer)}\n`);
  if (chartPath) await writeChart(answer, chartPath);
}

/** `--chart out.png`: the /compare answer's bar chart, the same PNG the bot attaches. */
async function writeChart(answer: Answer, path: string): Promise<void> {
  if (!answer.chart) {
    process.stderr.write("--chart 只适用于 /compare 的回答（没有生成图表）。\n");
    process.exitCode = 1;
    return;
  }
  // Imported only here: the renderer and its fonts would add ~0.2 s to every other CLI start.
  const { renderCompareChart } = await import("../chart/compare-chart.ts");
  writeFileSync(path, renderCompareChart(answer.chart));
  process.stderr.write(`图表已保存：${path}\n`);
}
