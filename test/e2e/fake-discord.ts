// A small fake Discord on 127.0.0.1: the REST routes and gateway opcodes that an unmodified discord.js 14
// client uses to log in, receive interactions and messages, and answer them. Everything the client sends is
// captured so end-to-end tests can assert on what a user would have seen.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import {
  type CapturedFile,
  type CommandOption,
  type FakeUser,
  guildCreatePayload,
  interactionPayload,
  messagePayload,
  type Place,
  parseMultipart,
  readyPayload,
  snowflake,
  textChannelPayload,
  userPayload,
  type World,
} from "./helpers.ts";

export type { CapturedFile, CommandOption, FakeUser, Place } from "./helpers.ts";

export interface FakeDiscordOptions {
  botUserId?: string;
  appId?: string;
  /** Send the guild and its text channel after READY (default true); without it only DMs work. */
  guild?: boolean;
  heartbeatIntervalMs?: number;
  /** Answer interaction callbacks later than this with 10062 Unknown interaction, as Discord does at 3 s. */
  callbackDeadlineMs?: number;
}

/** One REST request the client made, and the status the fake gave it. */
export interface CapturedRequest {
  method: string;
  /** Decoded, without the `/api/v10` prefix: `/webhooks/APP/TOKEN/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or `payload_json` of a multipart body; undefined when there was none. */
  body: unknown;
  files: CapturedFile[];
  status: number;
  /** Whether an Authorization header came (its value is never kept). */
  authorized: boolean;
}

/** The message-like part of a response: content, embeds, components, flags, choices... */
export type MessageBody = Record<string, unknown> & { content?: string; flags?: number };

/** A response to an interaction: its callback, or a later edit, follow-up or deletion. */
export interface Reply {
  interactionId: string;
  kind: "callback" | "edit" | "followup" | "delete";
  /** Callback type (4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete); null otherwise. */
  callbackType: number | null;
  payload: MessageBody;
  ephemeral: boolean;
  /** The message this response created or changed (for `sendButton(id, { messageId })`); null for autocomplete. */
  messageId: string | null;
  files: CapturedFile[];
  request: CapturedRequest;
}

/** A message the bot posted to a channel (message.reply, channel.send). */
export interface ChannelMessage {
  id: string;
  channelId: string;
  /** The message it replies to, from `message_reference`. */
  replyTo: string | null;
  payload: MessageBody;
  files: CapturedFile[];
  request: CapturedRequest;
}

export interface SentInteraction {
  id: string;
  token: string;
}

export interface SendOptions extends Place {
  user?: FakeUser;
}

type BotMessage = ReturnType<typeof messagePayload>;

interface Interaction extends SentInteraction {
  channelId: string;
  sentAt: number;
  acknowledged: boolean;
  original: BotMessage | null;
  replies: Reply[];
  inGuild: boolean;
}

interface Waiter {
  check: () => boolean;
  cancel: (reason: Error) => void;
}

interface Failure {
  pattern: RegExp;
  status: number;
  times: number;
  retryAfterSec: number;
  code: number;
}

interface Session {
  id: string;
  seq: number;
  // Every dispatch of the session, so a RESUME can replay what a dropped connection missed.
  log: { op: 0; t: string; s: number; d: unknown }[];
}

/** An HTTP status and a JSON body; no body means an empty response (204). */
type Answer = [number, unknown?];

const sessionLimit = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 };
const unknownChannel: Answer = [404, { message: "Unknown Channel", code: 10003 }];
const intentBits = { guildMessages: 1 << 9, directMessages: 1 << 12 };
const ephemeralFlag = 64;
const loadingFlag = 128;

export const defaultUser: FakeUser = {
  id: "1400000000000000001",
  username: "tester",
  global_name: "测试用户",
};

/**
 * Start it, point a client at it, drive it, assert on what came back:
 * ```ts
 * const fake = await FakeDiscord.start();
 * const client = new Client({ intents: [Guilds, GuildMessages], rest: { api: fake.apiBase } });
 * await client.login("any-token"); // then wait for Events.ClientReady
 * const reply = await fake.waitForReply(fake.sendCommand("gdp", { region: "临淄" }).id);
 * expect(reply.payload.content).toContain("6%");
 * await client.destroy();
 * await fake.stop();
 * ```
 */
export class FakeDiscord {
  readonly requests: CapturedRequest[] = [];
  readonly channelMessages: ChannelMessage[] = [];
  /** `METHOD /path` of requests the fake has no route for (answered 404). */
  readonly unknownRoutes: string[] = [];
  /** Errors inside the fake itself; a test can assert this stays empty. */
  readonly faults: string[] = [];
  /** Gateway URLs the client connected to, query included. */
  readonly gatewayUrls: string[] = [];
  /** Commands registered by PUT, keyed by "global" or the guild id. */
  readonly commands = new Map<string, unknown[]>();
  readonly botUserId: string;
  readonly appId: string;
  readonly guildId = "1200000000000000001";
  readonly channelId = "1300000000000000001";
  private readonly world: World;
  private readonly interactions = new Map<string, Interaction>();
  private readonly byToken = new Map<string, Interaction>();
  private readonly botMessages = new Map<string, BotMessage>();
  private readonly waiters = new Set<Waiter>();
  private readonly failures: Failure[] = [];
  private readonly wss: WebSocketServer;
  private socket: WebSocket | null = null;
  private session: Session | null = null;
  private intents = 0;
  private identifies = 0;
  private resumes = 0;

  private constructor(
    private readonly server: Server,
    private readonly opts: FakeDiscordOptions,
  ) {
    this.botUserId = opts.botUserId ?? "1100000000000000001";
    // Applications made since 2019 share the bot user's id.
    this.appId = opts.appId ?? this.botUserId;
    const bot = { id: this.botUserId, username: "zhengbao", bot: true };
    this.world = { appId: this.appId, bot, guildId: this.guildId, channelId: this.channelId };
    this.wss = new WebSocketServer({ server });
    this.wss.on("connection", (ws, req) => this.onConnection(ws, req));
    server.on("request", (req, res) => void this.onRequest(req, res));
  }

  static async start(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const fake = new FakeDiscord(server, opts);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** For `new Client({ rest: { api: fake.apiBase } })`. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get identifyCount(): number {
    return this.identifies;
  }

  get resumeCount(): number {
    return this.resumes;
  }

  // ---- driving the client -------------------------------------------------------------------------

  /** Dispatches a chat-input command; a record infers option types (string 3, integer 4, other number 10, boolean 5). */
  sendCommand(
    name: string,
    options: CommandOption[] | Record<string, string | number | boolean> = [],
    opts: SendOptions = {},
  ): SentInteraction {
    return this.sendInteraction(2, { id: snowflake(), name, type: 1, options: toOptions(options) }, opts);
  }

  /** Dispatches an autocomplete request with the option `focused` being typed. */
  sendAutocomplete(
    name: string,
    options: CommandOption[] | Record<string, string | number | boolean>,
    focused: string,
    opts: SendOptions = {},
  ): SentInteraction {
    const marked = toOptions(options).map((o) => (o.name === focused ? { ...o, focused: true } : o));
    return this.sendInteraction(4, { id: snowflake(), name, type: 1, options: marked }, opts);
  }

  /** Dispatches a button click; `messageId` of a message the bot sent makes it the clicked message. */
  sendButton(customId: string, opts: SendOptions & { messageId?: string } = {}): SentInteraction {
    const known = opts.messageId ? this.botMessages.get(opts.messageId) : undefined;
    const place = { ...opts, ...(known ? { channelId: known.channel_id } : {}) };
    const message = known ?? this.stubMessage(place);
    return this.sendInteraction(3, { custom_id: customId, component_type: 2 }, place, { message });
  }

  /** Dispatches any interaction type (select menus, modals...) with the given `data`. */
  sendInteraction(
    type: number,
    data: Record<string, unknown>,
    opts: SendOptions = {},
    extra: Record<string, unknown> = {},
  ): SentInteraction {
    const payload = interactionPayload(this.world, type, data, opts.user ?? defaultUser, opts, extra);
    const interaction: Interaction = {
      id: payload.id,
      token: payload.token,
      channelId: payload.channel_id,
      sentAt: Date.now(),
      acknowledged: false,
      // A component's @original is the message it sits on, until a new reply replaces it.
      original: (extra.message as BotMessage | undefined) ?? null,
      replies: [],
      inGuild: !opts.dm,
    };
    this.interactions.set(interaction.id, interaction);
    this.byToken.set(interaction.token, interaction);
    this.dispatch("INTERACTION_CREATE", payload);
    return { id: interaction.id, token: interaction.token };
  }

  /** Dispatches MESSAGE_CREATE from a user; returns the message id (what a reply references). */
  sendMessage(content: string, opts: SendOptions = {}): string {
    const needed = opts.dm ? intentBits.directMessages : intentBits.guildMessages;
    if (this.session && (this.intents & needed) === 0) {
      throw new Error(`the client did not identify with intent ${needed}; Discord would not deliver this`);
    }
    const user = opts.user ?? defaultUser;
    const channelId = opts.channelId ?? (opts.dm ? `9${user.id.slice(1)}` : this.channelId);
    const message = messagePayload(this.world, user, channelId, { content }, [], !opts.dm);
    const mentioned = content.includes(`<@${this.botUserId}>`) || content.includes(`<@!${this.botUserId}>`);
    this.dispatch("MESSAGE_CREATE", {
      ...message,
      mentions: mentioned ? [userPayload(this.world.bot)] : [],
      ...(opts.dm ? { channel_type: 1 } : {}),
    });
    return message.id;
  }

  /** Sends `<@bot> text`, the way a user asks the bot in a channel. */
  sendMention(text: string, opts: SendOptions = {}): string {
    return this.sendMessage(`<@${this.botUserId}> ${text}`, opts);
  }

  /**
   * Dispatches a gateway event in the current session. While disconnected it is kept for a RESUME to
   * replay; a client that identifies anew instead never gets it, as with Discord.
   */
  dispatch(t: string, d: unknown): void {
    if (!this.session) throw new Error("no gateway session yet: log the client in first");
    const packet = { op: 0 as const, t, s: ++this.session.seq, d };
    this.session.log.push(packet);
    this.socket?.send(JSON.stringify(packet));
  }

  /** Closes the gateway from the server side: 4000 makes discord.js resume, 1000 re-identify. */
  closeGateway(code = 4000): void {
    const socket = this.socket;
    this.socket = null;
    socket?.close(code, "closed by fake");
  }

  /** Drops the gateway connection without a close frame (the client sees 1006 and resumes). */
  terminateGateway(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.terminate();
  }

  /**
   * Answers the next `times` requests matching `METHOD /path` with `status` and JSON error `code`; a 429
   * carries a short retry-after. @discordjs/rest retries a 5xx three times and a 429 until it passes, so
   * `{ times: 4 }` with 500 is what makes a call fail for the bot.
   */
  failNext(
    pattern: RegExp,
    status = 500,
    opts: { times?: number; retryAfterSec?: number; code?: number } = {},
  ): void {
    const { times = 1, retryAfterSec = 0.05, code = 0 } = opts;
    this.failures.push({ pattern, status, times, retryAfterSec, code });
  }

  // ---- waiting for the client ---------------------------------------------------------------------

  /** Resolves once the gateway is identified or resumed (at once when it is). */
  gatewayReady(timeoutMs = 3000): Promise<void> {
    const ready = this.waitFor(() => (this.socket ? true : undefined), timeoutMs, "gateway READY or RESUMED");
    return ready.then(() => undefined);
  }

  /** Every response to the interaction so far, in order. */
  repliesTo(interactionId: string): Reply[] {
    return this.interactions.get(interactionId)?.replies ?? [];
  }

  /**
   * Resolves with the interaction's answer: by default the first response that is not a deferral
   * (callback 5/6), so a deferred reply resolves with its edit; `final: false` takes the first callback.
   */
  waitForReply(interactionId: string, opts: { timeoutMs?: number; final?: boolean } = {}): Promise<Reply> {
    const final = opts.final ?? true;
    const isAnswer = (r: Reply) => !final || !(r.callbackType === 5 || r.callbackType === 6);
    return this.waitFor(
      () => this.repliesTo(interactionId).find(isAnswer),
      opts.timeoutMs ?? 2000,
      `reply to interaction ${interactionId}`,
    );
  }

  /** Resolves with the first bot message (already sent or still to come) matching the filters. */
  waitForChannelMessage(
    opts: { channelId?: string; replyTo?: string; timeoutMs?: number } = {},
  ): Promise<ChannelMessage> {
    const matches = (m: ChannelMessage) =>
      (!opts.channelId || m.channelId === opts.channelId) && (!opts.replyTo || m.replyTo === opts.replyTo);
    return this.waitFor(
      () => this.channelMessages.find(matches),
      opts.timeoutMs ?? 2000,
      `channel message${opts.replyTo ? ` replying to ${opts.replyTo}` : ""}`,
    );
  }

  /** Resolves with the first captured request (past or future) matching the predicate. */
  waitForRequest(match: (r: CapturedRequest) => boolean, timeoutMs = 2000): Promise<CapturedRequest> {
    return this.waitFor(() => this.requests.find(match), timeoutMs, "matching request");
  }

  /** Destroy the client first: a client left running reconnects forever and keeps the test process alive. */
  async stop(): Promise<void> {
    for (const waiter of [...this.waiters]) waiter.cancel(new Error("fake Discord stopped"));
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private waitFor<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          const value = find();
          if (value === undefined) return false;
          this.waiters.delete(waiter);
          clearTimeout(timer);
          resolve(value);
          return true;
        },
        cancel: (reason) => {
          this.waiters.delete(waiter);
          clearTimeout(timer);
          reject(reason);
        },
      };
      const timer = setTimeout(
        () => waiter.cancel(new Error(`fake Discord: no ${what} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.add(waiter);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  // ---- gateway ------------------------------------------------------------------------------------

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    this.gatewayUrls.push(req.url ?? "");
    const send = (payload: unknown) => ws.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: this.opts.heartbeatIntervalMs ?? 41250 } });
    ws.on("message", (raw) => {
      try {
        const { op, d } = JSON.parse(raw.toString()) as { op: number; d: Record<string, unknown> | null };
        if (op === 1) send({ op: 11 });
        else if (op === 2) this.identify(ws, d ?? {});
        else if (op === 6) this.resume(ws, d ?? {});
      } catch (error) {
        this.faults.push(`gateway: ${String(error)}`);
      }
    });
    ws.on("close", () => {
      if (this.socket === ws) this.socket = null;
    });
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): void {
    this.identifies++;
    this.intents = typeof d.intents === "number" ? d.intents : 0;
    this.session = { id: snowflake(), seq: 0, log: [] };
    this.socket = ws;
    const withGuild = this.opts.guild ?? true;
    this.dispatch("READY", readyPayload(this.world, this.session.id, this.gatewayUrl, withGuild));
    if (withGuild) this.dispatch("GUILD_CREATE", guildCreatePayload(this.world));
    this.notify();
  }

  private resume(ws: WebSocket, d: Record<string, unknown>): void {
    this.resumes++;
    const session = this.session;
    if (!session || d.session_id !== session.id) {
      // Invalid session, not resumable: discord.js then identifies anew.
      ws.send(JSON.stringify({ op: 9, d: false }));
      return;
    }
    const seq = typeof d.seq === "number" ? d.seq : 0;
    for (const packet of session.log) if (packet.s > seq) ws.send(JSON.stringify(packet));
    this.socket = ws;
    this.dispatch("RESUMED", null);
    this.notify();
  }

  // ---- REST ---------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
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
      const contentType = req.headers["content-type"] ?? "";
      if (contentType.startsWith("multipart/form-data")) {
        const { fields, files } = parseMultipart(raw, contentType);
        const payload = fields.get("payload_json");
        captured.body = payload === undefined ? undefined : JSON.parse(payload);
        captured.files = files;
      } else if (raw.length > 0) {
        captured.body = contentType.includes("json")
          ? JSON.parse(raw.toString("utf8"))
          : raw.toString("utf8");
      }
      const failure = this.takeFailure(`${captured.method} ${captured.path}`);
      if (failure) {
        status = failure.status;
        json = {
          message: `fake failure ${status}`,
          code: failure.code,
          retry_after: failure.retryAfterSec,
          global: false,
        };
        if (status === 429) headers = { "retry-after": String(failure.retryAfterSec) };
      } else {
        [status, json] = this.route(captured);
      }
    } catch (error) {
      this.faults.push(`${captured.method} ${captured.path}: ${String(error)}`);
      json = { message: "fake Discord fault", code: 0 };
    }
    captured.status = status;
    this.requests.push(captured);
    if (json === undefined) res.writeHead(status, headers).end();
    else res.writeHead(status, { ...headers, "content-type": "application/json" }).end(JSON.stringify(json));
    this.notify();
  }

  private takeFailure(route: string): Failure | undefined {
    const failure = this.failures.find((f) => f.pattern.test(route));
    if (failure && --failure.times === 0) this.failures.splice(this.failures.indexOf(failure), 1);
    return failure;
  }

  // Each route is matched against "METHOD /path"; a handler gets the capture groups.
  private readonly routes: [RegExp, (r: CapturedRequest, m: string[], body: MessageBody) => Answer][] = [
    [
      /^GET \/gateway\/bot$/,
      () => [200, { url: this.gatewayUrl, shards: 1, session_start_limit: sessionLimit }],
    ],
    [/^GET \/gateway$/, () => [200, { url: this.gatewayUrl }]],
    [/^GET \/users\/@me$/, () => [200, userPayload(this.world.bot)]],
    [
      /^GET \/applications\/@me$/,
      () => [200, { id: this.appId, name: "政报通", flags: 0, bot_public: true }],
    ],
    [
      /^POST \/interactions\/(\d+)\/([^/]+)\/callback$/,
      (r, [, id = "", token = ""], body) => this.callback(r, id, token, body),
    ],
    [
      /^(GET|PATCH|DELETE|POST) \/webhooks\/\d+\/([^/]+)(?:\/messages\/([^/]+))?$/,
      (r, [, method = "", token = "", messageId], body) => this.webhook(r, method, token, messageId, body),
    ],
    [
      /^POST \/channels\/(\d+)\/messages$/,
      (r, [, channelId = ""], body) => this.channelMessage(r, channelId, body),
    ],
    [
      /^(PATCH|DELETE) \/channels\/\d+\/messages\/(\d+)$/,
      (_r, [, method, id = ""], body) => {
        const message = this.botMessages.get(id);
        if (!message) return [404, { message: "Unknown Message", code: 10008 }];
        if (method === "DELETE") return [204];
        return [200, Object.assign(message, body)];
      },
    ],
    [/^POST \/channels\/\d+\/typing$/, () => [204]],
    [
      /^GET \/channels\/(\d+)$/,
      (_r, [, id]) => (id === this.channelId ? [200, textChannelPayload(this.world)] : unknownChannel),
    ],
    [
      /^PUT \/applications\/\d+(?:\/guilds\/(\d+))?\/commands$/,
      (r, [, guildId]) => {
        const list = Array.isArray(r.body) ? (r.body as Record<string, unknown>[]) : [];
        const registered = list.map((c) => ({
          id: snowflake(),
          application_id: this.appId,
          version: "1",
          ...c,
        }));
        this.commands.set(guildId ?? "global", registered);
        return [200, registered];
      },
    ],
  ];

  private route(r: CapturedRequest): Answer {
    const route = `${r.method} ${r.path}`;
    for (const [pattern, handle] of this.routes) {
      const m = pattern.exec(route);
      if (m) return handle(r, [...m], (r.body ?? {}) as MessageBody);
    }
    this.unknownRoutes.push(route);
    return [404, { message: "404: Not Found", code: 0 }];
  }

  private callback(r: CapturedRequest, id: string, token: string, body: MessageBody): Answer {
    const interaction = this.interactions.get(id);
    const deadline = this.opts.callbackDeadlineMs ?? Number.POSITIVE_INFINITY;
    if (!interaction || interaction.token !== token || Date.now() - interaction.sentAt > deadline) {
      return [404, { message: "Unknown interaction", code: 10062 }];
    }
    if (interaction.acknowledged) {
      return [400, { message: "Interaction has already been acknowledged.", code: 40060 }];
    }
    interaction.acknowledged = true;
    const type = typeof body.type === "number" ? body.type : 0;
    const data = (body.data ?? {}) as MessageBody;
    const flags = (data.flags ?? 0) | (type === 5 ? loadingFlag : 0);
    if (type === 4 || type === 5)
      interaction.original = this.botMessage(interaction, { ...data, flags }, r.files);
    if (type === 7 && interaction.original) Object.assign(interaction.original, data);
    if (type === 6 && !interaction.original) interaction.original = this.stubMessage({});
    this.addReply(interaction, "callback", type, data, r, type === 8 ? null : interaction.original);
    if (r.query.with_response !== "true") return [204];
    const message = interaction.original;
    return [
      200,
      {
        interaction: {
          id,
          type: 2,
          response_message_id: message?.id,
          response_message_loading: type === 5,
          response_message_ephemeral: ((message?.flags ?? 0) & ephemeralFlag) !== 0,
        },
        resource: { type, ...(message && type !== 8 ? { message } : {}) },
      },
    ];
  }

  private webhook(
    r: CapturedRequest,
    method: string,
    token: string,
    messageId: string | undefined,
    body: MessageBody,
  ): Answer {
    const interaction = this.byToken.get(token);
    if (!interaction) return [404, { message: "Unknown Webhook", code: 10015 }];
    if (method === "POST" && !messageId) {
      const message = this.botMessage(interaction, body, r.files);
      this.addReply(interaction, "followup", null, body, r, message);
      return [200, message];
    }
    const message =
      messageId === "@original" ? interaction.original : (this.botMessages.get(messageId ?? "") ?? null);
    if (!message) return [404, { message: "Unknown Message", code: 10008 }];
    if (method === "GET") return [200, message];
    if (method === "DELETE") {
      this.addReply(interaction, "delete", null, {}, r, message);
      return [204];
    }
    // An edit ends the "thinking..." state of a deferred reply.
    Object.assign(message, body, { flags: (message.flags ?? 0) & ~loadingFlag });
    this.addReply(interaction, "edit", null, body, r, message);
    return [200, message];
  }

  private channelMessage(r: CapturedRequest, channelId: string, body: MessageBody): Answer {
    const inGuild = channelId === this.channelId;
    const message = messagePayload(this.world, this.world.bot, channelId, body, r.files, inGuild);
    this.botMessages.set(message.id, message);
    const reference = body.message_reference as { message_id?: string } | undefined;
    this.channelMessages.push({
      id: message.id,
      channelId,
      replyTo: reference?.message_id ?? null,
      payload: body,
      files: r.files,
      request: r,
    });
    return [200, message];
  }

  private stubMessage(place: Place): BotMessage {
    const channelId = place.channelId ?? (place.dm ? `9${defaultUser.id.slice(1)}` : this.channelId);
    const message = messagePayload(this.world, this.world.bot, channelId, { content: "" }, [], !place.dm);
    this.botMessages.set(message.id, message);
    return message;
  }

  private botMessage(interaction: Interaction, body: MessageBody, files: CapturedFile[]): BotMessage {
    const message = {
      ...messagePayload(this.world, this.world.bot, interaction.channelId, body, files, interaction.inGuild),
      webhook_id: this.appId,
      application_id: this.appId,
    };
    this.botMessages.set(message.id, message);
    return message;
  }

  private addReply(
    interaction: Interaction,
    kind: Reply["kind"],
    callbackType: number | null,
    payload: MessageBody,
    request: CapturedRequest,
    message: BotMessage | null,
  ): void {
    const ephemeral = ((payload.flags ?? 0) & ephemeralFlag) !== 0;
    interaction.replies.push({
      interactionId: interaction.id,
      kind,
      callbackType,
      payload,
      ephemeral,
      messageId: message?.id ?? null,
      files: request.files,
      request,
    });
  }
}

function toOptions(options: CommandOption[] | Record<string, string | number | boolean>): CommandOption[] {
  if (Array.isArray(options)) return options;
  return Object.entries(options).map(([name, value]) => ({ name, type: optionType(value), value }));
}

function optionType(value: string | number | boolean): number {
  if (typeof value === "string") return 3;
  if (typeof value === "boolean") return 5;
  return Number.isInteger(value) ? 4 : 10;
}
