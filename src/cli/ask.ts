/**
 * One-shot CLI: `npm run ask -- "/target 临淄 GDP"` (human), `--json` (one object), `--jsonl` (one line
 * per stdin line, one object per line, in order; a bad line yields an error object and the batch goes on).
 */
import { createInterface } from "node:readline";
import { renderText } from "../answer/render-text.ts";
import { corpusDirFrom } from "../engine.ts";
import { safeRun } from "../engine-run.ts";
import { loadEngineOrExit, stderrLogger } from "./boot.ts";

const argv = process.argv.slice(2);
const json = argv.includes("--json");
const jsonl = argv.includes("--jsonl");
const corpusAt = argv.indexOf("--corpus");
const words = argv.filter((a, i) => !a.startsWith("--") && !(corpusAt >= 0 && i === corpusAt + 1));
const parts = loadEngineOrExit(corpusDirFrom(argv, process.env));

if (jsonl) {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl)
    process.stdout.write(`${JSON.stringify(safeRun(parts, line, stderrLogger))}\n`);
} else {
  const answer = safeRun(parts, words.join(" "), stderrLogger);
  process.stdout.write(json ? `${JSON.stringify(answer, null, 2)}\n` : `${renderText(answer)}\n`);
}
