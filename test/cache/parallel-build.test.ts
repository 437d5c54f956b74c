import { afterEach, beforeEach, expect, test } from "vitest";
import { buildCache } from "../../src/cache/build-cache.ts";
import { buildContents, loadEngineCached, prepare } from "../../src/cache/engine-cache.ts";
import { buildContentsParallel } from "../../src/cache/parallel-build.ts";
import { route } from "../../src/router/route.ts";
import { type Fixture, lines, makeFixture } from "./fixture.ts";

let fx: Fixture;
beforeEach(() => {
  fx = makeFixture(["linzi-2023", "licheng-2023", "national-2024"]);
});
afterEach(() => fx.cleanup());

test("worker threads build exactly the index and statements of the single-threaded build", async () => {
  const prep = prepare(fx.dir);
  expect(await buildContentsParallel(prep, 2)).toEqual(buildContents(prep));
});

test("npm run index's build leaves a fresh cache the engine loads silently", async () => {
  const report = await buildCache(fx.dir, { cachePath: fx.cachePath, workers: 2 });
  expect(report.chunks).toBeGreaterThan(0);
  expect(report.statements).toBeGreaterThan(0);
  const log = lines();
  const r = loadEngineCached(fx.dir, { cachePath: fx.cachePath, log: log.log });
  expect(r.source).toBe("cache");
  expect(log.lines).toEqual([]);
  expect(route(r.parts, "/target 临淄 GDP").answer).toContain("5.5%");
});
