import { describe, expect, test } from "vitest";
import { RateLimiter } from "../../src/discord/rate-limit.ts";

function clock(start = 0) {
  const c = { t: start, now: () => c.t };
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
    expect(limiter.take("u1")).toEqual({ ok: false, retryAfterMs: 5000 });
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

  test("forgets idle users once it tracks too many", () => {
    const c = clock();
    const limiter = new RateLimiter(c, { limit: 1, windowMs: 1000, maxUsers: 10 });
    for (let i = 0; i < 10; i++) limiter.take(`old${i}`);
    c.t = 5000;
    limiter.take("new");
    expect(limiter.trackedUsers).toBe(1);
  });
});
