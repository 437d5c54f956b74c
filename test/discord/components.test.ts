import { describe, expect, test } from "vitest";
import type { Answer } from "../../src/answer/schema.ts";
import {
  askId,
  CUSTOM_ID_MAX,
  decodeCustomId,
  pageId,
  quotesId,
  rerunId,
} from "../../src/discord/custom-id.ts";
import { renderAnswer } from "../../src/discord/render.ts";
import { run } from "../helpers.ts";

type Part = {
  type: number;
  custom_id?: string;
  label?: string;
  style?: number;
  url?: string;
  options?: unknown[];
};
const parts = (a: { components: { components: readonly unknown[] }[] }) =>
  a.components.flatMap((r) => r.components as Part[]);
const owner = "150000000000000042";

describe("custom ids of the second pass", () => {
  test.each([
    ["充电桩", 2, null],
    ["GDP: 目标 还有冒号", 5, 2024],
  ])("a page id round-trips the question %s, the page, the year and the asker", (question, page, year) => {
    const { id, inline } = pageId(question, page, year, owner);
    expect(inline).toBe(true);
    expect(decodeCustomId(id)).toEqual({ kind: "page", page, year, owner, question });
  });

  test("a page id leaves a question too long for 100 characters in the message", () => {
    const { id, inline } = pageId("临淄".repeat(40), 2, null, owner);
    expect(inline).toBe(false);
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(decodeCustomId(id)).toMatchObject({ kind: "page", question: null, owner });
  });

  test("re-run, full-text and quote-menu ids round-trip", () => {
    expect(decodeCustomId(rerunId("figure", "临淄区", "社零", 2023) ?? "")).toEqual({
      kind: "rerun",
      command: "figure",
      year: 2023,
      region: "临淄区",
      indicator: "社零",
    });
    expect(decodeCustomId(askId("临淄 进出口: 多少", null) ?? "")).toEqual({
      kind: "ask",
      year: null,
      question: "临淄 进出口: 多少",
    });
    expect(decodeCustomId(quotesId("actual", "区县", 2023, "地区生产总值") ?? "")).toEqual({
      kind: "quotes",
      compareKind: "actual",
      level: "区县",
      year: 2023,
      indicator: "地区生产总值",
    });
  });

  test("gives no id rather than a cut or ambiguous one", () => {
    expect(rerunId("target", "临:淄", "GDP", null)).toBeNull();
    expect(rerunId("target", "临淄区", "很长".repeat(50), null)).toBeNull();
    expect(askId("  ", null)).toBeNull();
    expect(quotesId("target", null, null, "a:b")).toBeNull();
  });

  test.each([
    "zb1:pg:2::12:问题",
    "zb1:pg:0::150000000000000042:问题",
    "zb1:re:x::临淄区:GDP",
    "zb1:re:t::临淄区",
    "zb1:ask::",
    "zb1:q:t:z:2023:GDP",
  ])("a malformed %j is invalid, never misread", (raw) => {
    expect(decodeCustomId(raw)).toEqual({ kind: "invalid", reason: "malformed" });
  });
});

describe("components under an answer", () => {
  test("an ambiguous region gets one button per candidate only when the command is known", () => {
    const a = run("/target 临 GDP");
    expect(parts(renderAnswer(a))).toEqual([]);
    const command = { name: "target", region: "临", indicator: "GDP", year: null } as const;
    const reply = renderAnswer(a, { view: { command } });
    expect(parts(reply).map((p) => p.label)).toEqual(["临安区", "临淄区"]);
    expect(reply.embeds[0]?.fields).toBeUndefined();
  });

  test("an unknown region offers at most three regions", () => {
    const command = { name: "target", region: "火星", indicator: "GDP", year: null } as const;
    const reply = renderAnswer(run("/target 火星 GDP"), { view: { command } });
    expect(parts(reply).length).toBeLessThanOrEqual(3);
  });

  test("the page buttons: ◀ 上一页 only past page 1, 下一页 ▶ only while more is on topic", () => {
    const paging = { question: "充电桩", year: null };
    const page2 = renderAnswer(run("/ask 充电桩 page:2"), { paging, view: { owner } });
    expect(parts(page2).map((p) => p.label)).toEqual(expect.arrayContaining(["◀ 上一页", "下一页 ▶"]));
    const narrow = renderAnswer(run("/ask 临淄新建了多少充电桩"), { paging, view: { owner } });
    expect(parts(narrow).map((p) => p.label)).not.toContain("下一页 ▶");
  });

  test("the report link appears only when every citation comes from one report with an address", () => {
    const reports = new Map([
      ["linzi-2023", { title: "2023年临淄区政府工作报告", url: "https://example.org/linzi" }],
    ]);
    const reply = renderAnswer(run("/target 临淄 GDP"), { view: { reports } });
    expect(reply.embeds[0]?.url).toBe("https://example.org/linzi");
    expect(parts(reply).at(-1)).toEqual({
      type: 2,
      style: 5,
      url: "https://example.org/linzi",
      label: "打开报告原文",
    });
    expect(reply.embeds[0]?.description).toContain(
      "——[《2023年临淄区政府工作报告》](https://example.org/linzi)第19段",
    );
  });

  test("a note from the view becomes the message content", () => {
    const reply = renderAnswer(run("/target 临淄 GDP"), {
      view: { note: "这是别人的查询：这一页只有你能看到。" },
    });
    expect(reply.content).toBe("这是别人的查询：这一页只有你能看到。");
  });

  test("/compare names the menu after the answer's own indicator, level and year (a chat question has no options)", () => {
    const a: Answer = run("/compare GDP 区县");
    const menu = parts(renderAnswer(a))[0];
    expect(menu).toMatchObject({ type: 3, custom_id: "zb1:q:t:d:2023:地区生产总值" });
    expect(menu?.options).toHaveLength(a.citations.length);
  });

  test("an answer citing more than six paragraphs keeps its lines and puts the quotes behind 查看原文… menus", () => {
    const citations = Array.from({ length: 30 }, (_, i) => ({
      id: `national-${1990 + i}#5`,
      region: "全国",
      report: `${1990 + i}年国务院政府工作报告`,
      section: "一、回顾",
      paragraph: 5,
      quote: `国内生产总值增长${i}%。`,
    }));
    const a: Answer = {
      ok: true,
      command: "trend",
      answer: "全国 · 国内生产总值 · 历年目标与实际\n1990年：目标 —",
      facts: [],
      citations,
    };
    const reply = renderAnswer(a);
    const d = reply.embeds[0]?.description ?? "";
    expect(d).toContain("1990年：目标 —");
    expect(d).not.toContain("> ");
    expect(d).toContain("-# 引用 30 段原文：见下方“查看原文…”");
    const menus = parts(reply);
    expect(menus.map((m) => [m.type, m.custom_id, m.options?.length])).toEqual([
      [3, "zb1:srcm:0", 25],
      [3, "zb1:srcm:1", 5],
    ]);
    expect(decodeCustomId("zb1:srcm:1")).toEqual({ kind: "sourceMenu" });
  });
});
