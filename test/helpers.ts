import { runLine } from "../src/answer/execute.ts";
import type { Answer } from "../src/answer/schema.ts";
import { type Engine, openEngine } from "../src/engine.ts";
import { defaultStorePath } from "../src/search/store-file.ts";

let shipped: Engine | undefined;

/** The shipped corpus through the shipped store (built by test/global-setup.ts), once per test file. */
export function engine(): Engine {
  shipped ??= openEngine(defaultStorePath("corpus"));
  return shipped;
}

/** A logger that fails the test: an expected outcome never reaches the single catch. */
export const failOnError = {
  error(message: string, detail?: unknown): void {
    throw new Error(`unexpected error logged: ${message} ${String(detail)}`);
  },
};

export function run(line: string): Answer {
  return runLine(engine(), line, failOnError);
}
