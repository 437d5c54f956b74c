// A fake Discord on 127.0.0.1, as strict as the real one: the REST routes and gateway opcodes an
// unmodified discord.js 14 client uses to log in, receive interactions and messages, and answer them.
// Every body is validated against Discord's spec and limits and refused with Discord's error codes
// (fake/validate.ts); callbacks must come once, of an allowed type, within 3 s, and before any edit or
// follow-up (fake/interactions.ts); bot routes want the token (fake/rest.ts); the gateway checks IDENTIFY
// (fake/gateway.ts). Everything the client sends is captured so end-to-end tests can assert on what a
// user would have seen, and `refused` lists what the fake turned down, with the error it answered.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeGateway } from "./fake/gateway.ts";
import { FakeRest } from "./fake/rest.ts";
import { FakeState } from "./fake/state.ts";
import type { BotMessage, CapturedRequest, ChannelMessage, Interaction, Reply } from "./fake/types.ts";
import {
  type CommandOption,
  type FakeUser,
  interactionPayload,
  messagePayload,
  type Place,
  snowflake,
  textChannelPayload,
  userPayload,
} from "./helpers.ts";

export type { FieldError } from "./fake/errors.ts";
export type { CapturedRequest, ChannelMessage, MessageBody, Reply } from "./fake/types.ts";
export { DISCORD_LIMITS } from "./fake/validate.ts";
export type { CapturedFile, CommandOption, FakeUser, Place } from "./helpers.ts";

export interface FakeDiscordOptions {
  botUserId?: string;
  appId?: string;
  /** Send the guild and its text channel after READY (default true); without it only DMs work. */
  guild?: boolean;
  heartbeatIntervalMs?: number;
  /** Interaction callbacks later than this after dispatch get 10062 Unknown interaction (default 3,000, as Discord). */
  callbackDeadlineMs?: number;
  /** The only bot token accepted in `Authorization: Bot <token>` and IDENTIFY; by default any non-empty one. */
  token?: string;
  /** Privileged intents enabled for the app (bits); IDENTIFY asking for others closes with 4014. */
  privilegedIntents?: number;
}

export interface SentInteraction {
  id: string;
  token: string;
}

export interface SendOptions extends Place {
  user?: FakeUser;
}

interface Waiter {
  check: () => boolean;
  cancel: (reason: Error) => void;
}

const intentBits = { guildMessages: 1 << 9, directMessages: 1 << 12 };
/** Discord's initial-response deadline for interactions. */
export const INTERACTION_DEADLINE_MS = 3000;

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
  readonly requests: CapturedRequest[];
  readonly channelMessages: ChannelMessage[];
  /** `METHOD /path` of requests the fake has no route for (answered 404). */
  readonly unknownRoutes: string[];
  /** Errors inside the fake itself; a test can assert this stays empty. */
  readonly faults: string[];
  /** Gateway URLs the client connected to, query included. */
  readonly gatewayUrls: string[];
  /** Commands registered by PUT, keyed by "global" or the guild id. */
  readonly commands: Map<string, unknown[]>;
  readonly botUserId: string;
  readonly appId: string;
  readonly guildId = "1200000000000000001";
  readonly channelId = "1300000000000000001";
  /** Callbacks later than this after dispatch are refused with 10062. */
  readonly callbackDeadlineMs: number;
  private readonly state: FakeState;
  private readonly gateway: FakeGateway;
  private readonly rest: FakeRest;
  private readonly waiters = new Set<Waiter>();

  private constructor(
    private readonly server: Server,
    opts: FakeDiscordOptions,
  ) {
    this.botUserId = opts.botUserId ?? "1100000000000000001";
    // Applications made since 2019 share the bot user's id.
    this.appId = opts.appId ?? this.botUserId;
    this.callbackDeadlineMs = opts.callbackDeadlineMs ?? INTERACTION_DEADLINE_MS;
    const bot = { id: this.botUserId, username: "zhengbao", bot: true };
    const world = { appId: this.appId, bot, guildId: this.guildId, channelId: this.channelId };
    this.state = new FakeState(world, defaultUser.id);
    this.requests = this.state.requests;
    this.channelMessages = this.state.channelMessages;
    this.unknownRoutes = this.state.unknownRoutes;
    this.faults = this.state.faults;
    this.commands = this.state.commands;
    const notify = () => this.notify();
    this.gateway = new FakeGateway(server, world, {
      ...(opts.guild === undefined ? {} : { guild: opts.guild }),
      ...(opts.heartbeatIntervalMs === undefined ? {} : { heartbeatIntervalMs: opts.heartbeatIntervalMs }),
      ...(opts.token === undefined ? {} : { token: opts.token }),
      ...(opts.privilegedIntents === undefined ? {} : { privilegedIntents: opts.privilegedIntents }),
      url: () => this.gatewayUrl,
      faults: this.faults,
      notify,
    });
    this.gatewayUrls = this.gateway.urls;
    this.rest = new FakeRest(
      this.state,
      {
        callbackDeadlineMs: this.callbackDeadlineMs,
        ...(opts.token === undefined ? {} : { token: opts.token }),
        gatewayUrl: () => this.gatewayUrl,
      },
      notify,
    );
    server.on("request", (req, res) => void this.rest.handle(req, res));
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
    return this.gateway.identifies;
  }

  get resumeCount(): number {
    return this.gateway.resumes;
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
    const known = opts.messageId ? this.state.botMessages.get(opts.messageId) : undefined;
    const place = { ...opts, ...(known ? { channelId: known.channel_id } : {}) };
    const message = known ?? this.state.stubMessage(place);
    return this.sendInteraction(3, { custom_id: customId, component_type: 2 }, place, { message });
  }

  /** Dispatches a choice in a string select menu (`values`), on a message the bot sent when `messageId` is known. */
  sendSelect(
    customId: string,
    values: string[],
    opts: SendOptions & { messageId?: string } = {},
  ): SentInteraction {
    const known = opts.messageId ? this.state.botMessages.get(opts.messageId) : undefined;
    const place = { ...opts, ...(known ? { channelId: known.channel_id } : {}) };
    const message = known ?? this.state.stubMessage(place);
    return this.sendInteraction(3, { custom_id: customId, component_type: 3, values }, place, { message });
  }

  /**
   * Dispatches any interaction type (2 command, 3 component, 4 autocomplete, 5 modal) with the given
   * `data`; the fake then accepts only the callback types Discord allows for that type.
   */
  sendInteraction(
    type: number,
    data: Record<string, unknown>,
    opts: SendOptions = {},
    extra: Record<string, unknown> = {},
  ): SentInteraction {
    const user = opts.user ?? defaultUser;
    const place = { ...opts, channelId: this.channelFor(opts, user.id) };
    const payload = interactionPayload(this.state.world, type, data, user, place, extra);
    const interaction: Interaction = {
      id: payload.id,
      token: payload.token,
      type,
      channelId: payload.channel_id,
      sentAt: Date.now(),
      acknowledged: false,
      // A component's @original is the message it sits on, until a new reply replaces it.
      original: (extra.message as BotMessage | undefined) ?? null,
      replies: [],
      inGuild: !opts.dm,
      ...focusedTypeOf(type, data),
    };
    this.state.interactions.set(interaction.id, interaction);
    this.state.byToken.set(interaction.token, interaction);
    this.dispatch("INTERACTION_CREATE", payload);
    return { id: interaction.id, token: interaction.token };
  }

  /** Dispatches MESSAGE_CREATE from a user; returns the message id (what a reply references). */
  sendMessage(content: string, opts: SendOptions = {}): string {
    const needed = opts.dm ? intentBits.directMessages : intentBits.guildMessages;
    if (this.gateway.hasSession && (this.gateway.intents & needed) === 0) {
      throw new Error(`the client did not identify with intent ${needed}; Discord would not deliver this`);
    }
    const user = opts.user ?? defaultUser;
    const channelId = this.channelFor(opts, user.id);
    const message = messagePayload(this.state.world, user, channelId, { content }, [], !opts.dm);
    this.state.userMessages.set(message.id, channelId);
    const mentioned = content.includes(`<@${this.botUserId}>`) || content.includes(`<@!${this.botUserId}>`);
    this.dispatch("MESSAGE_CREATE", {
      ...message,
      mentions: mentioned ? [userPayload(this.state.world.bot)] : [],
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
    this.gateway.dispatch(t, d);
  }

  /** Closes the gateway from the server side: 4000 makes discord.js resume, 1000 re-identify. */
  closeGateway(code = 4000): void {
    this.gateway.close(code);
  }

  /** Drops the gateway connection without a close frame (the client sees 1006 and resumes). */
  terminateGateway(): void {
    this.gateway.terminate();
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
    this.rest.failNext(pattern, status, times, retryAfterSec, code);
  }

  /** The channel of an event; a guild channel seen for the first time is created (CHANNEL_CREATE) first. */
  private channelFor(place: Place, userId: string): string {
    const known = place.channelId === undefined || this.state.channels.has(place.channelId);
    const id = this.state.channelFor(place, userId);
    if (!known && !place.dm && this.gateway.hasSession) {
      this.dispatch("CHANNEL_CREATE", {
        ...textChannelPayload(this.state.world),
        id,
        name: `channel-${id.slice(-4)}`,
      });
    }
    return id;
  }

  /** Requests the fake refused (status 400 and up, injected failures included), for assertions. */
  get refused(): CapturedRequest[] {
    return this.requests.filter((r) => r.status >= 400);
  }

  // ---- waiting for the client ---------------------------------------------------------------------

  /** Resolves once the gateway is identified or resumed (at once when it is). */
  gatewayReady(timeoutMs = 3000): Promise<void> {
    const ready = this.waitFor(
      () => (this.gateway.connected ? true : undefined),
      timeoutMs,
      "gateway READY or RESUMED",
    );
    return ready.then(() => undefined);
  }

  /** Every response to the interaction so far, in order. */
  repliesTo(interactionId: string): Reply[] {
    return this.state.interactions.get(interactionId)?.replies ?? [];
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
    await this.gateway.stop();
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
}

/** The type of the focused option of an autocomplete interaction, nested in subcommands or not. */
function focusedTypeOf(type: number, data: Record<string, unknown>): { focusedType?: number } {
  if (type !== 4) return {};
  const find = (options: CommandOption[]): CommandOption | undefined =>
    options.find((o) => o.focused) ??
    options.flatMap((o) => (o.options ? [find(o.options)] : [])).find(Boolean);
  const focused = find((data.options as CommandOption[] | undefined) ?? []);
  return focused ? { focusedType: focused.type } : {};
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
