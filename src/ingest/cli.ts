/**
 * `npm run add-report -- <file…> [flags]`: the command behind src/cli/add-report.ts, taking its
 * arguments and output streams so tests run it in-process.
 */
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { CorpusError } from "../errors.ts";
import { IngestError, loadContext, type Prepared, prepare, readSource } from "./ingest.ts";
import type { Overrides } from "./metadata.ts";
import type { Level } from "./regions.ts";
import { renderReport } from "./render.ts";
import { type WriteFs, writeReport } from "./write.ts";

export const USAGE = `用法: npm run add-report -- <文件…> [选项]

把政府工作报告（.txt .html .pdf .docx）清理后加入语料库，并打印导入报告。

选项:
  --id ID              报告 id（默认：地区拼音-年份，如 henan-2026）
  --region 名称        地区（官方名称或简称，如 河南省 / 河南）
  --year N             报告年份
  --level 级别         国家 | 省 | 市 | 区县
  --title 标题         报告标题
  --review-year N      回顾部分所述年份（默认 年份-1）
  --target-year N      目标所属年份（默认 年份）
  --published 日期     YYYY-MM-DD
  --province 名称      所属省份
  --city 名称          所属城市
  --alias 别名         可重复；替换默认别名
  --url URL            原文网址
  --source 文本        来源说明（默认 网址或文件名）
  --notes 文本         备注
  --corpus DIR         语料库目录（默认 ZHENGBAO_CORPUS 或 corpus/）
  --dry-run            只打印导入报告，不写入
  --force              覆盖已有的同 id 报告
  --help               显示本说明

退出码: 0 已写入（或 --dry-run 检查通过），2 用法错误或文件无法导入。`;

const OPTIONS = {
  id: { type: "string" },
  region: { type: "string" },
  year: { type: "string" },
  level: { type: "string" },
  title: { type: "string" },
  "review-year": { type: "string" },
  "target-year": { type: "string" },
  published: { type: "string" },
  province: { type: "string" },
  city: { type: "string" },
  alias: { type: "string", multiple: true },
  url: { type: "string" },
  source: { type: "string" },
  notes: { type: "string" },
  corpus: { type: "string" },
  "dry-run": { type: "boolean" },
  force: { type: "boolean" },
  help: { type: "boolean" },
} as const;

const LEVELS: readonly Level[] = ["国家", "省", "市", "区县"];

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env?: NodeJS.ProcessEnv;
  /** For tests: file operations the writer uses. */
  fs?: WriteFs;
}

class UsageError extends Error {}

function year(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v)) throw new UsageError(`--${flag} 需要四位年份，收到「${v}」`);
  return Number(v);
}

function overridesFrom(v: Record<string, string | boolean | string[] | undefined>): Overrides {
  const s = (k: string) => v[k] as string | undefined;
  const level = s("level");
  if (level !== undefined && !LEVELS.includes(level as Level))
    throw new UsageError(`--level 只能是 ${LEVELS.join(" | ")}，收到「${level}」`);
  const o: Overrides = {};
  const set = <K extends keyof Overrides>(k: K, val: Overrides[K] | undefined) => {
    if (val !== undefined) o[k] = val;
  };
  set("id", s("id"));
  set("region", s("region"));
  set("title", s("title"));
  set("level", level as Level | undefined);
  set("year", year("year", s("year")));
  set("reviewYear", year("review-year", s("review-year")));
  set("targetYear", year("target-year", s("target-year")));
  set("published", s("published"));
  set("province", s("province"));
  set("city", s("city"));
  set("aliases", v.alias as string[] | undefined);
  return o;
}

export async function runAddReport(argv: string[], io: Io): Promise<number> {
  let values: Record<string, string | boolean | string[] | undefined>;
  let files: string[];
  let overrides: Overrides;
  try {
    const parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    values = parsed.values;
    files = parsed.positionals;
    if (values.help) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    if (files.length === 0) throw new UsageError("缺少要导入的文件");
    if (files.length > 1 && values.id) throw new UsageError("--id 只能用于单个文件");
    overrides = overridesFrom(values);
  } catch (e) {
    const msg = e instanceof UsageError ? e.message : (e as Error).message;
    io.err(`add-report: ${msg}\n运行 npm run add-report -- --help 查看用法\n`);
    return 2;
  }
  const corpusDir = (values.corpus as string | undefined) ?? io.env?.ZHENGBAO_CORPUS ?? "corpus";
  const dryRun = values["dry-run"] === true;
  const force = values.force === true;
  try {
    if (!existsSync(join(corpusDir, "manifest.json")))
      throw new IngestError(`语料库目录 ${corpusDir} 中没有 manifest.json（用 --corpus 指定）`);
    const ctx = loadContext(corpusDir);
    const ready: { file: string; p: Prepared }[] = [];
    const failed: string[] = [];
    for (const file of files) {
      try {
        if (!existsSync(file)) throw new IngestError(`${file}：文件不存在`);
        const source = await readSource(file);
        const p = prepare(
          source,
          basename(file),
          overrides,
          {
            url: values.url as string | undefined,
            source: (values.source as string | undefined) ?? (values.url as string | undefined),
            notes: values.notes as string | undefined,
          },
          ctx,
        );
        if (ready.some((r) => r.p.entry.id === p.entry.id))
          throw new IngestError(`${file}：id ${p.entry.id} 与本次另一个文件相同；请用 --id 区分`);
        const exists = existsSync(join(corpusDir, p.entry.file)) || ctx.corpus.ids.has(p.entry.id);
        io.out(`${renderReport(p, basename(file))}\n`);
        if (exists && !force && !dryRun)
          throw new IngestError(`报告 ${p.entry.id} 已存在；确认要替换请加 --force（或用 --id 另起一个 id）`);
        if (exists && dryRun)
          io.out(`  注意      ${p.entry.id} 已存在${force ? "，将被替换" : "；写入时需要 --force"}\n`);
        ready.push({ file, p });
      } catch (e) {
        if (!(e instanceof IngestError || e instanceof CorpusError)) throw e;
        failed.push(e.message);
      }
    }
    if (failed.length > 0) {
      for (const m of failed) io.err(`add-report: ${m}\n`);
      io.err("add-report: 没有写入任何文件。\n");
      return 2;
    }
    for (const { p } of ready) {
      if (dryRun) {
        io.out(`  → --dry-run：未写入（将写入 ${join(corpusDir, p.entry.file)}）\n`);
        continue;
      }
      const r = writeReport(corpusDir, p.entry, p.text, { force, ...(io.fs ? { fs: io.fs } : {}) });
      io.out(`  → 已${r.replaced ? "替换" : "写入"} ${r.reportPath} 和 ${r.manifestPath}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof IngestError || e instanceof CorpusError) {
      io.err(`add-report: ${e.message}\n`);
      return 2;
    }
    io.err(`add-report: 意外错误：${(e as Error).message}\n`);
    return 2;
  }
}
