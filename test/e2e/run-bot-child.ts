// The bot as its own process (runBot: signals, process-level handlers), pointed at a fake Discord.
// Usage: node --import tsx test/e2e/run-bot-child.ts API_BASE CORPUS_DIR
import { createLogger } from "../../src/discord/logger.ts";
import { runBot } from "../../src/discord/run.ts";
import { loadEngine } from "../../src/engine.ts";

const [api = "", corpus = "corpus"] = process.argv.slice(2);
const config = {
  token: "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhXyZw.abcdefghijklmnopqrstuvwxyz0123456789AB",
  appId: "1100000000000000001",
  guildId: undefined,
  logLevel: "info" as const,
};
const logger = createLogger({ write: (line) => process.stdout.write(`${line}\n`), secrets: [config.token] });
await runBot(await loadEngine(corpus), config, logger, { clientOptions: { rest: { api } } });
