/**
 * One typed Command answered on one interaction, whatever the transport (gateway or HTTP endpoint):
 * submitted to the answer pool, "busy" at once when its queue is full, the reply raced against the
 * deadline (respond.ts), the channel's follow-up context kept, and what happened recorded in the trace
 * that becomes the interaction's log line and metrics.
 */
import type { Answer } from "../answer/schema.ts";
import { chartFileName } from "../chart/chart-name.ts";
import type { AnswerOptions } from "../discord/command.ts";
import type { FollowUps } from "../discord/follow-up.ts";
import type { Logger } from "../discord/logger.ts";
import { NOTICES } from "../discord/notices.ts";
import type { Clock } from "../discord/rate-limit.ts";
import { type ReplyPayload, renderAnswer, renderNotice } from "../discord/render.ts";
import { type Ack, type Ready, respond } from "../discord/respond.ts";
import type { Engine } from "../engine.ts";
import type { Command } from "../query/command.ts";
import type { InteractionMetrics } from "./metrics.ts";
import { type AnswerWork, BusyError, type Worked } from "./work.ts";

export interface FlowDeps {
  engine: Engine;
  work: AnswerWork;
  logger: Logger;
  followUps: FollowUps;
  clock: Clock;
  deferAfterMs: number;
}

/** What happened to one interaction: its log line and its metrics. */
export interface Trace {
  /** `/compare`, `button:more`, `autocomplete:/target`... */
  command: string;
  /** ok, not_found (or another engine error code), busy, rate_limited, internal, ... */
  outcome: string;
  ack?: "direct" | "deferred" | "busy" | "notice";
  errorId?: string;
}

export function newTrace(command: string): Trace {
  return { command, outcome: "unknown" };
}

/** The interaction's one log line and its metrics, for the gateway (shard number) and HTTP ("http"). */
export function logTrace(
  deps: { logger: Logger; metrics?: InteractionMetrics | undefined },
  trace: Trace,
  ms: number,
  shard: number | "http",
): void {
  deps.metrics?.interaction(trace.command, trace.outcome, ms);
  deps.logger.info("interaction", {
    command: trace.command,
    outcome: trace.outcome,
    ack: trace.ack,
    ms: Math.round(ms),
    shard,
    ...(trace.errorId ? { errorId: trace.errorId } : {}),
  });
}

/** The reply for a worked answer; the picture, when there is one, becomes the embed's image. */
export function payloadOf(w: Worked, opts: AnswerOptions = {}): ReplyPayload {
  // Everything but how to send it is for the renderer (paging, the view of who asked, ...).
  const { ephemeral: _ephemeral, update: _update, ...render } = opts;
  return renderAnswer(w.answer, {
    ...render,
    ...(w.chart ? { image: { name: chartFileName(w.answer), attachment: w.chart } } : {}),
  });
}

export function outcomeOf(answer: Answer, w?: Worked): { outcome: string; errorId?: string } {
  const logged = w?.errors[0]?.message.match(/^\[([0-9a-f]+)\]/)?.[1];
  if (logged && !answer.ok) return { outcome: "internal", errorId: logged };
  return { outcome: answer.ok ? "ok" : (answer.error?.code ?? "error") };
}

export async function answerCommand(
  deps: FlowDeps,
  ack: Ack,
  command: Command,
  opts: AnswerOptions & { receivedAt: number; channelId?: string | null },
  trace: Trace,
): Promise<void> {
  let submitted: ReturnType<AnswerWork["submit"]>;
  try {
    submitted = deps.work.submit(command);
  } catch (e) {
    if (!(e instanceof BusyError)) throw e;
    trace.outcome = "busy";
    trace.ack = "busy";
    await ack.reply(renderNotice(NOTICES.busy), true);
    return;
  }
  deps.logger.debug("answer submitted", {
    command: command.name,
    queued: submitted.queued,
    pending: deps.work.pending,
  });
  const ready = submitted.result.then((w): Ready => {
    for (const line of w.errors) deps.logger.error(line.message, line.detail);
    Object.assign(trace, outcomeOf(w.answer, w));
    if (opts.channelId) deps.followUps.remember(opts.channelId, w.answer, command, deps.engine);
    opts.onAnswer?.(w.answer);
    // A click replaces its public message only with an answer: a forged or stale button (a year the
    // engine rejects, a page past the end) must not overwrite what the channel sees with an error.
    return { payload: payloadOf(w, opts), private: opts.update === true && !w.answer.ok };
  });
  trace.ack = await respond(ack, ready, {
    ...opts,
    clock: deps.clock,
    deferAfterMs: deps.deferAfterMs,
    queued: submitted.queued,
  });
}
