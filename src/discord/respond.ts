/**
 * Replying within Discord's 3 seconds, for the gateway and the HTTP endpoint alike (`Ack` is the
 * transport). The answer is computed off the event loop (src/service/pool.ts), so the clock keeps
 * running while it is: an answer that waits behind others in the queue is acknowledged at once; one
 * that starts at once races the budget and goes out directly when ready in time (one request instead of
 * two), otherwise the interaction is deferred (deferReply, or deferUpdate for a clicked message) and the
 * answer edited in when it comes.
 */
import { MessageFlags, type RepliableInteraction } from "discord.js";
import { type RequestGate, restGate } from "../service/rest-gate.ts";
import type { Clock } from "./rate-limit.ts";
import type { ReplyPayload } from "./render.ts";

/** The four ways to acknowledge an interaction and the edit that follows a deferral. */
export interface Ack {
  /** Whether the interaction sits on a message it may replace (a button click). */
  readonly canUpdate: boolean;
  reply(payload: ReplyPayload, ephemeral: boolean): Promise<void>;
  update(payload: ReplyPayload): Promise<void>;
  defer(ephemeral: boolean): Promise<void>;
  deferUpdate(): Promise<void>;
  /** The answer into the deferred message (`PATCH /webhooks/{app}/{token}/messages/@original`). */
  edit(payload: ReplyPayload): Promise<void>;
  /** A new message after the acknowledgement (`POST /webhooks/{app}/{token}`). */
  followUp(payload: ReplyPayload, ephemeral: boolean): Promise<void>;
}

/** A computed reply; `private` ones never replace a clicked (public) message: only the clicker sees them. */
export interface Ready {
  payload: ReplyPayload;
  private?: boolean;
}

export interface RespondOptions {
  ephemeral?: boolean;
  update?: boolean;
  /** When the interaction arrived, on `clock`. */
  receivedAt: number;
  clock: Clock;
  /** Answer directly only if the answer is ready this long after arrival (Discord allows 3000 ms). */
  deferAfterMs: number;
  /** The answer waits behind other work: acknowledge now, do not race. */
  queued?: boolean;
}

/** How the interaction was acknowledged: directly with the answer, or deferred then edited. */
export type Acknowledged = "direct" | "deferred";

export async function respond(
  ack: Ack,
  pending: Promise<Ready>,
  opts: RespondOptions,
): Promise<Acknowledged> {
  const update = opts.update === true && ack.canUpdate;
  const ephemeral = opts.ephemeral === true;
  // A failure while the acknowledgement is on its way is awaited (and thrown) below, not "unhandled".
  pending.catch(() => undefined);
  const budget = opts.deferAfterMs - (opts.clock.now() - opts.receivedAt);
  const inTime = !opts.queued && budget > 0 && (await settlesWithin(pending, budget));
  if (inTime) {
    const ready = await pending;
    if (update && !ready.private) await ack.update(ready.payload);
    else await ack.reply(ready.payload, ephemeral || ready.private === true);
    return "direct";
  }
  if (update) await ack.deferUpdate();
  else await ack.defer(ephemeral);
  const ready = await pending;
  // A deferred click that turns out to be an error keeps the message it was on: the error goes privately.
  if (update && ready.private) await ack.followUp(ready.payload, true);
  else await ack.edit(ready.payload);
  return "deferred";
}

/**
 * The discord.js interaction as an Ack. Its REST calls go through the process's request gate
 * (acknowledgements before answers, a bounded number of connections), then the client's queue.
 */
export function gatewayAck(i: RepliableInteraction, gate: RequestGate = restGate): Ack {
  const flags = (ephemeral: boolean) => (ephemeral ? { flags: MessageFlags.Ephemeral as const } : {});
  const component = () => {
    if (!i.isMessageComponent()) throw new Error("update on an interaction without a message");
    return i;
  };
  return {
    canUpdate: i.isMessageComponent(),
    reply: (payload, ephemeral) =>
      gate.run("ack", () => i.reply({ ...payload, ...flags(ephemeral) })).then(none),
    update: (payload) => gate.run("ack", () => component().update(payload)).then(none),
    defer: (ephemeral) => gate.run("ack", () => i.deferReply(flags(ephemeral))).then(none),
    deferUpdate: () => gate.run("ack", () => component().deferUpdate()).then(none),
    edit: (payload) => gate.run("answer", () => i.editReply(payload)).then(none),
    followUp: (payload, ephemeral) =>
      gate.run("answer", () => i.followUp({ ...payload, ...flags(ephemeral) })).then(none),
  };
}

const none = (): void => undefined;

/** Whether the promise settles (either way) before `ms` pass; never leaves a timer behind. */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      p.then(
        () => true,
        () => true,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
