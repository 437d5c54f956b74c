/**
 * `npm run start:sharded`: one process per shard via discord.js's ShardingManager. Discord requires
 * sharding from 2,500 servers; below ~2,000 run `npm start` (one process, less memory: each shard loads
 * its own copy of the corpus and index). Every shard runs src/main.ts, which sees DISCORD_TOKEN and
 * the SHARDS / SHARD_COUNT variables the manager sets, and starts the bot for its shards.
 */
import { fileURLToPath } from "node:url";
import { ShardingManager } from "discord.js";
import { loadConfig, loadDotEnv } from "./config.ts";
import { createLogger } from "./logger.ts";

loadDotEnv();
const loaded = loadConfig(process.env);
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const { config } = loaded;
const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
const manager = new ShardingManager(fileURLToPath(new URL("../main.ts", import.meta.url)), {
  token: config.token,
  // Discord's recommended count (GET /gateway/bot): about one shard per 1,000 servers.
  totalShards: "auto",
  // Shards run TypeScript through tsx, as npm start does; extra arguments (--corpus DIR) are passed on.
  execArgv: ["--import", "tsx"],
  shardArgs: process.argv.slice(2),
  respawn: true,
});
manager.on("shardCreate", (shard) => {
  logger.info(`shard ${shard.id} launched`);
  shard.on("death", () => logger.warn(`shard ${shard.id} exited; respawning`));
});
process.on("unhandledRejection", (reason) => logger.error("unhandled promise rejection", reason));
await manager.spawn().catch((e: unknown) => {
  logger.error(`could not start shards: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
