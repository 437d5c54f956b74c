// The bot end to end: the real createBot and discord.js client against the fake Discord. Each test
// asserts on what a user would have seen (the captured payloads), not on the bot's internals.
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { commands } from "../../commands/index.ts";
import type { CommandModule } from "../../src/discord/command.ts";
import { expectNoMentionsAllowed, type Harness, newUser, startBot } from "./bot-harness.ts";
import type { Reply } from "./fake-discord.ts";

// A command whose handler has a bug: the router must answer for it and keep the bot alive.
const boom: CommandModule = {
  data: { name: "boom", toJSON: () => ({ name: "boom", description: "throws" }) },
  execute: async () => {
    throw new Error("handler bug");
  },
};

const embedOf = (r: { payload: Record<string, unknown> }) =>
  (r.payload.embeds as APIEmbed[] | undefined)?.[0];
const buttonsOf = (r: Reply) =>
  ((r.payload.components ?? []) as { components: { custom_id: string; label: string }[] }[]).flatMap(
    (row) => row.components,
  );

describe("bot end to end", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot({ commands: [...commands, boom] });
  });
  afterAll(async () => {
    await h.stop();
  });

  const command = (name: string, options: Record<string, string | number> = {}, user = newUser()) =>
    h.fake.waitForReply(h.fake.sendCommand(name, options, { user }).id);

  test("/target 临淄 GDP answers 5.5%以上 with the quote and its citation", async () => {
    const reply = await command("target", { region: "临淄", indicator: "GDP" });
    expect(reply).toMatchObject({ kind: "callback", callbackType: 4, ephemeral: false });
    const d = embedOf(reply)?.description ?? "";
    expect(d).toContain("地区生产总值：增长5.5%以上");
    expect(d).toContain("> 2023年全区经济社会发展主要预期目标是:地区生产总值增长**5.5%以上**");
    expect(d).toContain("——《2023年临淄区政府工作报告》第19段\n-# 2023年目标任务和工作重点 · linzi-2023#19");
    expect(buttonsOf(reply)).toEqual([
      expect.objectContaining({ label: "查看原文", custom_id: "zb1:src:linzi-2023#19" }),
    ]);
  });

  test("/compare GDP attaches the bar chart PNG and shows it in the embed", async () => {
    const reply = await command("compare", { indicator: "GDP", level: "区县" });
    expect(reply.files).toHaveLength(1);
    const png = reply.files[0]?.data ?? Buffer.alloc(0);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(embedOf(reply)?.image?.url).toBe("attachment://compare.png");
    expect(embedOf(reply)?.description).toContain("荔湾");
  });

  test("/trend attaches its line chart as trend.png", async () => {
    const reply = await command("trend", { region: "全国", indicator: "GDP" });
    expect(reply.files).toHaveLength(1);
    expect(reply.files[0]?.data.subarray(1, 4).toString()).toBe("PNG");
    expect(embedOf(reply)?.image?.url).toBe("attachment://trend.png");
  });

  test("查看原文 shows the full paragraph privately", async () => {
    const shown = await command("target", { region: "临淄", indicator: "GDP" });
    const click = h.fake.sendButton("zb1:src:linzi-2023#19", {
      messageId: shown.messageId ?? "",
      user: newUser(),
    });
    const reply = await h.fake.waitForReply(click.id);
    expect(reply.ephemeral).toBe(true);
    expect(embedOf(reply)?.title).toBe("报告原文");
    expect(embedOf(reply)?.description).toContain("全面完成上级下达的节能减排约束性指标");
  });

  test("/ask answers with quotes and 下一页 ▶ pages the same message for the asker", async () => {
    const user = newUser();
    const first = await command("ask", { question: "充电桩" }, user);
    expect(embedOf(first)?.footer?.text).toBe("第1页 · 问题：充电桩");
    const more = buttonsOf(first).find((b) => b.label === "下一页 ▶");
    expect(more?.custom_id).toBe(`zb1:pg:2::${user.id}:充电桩`);
    const click = h.fake.sendButton(more?.custom_id ?? "", { messageId: first.messageId ?? "", user });
    const page2 = await h.fake.waitForReply(click.id);
    expect(page2).toMatchObject({ callbackType: 7, messageId: first.messageId });
    expect(embedOf(page2)?.footer?.text).toBe("第2页 · 问题：充电桩");
    expect(embedOf(page2)?.description).not.toBe(embedOf(first)?.description);
  });

  test("下一页 for a question too long for the custom id reads it from the message", async () => {
    // Long, and every page on topic (pages past the first show only passages that answer it).
    const question = `充电桩${"，充电桩建设".repeat(14)}`;
    const user = newUser();
    const first = await command("ask", { question }, user);
    const more = buttonsOf(first).find((b) => b.label === "下一页 ▶");
    expect(more?.custom_id).toBe(`zb1:pg:2::${user.id}:`);
    const click = h.fake.sendButton(more?.custom_id ?? "", { messageId: first.messageId ?? "", user });
    const page2 = await h.fake.waitForReply(click.id);
    expect(embedOf(page2)?.footer?.text).toBe(`第2页 · 问题：${question}`);
  });

  test("an expired or malformed button gets a polite private answer", async () => {
    for (const id of ["zb0:more:2::充电桩", "garbage", "zb1:more:2::"]) {
      const reply = await h.fake.waitForReply(h.fake.sendButton(id, { user: newUser() }).id);
      expect(reply.ephemeral).toBe(true);
      expect(reply.payload.content).toMatch(/按钮.*(过期|无法识别)/);
    }
  });

  test("autocomplete offers ranked regions and indicators, at most 25", async () => {
    const region = await h.fake.waitForReply(
      h.fake.sendAutocomplete("target", { region: "linz" }, "region").id,
    );
    expect(region.callbackType).toBe(8);
    expect((region.payload.choices as { value: string }[])[0]?.value).toBe("临淄区");
    const indicator = await h.fake.waitForReply(
      h.fake.sendAutocomplete("compare", { indicator: "GDP" }, "indicator").id,
    );
    expect((indicator.payload.choices as { name: string }[])[0]?.name).toBe("地区生产总值（GDP）");
    const all = await h.fake.waitForReply(
      h.fake.sendAutocomplete("figure", { indicator: "" }, "indicator").id,
    );
    expect((all.payload.choices as unknown[]).length).toBeLessThanOrEqual(25);
  });

  test("an unknown region is an ordinary answer, not an error", async () => {
    const reply = await command("target", { region: "火星", indicator: "GDP" });
    expect(reply.ephemeral).toBe(false);
    expect(embedOf(reply)?.title).toBe("未知地区");
    expect(embedOf(reply)?.description).toContain("语料中没有“火星”的报告");
    expect(h.logger.lines).toEqual([]);
  });

  test("@mention is answered in a reply, and 那历城呢? follows up on it", async () => {
    const user = newUser();
    const asked = h.fake.sendMention("临淄GDP目标是多少", { user });
    const reply = await h.fake.waitForChannelMessage({ replyTo: asked });
    expect(embedOf(reply)?.description).toContain("增长5.5%以上");
    expect(reply.payload.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const followUp = h.fake.sendMention("那历城呢?", { user });
    const second = await h.fake.waitForChannelMessage({ replyTo: followUp });
    expect(embedOf(second)?.description).toMatch(/^\*\*历城区 · 2023年预期目标 · 地区生产总值/);
  });

  test("mentions typed by a user come back escaped and never ping", async () => {
    const asked = h.fake.sendMention("@everyone <@&1200000000000000001> 临淄GDP目标是多少", {
      user: newUser(),
    });
    const reply = await h.fake.waitForChannelMessage({ replyTo: asked });
    expect(JSON.stringify(reply.payload.embeds)).not.toMatch(/@everyone|<@&\d/);
    expect(reply.payload.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  test("a handler that throws is answered privately with an error id, and the bot lives on", async () => {
    const reply = await command("boom");
    expect(reply.ephemeral).toBe(true);
    const id = String(reply.payload.content).match(/错误编号 ([0-9a-f]{8})/)?.[1];
    expect(id).toBeDefined();
    expect(h.logger.lines.some((l) => l.includes(`[${id}]`) && l.includes("handler bug"))).toBe(true);
    h.logger.lines.length = 0;
    expect(embedOf(await command("target", { region: "历城", indicator: "GDP" }))?.title).toBe("预期目标");
  });

  test("a malformed payload (a required option missing) and an unknown command are answered", async () => {
    const missing = await command("target", { indicator: "GDP" });
    expect(missing.payload.content).toMatch(/错误编号/);
    const unknown = await command("nosuch");
    expect(unknown).toMatchObject({
      ephemeral: true,
      payload: { content: expect.stringMatching(/暂不支持 \/nosuch/) },
    });
    h.logger.lines.length = 0;
  });

  test("the sixth command in 10 s from one user is refused politely", async () => {
    const user = newUser();
    const sent = Array.from({ length: 6 }, () => h.fake.sendCommand("help", {}, { user }));
    const replies = await Promise.all(sent.map((s) => h.fake.waitForReply(s.id)));
    expect(replies.slice(0, 5).every((r) => r.payload.embeds)).toBe(true);
    expect(replies[5]).toMatchObject({
      ephemeral: true,
      payload: { content: expect.stringMatching(/操作太频繁/) },
    });
  });

  test("no message the bot sent allows any mention", () => {
    expect(expectNoMentionsAllowed(h.fake)).toBeGreaterThan(15);
    expect(h.fake.faults).toEqual([]);
    expect(h.fake.unknownRoutes).toEqual([]);
  });
});
