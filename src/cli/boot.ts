/** Opening the engine for a script: one line on stderr and exit code 2 for a corpus or store problem. */
import type { Logger } from "../answer/execute.ts";
import { DEFAULT_CORPUS_DIR, type Engine, loadEngine } from "../engine.ts";
import { CorpusError } from "../errors.ts";
import { compiledIsStale } from "../search/fingerprint.ts";
import { StoreError } from "../search/store.ts";

export const stderrLogger: Logger = {
  error(message, detail) {
    process.stderr.write(
      `${message}${detail instanceof Error ? `: ${detail.stack ?? detail.message}` : ""}\n`,
    );
  },
};

/** The corpus directory: `--corpus DIR`, else ZHENGBAO_CORPUS, else corpus/. */
export function corpusDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.ZHENGBAO_CORPUS || DEFAULT_CORPUS_DIR;
}

/** Loads the engine (building its store when missing or stale); problems exit 2 without a stack trace. */
export async function loadEngineOrExit(dir: string): Promise<Engine> {
  if (compiledIsStale())
    process.stderr.write("注意：dist/ 比 src/ 旧，请先运行 npm run build (dist/ is older than src/)\n");
  try {
    return await loadEngine(dir, { log: (line) => process.stderr.write(`${line}\n`) });
  } catch (e) {
    exitOnLoadError(e);
  }
}

export function exitOnLoadError(e: unknown): never {
  if (e instanceof CorpusError) {
    process.stderr.write(`语料加载失败 (corpus error): ${e.message}\n`);
    process.exit(2);
  }
  if (e instanceof StoreError) {
    process.stderr.write(`索引文件有误 (store error): ${e.message}\n`);
    process.exit(2);
  }
  throw e;
}
