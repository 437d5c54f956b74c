import { describe, expect, test } from "vitest";
import { splitSentences } from "../../src/corpus/structure.ts";
import { cleanText, joinedSource } from "../../src/ingest/clean.ts";

/** The invariant cleaning keeps: every sentence it outputs is in the source once line breaks are joined. */
function expectVerbatim(source: string, paragraphs: string[]) {
  const joined = joinedSource(source);
  for (const p of paragraphs) for (const s of splitSentences(p)) expect(joined).toContain(s);
}

describe("cleanText", () => {
  test("a line holding only a zero-width space inside a sentence does not split its paragraph", () => {
    // As national-2017 was published: "国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%".
    const raw =
      "各位代表：\n\n经济运行缓中趋稳。国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%。\n\n规范发展，健全数字规则。\n\u200b\n强化反垄断。";
    const { paragraphs } = cleanText(raw);
    expect(paragraphs).toContain("经济运行缓中趋稳。国内生产总值达到74.4万亿元，增长6.7%。");
    // After a full stop the same line is the paragraph break it looks like.
    expect(paragraphs).toContain("规范发展，健全数字规则。");
    expect(paragraphs).toContain("强化反垄断。");
  });

  test("drops web-page chrome before the title block and keeps title, date line and speaker", () => {
    const raw = [
      "下载",
      "打印",
      "全屏",
      "收藏",
      "【字号：",
      "加大",
      "还原",
      "减小",
      "】",
      "2026年河南省政府工作报告",
      "——2026年1月26日在河南省第十四届人民代表大会第四次会议上",
      "来源：河南日报",
      "时间：2026-02-03",
      "河南省人民政府省长 王凯",
      "王凯作政府工作报告。本报记者 某某摄",
      "各位代表：",
      "现在，我代表省人民政府，向大会报告工作，请予审议。",
    ].join("\n");
    const c = cleanText(raw);
    expect(c.paragraphs).toEqual([
      "2026年河南省政府工作报告",
      "——2026年1月26日在河南省第十四届人民代表大会第四次会议上",
      "河南省人民政府省长 王凯",
      "各位代表：",
      "现在，我代表省人民政府，向大会报告工作，请予审议。",
    ]);
    expect(c.removed).toContain("来源：河南日报");
    expect(c.removed).toContain("王凯作政府工作报告。本报记者 某某摄");
  });

  test("cuts related links, share buttons and editor credits after the closing paragraph", () => {
    const body = ["各位代表：", ...Array.from({ length: 10 }, (_, i) => `第${i}段正文，内容照录。`)];
    const raw = [
      ...body,
      "各位代表！让我们团结奋斗！",
      "扫一扫在手机打开当前页",
      "【",
      "打印本页",
      "】",
      "编辑：某某",
    ].join("\n");
    expect(cleanText(raw).paragraphs).toEqual([...body, "各位代表！让我们团结奋斗！"]);
  });

  test("drops a transcriber's note on missing glyphs after the last paragraph", () => {
    const body = ["各位代表：", ...Array.from({ length: 6 }, (_, i) => `第${i}段正文，内容照录。`)];
    const raw = [...body, "字库未存字注释：", "＠①原字石右加安", "＠②原字钅右加夕"].join("\n\n");
    expect(cleanText(raw).paragraphs).toEqual(body);
  });

  test("removes the Wikisource licence block and joins lines broken around links", () => {
    const raw =
      "各位代表：\n\n　　制定了《\n中国应对气候变化的政策与行动\n》白皮书。\n\n细颗粒物（PM\n2.5\n）平均浓度下降9.1%。\n\n" +
      "让我们团结奋斗！\n\n\n\n本作品是中华人民共和国的\n法律\n、\n法规\n，属于\n公有领域\n。\n\n\nPublic domain\nPublic domain\nfalse\nfalse";
    const c = cleanText(raw);
    expect(c.layout).toBe("blocks");
    expect(c.paragraphs).toEqual([
      "各位代表：",
      "制定了《中国应对气候变化的政策与行动》白皮书。",
      "细颗粒物（PM2.5）平均浓度下降9.1%。",
      "让我们团结奋斗！",
    ]);
    expectVerbatim(raw, c.paragraphs);
  });

  test("one paragraph per line: rejoins a line split mid-sentence and a subscript split off", () => {
    const raw =
      "各位代表：\n培育了麒麟软件，\n中创智领等企业。\n细颗粒物（PM\n2.5\n）浓度下降。\n一、2025年工作回顾";
    const c = cleanText(raw);
    expect(c.layout).toBe("lines");
    expect(c.paragraphs).toEqual([
      "各位代表：",
      "培育了麒麟软件，中创智领等企业。",
      "细颗粒物（PM2.5）浓度下降。",
      "一、2025年工作回顾",
    ]);
    expectVerbatim(raw, c.paragraphs);
  });

  test("strips ideographic-space indentation and zero-width spaces, never the words", () => {
    const raw =
      "各位代表：\n\n\u3000\u3000现在，我代表\u200b国务院，向大会报告政府工作。\n\n\u3000\u3000国务院总理\u3000李\u3000强";
    expect(cleanText(raw).paragraphs).toEqual([
      "各位代表：",
      "现在，我代表国务院，向大会报告政府工作。",
      "国务院总理\u3000李\u3000强",
    ]);
  });

  test.each([
    [
      "a lead-in naming targets joins its list",
      "今年发展主要预期目标是：\n\n国内生产总值增长5.5%左右。",
      ["今年发展主要预期目标是：国内生产总值增长5.5%左右。"],
    ],
    [
      "a lead-in before numbered items stays apart",
      "今年发展主要预期目标是：\n\n（一）国内生产总值增长。",
      ["今年发展主要预期目标是：", "（一）国内生产总值增长。"],
    ],
    [
      "other lead-ins stay apart",
      "今年改革的重点任务是：\n\n深化财税金融体制改革。",
      ["今年改革的重点任务是：", "深化财税金融体制改革。"],
    ],
  ])("wiki bold lead-ins: %s", (_, raw, want) => {
    expect(cleanText(`各位代表：\n\n${raw}`).paragraphs.slice(1)).toEqual(want);
  });
});
