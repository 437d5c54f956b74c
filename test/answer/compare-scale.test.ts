import { cpSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runLine } from "../../src/answer/execute.ts";
import { type Engine, loadEngine } from "../../src/engine.ts";
import { failOnError } from "../helpers.ts";

// 70 districts with the same report: more than a comparison lists, fewer than a build takes long for.
const COUNT = 70;
let dir: string;
let engine: Engine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zb-compare-scale-"));
  const corpus = join(dir, "corpus");
  cpSync("test/fixtures/corpus", corpus, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8")) as {
    reports: Record<string, unknown>[];
  };
  const linzi = manifest.reports.find((r) => r.id === "linzi-2023") as Record<string, unknown>;
  mkdirSync(join(corpus, "copies"));
  const reports = Array.from({ length: COUNT }, (_, i) => {
    const file = `copies/d${i}.txt`;
    linkSync(join(corpus, "reports/linzi-2023.txt"), join(corpus, file));
    return {
      ...linzi,
      id: `d${i}-2023`,
      file,
      region: `第${i}测试区`,
      aliases: [],
      title: `第${i}测试区报告`,
    };
  });
  writeFileSync(join(corpus, "manifest.json"), JSON.stringify({ reports }));
  engine = await loadEngine(corpus, { path: join(dir, "store.db") });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a comparison of more regions than it lists quotes the top ones and says how many are left out", () => {
  const a = runLine(engine, "/compare GDP", failOnError);
  expect(a.ok).toBe(true);
  const rows = a.answer.split("\n").filter((l) => /^第\d+测试/.test(l));
  expect(rows.length).toBe(a.citations.length);
  expect(rows.length).toBeLessThan(COUNT);
  expect(a.answer).toContain(`另有 ${COUNT - rows.length} 个地区`);
  expect(a.chart?.rows.length).toBe(rows.length);
});
