import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { splitSentences } from "../../src/corpus/structure.ts";
import { cleanText, joinedSource } from "../../src/ingest/clean.ts";
import { IngestError, readSource } from "../../src/ingest/ingest.ts";
import { buildReportDocx } from "../fixtures/ingest/make-docx.ts";
import { buildReportPdf } from "../fixtures/ingest/make-pdf.ts";
import { FIXTURES } from "./helpers.ts";

// Real paragraphs (海南 2026, as in corpus/reports/hainan-2026.txt) laid out into a PDF and a Word file.
const HAINAN = [
  "政府工作报告",
  "——2026年1月27日在海南省第七届人民代表大会第五次会议上",
  "海南省省长 刘小明",
  "各位代表：",
  "现在，我代表海南省人民政府，向大会报告工作，请予审议，并请省政协委员和其他列席人员提出意见。",
  "一、2025年和“十四五”时期工作回顾",
  "刚刚过去的2025年，是“十四五”收官之年，也是海南自由贸易港封关运作、扩大开放之年。在全岛封关运作前的关键时刻，习近平总书记再次亲临海南，专门听取海南自由贸易港建设工作汇报并发表重要讲话，为海南自由贸易港建设注入强大动力。",
  "这一年，我们感恩奋进、埋头苦干，封关运作如期实现。",
  "封关准备重点任务和软硬件建设全面完成，10个“二线口岸”正式启用。进口征税商品目录、货物流通税收政策、禁限类货物物品清单、海关监管办法、加工增值免关税货物税收征管办法、“二线口岸”运行管理办法等6项封关政策及相关配套制度出台施行，进口“零关税”商品税目比例由21%提升至74%。",
];

function sentencesOf(paragraphs: string[]): string[] {
  return paragraphs.flatMap(splitSentences);
}

describe("formats", () => {
  test("html: Readability keeps the article and drops nav, breadcrumbs, 字号 controls and footer", async () => {
    const path = `${FIXTURES}/henan-2026-gov-page.html`;
    const source = await readSource(path);
    expect(source.format).toBe("html");
    expect(source.title).toBe("2026年河南省政府工作报告");
    const { paragraphs } = cleanText(source.text, source.layout);
    expect(paragraphs[0]).toBe("2026年河南省政府工作报告");
    expect(paragraphs).toContain("——2026年1月26日在河南省第十四届人民代表大会第四次会议上");
    const all = paragraphs.join("\n");
    for (const chrome of ["首页", "字号", "打印", "版权所有", "ICP", "相关链接", "分享到", "来源：河南日报"])
      expect(all).not.toContain(chrome);
    // Verbatim: every sentence is in the page's own text (its <p> elements, tags stripped).
    const { document } = parseHTML(readFileSync(path, "utf8"));
    const pageText = joinedSource([...document.querySelectorAll("p")].map((p) => p.textContent).join("\n"));
    for (const s of sentencesOf(paragraphs.slice(1))) expect(pageText).toContain(s);
    // The bold lead-in and the link stay inside their paragraph.
    expect(
      paragraphs.some(
        (p) => p.startsWith("综合实力稳步提升。生产总值6.66万亿元") && p.includes("“米”字形高铁网全面建成"),
      ),
    ).toBe(true);
  });

  test("pdf: lines broken by layout are rejoined; page numbers and the running header are dropped", async () => {
    const pdf = await buildReportPdf(HAINAN, "海南省人民政府");
    const source = await readSource("report.pdf", pdf);
    expect(source.format).toBe("pdf");
    const { paragraphs } = cleanText(source.text, source.layout);
    expect(paragraphs).toEqual(HAINAN);
  });

  test("pdf: a report running over several pages keeps paragraphs that cross a page break", async () => {
    const many = readFileSync("corpus/reports/hainan-2026.txt", "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .slice(0, 40);
    const pdf = await buildReportPdf(many, "海南省人民政府");
    const { paragraphs } = cleanText((await readSource("r.pdf", pdf)).text, "blocks");
    expect(paragraphs).toEqual(many);
    expect(paragraphs.join("\n")).not.toMatch(/- \d+ -|^海南省人民政府$/m);
  });

  test("docx: one paragraph per Word paragraph, runs joined", async () => {
    const docx = buildReportDocx([
      ...HAINAN.slice(0, 7),
      ["这一年，", "我们感恩奋进、埋头苦干，封关运作如期实现。"],
      HAINAN[8] as string,
    ]);
    const source = await readSource("report.docx", docx);
    expect(source.format).toBe("docx");
    expect(cleanText(source.text, source.layout).paragraphs).toEqual(HAINAN);
  });

  test("wiki dump: licence footer removed, broken lines joined, every sentence verbatim", async () => {
    const path = `${FIXTURES}/national-2022-wiki.txt`;
    const raw = readFileSync(path, "utf8");
    const source = await readSource(path);
    const { paragraphs, removed } = cleanText(source.text, source.layout);
    expect(paragraphs.join("")).not.toMatch(/Public domain|公有领域|false/);
    expect(removed.some((r) => r.includes("版权声明"))).toBe(true);
    expect(paragraphs).toContain("国务院总理李克强");
    expect(paragraphs.some((p) => p.includes("细颗粒物（PM2.5）平均浓度下降9.1%"))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith("今年发展主要预期目标是：国内生产总值增长5.5%左右"))).toBe(
      true,
    );
    const joined = joinedSource(raw);
    for (const s of sentencesOf(paragraphs)) expect(joined).toContain(s);
  });

  test.each([
    ["empty.txt", new Uint8Array(), /空的/],
    ["binary.txt", new Uint8Array([0x47, 0x00, 0x01, 0xff, 0x00]), /二进制/],
    ["scan.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47]), /不支持的文件格式 \.png/],
    ["old.doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), /\.docx/],
    ["fake.pdf", new TextEncoder().encode("not a pdf"), /不是 PDF/],
    ["latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65]), /编码/],
  ])("a bad file gets one clear message: %s", async (name, bytes, message) => {
    await expect(readSource(name, bytes)).rejects.toThrow(IngestError);
    await expect(readSource(name, bytes)).rejects.toThrow(message);
  });
});
