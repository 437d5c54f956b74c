import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { buildContents, loadEngine, loadEngineCached, prepare } from "../../src/cache/engine-cache.ts";
import { defaultCachePath } from "../../src/cache/fingerprint.ts";
import { saveCache } from "../../src/cache/index-file.ts";
import { loadEngineParts } from "../../src/engine.ts";
import { route } from "../../src/router/route.ts";
import { type Fixture, lines, makeFixture } from "./fixture.ts";

const QUESTIONS = [
  "/target 临淄 GDP",
  "/figure 临淄 规上工业总产值",
  "/ask 临淄新建了多少充电桩",
  "/ask 2024年全国粮食产量",
  "/compare GDP",
  "/ask 稷下学宫遗址",
];

let fx: Fixture;
beforeEach(() => {
  fx = makeFixture();
});
afterEach(() => fx.cleanup());

function load(extra: { rebuild?: boolean } = {}) {
  const log = lines();
  const result = loadEngineCached(fx.dir, { cachePath: fx.cachePath, log: log.log, ...extra });
  return { ...result, lines: log.lines };
}

describe("index cache", () => {
  test("builds and saves when there is no cache, saying so in one line", () => {
    const r = load();
    expect(r.source).toBe("built");
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toContain("索引缓存不存在");
    expect(existsSync(fx.cachePath)).toBe(true);
    expect(r.savedBytes).toBeGreaterThan(0);
  });

  test("a fresh cache loads silently and answers exactly as an engine built without it", () => {
    load();
    const r = load();
    expect(r.source).toBe("cache");
    expect(r.reason).toBeNull();
    expect(r.lines).toEqual([]);
    const fresh = loadEngineParts(fx.dir);
    for (const q of QUESTIONS) expect(route(r.parts, q), q).toEqual(route(fresh, q));
    expect(r.parts.facts.all).toEqual(fresh.facts.all);
    expect(r.parts.stats.docs).toBe(fresh.stats.docs);
    expect(r.parts.stats.df).toEqual(fresh.stats.df);
  });

  test.each([
    ["a report's text", "reports/linzi-2023.txt", "\n新建充电桩9999座。\n"],
    ["the manifest", "manifest.json", "\n"],
    ["the lexicon", "indicators.json", "\n"],
    ["the user dictionary", "userdict.txt", "\n稷下学宫\n"],
    ["the stop words", "stopwords.txt", "\n的确\n"],
  ])("a change to %s makes the cache stale: rebuilt, said so", (_what, file, extra) => {
    load();
    appendFileSync(join(fx.dir, file), extra);
    const r = load();
    expect(r.source).toBe("built");
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toContain("索引缓存已过期");
    expect(r.lines[0]).toContain("stale cache: corpus changed");
    expect(load().source).toBe("cache");
  });

  test("the rebuilt index holds the new text", () => {
    load();
    appendFileSync(join(fx.dir, "reports/linzi-2023.txt"), "\n全年新建氢能加注站12座。\n");
    const r = load();
    expect(route(r.parts, "/ask 临淄 氢能加注站").citations[0]?.quote).toContain("氢能加注站12座");
  });

  test("a cache written by other code is stale: code changed", () => {
    const prep = prepare(fx.dir);
    const other = { ...prep.fingerprint, code: "0".repeat(64) };
    saveCache(fx.cachePath, other, prep.paragraphs, buildContents(prep));
    const r = load();
    expect(r.source).toBe("built");
    expect(r.lines[0]).toContain("stale cache: code changed");
  });

  test.each([
    ["truncated", (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ["one byte flipped", (b: Buffer) => flip(b, Math.floor(b.length * 0.7))],
    ["a header byte flipped", (b: Buffer) => flip(b, 40)],
    ["empty", () => Buffer.alloc(0)],
    ["not a cache file", () => Buffer.from('{"hello": 1}')],
  ])("a corrupt cache (%s) is never fatal: rebuilt, said so, and replaced", (_what, damage) => {
    load();
    writeFileSync(fx.cachePath, damage(readFileSync(fx.cachePath)));
    const r = load();
    expect(r.source).toBe("built");
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toContain("索引缓存无法读取");
    expect(route(r.parts, "/target 临淄 GDP").ok).toBe(true);
    expect(load().source).toBe("cache");
  });

  test("a cache that cannot be saved still gives a working engine, and says so", () => {
    mkdirSync(dirname(fx.cachePath), { recursive: true });
    // A directory where the file should be: rename cannot replace it.
    mkdirSync(fx.cachePath);
    const r = load();
    expect(r.source).toBe("built");
    expect(r.savedBytes).toBeNull();
    expect(r.lines.some((l) => l.includes("索引缓存无法保存"))).toBe(true);
    expect(route(r.parts, "/target 临淄 GDP").ok).toBe(true);
  });

  test("writes atomically: no temp file is left beside the cache", () => {
    load();
    load({ rebuild: true });
    expect(readdirSync(dirname(fx.cachePath))).toEqual(["index.zbi"]);
  });

  test("two corpora get two cache files", () => {
    const other = makeFixture(["linzi-2023"]);
    try {
      expect(defaultCachePath(fx.dir)).not.toBe(defaultCachePath(other.dir));
      expect(dirname(defaultCachePath(fx.dir))).toMatch(/\.cache$/);
    } finally {
      other.cleanup();
    }
  });

  test("loadEngine takes the cache file from ZHENGBAO_CACHE and skips the cache when it is off", () => {
    const log = lines();
    const cached = loadEngine(fx.dir, { ZHENGBAO_CACHE: fx.cachePath }, log.log);
    expect(existsSync(fx.cachePath)).toBe(true);
    expect(log.lines).toHaveLength(1);
    const off = loadEngine(fx.dir, { ZHENGBAO_CACHE: "off" }, log.log);
    expect(log.lines).toHaveLength(1);
    expect(route(cached, "/ask 临淄新建了多少充电桩")).toEqual(route(off, "/ask 临淄新建了多少充电桩"));
  });
});

function flip(b: Buffer, at: number): Buffer {
  const copy = Buffer.from(b);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}
