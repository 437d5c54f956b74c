/**
 * `npm run import-datasets [-- --sources DIR --corpus DIR --dry-run --quiet]`: adds the national reports
 * (national-reports.jsonl) and the 2026 provincial reports (provinces-2026/*.csv) to the corpus through
 * src/ingest, printing each ingestion report. Re-runnable: an unchanged report is left alone, a changed
 * one is replaced; reports that did not come from these datasets are never touched.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readManifest } from "../corpus/manifest.ts";
import { readNationalJsonl, readProvinceCsvs } from "../ingest/datasets.ts";
import { IngestError, loadContext, type Prepared, prepare } from "../ingest/ingest.ts";
import type { Overrides } from "../ingest/metadata.ts";
import { NATIONAL, provinceNamed, regionSlug } from "../ingest/regions.ts";
import { renderReport } from "../ingest/render.ts";
import { buildCorpusView } from "../ingest/report.ts";
import { writeReport } from "../ingest/write.ts";

// Kept out of the corpus for an independent evaluation (../shared/sources/SOURCES.md, issue 10).
const HELD_OUT_NATIONAL = new Set([2023]);
const HELD_OUT_PROVINCES = new Set(["上海市", "江苏省", "山东省", "湖北省", "重庆市"]);
// Already in the corpus from ../shared/external-reports with hand-checked cleaning: kept as they are.
const KEEP = new Set(["beijing-2026", "tianjin-2026", "zhejiang-2026", "sichuan-2026", "guangdong-2026"]);
// National reports already in the corpus: replaced by the dataset's text only if it is the same report.
const SAME_REPORT_SHARE = 0.8;

/** Why a report's ingestion warnings stand, after review (see docs/INGEST.md). */
const NOTES: Record<string, string> = {
  "national-1954":
    "Wikisource text in traditional characters (我們、全國…), kept verbatim: questions in simplified characters match it poorly.",
  "national-1955":
    "Includes the report on the first five-year plan; a few headings in traditional characters as published.",
  "national-1956":
    "Numbers in full-width digits (１９５５年, １０１％) as published; the transcriber's 字库未存字注释 note was dropped.",
  "national-1957": "Some passages in traditional characters as on Wikisource, kept verbatim.",
  "national-1960":
    "Complete but short: the 1960 record is the report on the 1956–1967 全国农业发展纲要, its parts numbered 一…四 only.",
  "national-1964": "The dataset's record is the published summary (摘要) of the report.",
  "national-1975":
    "Complete but short: the 1975 report (四届人大一次会议) runs about 5,000 characters; it has no section headings.",
  "national-1998": 'Digits spaced as published ("1 9 9 7 年"), kept verbatim.',
  "national-2002": "Opens with 「首先报告２００１年的工作」 and uses full-width digits as published.",
  "hebei-2026":
    "Partial: about half the usual length (../shared/sources/SOURCES.md); it has the 十四五 review, the 十五五 goals and 2026 work, but no 2025 review and no 主要预期目标 paragraph.",
};

// What each kind of warning means for answers, for the notes.
const WARNING_NOTES: [RegExp, string][] = [
  [
    /一级标题未分类/,
    "Top-level headings the section rules (src/corpus/structure.ts) do not classify: {headings}; their sentences give no statements unless they name 预期目标 or look back.",
  ],
  [/没有找到任何目标表述/, "No target statements: no 主要预期目标 paragraph the rule layer reads{older}."],
  [/没有识别出回顾部分/, "No section recognised as review."],
  [/没有识别出工作安排部分/, "No section recognised as plan."],
  [/被识别为回顾/, "A section about this year's work is read as review (its heading says 主要工作)."],
];

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    sources: { type: "string", default: "../shared/sources" },
    corpus: { type: "string" },
    "dry-run": { type: "boolean" },
    quiet: { type: "boolean" },
  },
  strict: true,
});
const corpusDir = values.corpus ?? process.env.ZHENGBAO_CORPUS ?? "corpus";
const sources = values.sources;
const dryRun = values["dry-run"] === true;
const say = (s: string) => process.stdout.write(`${s}\n`);

interface Job {
  name: string;
  text: string;
  overrides: Overrides;
  url: string;
  source: string;
  published?: string;
}

function nationalJobs(): Job[] {
  const path = join(sources, "national-reports.jsonl");
  const jobs: Job[] = [];
  for (const row of readNationalJsonl(path)) {
    if (HELD_OUT_NATIONAL.has(row.year)) {
      say(`跳过 national-${row.year}：留作独立评测，不进入语料库`);
      continue;
    }
    // 1964's record is the published summary: its title says so and the manifest keeps that.
    const extra = /（摘要）/.test(row.title) ? "（摘要）" : "";
    jobs.push({
      name: `national-reports.jsonl (year=${row.year})`,
      text: row.content,
      overrides: {
        id: `national-${row.year}`,
        region: NATIONAL,
        level: "国家",
        year: row.year,
        title: `${row.year}年国务院政府工作报告${extra}`,
      },
      url: row.url,
      source: `aldohemsn/chinese-political-corpora government_work_reports.jsonl (year=${row.year}); upstream zh.wikisource.org`,
    });
  }
  return jobs;
}

function provinceJobs(): Job[] {
  const jobs: Job[] = [];
  for (const row of readProvinceCsvs(join(sources, "provinces-2026"))) {
    const region = provinceNamed(row.province) ?? row.province;
    const id = `${regionSlug(region)}-${row.year}`;
    if (HELD_OUT_PROVINCES.has(region)) {
      say(`跳过 ${id}（${region}）：留作独立评测，不进入语料库`);
      continue;
    }
    if (KEEP.has(id)) {
      say(`跳过 ${id}：语料库已有（来自 external-reports，保持原样）`);
      continue;
    }
    jobs.push({
      name: row.file,
      text: row.full_text,
      overrides: { id, region, year: row.year },
      url: row.source_url,
      source: `johncodes404/china-provincial-gov-reports-2026 output/2026_raw_text/${row.file}`,
      ...(/^\d{4}-\d{2}-\d{2}$/.test(row.publish_date) ? { published: row.publish_date } : {}),
    });
  }
  return jobs;
}

/**
 * Share of an existing report's long paragraphs found word for word in the new text (inside a
 * paragraph: better cleaning may have joined two halves of one).
 */
function sameReportShare(oldText: string, p: Prepared): number {
  const olds = oldText
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length >= 30);
  if (olds.length === 0) return 0;
  return olds.filter((l) => p.text.includes(l)).length / olds.length;
}

function notesFor(p: Prepared): string {
  const guessed = p.meta.reviewYear.from === "默认" || p.meta.targetYear.from === "默认";
  const parts = [
    guessed
      ? `reviewYear ${p.entry.reviewYear} and targetYear ${p.entry.targetYear} are defaults (year-1, year): no heading names them.`
      : `Reviews ${p.entry.reviewYear}, sets ${p.entry.targetYear} targets.`,
  ];
  const why = NOTES[p.entry.id];
  if (why) parts.push(why);
  const headings = p.report.sections
    .filter((s) => s.kind === "other")
    .map((s) => `「${s.heading.length > 20 ? `${s.heading.slice(0, 19)}…` : s.heading}」`);
  for (const [re, note] of WARNING_NOTES)
    if (p.report.warnings.some((w) => re.test(w)))
      parts.push(
        note
          .replace("{headings}", headings.slice(0, 5).join("") + (headings.length > 5 ? "…" : ""))
          .replace(
            "{older}",
            p.entry.year < 2004
              ? " (older reports write plans as 计划/指标, numbers as 百分之… or full-width digits)"
              : "",
          ),
      );
  return parts.join(" ");
}

const ctx = loadContext(corpusDir);
const summary: string[] = [];
let written = 0;
let unchanged = 0;
for (const job of [...nationalJobs(), ...provinceJobs()]) {
  const id = job.overrides.id as string;
  if (KEEP.has(id)) continue;
  // Duplicates are checked against every other report, not the one this import replaces.
  const existing = readManifest(corpusDir);
  const others = existing
    .filter((e) => e.id !== id)
    .map((e) => ({ ...e, text: readFileSync(join(corpusDir, e.file), "utf8") }));
  ctx.corpus = buildCorpusView(others);
  let p: Prepared;
  try {
    p = prepare(
      { format: "txt", text: job.text },
      job.name,
      job.overrides,
      { url: job.url, source: job.source, ...(job.published ? { published: job.published } : {}) },
      ctx,
    );
    p = { ...p, entry: { ...p.entry, notes: notesFor(p) } };
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    say(`✗ ${job.name}: ${e.message}`);
    summary.push(`${id.padEnd(18)} 失败：${e.message}`);
    continue;
  }
  const before = existing.find((e) => e.id === id);
  const reportPath = join(corpusDir, p.entry.file);
  let change = "";
  if (before && existsSync(reportPath)) {
    const oldText = readFileSync(reportPath, "utf8");
    change = oldText === p.text ? "（替换清单条目）" : "（替换文本）";
    const sameEntry = JSON.stringify(before) === JSON.stringify(p.entry);
    if (oldText === p.text && sameEntry) {
      unchanged++;
      summary.push(`${id.padEnd(18)} 未变`);
      continue;
    }
    const share = sameReportShare(oldText, p);
    if (share < SAME_REPORT_SHARE) {
      say(
        `✗ ${id}：语料库中的同 id 报告与数据集文本只有 ${(share * 100).toFixed(0)}% 段落相同，不是同一份报告，未替换`,
      );
      summary.push(`${id.padEnd(18)} 未替换（不是同一份报告）`);
      continue;
    }
  }
  if (!values.quiet) say(renderReport(p, job.name));
  summary.push(
    `${id.padEnd(18)} ${String(p.report.paragraphs).padStart(4)} 段 ${String(p.report.hanChars).padStart(6)} 字  警告 ${p.report.warnings.length}  ${change}`,
  );
  if (dryRun) continue;
  writeReport(corpusDir, p.entry, p.text, { force: before !== undefined });
  written++;
}
say("\n汇总");
for (const line of summary) say(`  ${line}`);
say(`${dryRun ? "（--dry-run，未写入）" : `写入 ${written} 份`}，未变 ${unchanged} 份`);
