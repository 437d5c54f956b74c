/**
 * Tests fail on stray console output: code logs through an injected logger, so anything printed to the
 * console is a bug (or a test that forgot to inject one).
 */
import { afterEach, vi } from "vitest";
import { validateAnswers } from "../src/answer/validate.ts";

// Every answer a test produces is checked against the zod schema before it leaves the engine.
await validateAnswers();

const methods = ["log", "info", "warn", "error", "debug"] as const;
const calls: string[] = [];
for (const m of methods) {
  vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
    calls.push(`console.${m}: ${args.map(String).join(" ").slice(0, 200)}`);
  });
}

afterEach(() => {
  if (calls.length > 0) {
    const printed = calls.splice(0).join("\n");
    throw new Error(`stray console output:\n${printed}`);
  }
});
