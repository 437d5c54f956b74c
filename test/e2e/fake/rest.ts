// The REST half of the fake Discord: the routes discord.js 14 calls, answered as Discord answers them,
// refusals included. Bodies are validated (validate.ts); interaction callbacks must come within the
// deadline and once, follow-ups and edits only after one; bot routes need `Authorization: Bot <token>`.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseMultipart, snowflake, textChannelPayload, userPayload } from "../helpers.ts";
import { invalidFormBody, unauthorized, unknownChannel, unknownMessage, unknownWebhook } from "./errors.ts";
import { afterEdit, InteractionRoutes } from "./interactions.ts";
import type { FakeState } from "./state.ts";
import type { Answer, CapturedRequest, MessageBody } from "./types.ts";
import { checkMessage, ROUTE_SCHEMAS, schemaProblems } from "./validate.ts";

export interface RestOptions {
  /** Interaction callbacks later than this after dispatch get 10062 Unknown interaction (Discord: 3 s). */
  callbackDeadlineMs: number;
  /** The only token accepted in `Authorization: Bot <token>`; any non-empty one when unset. */
  token?: string;
  gatewayUrl: () => string;
}

interface Failure {
  pattern: RegExp;
  status: number;
  times: number;
  retryAfterSec: number;
  code: number;
}

type Handler = (r: CapturedRequest, m: string[], body: MessageBody) => Answer;

const sessionLimit = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 };

export class FakeRest {
  private readonly failures: Failure[] = [];
  private readonly interactions: InteractionRoutes;

  constructor(
    private readonly state: FakeState,
    private readonly opts: RestOptions,
    private readonly notify: () => void,
  ) {
    this.interactions = new InteractionRoutes(state, opts.callbackDeadlineMs);
  }

  failNext(pattern: RegExp, status: number, times: number, retryAfterSec: number, code: number): void {
    this.failures.push({ pattern, status, times, retryAfterSec, code });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const captured: CapturedRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, ""),
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      files: [],
      status: 0,
      authorized: req.headers.authorization !== undefined,
    };
    let status = 500;
    let json: unknown;
    let headers: Record<string, string> = {};
    try {
      [status, json, headers] = this.answer(req, raw, captured);
    } catch (error) {
      this.state.faults.push(`${captured.method} ${captured.path}: ${String(error)}`);
      json = { message: "fake Discord fault", code: 0 };
    }
    captured.status = status;
    if (status >= 400) captured.error = json;
    this.state.requests.push(captured);
    if (json === undefined) res.writeHead(status, headers).end();
    else res.writeHead(status, { ...headers, "content-type": "application/json" }).end(JSON.stringify(json));
    this.notify();
  }

  private answer(
    req: IncomingMessage,
    raw: Buffer,
    captured: CapturedRequest,
  ): [number, unknown, Record<string, string>] {
    const contentType = req.headers["content-type"] ?? "";
    try {
      if (contentType.startsWith("multipart/form-data")) {
        const { fields, files } = parseMultipart(raw, contentType);
        const payload = fields.get("payload_json");
        captured.body = payload === undefined ? undefined : JSON.parse(payload);
        captured.files = files;
      } else if (raw.length > 0) {
        const text = raw.toString("utf8");
        captured.body = contentType.includes("json") ? JSON.parse(text) : text;
      }
    } catch {
      return [400, { message: "The request body contains invalid JSON.", code: 50109 }, {}];
    }
    const failure = this.takeFailure(`${captured.method} ${captured.path}`);
    if (failure) {
      const { status, retryAfterSec, code } = failure;
      const json = { message: `fake failure ${status}`, code, retry_after: retryAfterSec, global: false };
      return [status, json, status === 429 ? { "retry-after": String(retryAfterSec) } : {}];
    }
    const [status, json] = this.route(captured, req.headers.authorization);
    return [status, json, {}];
  }

  private takeFailure(route: string): Failure | undefined {
    const failure = this.failures.find((f) => f.pattern.test(route));
    if (failure && --failure.times === 0) this.failures.splice(this.failures.indexOf(failure), 1);
    return failure;
  }

  /** Whether `Authorization` carries the bot token the way Discord wants it: `Bot <token>`. */
  private authorized(header: string | undefined): boolean {
    const token = /^Bot (\S+)$/.exec(header ?? "")?.[1];
    return token !== undefined && (this.opts.token === undefined || token === this.opts.token);
  }

  // Each route is matched against "METHOD /path"; `auth` routes need the bot token. Interaction
  // callbacks and webhook routes are authenticated by the token in their path, as on Discord.
  private readonly routes: [RegExp, boolean, Handler][] = [
    [
      /^GET \/gateway\/bot$/,
      true,
      () => [200, { url: this.opts.gatewayUrl(), shards: 1, session_start_limit: sessionLimit }],
    ],
    [/^GET \/gateway$/, false, () => [200, { url: this.opts.gatewayUrl() }]],
    [/^GET \/users\/@me$/, true, () => [200, userPayload(this.state.world.bot)]],
    [
      /^GET \/applications\/@me$/,
      true,
      () => [200, { id: this.state.world.appId, name: "政报通", flags: 0, bot_public: true }],
    ],
    [
      /^POST \/interactions\/(\d+)\/([^/]+)\/callback$/,
      false,
      (r, [, id = "", token = ""], body) => this.interactions.callback(r, id, token, body),
    ],
    [
      /^(GET|PATCH|DELETE|POST) \/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/,
      false,
      (r, [, method = "", app = "", token = "", messageId], body) =>
        app === this.state.world.appId
          ? this.interactions.webhook(r, method, token, messageId, body)
          : unknownWebhook,
    ],
    [
      /^POST \/channels\/(\d+)\/messages$/,
      true,
      (r, [, channelId = ""], body) => this.channelMessage(r, channelId, body),
    ],
    [
      /^(PATCH|DELETE) \/channels\/(\d+)\/messages\/(\d+)$/,
      true,
      (r, [, method, channelId = "", id = ""], body) =>
        this.editChannelMessage(r, method, channelId, id, body),
    ],
    [
      /^POST \/channels\/(\d+)\/typing$/,
      true,
      (_r, [, id = ""]) => (this.state.channels.has(id) ? [204] : unknownChannel),
    ],
    [
      /^GET \/channels\/(\d+)$/,
      true,
      (_r, [, id = ""]) =>
        this.state.channels.has(id) ? [200, { ...textChannelPayload(this.state.world), id }] : unknownChannel,
    ],
    [
      /^GET \/applications\/(\d+)\/commands$/,
      true,
      (_r, [, app]) =>
        app === this.state.world.appId
          ? [200, this.state.commands.get("global") ?? []]
          : [403, { message: "Missing Access", code: 50001 }],
    ],
    [
      /^PUT \/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/,
      true,
      (r, [, app, guildId]) => this.putCommands(r, app ?? "", guildId),
    ],
  ];

  private route(r: CapturedRequest, authorization: string | undefined): Answer {
    const route = `${r.method} ${r.path}`;
    for (const [pattern, auth, handle] of this.routes) {
      const m = pattern.exec(route);
      if (!m) continue;
      if (auth && !this.authorized(authorization)) return unauthorized;
      return handle(r, [...m], (r.body ?? {}) as MessageBody);
    }
    this.state.unknownRoutes.push(route);
    return [404, { message: "404: Not Found", code: 0 }];
  }
  private channelMessage(r: CapturedRequest, channelId: string, body: MessageBody): Answer {
    if (!this.state.channels.has(channelId)) return unknownChannel;
    const refused = checkMessage({
      body,
      files: r.files,
      schema: ROUTE_SCHEMAS.channelCreate,
      where: "channel",
    });
    if (refused) return refused;
    const reference = body.message_reference as
      | { message_id?: string; fail_if_not_exists?: boolean }
      | undefined;
    const replyTo = reference?.message_id ?? null;
    const known =
      replyTo !== null && (this.state.userMessages.has(replyTo) || this.state.botMessages.has(replyTo));
    if (replyTo !== null && !known && reference?.fail_if_not_exists !== false) {
      return invalidFormBody([
        {
          path: ["message_reference"],
          code: "MESSAGE_REFERENCE_UNKNOWN_MESSAGE",
          message: "Unknown message",
        },
      ]);
    }
    const message = this.state.channelMessage(channelId, body, r.files);
    this.state.channelMessages.push({
      id: message.id,
      channelId,
      replyTo,
      payload: body,
      files: r.files,
      request: r,
    });
    return [200, message];
  }

  private editChannelMessage(
    r: CapturedRequest,
    method: string | undefined,
    channelId: string,
    id: string,
    body: MessageBody,
  ): Answer {
    if (!this.state.channels.has(channelId)) return unknownChannel;
    const message = this.state.botMessages.get(id);
    if (!message || message.channel_id !== channelId) return unknownMessage;
    if (method === "DELETE") return [204];
    const refused = checkMessage({
      body,
      files: r.files,
      schema: ROUTE_SCHEMAS.channelEdit,
      where: "edit",
      after: afterEdit(message, body),
      keptAttachments: message.attachments.map((a) => a.id),
    });
    if (refused) return refused;
    return [200, Object.assign(message, body)];
  }

  private putCommands(r: CapturedRequest, app: string, guildId: string | undefined): Answer {
    if (app !== this.state.world.appId) return [403, { message: "Missing Access", code: 50001 }];
    const list = Array.isArray(r.body) ? (r.body as Record<string, unknown>[]) : null;
    if (!list) return invalidFormBody([{ path: [], code: "BASE_TYPE_ARRAY", message: "Must be an array" }]);
    const problems = list.flatMap((c, n) => schemaProblems(ROUTE_SCHEMAS.command, c, [n]));
    if (list.length > 100)
      problems.push({ path: [], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 100 or fewer in length." });
    if (problems.length) return invalidFormBody(problems);
    const registered = list.map((c) => ({ id: snowflake(), application_id: app, version: "1", ...c }));
    this.state.commands.set(guildId ?? "global", registered);
    return [200, registered];
  }
}
