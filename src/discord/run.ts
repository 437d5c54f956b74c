/**
 * The bot as a process: process-level error logging, one-line start-up failures, and a clean exit on
 * SIGINT/SIGTERM. `npm start` (with DISCORD_TOKEN) and every shard of `npm run start:sharded` run this.
 */
import { DiscordjsErrorCodes } from "discord.js";
import { warmUpCompareChart } from "../chart/compare-chart.ts";
import type { Engine } from "../engine.ts";
import { type Bot, type BotOptions, createBot } from "./bot.ts";
import type { BotConfig } from "./config.ts";
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
  // Fonts load once here, so the first /compare is not the slow one.
  warmUpCompareChart();
  const bot = createBot({ ...overrides, engine, config, logger });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: disconnecting`);
    bot.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        logger.error("error while disconnecting", e);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
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
