/**
 * POST /interactions: Discord's "Interactions Endpoint URL" mode. Each request is verified (Ed25519, 401
 * otherwise), PING answered with PONG, and commands, buttons and autocomplete handled by the same command
 * modules, answer pool, renderer and deadline logic as the gateway bot. The acknowledgement is the HTTP
 * response itself (4 reply, 5 deferred, 6 deferred update, 7 update, 8 choices); the answer to a
 * deferral goes through the webhook routes. No state outlives a request except the per-instance rate
 * limit and follow-up contexts, so any number of instances can sit behind any load balancer.
 */

import type { KeyObject } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorId } from "../../answer/execute.ts";
import type { Answer } from "../../answer/schema.ts";
import type { BotContext } from "../../discord/command.ts";
import { decodeCustomId } from "../../discord/custom-id.ts";
import { AUTOCOMPLETE_BUDGET_MS, type InteractionDeps } from "../../discord/interaction-deps.ts";
import { NOTICES } from "../../discord/notices.ts";
import { type ReplyPayload, renderNotice } from "../../discord/render.ts";
import type { Ack } from "../../discord/respond.ts";
import { buttonAction } from "../../discord/router.ts";
import { withView } from "../../discord/view.ts";
import { answerCommand, logTrace, newTrace, type Trace } from "../answer-flow.ts";
import type { InteractionMetrics } from "../metrics.ts";
import type { AnswerWork } from "../work.ts";
import {
  asAutocompleteInteraction,
  asCommandInteraction,
  channelIdOf,
  type RawInteraction,
  userIdOf,
} from "./adapter.ts";
import { EPHEMERAL, messageJson } from "./payload.ts";
import { verifySignature } from "./verify.ts";
import type { Webhooks } from "./webhook.ts";

export interface EndpointDeps extends InteractionDeps {
  work: AnswerWork;
  publicKey: KeyObject;
  webhooks: Webhooks;
  metrics?: InteractionMetrics;
  autocompleteBudgetMs?: number;
}

/** Interaction payloads are small; anything bigger is not from Discord. */
const MAX_BODY = 256 * 1024;

export interface Endpoint {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Interactions still being answered (graceful shutdown waits for them). */
  readonly inFlight: number;
  /** Resolves once nothing is in flight. */
  drained(): Promise<void>;
}

export function interactionsEndpoint(deps: EndpointDeps): Endpoint {
  let inFlight = 0;
  const idle: (() => void)[] = [];
  const done = () => {
    inFlight--;
    if (inFlight === 0) for (const f of idle.splice(0)) f();
  };
  return {
    handle(req, res) {
      const receivedAt = deps.clock.now();
      inFlight++;
      serve(deps, req, res, receivedAt)
        .catch((e: unknown) => {
          deps.logger.error(`[${errorId()}] interactions endpoint`, e);
          if (!res.headersSent) res.writeHead(500).end();
        })
        .finally(done);
    },
    get inFlight() {
      return inFlight;
    },
    drained: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => idle.push(r))),
  };
}

async function serve(deps: EndpointDeps, req: IncomingMessage, res: ServerResponse, receivedAt: number) {
  const path = (req.url ?? "").split("?")[0];
  if (path !== "/interactions") return void res.writeHead(404).end();
  if (req.method !== "POST") return void res.writeHead(405, { allow: "POST" }).end();
  const body = await readBody(req);
  if (body === null) return void res.writeHead(413).end();
  const signature = header(req, "x-signature-ed25519");
  const timestamp = header(req, "x-signature-timestamp");
  if (!verifySignature(deps.publicKey, body, signature, timestamp)) {
    return void res.writeHead(401, { "content-type": "text/plain" }).end("invalid request signature");
  }
  let raw: RawInteraction;
  try {
    raw = JSON.parse(body.toString("utf8")) as RawInteraction;
  } catch {
    return void res.writeHead(400).end();
  }
  if (raw.type === 1) return send(res, { type: 1 });
  const trace = newTrace(traceName(raw));
  const ack = httpAck(res, deps.webhooks, raw.token);
  try {
    await route(deps, raw, ack, res, receivedAt, trace);
    if (!res.headersSent) {
      trace.outcome = "unsupported";
      await ack.reply(renderNotice(NOTICES.unsupported), true);
    }
  } catch (e) {
    const id = errorId();
    trace.outcome = "internal";
    trace.errorId = id;
    deps.logger.error(`[${id}] unexpected error handling ${trace.command} from user ${userIdOf(raw)}`, e);
    const sorry = renderNotice(NOTICES.internalError(id));
    try {
      if (!res.headersSent) await ack.reply(sorry, true);
      // A deferred reply would stay "thinking…" forever: the apology replaces it. After a deferred
      // update the clicked message is public, so the apology goes privately instead.
      else if (deferredReply.has(res)) await ack.edit(sorry);
      else await ack.followUp(sorry, true);
    } catch (err) {
      deps.logger.warn(`[${id}] could not send the error message`, err);
    }
  } finally {
    logTrace(deps, trace, deps.clock.now() - receivedAt, "http");
  }
}

async function route(
  deps: EndpointDeps,
  raw: RawInteraction,
  ack: Ack,
  res: ServerResponse,
  receivedAt: number,
  trace: Trace,
): Promise<void> {
  const ctx = contextFor(deps, raw, ack, receivedAt, trace);
  if (raw.type === 4) {
    const command = deps.commands.get(raw.data?.name ?? "");
    const late = deps.clock.now() - receivedAt > (deps.autocompleteBudgetMs ?? AUTOCOMPLETE_BUDGET_MS);
    trace.outcome = late ? "late" : "ok";
    const i = asAutocompleteInteraction(raw, (choices) => send(res, { type: 8, data: { choices } }));
    try {
      if (command?.autocomplete && !late) await command.autocomplete(i, ctx);
    } catch (e) {
      trace.outcome = "internal";
      deps.logger.error(`[${errorId()}] autocomplete for /${raw.data?.name} failed`, e);
    }
    // Nothing sent (no handler, late, or it failed): an empty list lets the user keep typing.
    if (!res.headersSent) await send(res, { type: 8, data: { choices: [] } });
    return;
  }
  if (raw.type !== 2 && raw.type !== 3) return;
  const allowed = deps.limiter.take(userIdOf(raw));
  if (!allowed.ok) {
    trace.outcome = "rate_limited";
    trace.ack = "notice";
    return ack.reply(renderNotice(NOTICES.rateLimited(allowed.retryAfterMs)), true);
  }
  if (raw.type === 2) {
    const command = deps.commands.get(raw.data?.name ?? "");
    // Each command's id, for /help's clickable mentions (</target:id>).
    if (command && raw.data?.id) deps.autocomplete.learnCommand(raw.data.name ?? "", raw.data.id);
    if (command) return command.execute(asCommandInteraction(raw), ctx);
    trace.outcome = "unknown_command";
    trace.ack = "notice";
    return ack.reply(renderNotice(NOTICES.unknownCommand(raw.data?.name ?? "")), true);
  }
  const clicker = { userId: userIdOf(raw), values: raw.data?.values ?? [] };
  const action = buttonAction(raw.data?.custom_id ?? "", raw.message?.embeds?.[0], clicker);
  if (action.kind === "notice") {
    trace.outcome = action.outcome;
    trace.ack = "notice";
    return ack.reply(renderNotice(action.text), true);
  }
  return ctx.answer(asCommandInteraction(raw), action.command, action.opts);
}

function contextFor(
  deps: EndpointDeps,
  raw: RawInteraction,
  ack: Ack,
  receivedAt: number,
  trace: Trace,
): BotContext {
  const channelId = channelIdOf(raw);
  const user = userIdOf(raw);
  // The asker (paging), the command (re-run buttons) and report links, as on the gateway (view.ts).
  const remember = (a: Answer) => deps.autocomplete.remember(user, a);
  return {
    engine: deps.engine,
    logger: deps.logger,
    autocomplete: deps.autocomplete,
    answer: (_i, command, opts = {}) =>
      answerCommand(
        deps,
        ack,
        command,
        { ...withView(opts, user, command, deps.engine.reportById, remember), receivedAt, channelId },
        trace,
      ),
  };
}

/**
 * The HTTP response is the acknowledgement. A reply with files is sent as a deferral and an edit: the
 * webhook routes take multipart bodies, the interaction response here is kept to JSON.
 */
export function httpAck(res: ServerResponse, webhooks: Webhooks, token: string): Ack {
  const flags = (ephemeral: boolean) => (ephemeral ? EPHEMERAL : 0);
  return {
    canUpdate: true,
    async reply(payload, ephemeral) {
      if (hasFiles(payload)) {
        await send(res, { type: 5, ...(ephemeral ? { data: { flags: EPHEMERAL } } : {}) });
        return webhooks.editOriginal(token, payload);
      }
      return send(res, { type: 4, data: messageJson(payload, flags(ephemeral)) });
    },
    async update(payload) {
      if (hasFiles(payload)) {
        await send(res, { type: 6 });
        return webhooks.editOriginal(token, payload);
      }
      return send(res, { type: 7, data: messageJson(payload) });
    },
    defer: (ephemeral) => send(res, { type: 5, ...(ephemeral ? { data: { flags: EPHEMERAL } } : {}) }),
    deferUpdate: () => send(res, { type: 6 }),
    edit: (payload) => webhooks.editOriginal(token, payload),
    followUp: (payload, ephemeral) => webhooks.followUp(token, payload, flags(ephemeral)),
  };
}

function hasFiles(payload: ReplyPayload): boolean {
  return (payload.files?.length ?? 0) > 0;
}

/** Responses that were a deferred reply (type 5), whose placeholder an edit replaces. */
const deferredReply = new WeakSet<ServerResponse>();

/** Writes the JSON response; resolves once it is handed to the socket (so a webhook call comes after). */
function send(res: ServerResponse, body: unknown): Promise<void> {
  if (res.headersSent) return Promise.reject(new Error("interaction already acknowledged"));
  if ((body as { type?: number }).type === 5) deferredReply.add(res);
  const text = JSON.stringify(body);
  return new Promise((resolve) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text, () => resolve());
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function traceName(raw: RawInteraction): string {
  if (raw.type === 4) return `autocomplete:/${raw.data?.name ?? ""}`;
  if (raw.type === 2) return `/${raw.data?.name ?? ""}`;
  if (raw.type === 3) return `button:${decodeCustomId(raw.data?.custom_id ?? "").kind}`;
  return `type:${raw.type}`;
}
