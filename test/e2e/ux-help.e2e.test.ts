// Issue 14, points 4 and 6: /help written for Discord (clickable commands, examples, the ways of asking
// without a command, the years covered), the presence line, and plain questions in DMs.
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PRESENCE } from "../../src/discord/bot.ts";
import { commandsJson, deployCommands } from "../../src/discord/deploy.ts";
import { type Harness, newUser, startBot } from "./bot-harness.ts";
import type { Reply } from "./fake-discord.ts";

const embedOf = (r: { payload: Record<string, unknown> }) =>
  (r.payload.embeds as APIEmbed[] | undefined)?.[0];

describe("/help and DMs", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot({ rateLimit: { limit: 100, channelLimit: 100, windowMs: 10_000 } });
  });
  afterAll(async () => {
    await h.stop();
  });

  test("/help mentions commands clickably once their ids are known, with examples, DMs, @mentions and the years", async () => {
    const targetId = "1300000000000000042";
    const user = newUser();
    // A /target seen with its registered id (every interaction carries it).
    const asked = h.fake.sendInteraction(
      2,
      {
        id: targetId,
        name: "target",
        type: 1,
        options: [
          { name: "region", type: 3, value: "临淄" },
          { name: "indicator", type: 3, value: "GDP" },
        ],
      },
      { user },
    );
    await h.fake.waitForReply(asked.id, { final: true });
    const reply: Reply = await h.fake.waitForReply(h.fake.sendCommand("help", {}, { user }).id, {
      final: true,
    });
    // In a server the help is for the asker only.
    expect(reply.ephemeral).toBe(true);
    const d = embedOf(reply)?.description ?? "";
    expect(d).toContain(`</target:${targetId}> \`地区 指标 [年份]\` — 预期目标\n-# 例：/目标 临淄 GDP`);
    // Commands not seen yet stay plain text in the reader's language (the fake's client is zh-CN).
    expect(d).toContain("/对比 `指标 [类型] [级别] [年份]`");
    expect(d).toContain("@政报通");
    expect(d).toContain("私信政报通，直接发问题即可");
    expect(d).toMatch(/\*\*已收录\*\* \d+ 份报告 · \d+ 个地区 · .*1954.*2026 年/);
  });

  test("with the registered commands fetched, every command in /help is a clickable mention", async () => {
    const registered = await deployCommands(
      { token: "fake-bot-token", appId: h.fake.appId, guildId: undefined },
      commandsJson(),
      h.fake.apiBase,
    );
    expect(registered).toBeGreaterThan(0);
    // What the bot does once when it is ready (bot.ts), again now that the commands exist.
    const fetched = await h.client.application?.commands.fetch();
    const compareId = fetched?.find((c) => c.name === "compare")?.id;
    expect(compareId).toMatch(/^\d+$/);
    const reply = await h.fake.waitForReply(h.fake.sendCommand("help", {}, { user: newUser() }).id, {
      final: true,
    });
    expect(embedOf(reply)?.description).toContain(`</compare:${compareId}>`);
    expect(h.fake.unknownRoutes).toEqual([]);
  });

  test("the bot's status line points to /帮助", () => {
    expect(PRESENCE).toBe("/帮助 · 查询政府工作报告");
    const activity = h.client.user?.presence.activities[0];
    expect(activity?.state).toBe(PRESENCE);
  });

  test("a plain question in a DM is answered without an @mention", async () => {
    const user = newUser();
    const sent = h.fake.sendMessage("临淄今年GDP目标是多少", { dm: true, user });
    const reply = await h.fake.waitForChannelMessage({ replyTo: sent });
    expect(embedOf(reply)?.description).toMatch(
      /^\*\*临淄区 · 2023年预期目标 · 地区生产总值：增长5\.5%以上\*\*/,
    );
  });

  test("in a server a message without an @mention is still left alone", async () => {
    const sent = h.fake.sendMessage("临淄今年GDP目标是多少", { user: newUser() });
    await new Promise((r) => setTimeout(r, 150));
    expect(h.fake.channelMessages.filter((m) => m.replyTo === sent)).toEqual([]);
  });

  test("slash commands work in the bot's DM as a user install, and /help there is public", async () => {
    const user = newUser();
    const reply = await h.fake.waitForReply(h.fake.sendCommand("help", {}, { dm: true, user }).id, {
      final: true,
    });
    expect(reply.ephemeral).toBe(false);
    expect(embedOf(reply)?.title).toBe("政报通 · 用法");
  });
});
