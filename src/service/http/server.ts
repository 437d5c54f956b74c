/**
 * The HTTP interactions service as a value: an http.Server on PORT with POST /interactions (and /healthz,
 * /readyz for the load balancer), and `close()` that stops taking requests, finishes the interactions in
 * flight (their deferred answers included) and only then returns. http-main.ts runs it as a process;
 * tests start several in one process.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import type { CommandModule } from "../../discord/command.ts";
import { interactionDeps } from "../../discord/interaction-deps.ts";
import type { Logger } from "../../discord/logger.ts";
import { type Clock, type RateLimitOptions, systemClock } from "../../discord/rate-limit.ts";
import type { Engine } from "../../engine.ts";
import type { InteractionMetrics } from "../metrics.ts";
import { handleOps } from "../ops-server.ts";
import type { AnswerWork } from "../work.ts";
import { type Endpoint, interactionsEndpoint } from "./endpoint.ts";
import { publicKeyFromHex } from "./verify.ts";
import { Webhooks } from "./webhook.ts";

export interface HttpServiceOptions {
  engine: Engine;
  work: AnswerWork;
  logger: Logger;
  appId: string;
  /** The application's public key, hex. */
  publicKey: string;
  /** Discord's API base without the version (DISCORD_API_BASE; the tests' fake Discord). */
  apiBase: string;
  port?: number;
  host?: string;
  commands?: readonly CommandModule[];
  clock?: Clock;
  rateLimit?: RateLimitOptions;
  deferAfterMs?: number;
  metrics?: InteractionMetrics & { registry?: Registry };
}

export interface HttpService {
  readonly port: number;
  readonly endpoint: Endpoint;
  /** Why /readyz says no, or null. */
  notReady(): string | null;
  /** Stops accepting, waits for in-flight interactions (at most `graceMs`), closes the server. */
  close(graceMs?: number): Promise<void>;
}

export async function startHttpService(opts: HttpServiceOptions): Promise<HttpService> {
  const clock = opts.clock ?? systemClock;
  const endpoint = interactionsEndpoint({
    ...interactionDeps({ ...opts, clock }),
    work: opts.work,
    publicKey: publicKeyFromHex(opts.publicKey),
    webhooks: new Webhooks({ apiBase: opts.apiBase, appId: opts.appId }),
    ...(opts.metrics ? { metrics: opts.metrics } : {}),
  });
  let stopping = false;
  const notReady = () => (stopping ? "shutting down" : null);
  const registry = opts.metrics?.registry;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path === "/healthz" || path === "/readyz") {
      void handleOps({ registry: registry as Registry, notReady }, req.method, req.url)?.then((r) =>
        res.writeHead(r.status, { "content-type": r.type }).end(r.body),
      );
      return;
    }
    endpoint.handle(req, res);
  });
  // Discord keeps connections alive; a long keep-alive saves a TLS handshake per interaction behind a proxy.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // A burst opens many connections at once; past Node's default backlog (511) the kernel drops SYNs
    // and the client retries a second later, a second of the 3 s gone.
    server.listen({ port: opts.port ?? 0, host: opts.host ?? "127.0.0.1", backlog: 4096 }, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    endpoint,
    notReady,
    async close(graceMs = 30_000) {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([endpoint.drained(), grace]);
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
    },
  };
}
