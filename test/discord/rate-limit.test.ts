import { LRUCache } from "lru-cache";
import { describe, expect, test, vi } from "vitest";
import { type MentionVerdict, mentionGuard, NoticeGate, RateLimiter } from "../../src/discord/rate-limit.ts";

function clock(start = 0) {
  const c = {
    t: start,
    reads: 0,
    now: () => {
      c.reads++;
      return c.t;
    },
  };
  return c;
}

describe("RateLimiter", () => {
  test("allows 5 commands in 10 s per user, refuses the 6th with the time to wait", () => {
    const c = clock();
    const limiter = new RateLimiter(c);
    for (let i = 0; i < 5; i++) {
      expect(limiter.take("u1").ok).toBe(true);
      c.t += 1000;
    }
    expect(limiter.take("u1")).toEqual({ ok: false, retryAfterMs: 5000, scope: "user", key: "u1" });
    expect(limiter.take("u2").ok).toBe(true);
  });

  test("a sliding window: the oldest command leaving frees one slot", () => {
    const c = clock();
    const limiter = new RateLimiter(c, { limit: 2, windowMs: 1000 });
    limiter.take("u");
    c.t = 500;
    limiter.take("u");
    expect(limiter.take("u").ok).toBe(false);
    c.t = 1000;
    expect(limiter.take("u").ok).toBe(true);
    expect(limiter.take("u").ok).toBe(false);
  });

  test("refused commands do not extend the wait", () => {
    const c = clock();
    const limiter = new RateLimiter(c, { limit: 1, windowMs: 1000 });
    limiter.take("u");
    for (let i = 0; i < 9; i++) {
      c.t += 100;
      expect(limiter.take("u").ok).toBe(false);
    }
    c.t = 1000;
    expect(limiter.take("u").ok).toBe(true);
  });

  test("a channel has its own limit across users; a request refused there counts for no one", () => {
    const c = clock();
    const limiter = new RateLimiter(c, { limit: 5, channelLimit: 3, windowMs: 1000 });
    const decisions = ["a", "b", "c", "d"].map((u) => limiter.take(u, "ch"));
    expect(decisions.map((d) => d.ok)).toEqual([true, true, true, false]);
    expect(decisions[3]).toMatchObject({ scope: "channel", key: "ch", retryAfterMs: 1000 });
    // "d" was not counted: it still has its whole budget elsewhere.
    for (let i = 0; i < 5; i++) expect(limiter.take("d", `other${i}`).ok).toBe(true);
    expect(limiter.take("d", "other9")).toMatchObject({ ok: false, scope: "user" });
    c.t = 1000;
    expect(limiter.take("e", "ch").ok).toBe(true);
  });

  test("30,000 distinct users in one window: memory stays at the cap and each check is O(1)", () => {
    const c = clock();
    const limiter = new RateLimiter(c, { maxUsers: 10_000 });
    let largest = 0;
    for (let i = 0; i < 30_000; i++) {
      expect(limiter.take(`user${i}`, `channel${i}`).ok).toBe(true);
      largest = Math.max(largest, limiter.trackedUsers, limiter.trackedChannels);
    }
    expect(largest).toBe(limiter.cap);
    // One clock read per check, whatever the number tracked: nothing sweeps the others' windows. (The
    // old Map was filtered in full on each request past 10,000 users: 20k requests took 89 s.)
    expect(c.reads).toBe(30_000);
    // The newest users are remembered exactly; the least recently seen were forgotten to keep the bound.
    for (let i = 0; i < 4; i++) limiter.take("user29999");
    expect(limiter.take("user29999")).toMatchObject({ ok: false, scope: "user" });
    expect(limiter.take("user0").ok).toBe(true);
  });

  test("a check touches a bounded number of cache entries, however many users are tracked", () => {
    const limiter = new RateLimiter(clock(), { maxUsers: 10_000 });
    for (let i = 0; i < 10_000; i++) limiter.take(`user${i}`, `channel${i}`);
    // Count the cache operations of the next 20,000 checks, all past the cap (the old Map scanned here).
    const ops = [vi.spyOn(LRUCache.prototype, "get"), vi.spyOn(LRUCache.prototype, "set")];
    try {
      for (let i = 10_000; i < 30_000; i++) limiter.take(`user${i}`, `channel${i}`);
      const perCheck = ops.reduce((n, spy) => n + spy.mock.calls.length, 0) / 20_000;
      // A user window and a channel window: one lookup and at most one insert each.
      expect(perCheck).toBeLessThanOrEqual(4);
    } finally {
      for (const spy of ops) spy.mockRestore();
    }
    expect(limiter.trackedUsers).toBe(limiter.cap);
  });
});

describe("NoticeGate", () => {
  test("says yes once per key per window", () => {
    const c = clock();
    const gate = new NoticeGate(c, 1000);
    expect([gate.first("u"), gate.first("u"), gate.first("v")]).toEqual([true, false, true]);
    c.t = 999;
    expect(gate.first("u")).toBe(false);
    c.t = 1000;
    expect(gate.first("u")).toBe(true);
  });
});

// The policy the mention handler applies (src/discord/mention.ts); the e2e test drives it through the bot.
describe("mention flooding", () => {
  const tally = (verdicts: MentionVerdict[]) => ({
    answers: verdicts.filter((v) => v.action === "answer").length,
    notices: verdicts.filter((v) => v.action === "notice").length,
  });

  test("40 mentions from one user: 5 answers and at most one public notice", () => {
    const c = clock();
    const guard = mentionGuard(new RateLimiter(c), c);
    const verdicts = Array.from({ length: 40 }, () => {
      c.t += 50;
      return guard("u1", "ch1");
    });
    expect(tally(verdicts)).toEqual({ answers: 5, notices: 1 });
    expect(verdicts[5]).toMatchObject({ action: "notice" });
  });

  test("the notice comes again only in the next window", () => {
    const c = clock();
    const guard = mentionGuard(new RateLimiter(c, { limit: 1, windowMs: 10_000 }), c);
    const first = [guard("u1", "ch1"), guard("u1", "ch1"), guard("u1", "ch1")].map((v) => v.action);
    c.t += 10_000;
    const next = [guard("u1", "ch1"), guard("u1", "ch1")].map((v) => v.action);
    expect([...first, ...next]).toEqual(["answer", "notice", "drop", "answer", "notice"]);
  });

  test("10 users × 5 mentions in one channel within 3 s: bounded by the channel limit", () => {
    const c = clock();
    const limiter = new RateLimiter(c);
    const guard = mentionGuard(limiter, c);
    const verdicts: MentionVerdict[] = [];
    for (let round = 0; round < 5; round++) {
      for (let u = 0; u < 10; u++) {
        verdicts.push(guard(`user${u}`, "busy"));
        c.t += 60;
      }
    }
    expect(tally(verdicts)).toEqual({ answers: limiter.channelLimit, notices: 1 });
    // Another channel is not held back by the busy one.
    expect(guard("user0", "quiet").action).toBe("answer");
  });
});
