/**
 * The code a benchmark run measures, compiled once at its start into a private folder under .cache/:
 * the CLI and the store builder with the options `npm run build` uses (src/cli/build.ts), and the
 * benchmark's own child programs. Private, because colleagues rebuild dist/ and edit src/ while a long
 * run goes on: a changed code hash would turn the run's stores stale and make the CLI rebuild them in
 * the middle of a timing. Inside the project, so `node` finds node_modules the way dist/ does.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { bundleOptions } from "../src/cli/bundle-options.ts";
import { sourceCodeHash } from "../src/search/fingerprint.ts";

export interface Compiled {
  dir: string;
  /** `node <ask> --corpus DIR "<line>"`: the CLI as dist/cli/ask.js is. */
  ask: string;
  /** `node <indexBuild> --corpus DIR --rebuild`: dist/cli/index-build.js (with dist/search/build-worker.js). */
  indexBuild: string;
  /** bench/children/serve.ts: the warm query mix, or an idle serving process for memory. */
  serve: string;
  /** bench/children/peer.ts: the FTS5-only peer, one query and exit. */
  peer: string;
  codeHash: string;
  ms: number;
}

export async function compile(root: string): Promise<Compiled> {
  const t0 = performance.now();
  const dir = join(root, ".cache", `bench-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The compiled store build finds its worker script under the nearest package.json's dist/: this one.
  writeFileSync(join(dir, "package.json"), '{ "private": true, "type": "module" }\n');
  const common = bundleOptions();
  const codeHash = sourceCodeHash();
  // The programs under test alone, as dist/ lays them out, so their chunks are not shared with ours.
  await build({
    ...common,
    entryPoints: ["src/cli/ask.ts", "src/cli/index-build.ts", "src/search/build-worker.ts"].map((f) =>
      join(root, f),
    ),
    outdir: join(dir, "dist"),
    outbase: join(root, "src"),
  });
  await build({
    ...common,
    entryPoints: [join(root, "bench/children/serve.ts"), join(root, "bench/children/peer.ts")],
    outdir: join(dir, "children"),
    outbase: join(root, "bench/children"),
  });
  return {
    dir,
    ask: join(dir, "dist/cli/ask.js"),
    indexBuild: join(dir, "dist/cli/index-build.js"),
    serve: join(dir, "children/serve.js"),
    peer: join(dir, "children/peer.js"),
    codeHash,
    ms: performance.now() - t0,
  };
}
