// The acknowledgement policy (respond.ts) and the answer flow's busy path, on a recording Ack and a
// manual clock: queued work is deferred at once, ready work goes out directly, slow work is deferred at
// the budget, a click never replaces its message with an error, and a full queue is told 繁忙 at once.
import { describe, expect, test } from "vitest";
import { FollowUps } from "../../src/discord/follow-up.ts";
import { memoryLogger } from "../../src/discord/logger.ts";
import { NOTICES } from "../../src/discord/notices.ts";
import type { ReplyPayload } from "../../src/discord/render.ts";
import { type Ack, type Ready, respond } from "../../src/discord/respond.ts";
import { answerCommand, newTrace } from "../../src/service/answer-flow.ts";
import { type AnswerWork, BusyError } from "../../src/service/work.ts";
import { engine } from "../helpers.ts";

function recordingAck(canUpdate = false): Ack & { calls: string[]; payloads: ReplyPayload[] } {
  const calls: string[] = [];
  const payloads: ReplyPayload[] = [];
  const rec = (name: string) => async (payload?: unknown, ephemeral?: unknown) => {
    calls.push(ephemeral === true ? `${name}:ephemeral` : name);
    if (payload && typeof payload === "object") payloads.push(payload as ReplyPayload);
  };
  return {
    canUpdate,
    calls,
    payloads,
    reply: rec("reply"),
    update: rec("update"),
    defer: (ephemeral) => rec("defer")(undefined, ephemeral),
    deferUpdate: () => rec("deferUpdate")(),
    edit: rec("edit"),
    followUp: rec("followUp"),
  };
}

const payload: ReplyPayload = {
  embeds: [{ description: "答" }],
  components: [],
  allowedMentions: { parse: [], repliedUser: false },
};
const clock = { now: () => Date.now() };

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("respond", () => {
  test("work waiting in the queue is acknowledged at once, before it is done", async () => {
    const ack = recordingAck();
    const work = deferred<Ready>();
    const done = respond(ack, work.promise, {
      receivedAt: Date.now(),
      clock,
      deferAfterMs: 1500,
      queued: true,
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(ack.calls).toEqual(["defer"]);
    work.resolve({ payload });
    expect(await done).toBe("deferred");
    expect(ack.calls).toEqual(["defer", "edit"]);
  });

  test("an answer ready inside the budget is the reply itself (one request)", async () => {
    const ack = recordingAck();
    const r = await respond(ack, Promise.resolve({ payload }), {
      receivedAt: Date.now(),
      clock,
      deferAfterMs: 1500,
    });
    expect(r).toBe("direct");
    expect(ack.calls).toEqual(["reply"]);
  });

  test("an answer not ready at the budget is deferred then edited in", async () => {
    const ack = recordingAck();
    const work = deferred<Ready>();
    const done = respond(ack, work.promise, { receivedAt: Date.now(), clock, deferAfterMs: 30 });
    await new Promise((r) => setTimeout(r, 60));
    expect(ack.calls).toEqual(["defer"]);
    work.resolve({ payload });
    await done;
    expect(ack.calls).toEqual(["defer", "edit"]);
  });

  test("budget already spent on arrival (the event waited): deferred without waiting", async () => {
    const ack = recordingAck();
    const work = deferred<Ready>();
    const done = respond(ack, work.promise, { receivedAt: Date.now() - 2000, clock, deferAfterMs: 1500 });
    await new Promise((r) => setTimeout(r, 1));
    expect(ack.calls).toEqual(["defer"]);
    work.resolve({ payload });
    await done;
  });

  test("a click whose answer is an error answers privately instead of replacing the message", async () => {
    const ack = recordingAck(true);
    await respond(ack, Promise.resolve({ payload, private: true }), {
      update: true,
      receivedAt: Date.now(),
      clock,
      deferAfterMs: 1500,
    });
    expect(ack.calls).toEqual(["reply:ephemeral"]);
  });

  test("…and after a deferred update, as a private follow-up (the message is left as it was)", async () => {
    const ack = recordingAck(true);
    await respond(ack, Promise.resolve({ payload, private: true }), {
      update: true,
      queued: true,
      receivedAt: Date.now(),
      clock,
      deferAfterMs: 1500,
    });
    expect(ack.calls).toEqual(["deferUpdate", "followUp:ephemeral"]);
  });
});

describe("answer flow", () => {
  test("a full queue is told 繁忙 at once, privately, and traced as busy", async () => {
    const full: AnswerWork = {
      submit: () => {
        throw new BusyError("full");
      },
      pending: 10,
      queued: 9,
      close: async () => {},
    };
    const ack = recordingAck();
    const trace = newTrace("/ask");
    const deps = {
      engine: engine(),
      work: full,
      logger: memoryLogger(),
      followUps: new FollowUps(clock),
      clock,
      deferAfterMs: 1500,
    };
    await answerCommand(deps, ack, { name: "help" }, { receivedAt: Date.now() }, trace);
    expect(ack.calls).toEqual(["reply:ephemeral"]);
    expect(JSON.stringify(ack.payloads[0])).toContain(NOTICES.busy);
    expect(trace).toMatchObject({ outcome: "busy", ack: "busy" });
  });
});
