/**
 * Abuse limits: a sliding window of recent requests per user and per channel, on an injected clock.
 *
 * Each window lives in an LRU cache with a hard cap, so a raid of one-off accounts costs bounded memory
 * and every check is O(1): one cache lookup and at most `limit` timestamps looked at, never a scan of
 * everyone tracked (the old Map was swept in full on every request past 10,000 users). Past the cap the
 * least recently seen key is forgotten; it then starts with a fresh window, the price of the bound.
 */
import { LRUCache } from "lru-cache";

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface RateLimitOptions {
  /** Requests allowed per user per window (default 5). */
  limit?: number;
  windowMs?: number;
  /** Requests allowed per channel per window, all users together (default 10): one channel, one flood. */
  channelLimit?: number;
  /** Users remembered at most (default 10,000); channels get the same cap in their own cache. */
  maxUsers?: number;
}

export type RateDecision =
  | { ok: true }
  | { ok: false; retryAfterMs: number; scope: "user" | "channel"; key: string };

/** Timestamps of recent hits per key; at most `limit` per key are kept, the rest have no use. */
class WindowLog {
  private readonly log: LRUCache<string, number[]>;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    cap: number,
  ) {
    this.log = new LRUCache({ max: cap });
  }

  /** The key's timestamps still inside the window (older ones dropped); undefined if none on record. */
  recent(key: string, now: number): number[] | undefined {
    const times = this.log.get(key);
    while (times && times.length > 0 && now - (times[0] ?? now) >= this.windowMs) times.shift();
    return times;
  }

  /** Milliseconds until a slot frees up; 0 when one is free now. */
  wait(times: number[] | undefined, now: number): number {
    if (!times || times.length < this.limit) return 0;
    return this.windowMs - (now - (times[0] ?? now));
  }

  add(key: string, times: number[] | undefined, now: number): void {
    if (times) times.push(now);
    else this.log.set(key, [now]);
  }

  get size(): number {
    return this.log.size;
  }
}

export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly channelLimit: number;
  /** The most keys each cache holds (users, and separately channels). */
  readonly cap: number;
  private readonly users: WindowLog;
  private readonly channels: WindowLog;

  constructor(
    private readonly clock: Clock,
    opts: RateLimitOptions = {},
  ) {
    this.limit = opts.limit ?? 5;
    this.windowMs = opts.windowMs ?? 10_000;
    this.channelLimit = opts.channelLimit ?? 10;
    this.cap = opts.maxUsers ?? 10_000;
    this.users = new WindowLog(this.limit, this.windowMs, this.cap);
    this.channels = new WindowLog(this.channelLimit, this.windowMs, this.cap);
  }

  /**
   * Counts one request for the user (and the channel, when given), or says how long to wait and which
   * limit refused it. A refused request is counted nowhere, so hammering does not extend the wait.
   */
  take(userId: string, channelId?: string): RateDecision {
    const now = this.clock.now();
    const mine = this.users.recent(userId, now);
    const userWait = this.users.wait(mine, now);
    if (userWait > 0) return { ok: false, retryAfterMs: userWait, scope: "user", key: userId };
    if (channelId !== undefined) {
      const channel = this.channels.recent(channelId, now);
      const channelWait = this.channels.wait(channel, now);
      if (channelWait > 0) return { ok: false, retryAfterMs: channelWait, scope: "channel", key: channelId };
      this.channels.add(channelId, channel, now);
    }
    this.users.add(userId, mine, now);
    return { ok: true };
  }

  get trackedUsers(): number {
    return this.users.size;
  }

  get trackedChannels(): number {
    return this.channels.size;
  }
}

/**
 * Remembers who was already told "too fast" in the current window, so a flood of refused mentions gets
 * one public notice instead of one per message (40 mentions used to bring 35 public notices).
 */
export class NoticeGate {
  private readonly sent: LRUCache<string, number>;

  constructor(
    private readonly clock: Clock,
    private readonly windowMs: number,
    cap = 10_000,
  ) {
    this.sent = new LRUCache({ max: cap });
  }

  /** True the first time in a window for `key` (send the notice), false after (stay silent). */
  first(key: string): boolean {
    const now = this.clock.now();
    const at = this.sent.get(key);
    if (at !== undefined && now - at < this.windowMs) return false;
    this.sent.set(key, now);
    return true;
  }
}

/** What to do with a mention: answer it, post the window's one "too fast" notice, or drop it. */
export type MentionVerdict =
  | { action: "answer" }
  | { action: "notice"; retryAfterMs: number }
  | { action: "drop" };

/**
 * The abuse policy for @mentions: per-user and per-channel limits (shared with commands through the
 * same limiter), and since a mention's notice is public, at most one per window for whichever user or
 * channel hit its limit. 40 mentions from one user: 5 answers, 1 notice, 34 dropped.
 */
export function mentionGuard(
  limiter: RateLimiter,
  clock: Clock,
): (userId: string, channelId: string) => MentionVerdict {
  const notices = new NoticeGate(clock, limiter.windowMs);
  return (userId, channelId) => {
    const allowed = limiter.take(userId, channelId);
    if (allowed.ok) return { action: "answer" };
    return notices.first(`${allowed.scope}:${allowed.key}`)
      ? { action: "notice", retryAfterMs: allowed.retryAfterMs }
      : { action: "drop" };
  };
}
