// The fake Discord refuses what Discord refuses. Each request here goes straight over HTTP to the fake (no
// discord.js, which would catch some mistakes itself), and the answer must carry Discord's status, error
// code and, for 50035 Invalid Form Body, the offending field in `errors`.
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import { FakeDiscord, type FakeDiscordOptions } from "./fake-discord.ts";

const TOKEN = "fake-bot-token";
const NO_PINGS = { parse: [] };

interface Sent {
  status: number;
  json: { code?: number; message?: string; errors?: Record<string, unknown> } | null;
}

interface Conn {
  fake: FakeDiscord;
  ws: WebSocket;
}

/** A bare gateway session (IDENTIFY only), so the fake can dispatch interactions to someone. */
async function start(opts: FakeDiscordOptions = {}): Promise<Conn> {
  const fake = await FakeDiscord.start({ token: TOKEN, ...opts });
  const ws = new WebSocket(fake.gatewayUrl);
  await once(ws, "open");
  ws.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 513, properties: {} } }));
  await fake.gatewayReady();
  return { fake, ws };
}

async function stop({ fake, ws }: Conn): Promise<void> {
  ws.terminate();
  await fake.stop();
}

interface CallOptions {
  /** The Authorization header; null sends none. Defaults to the bot token. */
  auth?: string | null;
  files?: { field: string; name: string; data: string }[];
  raw?: string;
}

async function call(
  fake: FakeDiscord,
  method: string,
  path: string,
  body?: unknown,
  opts: CallOptions = {},
): Promise<Sent> {
  const headers: Record<string, string> = {};
  const auth = opts.auth === undefined ? `Bot ${TOKEN}` : opts.auth;
  if (auth !== null) headers.authorization = auth;
  let payload: string | FormData | undefined;
  if (opts.files) {
    const form = new FormData();
    for (const f of opts.files) form.append(f.field, new Blob([f.data]), f.name);
    form.append("payload_json", JSON.stringify(body));
    payload = form;
  } else if (opts.raw !== undefined || body !== undefined) {
    headers["content-type"] = "application/json";
    payload = opts.raw ?? JSON.stringify(body);
  }
  const res = await fetch(`${fake.apiBase}/v10${path}`, { method, headers, body: payload ?? null });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

const callback = (fake: FakeDiscord, i: { id: string; token: string }, body: unknown, opts?: CallOptions) =>
  call(fake, "POST", `/interactions/${i.id}/${i.token}/callback`, body, { auth: null, ...opts });
const webhook = (fake: FakeDiscord, token: string, suffix = "") =>
  `/webhooks/${fake.appId}/${token}${suffix}`;

/** The `_errors` codes at a dotted path of a 50035 answer (`data.embeds.0.title`). */
function fieldCodes(sent: Sent, path: string): string[] {
  let node: unknown = sent.json?.errors;
  for (const key of path.split(".").filter(Boolean))
    node = (node as Record<string, unknown> | undefined)?.[key];
  const errors = (node as { _errors?: { code: string }[] } | undefined)?._errors ?? [];
  return errors.map((e) => e.code);
}

const text = (n: number) => "字".repeat(n);
const button = (id: string) => ({ type: 2, style: 1, label: "按钮", custom_id: id });
const row = (...ids: string[]) => ({ type: 1, components: ids.map(button) });
const message = (data: Record<string, unknown>) => ({
  type: 4,
  data: { allowed_mentions: NO_PINGS, ...data },
});

describe("strict fake Discord: refuses what Discord refuses", () => {
  let conn: Conn;
  let fake: FakeDiscord;
  beforeAll(async () => {
    conn = await start();
    fake = conn.fake;
  });
  afterAll(() => stop(conn));

  const command = () => fake.sendCommand("ask", { question: "GDP" });

  // [what is wrong, the callback body, the errors path that must name it, the field error code]
  test.each([
    [
      "content over 2,000 characters",
      message({ content: text(2001) }),
      "data.content",
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "more than 10 embeds",
      message({ embeds: Array.from({ length: 11 }, () => ({ title: "x" })) }),
      "data.embeds",
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "embeds over 6,000 characters together",
      message({ embeds: [{ description: text(4000) }, { description: text(2001) }] }),
      "data.embeds",
      "MAX_EMBED_SIZE_EXCEEDED",
    ],
    [
      "an embed title over 256",
      message({ embeds: [{ title: text(257) }] }),
      "data.embeds.0.title",
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "an embed description over 4,096",
      message({ embeds: [{ description: text(4097) }] }),
      "data.embeds.0.description",
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "more than 25 embed fields",
      message({ embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: "n", value: "v" })) }] }),
      "data.embeds.0.fields",
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "a field value over 1,024",
      message({ embeds: [{ fields: [{ name: "n", value: text(1025) }] }] }),
      "data.embeds.0.fields.0.value",
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "a footer over 2,048",
      message({ embeds: [{ footer: { text: text(2049) } }] }),
      "data.embeds.0.footer.text",
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "an author name over 256",
      message({ embeds: [{ author: { name: text(257) } }] }),
      "data.embeds.0.author.name",
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "more than 5 action rows",
      message({ content: "x", components: ["a", "b", "c", "d", "e", "f"].map((id) => row(id)) }),
      "data.components",
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "more than 5 buttons in a row",
      message({ content: "x", components: [row("a", "b", "c", "d", "e", "f")] }),
      "data.components.0.components",
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "a custom_id over 100 characters",
      message({ content: "x", components: [row("z".repeat(101))] }),
      "data.components.0.components.0.custom_id",
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "two components with one custom_id",
      message({ content: "x", components: [row("same"), row("same")] }),
      "data.components.1.components.0.custom_id",
      "COMPONENT_CUSTOM_ID_DUPLICATED",
    ],
    [
      "a select menu with 26 options",
      message({
        content: "x",
        components: [
          {
            type: 1,
            components: [
              {
                type: 3,
                custom_id: "pick",
                options: Array.from({ length: 26 }, (_, n) => ({ label: `${n}`, value: `${n}` })),
              },
            ],
          },
        ],
      }),
      "data.components.0.components.0.options",
      "BASE_TYPE_MAX_LENGTH",
    ],
    [
      "allowed_mentions that let @everyone ping",
      { type: 4, data: { content: "hi", allowed_mentions: { parse: ["everyone"] } } },
      "data.allowed_mentions.parse",
      "FAKE_MENTIONS_ALLOWED",
    ],
    [
      "content with no allowed_mentions (Discord would parse every mention)",
      { type: 4, data: { content: "@everyone" } },
      "data.allowed_mentions",
      "FAKE_MENTIONS_UNRESTRICTED",
    ],
    [
      "a callback type a command cannot take (8)",
      { type: 8, data: { choices: [] } },
      "type",
      "BASE_TYPE_CHOICES",
    ],
    [
      "a callback type a command cannot take (7)",
      { type: 7, data: { content: "x" } },
      "type",
      "BASE_TYPE_CHOICES",
    ],
  ])("a reply with %s → 400 Invalid Form Body naming the field", async (_what, body, path, code) => {
    const sent = await callback(fake, command(), body);
    expect(sent.status).toBe(400);
    expect(sent.json?.code).toBe(50035);
    expect(fieldCodes(sent, path)).toContain(code);
  });

  test("an empty message (no content, embeds, components or files) → 50006", async () => {
    const sent = await callback(fake, command(), { type: 4, data: { allowed_mentions: NO_PINGS } });
    expect(sent).toMatchObject({
      status: 400,
      json: { code: 50006, message: "Cannot send an empty message" },
    });
  });

  test("autocomplete: 26 choices, a 101-character name, or a message callback → 50035", async () => {
    const choices = (n: number, name = "c") =>
      Array.from({ length: n }, (_, k) => ({ name: `${name}${k}`, value: `${k}` }));
    const typing = () => fake.sendAutocomplete("target", { region: "临" }, "region");
    const many = await callback(fake, typing(), { type: 8, data: { choices: choices(26) } });
    expect(fieldCodes(many, "data.choices")).toContain("BASE_TYPE_MAX_LENGTH");
    const long = await callback(fake, typing(), {
      type: 8,
      data: { choices: [{ name: text(101), value: "v" }] },
    });
    expect(fieldCodes(long, "data.choices.0.name").length).toBeGreaterThan(0);
    const asMessage = await callback(fake, typing(), message({ content: "x" }));
    expect(fieldCodes(asMessage, "type")).toEqual(["BASE_TYPE_CHOICES"]);
  });

  test("autocomplete choices must have the focused option's type", async () => {
    const year = fake.sendAutocomplete("target", [{ name: "year", type: 4, value: "20" }], "year");
    const sent = await callback(fake, year, {
      type: 8,
      data: { choices: [{ name: "2024年", value: "2024" }] },
    });
    expect(fieldCodes(sent, "data.choices.0.value")).toEqual(["AUTOCOMPLETE_CHOICE_TYPE_INVALID"]);
    const ok = fake.sendAutocomplete("target", [{ name: "year", type: 4, value: "20" }], "year");
    expect(
      (await callback(fake, ok, { type: 8, data: { choices: [{ name: "2024年", value: 2024 }] } })).status,
    ).toBe(204);
  });

  test("whitespace alone is an empty message → 50006", async () => {
    const sent = await callback(fake, command(), message({ content: " \n " }));
    expect(sent.json?.code).toBe(50006);
  });

  test("a component click cannot be answered with autocomplete choices", async () => {
    const sent = await callback(fake, fake.sendButton("b"), { type: 8, data: { choices: [] } });
    expect(fieldCodes(sent, "type")).toEqual(["BASE_TYPE_CHOICES"]);
  });

  test("a second callback → 40060 already acknowledged; a refused one did not acknowledge", async () => {
    const i = command();
    expect((await callback(fake, i, message({ content: text(2001) }))).status).toBe(400);
    expect((await callback(fake, i, message({ content: "ok" }))).status).toBe(204);
    const again = await callback(fake, i, message({ content: "again" }));
    expect(again).toMatchObject({ status: 400, json: { code: 40060 } });
  });

  test("an unknown interaction or a wrong token → 10062", async () => {
    const i = command();
    expect(await callback(fake, { id: i.id, token: "forged" }, message({ content: "x" }))).toMatchObject({
      status: 404,
      json: { code: 10062 },
    });
    expect(await callback(fake, { id: "1", token: i.token }, message({ content: "x" }))).toMatchObject({
      status: 404,
      json: { code: 10062 },
    });
  });

  test("follow-ups and edits before the interaction is acknowledged → 10015 Unknown Webhook", async () => {
    const { token } = command();
    const followUp = await call(
      fake,
      "POST",
      webhook(fake, token),
      { content: "x", allowed_mentions: NO_PINGS },
      { auth: null },
    );
    expect(followUp).toMatchObject({ status: 404, json: { code: 10015 } });
    const edit = await call(
      fake,
      "PATCH",
      webhook(fake, token, "/messages/@original"),
      { content: "x" },
      { auth: null },
    );
    expect(edit).toMatchObject({ status: 404, json: { code: 10015 } });
  });

  test("a webhook of another application → 10015", async () => {
    const i = command();
    await callback(fake, i, { type: 5 });
    const sent = await call(fake, "PATCH", `/webhooks/1999999999999999999/${i.token}/messages/@original`, {
      content: "x",
      allowed_mentions: NO_PINGS,
    });
    expect(sent).toMatchObject({ status: 404, json: { code: 10015 } });
  });

  test("the ephemeral flag on an edit of the original response → 50035", async () => {
    const i = command();
    await callback(fake, i, { type: 5 });
    const sent = await call(
      fake,
      "PATCH",
      webhook(fake, i.token, "/messages/@original"),
      { content: "x", flags: 64, allowed_mentions: NO_PINGS },
      { auth: null },
    );
    expect(sent.json?.code).toBe(50035);
    expect(fieldCodes(sent, "flags")).toEqual(["MESSAGE_FLAGS_INVALID"]);
  });

  test("an edit that empties the message → 50006", async () => {
    const i = command();
    await callback(fake, i, message({ content: "answer" }));
    const sent = await call(
      fake,
      "PATCH",
      webhook(fake, i.token, "/messages/@original"),
      { content: "" },
      { auth: null },
    );
    expect(sent).toMatchObject({ status: 400, json: { code: 50006 } });
  });

  test("attachments that do not match the uploaded files → 50035", async () => {
    const file = { field: "files[0]", name: "a.csv", data: "x" };
    const missing = await callback(
      fake,
      command(),
      message({ content: "x", attachments: [{ id: "1", filename: "b.csv" }] }),
      {
        files: [file],
      },
    );
    expect(fieldCodes(missing, "data.attachments.0.id")).toEqual(["ATTACHMENT_NOT_FOUND"]);
    const unlisted = await callback(fake, command(), message({ content: "x", attachments: [] }), {
      files: [file],
    });
    expect(fieldCodes(unlisted, "data.attachments")).toEqual(["ATTACHMENT_NOT_LISTED"]);
  });

  test("a message to an unknown channel → 10003; a reply to an unknown message → 50035", async () => {
    const unknown = await call(fake, "POST", "/channels/1399999999999999999/messages", {
      content: "x",
      allowed_mentions: NO_PINGS,
    });
    expect(unknown).toMatchObject({ status: 404, json: { code: 10003 } });
    const reply = await call(fake, "POST", `/channels/${fake.channelId}/messages`, {
      content: "x",
      allowed_mentions: NO_PINGS,
      message_reference: { message_id: "1399999999999999998" },
    });
    expect(fieldCodes(reply, "message_reference")).toEqual(["MESSAGE_REFERENCE_UNKNOWN_MESSAGE"]);
  });

  test("bot routes without `Authorization: Bot <token>` → 401", async () => {
    expect((await call(fake, "GET", "/users/@me", undefined, { auth: null })).status).toBe(401);
    expect((await call(fake, "GET", "/users/@me", undefined, { auth: TOKEN })).status).toBe(401);
    expect((await call(fake, "GET", "/users/@me", undefined, { auth: "Bot wrong-token" })).status).toBe(401);
    const post = await call(
      fake,
      "POST",
      `/channels/${fake.channelId}/messages`,
      { content: "x" },
      { auth: null },
    );
    expect(post).toMatchObject({ status: 401, json: { message: "401: Unauthorized" } });
  });

  test("a body that is not JSON → 50109", async () => {
    const sent = await callback(fake, command(), undefined, { raw: "{not json" });
    expect(sent).toMatchObject({ status: 400, json: { code: 50109 } });
  });

  test("commands that break the spec (a 33-character name) are not registered", async () => {
    const sent = await call(fake, "PUT", `/applications/${fake.appId}/commands`, [
      { name: "x".repeat(33), description: "d", type: 1 },
    ]);
    expect(fieldCodes(sent, "0.name")).toEqual(["BASE_TYPE_MAX_LENGTH"]);
    expect(fake.commands.has("global")).toBe(false);
  });
});

describe("strict fake Discord: accepts what Discord accepts", () => {
  let conn: Conn;
  let fake: FakeDiscord;
  beforeAll(async () => {
    conn = await start();
    fake = conn.fake;
  });
  afterAll(() => stop(conn));

  test("a reply at every limit at once: 2,000 characters, 10 embeds of 6,000 together, 5 × 5 buttons", async () => {
    const rows = Array.from({ length: 5 }, (_, r) =>
      row(...Array.from({ length: 5 }, (_, b) => `b${r}-${b}`)),
    );
    const embeds = Array.from({ length: 10 }, () => ({ title: text(100), description: text(500) }));
    const sent = await callback(
      fake,
      fake.sendCommand("ask"),
      message({ content: text(2000), embeds, components: rows }),
    );
    expect(sent.status).toBe(204);
  });

  test("defer, edit the original, then follow up; files listed in attachments", async () => {
    const i = fake.sendCommand("compare");
    expect((await callback(fake, i, { type: 5, data: { flags: 64 } })).status).toBe(204);
    const edit = await call(
      fake,
      "PATCH",
      webhook(fake, i.token, "/messages/@original"),
      { embeds: [{ image: { url: "attachment://c.png" } }], attachments: [{ id: "0", filename: "c.png" }] },
      { auth: null, files: [{ field: "files[0]", name: "c.png", data: "PNG" }] },
    );
    expect(edit.status).toBe(200);
    const followUp = await call(
      fake,
      "POST",
      webhook(fake, i.token),
      { content: "more", allowed_mentions: NO_PINGS },
      { auth: null },
    );
    expect(followUp.status).toBe(200);
    expect(fake.repliesTo(i.id).map((r) => r.kind)).toEqual(["callback", "edit", "followup"]);
  });

  test("25 autocomplete choices; a button's update and deferred update", async () => {
    const choices = Array.from({ length: 25 }, (_, k) => ({ name: text(100), value: `${k}` }));
    const auto = await callback(fake, fake.sendAutocomplete("target", { region: "" }, "region"), {
      type: 8,
      data: { choices },
    });
    expect(auto.status).toBe(204);
    expect(
      (
        await callback(fake, fake.sendButton("a"), {
          type: 7,
          data: { content: "新内容", allowed_mentions: NO_PINGS },
        })
      ).status,
    ).toBe(204);
    expect((await callback(fake, fake.sendButton("b"), { type: 6 })).status).toBe(204);
  });

  test("a reply to a user's message in a known channel, and a DM", async () => {
    const asked = fake.sendMessage("你好");
    const reply = await call(fake, "POST", `/channels/${fake.channelId}/messages`, {
      content: "答",
      allowed_mentions: { parse: [], replied_user: false },
      message_reference: { message_id: asked },
    });
    expect(reply.status).toBe(200);
    expect(fake.refused).toEqual([]);
  });
});

describe("strict fake Discord: the gateway", () => {
  async function identify(d: Record<string, unknown>): Promise<number> {
    const fake = await FakeDiscord.start({ token: TOKEN });
    try {
      const ws = new WebSocket(fake.gatewayUrl);
      await once(ws, "open");
      ws.send(JSON.stringify({ op: 2, d: { properties: {}, ...d } }));
      const [code] = (await once(ws, "close")) as [number];
      return code;
    } finally {
      await fake.stop();
    }
  }

  test("closes with 4004 on a wrong token and 4014 on privileged intents not enabled", async () => {
    expect(await identify({ token: "wrong", intents: 513 })).toBe(4004);
    expect(await identify({ token: TOKEN, intents: 513 | (1 << 15) })).toBe(4014);
  });
});

describe("strict fake Discord: the 3 s deadline", () => {
  test("is Discord's 3,000 ms by default", async () => {
    const fake = await FakeDiscord.start();
    expect(fake.callbackDeadlineMs).toBe(3000);
    await fake.stop();
  });

  test("a callback after the (tightened) deadline → 10062, and the interaction stays unanswered", async () => {
    const conn = await start({ callbackDeadlineMs: 50 });
    try {
      const i = conn.fake.sendCommand("ask");
      await sleep(80);
      expect(await callback(conn.fake, i, message({ content: "late" }))).toMatchObject({
        status: 404,
        json: { code: 10062 },
      });
      const followUp = await call(conn.fake, "POST", webhook(conn.fake, i.token), {
        content: "x",
        allowed_mentions: NO_PINGS,
      });
      expect(followUp.json?.code).toBe(10015);
      expect(conn.fake.repliesTo(i.id)).toEqual([]);
    } finally {
      await stop(conn);
    }
  });
});
