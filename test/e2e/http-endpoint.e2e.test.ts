// The HTTP interactions endpoint (npm run start:http's service) against the strict fake Discord: signed
// requests answered, tampered ones refused with 401 before anything runs, charts deferred and edited in
// through the webhook routes, and a second instance answering the buttons of the first one's messages.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { memoryLogger } from "../../src/discord/logger.ts";
import { type HttpService, startHttpService } from "../../src/service/http/server.ts";
import { answerPool } from "../../src/service/pool.ts";
import type { AnswerWork } from "../../src/service/work.ts";
import { engine } from "../helpers.ts";
import { newUser } from "./bot-harness.ts";
import { FakeHttpInteractions } from "./fake/http-interactions.ts";
import { FakeDiscord } from "./fake-discord.ts";

let fake: FakeDiscord;
let http: FakeHttpInteractions;
let work: AnswerWork;
let first: HttpService;
let second: HttpService;
const logger = memoryLogger("warn");
const url = (s: HttpService) => `http://127.0.0.1:${s.port}/interactions`;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  http = new FakeHttpInteractions(fake);
  // One pool for both instances keeps the test light; each instance is otherwise on its own.
  work = answerPool({ storePath: engine().store.path, threads: 1 });
  const opts = {
    engine: engine(),
    work,
    logger,
    appId: fake.appId,
    publicKey: http.publicKeyHex,
    apiBase: fake.apiBase,
  };
  first = await startHttpService(opts);
  second = await startHttpService(opts);
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  await work?.close();
  await fake?.stop();
});

type Msg = {
  embeds?: { description?: string; image?: { url?: string } }[];
  components?: { components: { custom_id: string; label?: string }[] }[];
};

describe("HTTP interactions endpoint", () => {
  test("a signed PING is answered with PONG", async () => {
    const r = await http.ping(url(first));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ type: 1 });
  });

  test.each(["signature", "body", "missing"] as const)(
    "a request with a %s problem is refused with 401 and nothing is answered",
    async (tamper) => {
      const r = await http.command(url(first), "help", {}, { tamper, user: newUser() });
      expect(r.status).toBe(401);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fake.repliesTo(r.id)).toEqual([]);
    },
  );

  test("/target is answered in the HTTP response, accepted by the fake as the callback", async () => {
    const r = await http.command(
      url(first),
      "target",
      { region: "临淄", indicator: "GDP" },
      { user: newUser() },
    );
    expect(r.status).toBe(200);
    expect(r.callbackStatus).toBeLessThan(300);
    const reply = await fake.waitForReply(r.id);
    expect((reply.payload as Msg).embeds?.[0]?.description).toContain("5.5%以上");
    expect(fake.refused).toEqual([]);
  });

  test("/compare is deferred and its chart edited in through the webhook (multipart)", async () => {
    const r = await http.command(url(first), "compare", { indicator: "GDP" }, { user: newUser() });
    expect((r.body as { type: number }).type).toBe(5);
    const reply = await fake.waitForReply(r.id, { timeoutMs: 10_000 });
    expect(reply.kind).toBe("edit");
    expect(reply.files.map((f) => f.filename)).toEqual(["compare.png"]);
    expect((reply.payload as Msg).embeds?.[0]?.image?.url).toBe("attachment://compare.png");
    expect(fake.refused).toEqual([]);
  });

  test("autocomplete answers with choices (callback 8)", async () => {
    const r = await http.autocomplete(url(first), "target", { region: "临", indicator: "" }, "region");
    expect(r.body).toMatchObject({ type: 8 });
    const names = (r.body as { data: { choices: { name: string }[] } }).data.choices.map((c) => c.name);
    expect(names.some((n) => n.includes("临淄"))).toBe(true);
    expect(r.callbackStatus).toBeLessThan(300);
  });

  test("a second instance answers the buttons of a message the first one sent", async () => {
    const user = newUser();
    const asked = await http.command(url(first), "ask", { question: "充电桩" }, { user });
    const reply = await fake.waitForReply(asked.id, { timeoutMs: 10_000 });
    const ids = ((reply.payload as Msg).components ?? []).flatMap((row) =>
      row.components.map((c) => c.custom_id),
    );
    const source = ids.find((id) => id.startsWith("zb1:src:"));
    expect(source).toBeDefined();
    const click = await http.button(url(second), source ?? "", { user, messageId: reply.messageId ?? "" });
    const shown = await fake.waitForReply(click.id, { timeoutMs: 10_000 });
    expect(shown.ephemeral).toBe(true);
    expect((shown.payload as Msg).embeds?.[0]?.description).toMatch(/充电桩/);
    expect(fake.refused).toEqual([]);
  });

  test("a forged 更多结果 button the engine refuses answers privately and leaves the public message alone", async () => {
    const user = newUser();
    const asked = await http.command(url(first), "ask", { question: "充电桩" }, { user });
    const reply = await fake.waitForReply(asked.id, { timeoutMs: 10_000 });
    const before = JSON.stringify(fake["state"].botMessages.get(reply.messageId ?? ""));
    const click = await http.button(url(second), "zb1:more:2:1901:的", {
      user,
      messageId: reply.messageId ?? "",
    });
    const answer = await fake.waitForReply(click.id, { timeoutMs: 10_000 });
    expect(answer.ephemeral).toBe(true);
    expect(answer.callbackType === 7 || answer.kind === "edit").toBe(false);
    expect(JSON.stringify(fake["state"].botMessages.get(reply.messageId ?? ""))).toBe(before);
  });

  test("no interaction was answered twice and nothing was logged as an error", () => {
    for (const [id] of fake["state"].interactions) {
      expect(fake.repliesTo(id).filter((r) => r.kind === "callback").length).toBeLessThanOrEqual(1);
    }
    expect(logger.lines.filter((l) => l.includes("ERROR"))).toEqual([]);
  });
});

describe("HTTP endpoint lifecycle", () => {
  test("/healthz and /readyz on the endpoint's port; close() answers what is in flight, then stops", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Work that waits for the test: the interaction is deferred and still being answered at close().
    const held: AnswerWork = {
      submit: (command) => ({ result: gate.then(() => work.submit(command).result), queued: true }),
      pending: 0,
      queued: 0,
      close: async () => {},
    };
    const third = await startHttpService({
      engine: engine(),
      work: held,
      logger,
      appId: fake.appId,
      publicKey: http.publicKeyHex,
      apiBase: fake.apiBase,
    });
    const base = `http://127.0.0.1:${third.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const r = await http.command(
      `${base}/interactions`,
      "figure",
      { region: "临淄", indicator: "GDP" },
      { user: newUser() },
    );
    expect((r.body as { type: number }).type).toBe(5);
    let closed = false;
    const closing = third.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);
    expect(third.notReady()).toBe("shutting down");
    release();
    await closing;
    const reply = await fake.waitForReply(r.id);
    expect(reply.kind).toBe("edit");
  });

  test("a failure after the deferral replaces the thinking placeholder with the apology and its id", async () => {
    const broken: AnswerWork = {
      submit: () => ({ result: Promise.reject(new Error("worker died")), queued: true }),
      pending: 0,
      queued: 0,
      close: async () => {},
    };
    const quiet = memoryLogger("warn");
    const fourth = await startHttpService({
      engine: engine(),
      work: broken,
      logger: quiet,
      appId: fake.appId,
      publicKey: http.publicKeyHex,
      apiBase: fake.apiBase,
    });
    try {
      const r = await http.command(
        `http://127.0.0.1:${fourth.port}/interactions`,
        "figure",
        { region: "临淄", indicator: "GDP" },
        { user: newUser() },
      );
      expect((r.body as { type: number }).type).toBe(5);
      const reply = await fake.waitForReply(r.id);
      expect(reply.kind).toBe("edit");
      const id = /错误编号 ([0-9a-f]{8})/.exec(JSON.stringify(reply.payload))?.[1];
      expect(id).toBeDefined();
      expect(quiet.lines.some((l) => l.includes(`[${id}]`) && l.includes("worker died"))).toBe(true);
    } finally {
      await fourth.close();
    }
  });
});
