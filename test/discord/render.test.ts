import type { APIEmbed } from "discord.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Answer, Citation } from "../../src/answer/schema.ts";
import { decodeCustomId } from "../../src/discord/custom-id.ts";
import { cutAtSentence, escapeText, markedQuote } from "../../src/discord/markdown.ts";
import {
  embedLength,
  LIMITS,
  questionFromEmbed,
  renderAnswer,
  renderNotice,
} from "../../src/discord/render.ts";
import { CALLBACK_SCHEMAS, checkMessage, ROUTE_SCHEMAS } from "../e2e/fake/validate.ts";
import type { CapturedFile } from "../e2e/helpers.ts";
import { run } from "../helpers.ts";

function citation(n: number, quote: string, extra: Partial<Citation> = {}): Citation {
  return {
    id: `linzi-2023#${n}`,
    region: "临淄区",
    report: "2023年临淄区政府工作报告",
    section: "2023年目标任务和工作重点",
    paragraph: n,
    quote,
    ...extra,
  };
}

function answer(extra: Partial<Answer>): Answer {
  return { ok: true, command: "target", answer: "答案", facts: [], citations: [], ...extra };
}

function expectWithinLimits(embed: APIEmbed): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
  for (const f of embed.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
  expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
}

type Part = { label?: string; custom_id?: string; url?: string; type?: number };
const parts = (row: { components: readonly unknown[] } | undefined): Part[] =>
  (row?.components ?? []) as Part[];

const sentence = "全区地区生产总值增长5.5%以上，一般公共预算收入增长6%以上。";

describe("renderAnswer", () => {
  test("puts the answer line first, then the quote with its numbers bold, then the citation", () => {
    const a = run("/target 临淄 GDP");
    const reply = renderAnswer(a);
    const d = reply.embeds[0]?.description ?? "";
    expect(d.startsWith("**临淄区 · 2023年预期目标 · 地区生产总值：增长5.5%以上**")).toBe(true);
    expect(d).toContain("> 2023年全区经济社会发展主要预期目标是:地区生产总值增长**5.5%以上**,");
    // The citation is short: the report title and 第N段 as in the terminal; section and id in small text.
    expect(d).toContain(
      "\n——《2023年临淄区政府工作报告》第19段\n-# 2023年目标任务和工作重点 · linzi-2023#19",
    );
    expect(d).not.toContain("¶");
    expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  test("offers 查看原文 for one citation and numbered buttons for several", () => {
    const one = renderAnswer(answer({ citations: [citation(1, sentence)] }));
    expect(parts(one.components[0]).map((b) => [b.label, b.custom_id])).toEqual([
      ["查看原文", "zb1:src:linzi-2023#1"],
    ]);
    const many = renderAnswer(answer({ citations: [1, 2, 3, 4, 5, 6].map((n) => citation(n, sentence)) }));
    expect(many.components.map((r) => r.components.length)).toEqual([5, 1]);
    expect(parts(many.components[1])[0]?.label).toBe("原文 6");
  });

  test("a /source answer has no 查看原文 button: it is the full text", () => {
    expect(renderAnswer(run("/source linzi-2023#19")).components).toEqual([]);
  });

  test("offers 下一页 ▶ with the next page and the asker in the custom id when /ask has more", () => {
    const a = run("/ask 充电桩");
    expect(a.page?.hasMore).toBe(true);
    const owner = "150000000000000042";
    const reply = renderAnswer(a, { paging: { question: "充电桩", year: null }, view: { owner } });
    const more = parts(reply.components.at(-1))[0];
    expect(more?.label).toBe("下一页 ▶");
    expect(decodeCustomId(more?.custom_id ?? "")).toEqual({
      kind: "page",
      page: 2,
      year: null,
      owner,
      question: "充电桩",
    });
    expect(questionFromEmbed(reply.embeds[0])).toBe("充电桩");
  });

  test("a very long answer with many long quotes stays within every limit", () => {
    const longQuote = `${"经济运行稳中有进，".repeat(40)}${sentence}`.repeat(6);
    const a = answer({
      answer: Array.from({ length: 200 }, (_, i) => `第${i}行：地区生产总值增长${i}%`).join("\n"),
      // Six: past six the quotes go behind menus (tested in components.test.ts).
      citations: Array.from({ length: 6 }, (_, i) => citation(i + 1, longQuote)),
      error: {
        code: "not_found",
        message: "",
        suggestions: Array.from({ length: 12 }, () => "很长的建议".repeat(30)),
      },
      ok: false,
    });
    const reply = renderAnswer(a, { paging: { question: "问".repeat(500), year: 2024 } });
    const embed = reply.embeds[0] as APIEmbed;
    expectWithinLimits(embed);
    expect(embed.description).toContain("…");
    expect(embed.description).toMatch(/另有 \d+ 条引用未能显示/);
    expect(reply.components.length).toBeLessThanOrEqual(5);
    for (const row of reply.components) {
      expect(row.components.length).toBeLessThanOrEqual(5);
      for (const b of parts(row)) expect(b.custom_id?.length ?? 0).toBeLessThanOrEqual(100);
    }
  });

  test("cuts a long quote at a sentence end with …", () => {
    const quote = `${"第一句话说的是地区生产总值增长百分之五。".repeat(60)}`;
    const d = renderAnswer(answer({ citations: [citation(1, quote)] })).embeds[0]?.description ?? "";
    expect(d).toMatch(/增长百分之五。…\n——《/);
  });

  test("a /source paragraph too long for the embed comes whole as a .txt file", () => {
    const quote = "这是一句很长的原文。".repeat(600);
    const reply = renderAnswer(answer({ command: "source", citations: [citation(9, quote)] }));
    expectWithinLimits(reply.embeds[0] as APIEmbed);
    expect(reply.files?.[0]?.name).toBe("linzi-2023-9.txt");
    expect(reply.files?.[0]?.attachment.toString("utf8")).toBe(quote);
  });

  test("attaches a picture as the embed image", () => {
    const image = { name: "compare.png", attachment: Buffer.from([137, 80, 78, 71]) };
    const reply = renderAnswer(run("/compare GDP"), { image });
    expect(reply.files).toEqual([image]);
    expect(reply.embeds[0]?.image).toEqual({ url: "attachment://compare.png" });
  });

  test("renders expected failures as answers with a title and suggestions", () => {
    const reply = renderAnswer(run("/target 临 GDP"));
    expect(reply.embeds[0]?.title).toBe("地区不明确");
    expect(reply.embeds[0]?.fields?.[0]?.value).toContain("临淄区");
  });

  test("escapes markdown and mentions in corpus and user text", () => {
    const evil =
      "@everyone @here <@123456789012345678> <@&223456789012345678> **粗体** [链接](https://x.invalid) # 标题";
    const reply = renderAnswer(
      answer({
        answer: evil,
        citations: [
          citation(1, `${evil} 增长5%`, {
            section: "_斜体_ `代码`",
            marks: [{ start: evil.length + 3, end: evil.length + 5, kind: "number" }],
          }),
        ],
      }),
      { paging: { question: "@everyone <@123456789012345678>", year: null } },
    );
    const text = JSON.stringify(reply.embeds);
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@&\d/);
    const d = reply.embeds[0]?.description ?? "";
    expect(d).toContain("\\*\\*粗体\\*\\*");
    expect(d).toContain("\\[链接](");
    expect(d).toContain("\\_斜体\\_ \\`代码\\`");
    expect(d).toContain("增长**5%**");
  });

  test("a notice is plain content within 2000 characters and allows no mentions", () => {
    const n = renderNotice("很长。".repeat(1000));
    expect(n.content?.length).toBeLessThanOrEqual(LIMITS.content);
    expect(n.allowedMentions.parse).toEqual([]);
  });
});

describe("markdown helpers", () => {
  test("cutAtSentence keeps short text and cuts long text after a sentence end", () => {
    expect(cutAtSentence("短句。", 10)).toEqual({ text: "短句。", cut: false });
    expect(cutAtSentence("甲乙丙丁。戊己庚辛壬癸。子丑寅卯", 13)).toEqual({
      text: "甲乙丙丁。戊己庚辛壬癸。…",
      cut: true,
    });
  });

  test("cutAtSentence never splits a surrogate pair", () => {
    const text = `${"a".repeat(8)}𠀀${"b".repeat(10)}`;
    const { text: cut } = cutAtSentence(text, 10);
    expect(cut).toBe(`${"a".repeat(8)}…`);
  });

  test("markedQuote bolds only number marks and merges adjacent ones", () => {
    const q = markedQuote(
      "增长56",
      [
        { start: 0, end: 2, kind: "term" },
        { start: 2, end: 3, kind: "number" },
        { start: 3, end: 4, kind: "number" },
      ],
      100,
    );
    expect(q.text).toBe("增长**56**");
  });

  test("escapeText escapes backslashes so text cannot undo an escape", () => {
    expect(escapeText("\\*x*")).toBe("\\\\\\*x\\*");
  });
});

// The message body discord.js builds from a ReplyPayload (MessagePayload.resolveBody): the shape the
// strict fake Discord validates.
function apiMessage(p: ReturnType<typeof renderAnswer>) {
  const files: CapturedFile[] = (p.files ?? []).map((f, n) => ({
    field: `files[${n}]`,
    filename: f.name,
    contentType: "application/octet-stream",
    data: f.attachment,
  }));
  const body = {
    ...(p.content === undefined ? {} : { content: p.content }),
    embeds: p.embeds,
    components: p.components,
    allowed_mentions: { parse: p.allowedMentions.parse, replied_user: p.allowedMentions.repliedUser },
    ...(files.length ? { attachments: files.map((f, n) => ({ id: String(n), filename: f.filename })) } : {}),
  };
  return { body, files };
}

/** Non-overlapping mark spans inside a quote of length `n`. */
const marksFor = (n: number) =>
  fc.uniqueArray(fc.nat({ max: Math.max(0, n) }), { maxLength: 8 }).map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const marks = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      marks.push({ start: sorted[i] ?? 0, end: sorted[i + 1] ?? 0, kind: i % 4 === 0 ? "number" : "term" });
    }
    return marks as NonNullable<Citation["marks"]>;
  });

const wild = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: max, unit: "grapheme", size: "max" }),
    fc.constantFrom(
      "@everyone 临淄 <@&1200000000000000001>",
      "**粗体** `代码` > 引用",
      "\n\n\n",
      "💡".repeat(40),
    ),
    fc.string({ maxLength: 20 }).map((s) => `${s}。`.repeat(Math.ceil(max / 40))),
  );

const citationArb = fc
  .record({
    id: fc.oneof(
      fc.constant("linzi-2023#19"),
      fc.stringMatching(/^[a-z]{1,60}-20[0-9]{2}#[0-9]{1,4}$/),
      fc.string({ maxLength: 150 }),
    ),
    region: wild(80),
    report: wild(120),
    section: wild(200),
    paragraph: fc.integer({ min: 1, max: 9999 }),
    quote: wild(6000),
  })
  .chain((c) => marksFor(c.quote.length).map((marks) => ({ ...c, marks })));

const answerArb = fc.record({
  ok: fc.boolean(),
  command: fc.constantFrom("target", "figure", "compare", "ask", "source", "reports", "help", "nosuch"),
  answer: wild(3000),
  facts: fc.constant([]),
  citations: fc.array(citationArb, { maxLength: 14 }),
  error: fc.option(
    fc.record({
      code: fc.constantFrom(
        "unknown_region",
        "ambiguous_region",
        "not_found",
        "bad_input",
        "unknown_command",
      ),
      message: wild(300),
      suggestions: fc.option(fc.array(wild(60), { maxLength: 15 }), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  page: fc.option(fc.record({ page: fc.integer({ min: 1, max: 50 }), hasMore: fc.boolean() }), {
    nil: undefined,
  }),
}) as fc.Arbitrary<Answer>;

describe("whatever the answer, Discord accepts the message", () => {
  test("as a reply, an update and a channel message (checked by the strict fake's validator)", () => {
    const paging = fc.option(
      fc.record({
        question: wild(500),
        year: fc.option(fc.integer({ min: 2000, max: 2030 }), { nil: null }),
      }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(answerArb, paging, fc.boolean(), (a, p, withImage) => {
        const image = withImage ? { image: { name: "compare.png", attachment: Buffer.from("PNG") } } : {};
        const { body, files } = apiMessage(renderAnswer(a, { ...(p ? { paging: p } : {}), ...image }));
        const asReply = checkMessage({
          body,
          files,
          at: ["data"],
          schema: CALLBACK_SCHEMAS[4] as NonNullable<(typeof CALLBACK_SCHEMAS)[4]>,
          schemaInput: { type: 4, data: body },
          where: "interaction",
        });
        const asChannel = checkMessage({
          body,
          files,
          schema: ROUTE_SCHEMAS.channelCreate,
          where: "channel",
        });
        const asEdit = checkMessage({ body, files, schema: ROUTE_SCHEMAS.webhookEdit, where: "edit" });
        expect({ asReply, asChannel, asEdit }).toEqual({ asReply: null, asChannel: null, asEdit: null });
      }),
      { numRuns: 150 },
    );
  });

  test("so does every notice", () => {
    fc.assert(
      fc.property(wild(5000), (text) => {
        const { body, files } = apiMessage(renderNotice(text.trim() ? text : "。"));
        expect(
          checkMessage({ body, files, schema: ROUTE_SCHEMAS.channelCreate, where: "channel" }),
        ).toBeNull();
      }),
    );
  });
});
