/** Per-user rate limit: a sliding window of recent commands, on an injected clock. */

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface RateLimitOptions {
  /** Commands allowed per window (default 5). */
  limit?: number;
  windowMs?: number;
  /** Users tracked before old entries are swept, so a raid of one-off users cannot grow the map forever. */
  maxUsers?: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  readonly limit: number;
  readonly windowMs: number;
  private readonly maxUsers: number;

  constructor(
    private readonly clock: Clock,
    opts: RateLimitOptions = {},
  ) {
    this.limit = opts.limit ?? 5;
    this.windowMs = opts.windowMs ?? 10_000;
    this.maxUsers = opts.maxUsers ?? 10_000;
  }

  /** Counts one command for the user, or says how long to wait; a refused command is not counted. */
  take(userId: string): RateDecision {
    const now = this.clock.now();
    const recent = (this.hits.get(userId) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(userId, recent);
      return { ok: false, retryAfterMs: this.windowMs - (now - (recent[0] ?? now)) };
    }
    recent.push(now);
    this.hits.set(userId, recent);
    if (this.hits.size > this.maxUsers) this.sweep(now);
    return { ok: true };
  }

  get trackedUsers(): number {
    return this.hits.size;
  }

  private sweep(now: number): void {
    for (const [user, times] of this.hits) {
      if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(user);
    }
  }
}
