/**
 * The bot: a discord.js client wired to the router, with everything a test needs to inject (the REST
 * base URL of a fake Discord, the clock, the rate limit, the logger, extra commands).
 */
import { once } from "node:events";
import {
  ActivityType,
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  RESTEvents,
} from "discord.js";
import type { Answer } from "../answer/schema.ts";
import { answerChart, chartFileName } from "../chart/answer-chart.ts";
import type { Engine } from "../engine.ts";
import type { InteractionMetrics } from "../service/metrics.ts";
import { type AnswerWork, inlineWork } from "../service/work.ts";
import type { CommandModule } from "./command.ts";
import type { BotConfig } from "./config.ts";
import { interactionDeps } from "./interaction-deps.ts";
import type { Logger } from "./logger.ts";
import { createMessageHandler } from "./mention.ts";
import { NOTICES } from "./notices.ts";
import { type Clock, type RateLimitOptions, systemClock } from "./rate-limit.ts";
import { NO_MENTIONS, type ReplyFile, renderNotice } from "./render.ts";
import { createInteractionHandler, type RouterDeps } from "./router.ts";

export interface BotOptions {
  engine: Engine;
  config: Pick<BotConfig, "token">;
  logger: Logger;
  /** Merged into the client options: `{ rest: { api } }` points the bot at a fake Discord. */
  clientOptions?: Partial<ClientOptions>;
  clock?: Clock;
  rateLimit?: RateLimitOptions;
  commands?: readonly CommandModule[];
  /** Acknowledge an interaction first when its answer is not ready this long after it arrived. */
  deferAfterMs?: number;
  /** Hook for pictures (the /compare chart): return a PNG to attach to the answer's embed, or null. */
  imageFor?: (answer: Answer) => ReplyFile | null;
  /** Where commands are answered: the worker pool (runBot makes one); by default the main thread. */
  work?: AnswerWork;
  metrics?: InteractionMetrics;
}

export interface Bot {
  client: Client;
  /** Logs in and resolves once the client is ready. */
  start(): Promise<void>;
  /**
   * Takes no new interactions, lets the ones in flight finish (their deferred answers included, at most
   * `graceMs`, default 25 s), then disconnects.
   */
  stop(graceMs?: number): Promise<void>;
  /** Interactions being answered now. */
  readonly inFlight: number;
  /** Why /readyz should say no (not connected yet, stopping), or null. */
  notReady(): string | null;
}

/**
 * View Channels, Send Messages, Embed Links, Attach Files (charts, long paragraphs) and Read Message
 * History (a reply to a message needs it): nothing more, and no Administrator.
 */
export const INVITE_PERMISSIONS = 1024 + 2048 + 16384 + 32768 + 65536;

export function inviteUrl(appId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${appId}&scope=bot+applications.commands&permissions=${INVITE_PERMISSIONS}`;
}

/** The status line under the bot's name: where to start. */
export const PRESENCE = "/帮助 · 查询政府工作报告";

/**
 * @discordjs/rest counts every request against the bot's global limit (50/s by default), but Discord
 * exempts interaction callbacks and their webhook routes from it: at 50/s a burst of 2,000 commands would
 * queue its deferrals for 40 s, far past the 3 s. Channel routes keep their per-route buckets, and a real
 * global 429 still stops everything (the header is honoured).
 */
const GLOBAL_REQUESTS_PER_SECOND = 2000;

const busyNotice = { ...renderNotice(NOTICES.busy), flags: MessageFlags.Ephemeral } as const;

/** The answer's chart (/compare bars, /trend lines), attached to its embed; src/chart draws it without a browser. */
export function chartImage(answer: Answer): ReplyFile | null {
  const png = answerChart(answer);
  return png ? { name: chartFileName(answer), attachment: png } : null;
}

export function createBot(opts: BotOptions): Bot {
  const { logger } = opts;
  const clock = opts.clock ?? systemClock;
  const client = new Client({
    // No privileged intents: Discord still delivers the content of messages that mention the bot, and
    // of every message in a DM with it. DM channels are not cached, hence the Channel partial.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    presence: { activities: [{ name: "政报通", state: PRESENCE, type: ActivityType.Custom }] },
    allowedMentions: NO_MENTIONS,
    // Internal sharding: one process runs every shard Discord recommends (GET /gateway/bot), all on one
    // engine and one answer pool. Under `npm run start:sharded` the manager assigns this process its
    // shards through SHARDS/SHARD_COUNT, which discord.js reads when `shards` is left unset.
    ...(process.env.SHARDS === undefined ? { shards: "auto" as const } : {}),
    ...opts.clientOptions,
    rest: { globalRequestsPerSecond: GLOBAL_REQUESTS_PER_SECOND, ...opts.clientOptions?.rest },
  });
  const imageFor = opts.imageFor ?? chartImage;
  const deps: RouterDeps = {
    ...interactionDeps({ ...opts, logger, clock }),
    imageFor,
    work: opts.work ?? inlineWork(opts.engine, { chart: (a) => imageFor(a)?.attachment ?? null }),
    ...(opts.metrics ? { metrics: opts.metrics } : {}),
  };
  const onInteraction = createInteractionHandler(deps);
  const onMessage = createMessageHandler(deps);
  let inFlight = 0;
  let stopping = false;
  const idle: (() => void)[] = [];
  // Both handlers catch everything themselves; the extra catch only guards against a bug in that catch.
  client.on(Events.InteractionCreate, (i) => {
    if (stopping) {
      // Stopping: no new work, but an honest word instead of Discord's "the application did not respond".
      void (
        i.isAutocomplete() ? i.respond([]) : i.isRepliable() ? i.reply(busyNotice) : Promise.resolve()
      ).catch(() => undefined);
      return;
    }
    inFlight++;
    void onInteraction(i)
      .catch((e) => logger.error("interaction handler", e))
      .finally(() => {
        inFlight--;
        if (inFlight === 0) for (const f of idle.splice(0)) f();
      });
  });
  client.on(Events.MessageCreate, (m) => void onMessage(m).catch((e) => logger.error("message handler", e)));
  client.on(Events.Error, (e) => logger.error("client error", e));
  client.on(Events.Warn, (m) => logger.warn(`discord.js: ${m}`));
  client.on(Events.ShardError, (e, shard) => logger.error(`shard ${shard} connection error`, e));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn(`shard ${shard} disconnected (${event.code})`),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info(`shard ${shard} reconnecting`));
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info(`shard ${shard} resumed (${replayed} events)`),
  );
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn(`REST rate limited on ${info.route} for ${info.timeToReset} ms`),
  );
  client.once(Events.ClientReady, (c) => {
    logger.info(`logged in as ${c.user.tag}; ${c.guilds.cache.size} servers; ${deps.commands.size} commands`);
    logger.info(`invite: ${inviteUrl(c.application.id)}`);
    // The registered commands' ids make /help's mentions clickable (</target:id>) from the first use.
    c.application.commands
      .fetch()
      .catch((e: unknown) => logger.warn("could not fetch the registered commands", e));
  });

  return {
    client,
    async start() {
      const ready = once(client, Events.ClientReady);
      await client.login(opts.config.token);
      await ready;
    },
    async stop(graceMs = 25_000) {
      stopping = true;
      if (inFlight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => idle.push(resolve)),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, graceMs);
          }),
        ]);
        clearTimeout(timer);
      }
      await client.destroy();
    },
    get inFlight() {
      return inFlight;
    },
    notReady() {
      if (stopping) return "shutting down";
      return client.isReady() ? null : "not connected to Discord";
    },
  };
}
