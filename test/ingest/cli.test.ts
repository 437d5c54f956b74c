import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { loadManifest } from "../../src/corpus/manifest.ts";
import { parseReport } from "../../src/corpus/structure.ts";
import { extractReportStatements } from "../../src/facts/extract.ts";
import { loadLexicon } from "../../src/facts/lexicon.ts";
import { buildMatcher } from "../../src/facts/mentions.ts";
import { runAddReport } from "../../src/ingest/cli.ts";
import type { WriteFs } from "../../src/ingest/write.ts";
import { buildReportPdf } from "../fixtures/ingest/make-pdf.ts";
import { capture, FIXTURES, snapshot, tempCorpus } from "./helpers.ts";

const HTML = `${FIXTURES}/henan-2026-gov-page.html`;
const WIKI = `${FIXTURES}/national-2022-wiki.txt`;
// Enough prose to pass for a report: an invented review sentence in the usual form.
const BODY =
  "过去一年，全区地区生产总值增长5%，一般公共预算收入增长6%，城乡居民人均可支配收入分别增长4.5%和6.2%，经济运行稳中向好。";
const dirs: string[] = [];
function corpus(): string {
  const dir = tempCorpus();
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function run(args: string[], fs?: WriteFs) {
  const { io, streams } = capture();
  const code = await runAddReport(args, { ...streams, ...(fs ? { fs } : {}) });
  return { code, ...io };
}

describe("npm run add-report", () => {
  test("--help prints the usage and does nothing else", async () => {
    const dir = corpus();
    const before = snapshot(dir);
    const r = await run(["--help", HTML, "--corpus", dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^用法: npm run add-report/);
    expect(r.out).not.toContain("【");
    expect(snapshot(dir)).toEqual(before);
  });

  test.each([
    [["--bogus", HTML], /Unknown option '--bogus'/],
    [[], /缺少要导入的文件/],
    [[HTML, "--level", "村"], /--level 只能是/],
    [[HTML, "--year", "26"], /四位年份/],
    [[HTML, WIKI, "--id", "x-1"], /单个文件/],
  ])("bad usage %j exits 2 with a message and no stack trace", async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test("adds an HTML page: report file and manifest entry, the ingestion report printed", async () => {
    const dir = corpus();
    const r = await run([HTML, "--corpus", dir, "--url", "https://www.henan.gov.cn/2026/02-03/report.html"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("【henan-2026】");
    expect(r.out).toContain("河南省 · 省");
    expect(r.out).toContain("主要预期目标  第");
    expect(r.out).toMatch(/正文只有 \d+ 个汉字/); // the fixture is an excerpt, and the report says so
    expect(r.out).toContain("已写入");
    const entry = loadManifest(dir).find((e) => e.id === "henan-2026");
    expect(entry).toMatchObject({
      region: "河南省",
      level: "省",
      year: 2026,
      reviewYear: 2025,
      targetYear: 2026,
      published: "2026-01-26",
      url: "https://www.henan.gov.cn/2026/02-03/report.html",
    });
  });

  test("a report added to a temp copy of the corpus loads and yields statements, quotes verbatim", async () => {
    const dir = corpus();
    expect(
      (await run([WIKI, "--corpus", dir, "--region", "全国", "--year", "2022", "--id", "national-2022"]))
        .code,
    ).toBe(0);
    const reports = loadManifest(dir);
    expect(reports.map((r) => r.id)).toEqual(["linzi-2023", "national-2024", "national-2022"]);
    const report = reports.find((r) => r.id === "national-2022");
    if (!report) throw new Error("not added");
    const paragraphs = parseReport(report.id, report.text);
    const statements = extractReportStatements({ ...report, paragraphs }, buildMatcher(loadLexicon(dir)));
    const gdpTarget = statements.find((s) => s.indicatorId === "gdp" && s.kind === "target");
    expect(gdpTarget?.text).toContain("国内生产总值增长5.5%左右");
    for (const s of statements) expect(report.text).toContain(s.sentence);
  });

  test("--dry-run prints the report and writes nothing", async () => {
    const dir = corpus();
    const before = snapshot(dir);
    const r = await run([HTML, "--corpus", dir, "--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("【henan-2026】");
    expect(r.out).toContain("--dry-run：未写入");
    expect(snapshot(dir)).toEqual(before);
  });

  test("an existing id is not overwritten without --force, and is with it", async () => {
    const dir = corpus();
    writeFileSync(
      join(dir, "other.txt"),
      `2024年河南省政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n一、2023年工作回顾\n${BODY}\n`,
    );
    expect((await run([HTML, "--corpus", dir])).code).toBe(0);
    const before = snapshot(dir);
    const again = await run([join(dir, "other.txt"), "--corpus", dir, "--id", "henan-2026"]);
    expect(again.code).toBe(2);
    expect(again.err).toContain("--force");
    expect(snapshot(dir)).toEqual(before);
    const forced = await run([
      join(dir, "other.txt"),
      "--corpus",
      dir,
      "--id",
      "henan-2026",
      "--year",
      "2026",
      "--force",
    ]);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain("已替换");
    expect(loadManifest(dir).filter((e) => e.id === "henan-2026")).toHaveLength(1);
  });

  test.each([
    ["empty.txt", "", /空的/],
    ["noregion.txt", `各位代表：\n现在，我向大会报告工作。\n一、2025年工作回顾\n${BODY}`, /--region/],
    ["notes.xlsx", "a,b", /不支持的文件格式/],
  ])("a bad file (%s) gets one clear message and nothing is written", async (name, content, message) => {
    const dir = corpus();
    const file = join(dir, name);
    writeFileSync(file, content);
    const before = snapshot(dir);
    const r = await run([file, "--corpus", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("没有写入任何文件");
    expect(snapshot(dir)).toEqual(before);
  });

  test("a missing region is fixed by the flag the message names", async () => {
    const dir = corpus();
    const file = join(dir, "noregion.txt");
    writeFileSync(
      file,
      `2025年政府工作报告\n各位代表：\n现在，我向大会报告工作。\n一、2024年工作回顾\n${BODY}`,
    );
    const r = await run([file, "--corpus", dir, "--region", "临安区"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("临安区 · 区县  (参数)");
  });

  test("a failed write leaves the corpus unchanged", async () => {
    const dir = corpus();
    const before = snapshot(dir);
    const failing: WriteFs = {
      writeFileSync: (p, d) => writeFileSync(p, d),
      rmSync: (p, o) => rmSync(p, o),
      existsSync: (p) => existsSync(p),
      renameSync: (from, to) => {
        if (to.endsWith("manifest.json")) throw new Error("disk full");
        renameSync(from, to);
      },
    };
    const r = await run([HTML, "--corpus", dir], failing);
    expect(r.code).toBe(2);
    expect(r.err).toContain("语料库未改动");
    expect(snapshot(dir)).toEqual(before);
  });

  test("a PDF goes through the same command", async () => {
    const dir = corpus();
    const pdf = join(dir, "hainan.pdf");
    const lines = [
      "政府工作报告",
      "——2026年1月27日在海南省第七届人民代表大会第五次会议上",
      "海南省省长 刘小明",
      "各位代表：",
      "现在，我代表海南省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。",
    ];
    writeFileSync(pdf, await buildReportPdf(lines, "海南省人民政府"));
    const r = await run([pdf, "--corpus", dir, "--dry-run"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("【hainan-2026】");
    expect(r.out).toContain("（pdf，空行分段）");
  });
});
