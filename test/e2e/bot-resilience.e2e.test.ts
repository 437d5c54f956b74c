// The bot under strain, end to end: gateway drops, a burst of 500 interactions, slow answers that must
// be deferred, REST failures, and command deployment against the fake Discord.
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { commandsJson, deployCommands } from "../../src/discord/deploy.ts";
import { expectNoMentionsAllowed, type Harness, newUser, startBot } from "./bot-harness.ts";

const descriptionOf = (r: { payload: Record<string, unknown> }) =>
  (r.payload.embeds as APIEmbed[] | undefined)?.[0]?.description ?? "";

describe("bot resilience", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot();
  });
  afterAll(async () => {
    await h.stop();
  });

  const target = (region: string) =>
    h.fake.waitForReply(h.fake.sendCommand("target", { region, indicator: "GDP" }, { user: newUser() }).id, {
      timeoutMs: 5000,
    });

  test("resumes after the server closes the gateway and answers what was sent meanwhile", async () => {
    const resumes = h.fake.resumeCount;
    h.fake.closeGateway(4000);
    const reply = await target("临淄");
    expect(descriptionOf(reply)).toContain("5.5%以上");
    expect(h.fake.resumeCount).toBe(resumes + 1);
  });

  test("resumes after a dropped connection, and identifies anew after a normal close", async () => {
    h.fake.terminateGateway();
    await h.fake.gatewayReady();
    expect(descriptionOf(await target("历城"))).toContain("历城区");
    const identifies = h.fake.identifyCount;
    h.fake.closeGateway(1000);
    await h.fake.gatewayReady();
    expect(h.fake.identifyCount).toBe(identifies + 1);
    expect(descriptionOf(await target("临安"))).toContain("临安区");
  });

  test("answers 500 interactions sent at once, none lost", async () => {
    const regions = ["临淄", "历城", "临安", "荔湾", "浙江", "四川", "广东", "北京", "天津", "全国"];
    const sent = Array.from({ length: 500 }, (_, n) => {
      const region = regions[n % regions.length] ?? "临淄";
      return h.fake.sendCommand("target", { region, indicator: "GDP" }, { user: newUser() });
    });
    const replies = await Promise.all(sent.map((s) => h.fake.waitForReply(s.id, { timeoutMs: 15_000 })));
    expect(replies).toHaveLength(500);
    for (const r of replies) expect(descriptionOf(r)).toMatch(/地区生产总值|国内生产总值/);
    // Each interaction acknowledged exactly once: a reply, or a deferral and its edit.
    for (const s of sent) expect(h.fake.repliesTo(s.id).filter((r) => r.kind === "callback")).toHaveLength(1);
  }, 20_000);

  test("a reply that fails at the REST layer is logged with an id and the bot keeps answering", async () => {
    // discord.js retries a 500 three times; the fourth failure reaches the bot.
    h.fake.failNext(/^POST \/interactions\//, 500, { times: 4 });
    const { id } = h.fake.sendCommand("help", {}, { user: newUser() });
    const apology = await h.fake.waitForReply(id, { timeoutMs: 5000 });
    expect(apology.payload.content).toMatch(/错误编号 [0-9a-f]{8}/);
    expect(h.logger.lines.some((l) => /ERROR \[[0-9a-f]{8}\] unexpected error handling \/help/.test(l))).toBe(
      true,
    );
    h.logger.lines.length = 0;
    expect(descriptionOf(await target("临淄"))).toContain("5.5%以上");
  });

  test("no message allowed a mention, and the fake saw nothing it did not understand", () => {
    expect(expectNoMentionsAllowed(h.fake)).toBeGreaterThanOrEqual(500);
    expect(h.fake.faults).toEqual([]);
    expect(h.fake.unknownRoutes).toEqual([]);
    expect(h.logger.lines).toEqual([]);
  });

  test("deploy-commands registers every command for the guild, and globally without one", async () => {
    const config = { token: "fake-bot-token", appId: h.fake.appId, guildId: h.fake.guildId };
    expect(await deployCommands(config, commandsJson(), h.fake.apiBase)).toBe(9);
    const names = (h.fake.commands.get(h.fake.guildId) as { name: string }[]).map((c) => c.name);
    expect(names).toEqual([
      "target",
      "figure",
      "compare",
      "check",
      "trend",
      "ask",
      "source",
      "reports",
      "help",
    ]);
    await deployCommands({ ...config, guildId: undefined }, commandsJson(), h.fake.apiBase);
    expect(h.fake.commands.get("global")).toHaveLength(9);
  });
});

describe("slow answers", () => {
  let h: Harness;
  beforeAll(async () => {
    // Every answer counts as late: the bot must acknowledge first and edit the answer in.
    h = await startBot({ deferAfterMs: 0 });
  });
  afterAll(async () => {
    await h.stop();
  });

  test("are deferred, then edited in", async () => {
    const { id } = h.fake.sendCommand("target", { region: "临淄", indicator: "GDP" }, { user: newUser() });
    const reply = await h.fake.waitForReply(id);
    expect(h.fake.repliesTo(id).map((r) => [r.kind, r.callbackType])).toEqual([
      ["callback", 5],
      ["edit", null],
    ]);
    expect(descriptionOf(reply)).toContain("5.5%以上");
  });

  test("a page turn is deferred as an update and edits the same message", async () => {
    const first = await h.fake.waitForReply(
      h.fake.sendCommand("ask", { question: "充电桩" }, { user: newUser() }).id,
    );
    const click = h.fake.sendButton("zb1:more:2::充电桩", {
      messageId: first.messageId ?? "",
      user: newUser(),
    });
    const page2 = await h.fake.waitForReply(click.id);
    expect(h.fake.repliesTo(click.id)[0]?.callbackType).toBe(6);
    expect(page2).toMatchObject({ kind: "edit", messageId: first.messageId });
  });

  test("查看原文 stays private when deferred", async () => {
    const { id } = h.fake.sendButton("zb1:src:linzi-2023#19", { user: newUser() });
    await h.fake.waitForReply(id);
    expect(h.fake.repliesTo(id)[0]?.ephemeral).toBe(true);
    expectNoMentionsAllowed(h.fake);
  });
});
