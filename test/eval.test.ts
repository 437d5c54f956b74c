import { existsSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { type EvalLine, loadCorpusTexts, scoreLine } from "../src/cli/eval-score.ts";
import { run } from "./helpers.ts";

// The public question set, from ../shared when it is there (CI lays it beside the clone), else our copy.
const SHARED = "../shared/eval/dev.jsonl";
const file = existsSync(SHARED) ? SHARED : "test/fixtures/eval-dev.jsonl";
const read = (path: string): EvalLine[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

// Ours: public examples for /check, /trend and years a figure is about (the shared set predates them).
const OWN = "eval/public.jsonl";

describe.each([file, OWN])("eval: %s", (path) => {
  const corpus = loadCorpusTexts("corpus");
  test.each(read(path).map((l) => [l.id, l] as const))("%s passes", (_id, line) => {
    const score = scoreLine(line, JSON.stringify(run(line.ask)), corpus);
    expect(score.pass, score.why).toBe(true);
    expect(score.verbatim).toBe(score.quotes);
  });
});
