/**
 * `npm run start:sharded`: one process per shard via discord.js's ShardingManager. Discord requires
 * sharding from 2,500 servers. Every shard process opens the same read-only store file (its pages are
 * memory-mapped and shared), so a shard costs a Node process, not a copy of the corpus. Every shard runs
 * main.js, which sees DISCORD_TOKEN and the SHARDS / SHARD_COUNT variables the manager sets.
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
// Compiled (dist/discord/shard.js) the shards run dist/main.js; under tsx, src/main.ts through tsx.
const compiled = import.meta.url.endsWith(".js");
const manager = new ShardingManager(
  fileURLToPath(new URL(compiled ? "../main.js" : "../main.ts", import.meta.url)),
  {
    token: config.token,
    // Discord's recommended count (GET /gateway/bot): about one shard per 1,000 servers.
    totalShards: "auto",
    // Extra arguments (--corpus DIR) are passed on.
    // Node flags given to the manager (e.g. a heap limit) carry over to every shard.
    execArgv: compiled ? process.execArgv : [...process.execArgv, "--import", "tsx"],
    shardArgs: process.argv.slice(2),
    respawn: true,
  },
);
manager.on("shardCreate", (shard) => {
  logger.info(`shard ${shard.id} launched`);
  shard.on("death", () => logger.warn(`shard ${shard.id} exited; respawning`));
});
process.on("unhandledRejection", (reason) => logger.error("unhandled promise rejection", reason));
// The shards are child processes: stopping the manager stops them (each disconnects on SIGTERM).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info(`${signal}: stopping ${manager.shards.size} shards`);
    manager.respawn = false;
    for (const shard of manager.shards.values()) shard.process?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 200).unref();
  });
}
await manager.spawn().catch((e: unknown) => {
  logger.error(`could not start shards: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
