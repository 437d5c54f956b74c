import { loadEngine } from "../cache/engine-cache.ts";
import type { EngineParts } from "../engine.ts";
import type { Logger } from "../engine-run.ts";
import { CorpusError } from "../errors.ts";

export const stderrLogger: Logger = {
  error(message, detail) {
    process.stderr.write(
      `${message}${detail instanceof Error ? `: ${detail.stack ?? detail.message}` : ""}\n`,
    );
  },
};

/** Loads the engine; a corpus problem is one line on stderr and exit code 2, never a stack trace. */
export function loadEngineOrExit(dir: string): EngineParts {
  try {
    return loadEngine(dir);
  } catch (e) {
    if (e instanceof CorpusError) {
      process.stderr.write(`语料加载失败 (corpus error): ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}
