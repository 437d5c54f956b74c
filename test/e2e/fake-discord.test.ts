// Proves the fake Discord drives an unmodified discord.js client: login, every kind of interaction reply,
// mention chat, gateway drops, load, injected REST failures and a clean shutdown. That it refuses what
// Discord refuses is fake-strict.test.ts.
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
} from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeDiscord, type FakeDiscordOptions } from "./fake-discord.ts";

async function handleInteraction(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = String(interaction.options.getFocused());
    const regions = ["临淄区", "淄博市", "张店区"].filter((r) => r.includes(typed));
    await interaction.respond(regions.map((r) => ({ name: r, value: r })));
  } else if (interaction.isButton()) {
    if (interaction.customId === "refresh") await interaction.update({ content: "已刷新", components: [] });
    else await interaction.reply({ content: "只有你能看到", flags: MessageFlags.Ephemeral });
  } else if (interaction.isChatInputCommand()) {
    const name = interaction.commandName;
    if (name === "ping") await interaction.reply("pong");
    else if (name === "whoami")
      await interaction.reply(`${interaction.user.username} ${interaction.inGuild()}`);
    else if (name === "echo") await interaction.reply(`echo ${interaction.options.getInteger("n", true)}`);
    else if (name === "slow") {
      await interaction.deferReply();
      await sleep(20);
      await interaction.editReply("done");
    } else if (name === "buttons") {
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId("refresh").setLabel("刷新").setStyle(ButtonStyle.Primary),
      );
      await interaction.reply({ content: "选一个", components: [row] });
    } else if (name === "late") {
      await sleep(30);
      await interaction.reply("too late");
    } else if (name === "fetch") {
      const response = await interaction.reply({ content: "first", withResponse: true });
      await interaction.followUp(`message ${response.resource?.message?.id}`);
    } else if (name === "file") {
      await interaction.reply({
        content: "附件",
        files: [{ attachment: Buffer.from("GDP,6%"), name: "临淄.csv" }],
      });
    }
  }
}

function handleMessage(client: Client, message: Message): void {
  if (message.author.bot || !client.user || !message.mentions.has(client.user)) return;
  void message.reply("临淄区GDP目标：增长6%左右");
}

interface Pair {
  fake: FakeDiscord;
  client: Client;
  /** Errors from handlers, kept for assertions instead of printed. */
  errors: unknown[];
}

async function startPair(opts: FakeDiscordOptions = {}): Promise<Pair> {
  const fake = await FakeDiscord.start(opts);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: { parse: [] },
    rest: { api: fake.apiBase },
    // discord.js waits 5 s between two IDENTIFYs of a shard; the re-identify test would sit through it.
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
  });
  const errors: unknown[] = [];
  client.on(Events.InteractionCreate, (i) => void handleInteraction(i).catch((e: unknown) => errors.push(e)));
  client.on(Events.MessageCreate, (m) => handleMessage(client, m));
  const ready = once(client, Events.ClientReady);
  await client.login("fake-bot-token");
  await ready;
  return { fake, client, errors };
}

describe("fake Discord with a discord.js client", () => {
  let pair: Pair;
  let fake: FakeDiscord;
  beforeAll(async () => {
    pair = await startPair();
    fake = pair.fake;
  });
  afterAll(async () => {
    await pair.client.destroy();
    await fake.stop();
  });

  test("logs the client in with the guild and channel cached and no unknown REST route", () => {
    expect(pair.client.user?.id).toBe(fake.botUserId);
    expect(pair.client.guilds.cache.has(fake.guildId)).toBe(true);
    expect(pair.client.channels.cache.has(fake.channelId)).toBe(true);
    expect(fake.identifyCount).toBe(1);
    expect(fake.gatewayUrls[0]).toBe("/?v=10&encoding=json");
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain("GET /gateway/bot");
    expect(fake.unknownRoutes).toEqual([]);
  });

  test("captures a slash command reply with its content", async () => {
    const { id } = fake.sendCommand("ping");
    const reply = await fake.waitForReply(id);
    expect(reply).toMatchObject({ kind: "callback", callbackType: 4, ephemeral: false });
    expect(reply.payload.content).toBe("pong");
    expect(reply.request.query.with_response).toBe("false");
  });

  test("resolves a deferred reply with its edit of @original", async () => {
    const { id, token } = fake.sendCommand("slow");
    const first = await fake.waitForReply(id, { final: false });
    expect(first.callbackType).toBe(5);
    const reply = await fake.waitForReply(id);
    expect(reply.kind).toBe("edit");
    expect(reply.request.path).toBe(`/webhooks/${fake.appId}/${token}/messages/@original`);
    expect(reply.payload.content).toBe("done");
  });

  test("answers withResponse replies with the created message", async () => {
    const { id } = fake.sendCommand("fetch");
    await fake.waitForReply(id);
    const followUp = await fake.waitForRequest((r) => r.method === "POST" && r.path.includes("/webhooks/"));
    const created = fake.repliesTo(id)[0];
    expect(created?.request.query.with_response).toBe("true");
    expect((followUp.body as { content: string }).content).toMatch(/^message \d{17,19}$/);
    expect(fake.repliesTo(id).map((r) => r.kind)).toEqual(["callback", "followup"]);
  });

  test("keeps uploaded files as bytes next to the payload_json", async () => {
    const { id } = fake.sendCommand("file");
    const reply = await fake.waitForReply(id);
    expect(reply.payload.content).toBe("附件");
    expect(reply.files).toHaveLength(1);
    expect(reply.files[0]?.filename).toBe("临淄.csv");
    expect(reply.files[0]?.data.toString()).toBe("GDP,6%");
  });

  test("captures autocomplete choices for the focused option", async () => {
    const { id } = fake.sendAutocomplete("gdp", { region: "淄", year: 2024 }, "region");
    const reply = await fake.waitForReply(id);
    expect(reply.callbackType).toBe(8);
    expect(reply.payload.choices).toEqual([
      { name: "临淄区", value: "临淄区" },
      { name: "淄博市", value: "淄博市" },
    ]);
  });

  test("delivers button clicks on a bot message and captures update and ephemeral replies", async () => {
    const shown = await fake.waitForReply(fake.sendCommand("buttons").id);
    expect(shown.payload.components).toHaveLength(1);
    const messageId = shown.messageId ?? "";
    const update = await fake.waitForReply(fake.sendButton("refresh", { messageId }).id);
    expect(update).toMatchObject({
      callbackType: 7,
      messageId,
      payload: { content: "已刷新", components: [] },
    });
    const secret = await fake.waitForReply(fake.sendButton("private").id);
    expect(secret).toMatchObject({ callbackType: 4, ephemeral: true, payload: { content: "只有你能看到" } });
  });

  test("delivers an @mention and captures the bot's message.reply", async () => {
    const asked = fake.sendMention("临淄GDP目标是多少");
    const reply = await fake.waitForChannelMessage({ replyTo: asked });
    expect(reply.channelId).toBe(fake.channelId);
    expect(reply.payload).toMatchObject({
      content: "临淄区GDP目标：增长6%左右",
      allowed_mentions: { parse: [] },
      message_reference: { message_id: asked },
    });
  });

  test("delivers commands from a guild with member.user and from a DM with user", async () => {
    expect((await fake.waitForReply(fake.sendCommand("whoami").id)).payload.content).toBe("tester true");
    const dm = fake.sendCommand("whoami", {}, { dm: true });
    expect((await fake.waitForReply(dm.id)).payload.content).toBe("tester false");
  });

  test("refuses a message the client's intents would not let Discord deliver", () => {
    expect(() => fake.sendMessage("你好", { dm: true })).toThrow(/intent/);
  });

  test("resumes after a server-side close and replays what was sent meanwhile", async () => {
    const identifies = fake.identifyCount;
    const resumes = fake.resumeCount;
    fake.closeGateway(4000);
    // Sent while disconnected: Discord replays it on RESUME, and so does the fake.
    const { id } = fake.sendCommand("ping");
    expect((await fake.waitForReply(id, { timeoutMs: 3000 })).payload.content).toBe("pong");
    expect(fake.resumeCount).toBe(resumes + 1);
    expect(fake.identifyCount).toBe(identifies);
  });

  test("resumes after the connection is dropped without a close frame", async () => {
    const resumes = fake.resumeCount;
    fake.terminateGateway();
    await fake.gatewayReady();
    expect(fake.resumeCount).toBe(resumes + 1);
    expect((await fake.waitForReply(fake.sendCommand("ping").id)).payload.content).toBe("pong");
  });

  test("identifies anew after a normal close and still answers", async () => {
    const identifies = fake.identifyCount;
    fake.closeGateway(1000);
    await fake.gatewayReady();
    expect(fake.identifyCount).toBe(identifies + 1);
    expect((await fake.waitForReply(fake.sendCommand("ping").id)).payload.content).toBe("pong");
  });

  test("answers 200 interactions sent at once", async () => {
    const sent = Array.from({ length: 200 }, (_, n) => ({ n, ...fake.sendCommand("echo", { n }) }));
    const replies = await Promise.all(sent.map((s) => fake.waitForReply(s.id, { timeoutMs: 5000 })));
    expect(replies.map((r) => r.payload.content)).toEqual(sent.map((s) => `echo ${s.n}`));
  });

  test("injects REST failures: a 500 and a 429 are retried by discord.js", async () => {
    fake.failNext(/^POST \/interactions\//, 500);
    fake.failNext(/^POST \/interactions\//, 429);
    const { id } = fake.sendCommand("ping");
    expect((await fake.waitForReply(id)).payload.content).toBe("pong");
    const statuses = fake.requests
      .filter((r) => r.path.startsWith(`/interactions/${id}/`))
      .map((r) => r.status);
    expect(statuses).toEqual([500, 429, 204]);
  });

  test("makes a call fail for the bot once retries are used up, with the injected error code", async () => {
    fake.failNext(/^POST \/interactions\//, 403, { code: 50013 });
    fake.sendCommand("ping");
    await expect.poll(() => pair.errors.length).toBe(1);
    expect(pair.errors.pop()).toMatchObject({ status: 403, code: 50013 });
  });

  test("creates a guild channel (CHANNEL_CREATE) the first time an event happens in it", async () => {
    const channelId = "1300000000000000099";
    const asked = fake.sendMention("你好", { channelId });
    const reply = await fake.waitForChannelMessage({ replyTo: asked });
    expect(reply.channelId).toBe(channelId);
    expect(pair.client.channels.cache.has(channelId)).toBe(true);
  });

  test("records no fault and no handler error, and refused only the injected failures", () => {
    expect(fake.refused.map((r) => r.status)).toEqual([500, 429, 403]);
    expect(fake.faults).toEqual([]);
    expect(fake.unknownRoutes).toEqual([]);
    expect(pair.errors).toEqual([]);
  });
});

describe("fake Discord limits", () => {
  test("answers a callback after the (tightened) deadline with Unknown interaction", async () => {
    const { fake, client, errors } = await startPair({ callbackDeadlineMs: 10 });
    try {
      const { id } = fake.sendCommand("late");
      await fake.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`));
      await expect.poll(() => errors.length).toBe(1);
      expect(errors[0]).toBeInstanceOf(DiscordAPIError);
      expect((errors[0] as DiscordAPIError).code).toBe(10062);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });

  test("shuts down without leaving sockets or servers open", async () => {
    const { fake, client } = await startPair();
    await client.destroy();
    await fake.stop();
    await expect.poll(() => process.getActiveResourcesInfo().filter((r) => r.startsWith("TCP"))).toEqual([]);
  });
});
