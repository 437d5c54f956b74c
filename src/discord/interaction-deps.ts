/**
 * What every interaction front end (the gateway bot, the HTTP endpoint) answers with: the command
 * modules, autocomplete over the name index, the rate limiter, follow-up memory, the clock and when to
 * defer. Built in one place so the two front ends behave alike.
 */
import { commands as defaultCommands } from "../../commands/index.ts";
import type { Engine } from "../engine.ts";
import { Autocomplete } from "./autocomplete.ts";
import type { CommandModule } from "./command.ts";
import { FollowUps } from "./follow-up.ts";
import type { Logger } from "./logger.ts";
import { type Clock, RateLimiter, type RateLimitOptions } from "./rate-limit.ts";

// Discord allows 3 s; leave room for the deferral's own round trip.
export const DEFER_AFTER_MS = 1500;
// Autocomplete arriving later than this after the event (a stalled loop) gets no choices.
export const AUTOCOMPLETE_BUDGET_MS = 2000;

export interface InteractionDeps {
  engine: Engine;
  logger: Logger;
  commands: ReadonlyMap<string, CommandModule>;
  autocomplete: Autocomplete;
  limiter: RateLimiter;
  followUps: FollowUps;
  clock: Clock;
  deferAfterMs: number;
}

export function interactionDeps(o: {
  engine: Engine;
  logger: Logger;
  clock: Clock;
  commands?: readonly CommandModule[] | undefined;
  rateLimit?: RateLimitOptions | undefined;
  deferAfterMs?: number | undefined;
}): InteractionDeps {
  return {
    engine: o.engine,
    logger: o.logger,
    commands: new Map((o.commands ?? defaultCommands).map((c) => [c.data.name, c])),
    autocomplete: new Autocomplete(o.engine.names),
    limiter: new RateLimiter(o.clock, o.rateLimit),
    followUps: new FollowUps(o.clock),
    clock: o.clock,
    deferAfterMs: o.deferAfterMs ?? DEFER_AFTER_MS,
  };
}
