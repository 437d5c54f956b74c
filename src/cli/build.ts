/**
 * `npm run build` (also run by `npm install` through `prepare`): bundles every program into dist/ with
 * esbuild, one file per entry plus shared chunks (code splitting keeps lazy imports lazy: the chart
 * renderer, zod, the store builder). dist/ mirrors src/, so relative paths between programs hold.
 * The hash of the compiled source is baked in, so the compiled program knows which store it can serve.
 * Files are overwritten in place (a program running from dist/ meanwhile keeps working).
 */
import { build } from "esbuild";
import { bundleOptions } from "./bundle-options.ts";

const ENTRIES = [
  "src/main.ts",
  "src/cli/ask.ts",
  "src/cli/eval.ts",
  "src/cli/index-build.ts",
  "src/cli/facts-export.ts",
  "src/cli/add-report.ts",
  "src/cli/import-datasets.ts",
  "src/cli/audit.ts",
  "src/discord/shard.ts",
  "src/discord/deploy.ts",
  // Started as a worker thread by a large store build (src/search/row-source.ts).
  "src/search/build-worker.ts",
  // The HTTP interactions endpoint (npm run start:http) and the answer pool's worker (src/service/pool.ts).
  "src/service/http-main.ts",
  "src/service/answer-worker.ts",
];

const t0 = performance.now();
await build({ ...bundleOptions(), entryPoints: ENTRIES, outdir: "dist", outbase: "src" });
process.stdout.write(
  `built dist/ (${ENTRIES.length} programs) in ${Math.round(performance.now() - t0)} ms\n`,
);
