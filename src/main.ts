/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set (in the environment or .env), otherwise the
 * local console on the same router. The configuration is checked before anything heavy is imported, so
 * a bad token is reported at once.
 */
import { type BotConfig, loadConfig, loadDotEnv, wantsBot } from "./discord/config.ts";

function botConfigOrExit(): BotConfig {
  const loaded = loadConfig(process.env);
  if (loaded.ok) return loaded.config;
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}

loadDotEnv();
const config = wantsBot(process.env) ? botConfigOrExit() : null;
const { corpusDir, loadEngineOrExit } = await import("./cli/boot.ts");
const { parseCli } = await import("./cli/args.ts");
const { values } = parseCli(
  "用法 (usage): npm start [-- --corpus DIR]\n  the bot with DISCORD_TOKEN set (environment or .env), else the local console",
  { corpus: { type: "string" } },
);
const engine = await loadEngineOrExit(corpusDir(values.corpus));
if (config) {
  const { validateAnswers } = await import("./answer/validate.ts");
  await validateAnswers();
  const [{ createLogger }, { runBot }] = await Promise.all([
    import("./discord/logger.ts"),
    import("./discord/run.ts"),
  ]);
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  const rest = config.apiBase ? { clientOptions: { rest: { api: config.apiBase } } } : {};
  await runBot(engine, config, logger, rest);
} else {
  const { runConsole } = await import("./cli/console.ts");
  await runConsole(engine);
}
