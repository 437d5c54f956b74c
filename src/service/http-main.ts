/**
 * `npm run start:http`: the HTTP interactions endpoint as a process (Discord's "Interactions Endpoint
 * URL" mode; no gateway connection, no bot token). Opens the read-only store, starts the answer pool and
 * the endpoint on PORT, and the operations port on METRICS_PORT when set. SIGTERM/SIGINT: /readyz turns
 * 503, no new requests are taken, the interactions in flight are answered, then the process exits 0.
 */
import { loadDotEnv, loadHttpConfig } from "../discord/config.ts";

loadDotEnv();
const loaded = loadHttpConfig(process.env);
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const config = loaded.config;
const [{ corpusDir, loadEngineOrExit }, { parseCli }, { createLogger }] = await Promise.all([
  import("../cli/boot.ts"),
  import("../cli/args.ts"),
  import("../discord/logger.ts"),
]);
const { values } = parseCli(
  "用法 (usage): npm run start:http [-- --corpus DIR]\n  POST /interactions on PORT (DISCORD_APP_ID, DISCORD_PUBLIC_KEY; see docs/DISCORD.md)",
  { corpus: { type: "string" } },
);
const logger = createLogger({ level: config.logLevel });
const engine = await loadEngineOrExit(corpusDir(values.corpus));
const { validateAnswers } = await import("../answer/validate.ts");
await validateAnswers();
const [{ answerPool }, { serviceMetrics }, { startOpsServer }, { startHttpService }, { stopOnSignals }] =
  await Promise.all([
    import("./pool.ts"),
    import("./metrics.ts"),
    import("./ops-server.ts"),
    import("./http/server.ts"),
    import("./shutdown.ts"),
  ]);
process.on("unhandledRejection", (reason) => logger.error("unhandled promise rejection", reason));
const work = answerPool({
  storePath: engine.store.path,
  ...(config.workers ? { threads: config.workers } : {}),
  ...(config.answerQueue !== undefined ? { maxQueue: config.answerQueue } : {}),
});
const built = Date.parse(engine.store.meta.get("built") ?? "");
const metrics = serviceMetrics({
  queueDepth: () => work.queued,
  storeBuiltAt: () => (Number.isFinite(built) ? built : null),
});
const service = await startHttpService({
  engine,
  work,
  logger,
  metrics,
  appId: config.appId,
  publicKey: config.publicKey,
  apiBase: config.apiBase,
  port: config.port,
  host: config.host,
}).catch((e: unknown) => {
  logger.error(
    `cannot listen on ${config.host}:${config.port}: ${e instanceof Error ? e.message : String(e)}`,
  );
  process.exit(1);
});
const ops =
  config.metricsPort === undefined
    ? null
    : await startOpsServer({
        port: config.metricsPort,
        registry: metrics.registry,
        notReady: service.notReady,
      });
logger.info(`interactions endpoint on http://${config.host}:${service.port}/interactions`, {
  port: service.port,
  metricsPort: ops?.port,
  reports: engine.reports.length,
});

stopOnSignals(logger, () => `finishing ${service.endpoint.inFlight} interactions in flight`, [
  () => service.close(),
  () => work.close(),
  () => ops?.close(),
]);
