/**
 * The bot as a process: process-level error logging, one-line start-up failures, the answer pool, the
 * operations port (METRICS_PORT: /healthz, /readyz, /metrics), and on SIGINT/SIGTERM a graceful stop:
 * no new interactions, the ones in flight answered, then exit 0. `npm start` (with DISCORD_TOKEN) and
 * every shard of `npm run start:sharded` run this.
 */
import { DiscordjsErrorCodes } from "discord.js";
import { warmUpCompareChart } from "../chart/compare-chart.ts";
import type { Engine } from "../engine.ts";
import { serviceMetrics } from "../service/metrics.ts";
import { type OpsServer, startOpsServer } from "../service/ops-server.ts";
import { answerPool } from "../service/pool.ts";
import { stopOnSignals } from "../service/shutdown.ts";
import { type Bot, type BotOptions, createBot } from "./bot.ts";
import { type BotConfig, loadServiceConfig } from "./config.ts";
import type { Logger } from "./logger.ts";

/** `overrides` is for the process test, which points the bot at a fake Discord. */
export async function runBot(
  engine: Engine,
  config: BotConfig,
  logger: Logger,
  overrides: Partial<BotOptions> = {},
): Promise<Bot> {
  // A rejection nobody awaited is a bug to log, not a reason to drop every server's answers.
  process.on("unhandledRejection", (reason) => logger.error("unhandled promise rejection", reason));
  // Fonts load once here, so the first chart of a mention is not the slow one.
  warmUpCompareChart();
  const service = loadServiceConfig(process.env);
  if (!service.ok) {
    logger.error(service.message);
    process.exit(1);
  }
  const { metricsPort, workers, answerQueue } = service.config;
  // Every worker opens the same read-only store file as this thread: pages shared, nothing copied.
  const work =
    overrides.work ??
    answerPool({
      storePath: engine.store.path,
      ...(workers ? { threads: workers } : {}),
      ...(answerQueue !== undefined ? { maxQueue: answerQueue } : {}),
    });
  const built = Date.parse(engine.store.meta.get("built") ?? "");
  const metrics = serviceMetrics({
    queueDepth: () => work.queued,
    storeBuiltAt: () => (Number.isFinite(built) ? built : null),
  });
  const bot = createBot({ metrics, ...overrides, work, engine, config, logger });
  let ops: OpsServer | null = null;
  if (metricsPort !== undefined) {
    // Shard processes of one machine cannot share a port: shard N listens on METRICS_PORT + N.
    const shard = Number(process.env.SHARDS?.split(",")[0] ?? 0) || 0;
    ops = await startOpsServer({
      port: metricsPort === 0 ? 0 : metricsPort + shard,
      registry: metrics.registry,
      notReady: () => bot.notReady(),
    });
    logger.info(`operations on port ${ops.port}: /healthz /readyz /metrics`);
  }
  stopOnSignals(logger, () => `disconnecting once ${bot.inFlight} interactions in flight are answered`, [
    () => bot.stop(),
    () => work.close(),
    () => ops?.close(),
  ]);
  try {
    await bot.start();
  } catch (e) {
    logger.error(startFailure(e));
    await bot.stop().catch(() => undefined);
    process.exit(1);
  }
  return bot;
}

/** One line saying why the bot could not log in, without a stack trace. */
export function startFailure(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === DiscordjsErrorCodes.TokenInvalid || code === DiscordjsErrorCodes.TokenMissing) {
    return "Discord 拒绝了令牌 (DISCORD_TOKEN was rejected: reset it under Developer Portal → Bot and update .env)";
  }
  if (code === 4014 || String(e).includes("disallowed intents")) {
    return "Discord 拒绝了 intents (disallowed intents: the bot only needs Guilds and GuildMessages)";
  }
  return `无法连接 Discord (login failed): ${e instanceof Error ? e.message : String(e)}`;
}
