/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set (in the environment or .env), otherwise the
 * local console on the same router. The configuration is checked before anything heavy is imported, so
 * a bad token is reported at once.
 */
import { loadConfig, loadDotEnv, wantsBot } from "./discord/config.ts";

loadDotEnv();
const argv = process.argv.slice(2);
if (wantsBot(process.env)) {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    process.exit(1);
  }
  const { config } = loaded;
  const [{ loadEngineOrExit }, { createLogger }, { runBot }, { corpusDirFrom }] = await Promise.all([
    import("./cli/boot.ts"),
    import("./discord/logger.ts"),
    import("./discord/run.ts"),
    import("./engine.ts"),
  ]);
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  await runBot(loadEngineOrExit(corpusDirFrom(argv, process.env)), config, logger);
} else {
  const [{ loadEngineOrExit }, { runConsole }, { corpusDirFrom }] = await Promise.all([
    import("./cli/boot.ts"),
    import("./cli/console.ts"),
    import("./engine.ts"),
  ]);
  await runConsole(loadEngineOrExit(corpusDirFrom(argv, process.env)));
}
