/**
 * Replying within Discord's 3 seconds: answer directly when the answer is ready in time, otherwise
 * acknowledge first (deferReply, or deferUpdate for a clicked message) and edit the answer in. The engine
 * is synchronous and fast today; the race also covers async work such as chart rendering, and an
 * interaction that waited in a queue (a burst of 500) is deferred before its work starts.
 */
import { MessageFlags, type RepliableInteraction } from "discord.js";
import type { Clock } from "./rate-limit.ts";
import type { ReplyPayload } from "./render.ts";

export interface RespondOptions {
  ephemeral?: boolean;
  update?: boolean;
  /** When the interaction arrived, on `clock`. */
  receivedAt: number;
  clock: Clock;
  /** Acknowledge first once this long has passed since arrival (Discord allows 3000 ms). */
  deferAfterMs: number;
}

export async function respond(
  i: RepliableInteraction,
  work: () => ReplyPayload | Promise<ReplyPayload>,
  opts: RespondOptions,
): Promise<void> {
  const update = opts.update === true && i.isMessageComponent();
  const flags = opts.ephemeral ? MessageFlags.Ephemeral : undefined;
  const pending = Promise.resolve().then(work);
  const budget = opts.deferAfterMs - (opts.clock.now() - opts.receivedAt);
  const ready = budget > 0 && (await settlesWithin(pending, budget));
  if (ready) {
    const payload = await pending;
    if (update && i.isMessageComponent()) await i.update(payload);
    else await i.reply(flags ? { ...payload, flags } : payload);
    return;
  }
  if (update && i.isMessageComponent()) await i.deferUpdate();
  else await i.deferReply(flags ? { flags } : {});
  await i.editReply(await pending);
}

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
