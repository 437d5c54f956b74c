// The gateway bot as a service, against the strict fake Discord: a forged button the engine refuses is
// answered privately (the public message stays), a full answer queue is told 繁忙 at once, every
// interaction leaves one log line, and stopping waits for the answers in flight.
import { afterEach, describe, expect, test } from "vitest";
import { memoryLogger } from "../../src/discord/logger.ts";
import { NOTICES } from "../../src/discord/notices.ts";
import { type AnswerWork, BusyError, inlineWork, type Worked } from "../../src/service/work.ts";
import { engine } from "../helpers.ts";
import { type Harness, newUser, startBot } from "./bot-harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

type Msg = { embeds?: { description?: string }[] };

/** Work that holds every answer until `release()`, to have interactions in flight on purpose. */
function heldWork(): AnswerWork & { release(): void } {
  const inner = inlineWork(engine());
  const held: (() => void)[] = [];
  let open = false;
  return {
    submit(command) {
      const s = inner.submit(command);
      const result = s.result.then(
        (w) =>
          new Promise<Worked>((resolve) => {
            if (open) resolve(w);
            else held.push(() => resolve(w));
          }),
      );
      return { result, queued: true };
    },
    get pending() {
      return inner.pending + held.length;
    },
    get queued() {
      return held.length;
    },
    close: () => inner.close(),
    release() {
      open = true;
      for (const f of held.splice(0)) f();
    },
  };
}

describe("gateway service", () => {
  test("a forged 更多结果 button the engine refuses answers privately and leaves the public message alone", async () => {
    h = await startBot();
    const user = newUser();
    const asked = h.fake.sendCommand("ask", { question: "充电桩" }, { user });
    const reply = await h.fake.waitForReply(asked.id);
    const before = JSON.stringify(h.fake["state"].botMessages.get(reply.messageId ?? ""));
    const click = h.fake.sendButton("zb1:more:2:1901:的", { user, messageId: reply.messageId ?? "" });
    const answer = await h.fake.waitForReply(click.id);
    expect(answer.ephemeral).toBe(true);
    expect(answer.callbackType).not.toBe(7);
    expect(JSON.stringify(h.fake["state"].botMessages.get(reply.messageId ?? ""))).toBe(before);
    expect(h.fake.refused).toEqual([]);
  });

  test("a full answer queue is told 繁忙 at once, privately", async () => {
    const full: AnswerWork = {
      submit: () => {
        throw new BusyError("full");
      },
      pending: 1,
      queued: 1,
      close: async () => {},
    };
    h = await startBot({ work: full });
    const sent = h.fake.sendCommand("compare", { indicator: "GDP" }, { user: newUser() });
    const reply = await h.fake.waitForReply(sent.id);
    expect(reply.callbackType).toBe(4);
    expect(reply.ephemeral).toBe(true);
    expect(JSON.stringify(reply.payload)).toContain(NOTICES.busy);
  });

  test("autocomplete that waited past its budget answers an empty list at once", async () => {
    // Each reading of this clock is 2.5 s after the last: the keystroke looks stuck behind a stalled loop.
    let t = Date.now();
    h = await startBot({ clock: { now: () => (t += 2500) } });
    const sent = h.fake.sendAutocomplete("target", { region: "临", indicator: "" }, "region", {
      user: newUser(),
    });
    const reply = await h.fake.waitForReply(sent.id);
    expect(reply.callbackType).toBe(8);
    expect(reply.payload).toMatchObject({ choices: [] });
  });

  test("every interaction leaves one log line: command, outcome, latency, shard", async () => {
    const logger = memoryLogger("info");
    h = await startBot({ logger });
    await h.fake.waitForReply(
      h.fake.sendCommand("target", { region: "临淄", indicator: "GDP" }, { user: newUser() }).id,
    );
    await h.fake.waitForReply(h.fake.sendButton("zb0:old", { user: newUser() }).id);
    await new Promise((r) => setTimeout(r, 20));
    const lines = logger.lines.filter((l) => l.includes(" INFO interaction"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/"command":"\/target","outcome":"ok","ack":"direct","ms":\d+,"shard":0/);
    expect(lines[1]).toMatch(/"command":"button:invalid","outcome":"expired_button","ack":"notice"/);
  });

  test("stop() waits for the answers in flight, says 繁忙 to new ones, then disconnects", async () => {
    const work = heldWork();
    h = await startBot({ work });
    const sent = h.fake.sendCommand("figure", { region: "临淄", indicator: "GDP" }, { user: newUser() });
    await h.fake.waitForReply(sent.id, { final: false });
    expect(h.bot.inFlight).toBe(1);
    let stopped = false;
    const stopping = h.bot.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    expect(h.bot.notReady()).toBe("shutting down");
    // A command arriving while stopping is not started: it is told 繁忙 at once, privately.
    const late = await h.fake.waitForReply(h.fake.sendCommand("help", {}, { user: newUser() }).id);
    expect(late.ephemeral).toBe(true);
    expect(JSON.stringify(late.payload)).toContain(NOTICES.busy);
    work.release();
    await stopping;
    const reply = await h.fake.waitForReply(sent.id);
    expect(reply.kind).toBe("edit");
    expect(((reply.payload as Msg).embeds?.[0]?.description ?? "").length).toBeGreaterThan(0);
    await h.fake.stop();
    h = undefined;
  });
});
