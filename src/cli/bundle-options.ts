import type { BuildOptions } from "esbuild";
import { sourceCodeHash } from "../search/fingerprint.ts";

/**
 * How every program is bundled (`npm run build`, and the benchmark's private copy): ESM, code splitting
 * so lazy imports stay lazy, packages external, and the source's code hash baked in.
 */
export function bundleOptions(): BuildOptions & { define: Record<string, string> } {
  return {
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    chunkNames: "chunks/[name]-[hash]",
    define: { __ZHENGBAO_CODE_HASH__: JSON.stringify(sourceCodeHash()) },
    logLevel: "warning",
  };
}
