/**
 * The operations port (METRICS_PORT): `/healthz` (the process is alive and its event loop turns),
 * `/readyz` (connected and able to answer: 503 while starting or shutting down) and `/metrics`
 * (Prometheus). Kept off the interactions port, so it can stay private to the cluster.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

export interface OpsOptions {
  port: number;
  host?: string;
  registry: Registry;
  /** Why the service is not ready, or null when it is. */
  notReady: () => string | null;
}

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

export function handleOps(
  opts: Pick<OpsOptions, "registry" | "notReady">,
  method: string | undefined,
  url: string | undefined,
): Promise<{ status: number; type: string; body: string }> | null {
  const path = (url ?? "").split("?")[0];
  if (method !== "GET" && method !== "HEAD") return null;
  const text = (status: number, body: string) => ({ status, type: "text/plain; charset=utf-8", body });
  if (path === "/healthz") return Promise.resolve(text(200, "ok\n"));
  if (path === "/readyz") {
    const why = opts.notReady();
    return Promise.resolve(why ? text(503, `not ready: ${why}\n`) : text(200, "ready\n"));
  }
  if (path === "/metrics") {
    return opts.registry.metrics().then((body) => ({ status: 200, type: opts.registry.contentType, body }));
  }
  return null;
}

export async function startOpsServer(opts: OpsOptions): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    const handled = handleOps(opts, req.method, req.url);
    if (!handled) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    handled.then(
      (r) => res.writeHead(r.status, { "content-type": r.type }).end(req.method === "HEAD" ? "" : r.body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
