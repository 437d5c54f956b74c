// The service under load in its own process, as in production (the fake Discord and the test driving it
// stay in the test process): `gateway API_BASE THREADS` logs a bot in; `http API_BASE THREADS PUBLIC_KEY`
// serves the endpoint. Prints "ready <port>" once it can take interactions; SIGTERM stops it gracefully.
// Usage: node --import tsx test/e2e/load-child.ts MODE API_BASE THREADS [PUBLIC_KEY]
import { appendFileSync } from "node:fs";
import { Events } from "discord.js";
import { validateAnswers } from "../../src/answer/validate.ts";
import { createBot } from "../../src/discord/bot.ts";
import { createLogger } from "../../src/discord/logger.ts";
import { openEngine } from "../../src/engine.ts";
import { defaultStorePath } from "../../src/search/store-file.ts";
import { startHttpService } from "../../src/service/http/server.ts";
import { answerPool } from "../../src/service/pool.ts";

const [mode = "gateway", api = "", threads = "1", publicKey = ""] = process.argv.slice(2);
await validateAnswers();
const engine = openEngine(defaultStorePath("corpus"));
const work = answerPool({ storePath: engine.store.path, threads: Number(threads) });
// Errors only: a line per interaction would cost the measured process its own I/O.
const logger = createLogger({ level: "error", format: "json" });
let stop: () => Promise<void>;
// How late each interaction reached the service (its id carries the fake's send time): the part of the
// latency that is delivery, not the service.
const arrivals: number[] = [];
if (mode === "gateway") {
  const bot = createBot({
    engine,
    work,
    logger,
    config: { token: "fake-bot-token" },
    clientOptions: {
      rest: { api },
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
    },
  });
  bot.client.on(Events.InteractionCreate, (i) => arrivals.push(Date.now() - i.createdTimestamp));
  await bot.start();
  stop = () => bot.stop();
  process.stdout.write("ready 0\n");
} else {
  const service = await startHttpService({
    engine,
    work,
    logger,
    appId: "1100000000000000001",
    publicKey,
    apiBase: api,
  });
  stop = () => service.close();
  process.stdout.write(`ready ${service.port}\n`);
}
// CPU time of the whole process (main thread and workers) from ready to stop: what the burst cost.
const cpuAtReady = process.cpuUsage();
process.once("SIGTERM", () => {
  const file = process.env.ZB_LOAD_REPORT;
  if (file) {
    const cpu = process.cpuUsage(cpuAtReady);
    arrivals.sort((a, b) => a - b);
    const q = (p: number) => arrivals[Math.ceil(p * arrivals.length) - 1];
    const line = {
      mode,
      serviceCpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      ...(arrivals.length ? { arrivalLagP50: q(0.5), arrivalLagP99: q(0.99) } : {}),
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }
  void stop()
    .then(() => work.close())
    .then(() => process.exit(0));
});
