import { existsSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { splitSentences } from "../../src/corpus/structure.ts";
import { cleanText, joinedSource } from "../../src/ingest/clean.ts";
import { readNationalJsonl, readProvinceCsvs } from "../../src/ingest/datasets.ts";

// The raw datasets live beside the repository (../shared/sources); without them there is nothing to check.
const SOURCES = "../shared/sources";
const present = existsSync(`${SOURCES}/national-reports.jsonl`);

describe.skipIf(!present)("the source datasets through cleaning", () => {
  const records = present
    ? [
        ...readNationalJsonl(`${SOURCES}/national-reports.jsonl`).map((r) => ({
          name: `national ${r.year}`,
          text: r.content,
        })),
        ...readProvinceCsvs(`${SOURCES}/provinces-2026`).map((r) => ({ name: r.file, text: r.full_text })),
      ]
    : [];

  test("every sentence of every cleaned record is verbatim in its source, line breaks joined", () => {
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      const joined = joinedSource(r.text);
      const { paragraphs } = cleanText(r.text);
      for (const s of paragraphs.flatMap(splitSentences)) {
        if (!joined.includes(s)) throw new Error(`${r.name}: not verbatim: ${s}`);
      }
    }
  });

  test("no page chrome or licence text survives cleaning", () => {
    for (const r of records) {
      const lines = cleanText(r.text).paragraphs;
      const bad = lines.filter((l) =>
        /^(下载|打印|全屏|收藏|加大|还原|减小|【字号：|来源：|时间：|相关报道：|Public domain|false)$|公有领域|扫一扫/.test(
          l,
        ),
      );
      expect(bad, r.name).toEqual([]);
    }
  });
});
