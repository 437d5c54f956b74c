/**
 * `npm run facts`: every extracted statement to CSV and JSON (default out/facts.csv, out/facts.json), so
 * a person can check the rule layer against the reports.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatValue } from "../facts/format.ts";
import { parseCli } from "./args.ts";
import { corpusDir, loadEngineOrExit } from "./boot.ts";

const USAGE = `
用法 (usage): npm run facts -- [--corpus DIR] [--out DIR]
  Every extracted statement to <out>/facts.csv and <out>/facts.json (default out/).
  --corpus DIR   corpus directory (default: $ZHENGBAO_CORPUS or corpus/)
  --out DIR      output directory
  -h, --help     this text`;

const { values } = parseCli(USAGE, { corpus: { type: "string" }, out: { type: "string" } });
const outDir = values.out ?? "out";
const engine = await loadEngineOrExit(corpusDir(values.corpus));

const rows = [...engine.store.allStatements()].map((s) => {
  const report = engine.reportById.get(s.reportId);
  return {
    region: s.region,
    report: report?.title ?? s.reportId,
    year: s.year,
    section: s.section,
    indicator: engine.lexicon.byId.get(s.indicatorId)?.name ?? s.indicatorId,
    indicator_id: s.indicatorId,
    kind: s.kind,
    horizon: s.horizon,
    headline: s.headline,
    value: s.value,
    value_high: s.valueHigh,
    unit: s.unit,
    change: s.change,
    qualifier: s.qualifier,
    formatted: formatValue(s),
    text: s.text,
    citation: s.paragraphId,
    // The year (or first year of the span) the figure describes: a 2025 report's review is about 2024.
    about: s.about,
    about_end: s.aboutEnd ?? null,
  };
});

const columns = Object.keys(rows[0] ?? { region: "" });
const cell = (v: unknown) => {
  const t = v === null || v === undefined ? "" : String(v);
  return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};
const csv = [
  columns.join(","),
  ...rows.map((r) => columns.map((c) => cell(r[c as keyof typeof r])).join(",")),
];
mkdirSync(outDir, { recursive: true });
// A BOM lets spreadsheet programs open the CSV's Chinese text as UTF-8.
writeFileSync(join(outDir, "facts.csv"), `\uFEFF${csv.join("\n")}\n`);
writeFileSync(join(outDir, "facts.json"), `${JSON.stringify(rows, null, 2)}\n`);
process.stdout.write(
  `${rows.length} statements → ${join(outDir, "facts.csv")}, ${join(outDir, "facts.json")}\n`,
);
