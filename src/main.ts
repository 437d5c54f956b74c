/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set (in the environment or .env), otherwise the
 * local console on the same router.
 */
import { loadEngineOrExit } from "./cli/boot.ts";
import { runConsole } from "./cli/console.ts";
import { loadConfig, loadDotEnv, wantsBot } from "./discord/config.ts";
import { createLogger } from "./discord/logger.ts";
import { runBot } from "./discord/run.ts";
import { corpusDirFrom } from "./engine.ts";

loadDotEnv();
const corpusDir = corpusDirFrom(process.argv.slice(2), process.env);
if (wantsBot(process.env)) {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    process.exit(1);
  }
  const { config } = loaded;
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  await runBot(loadEngineOrExit(corpusDir), config, logger);
} else {
  await runConsole(loadEngineOrExit(corpusDir));
}
