import type { Answer } from "../src/answer/schema.ts";
import { type EngineParts, loadEngineParts } from "../src/engine.ts";
import { route } from "../src/router/route.ts";

let parts: EngineParts | undefined;

/** The shipped corpus, loaded once per test file. */
export function engine(): EngineParts {
  parts ??= loadEngineParts("corpus");
  return parts;
}

export function run(line: string): Answer {
  return route(engine(), line);
}
