/**
 * Prometheus metrics (prom-client) on their own registry: interactions by command and outcome, their
 * latency, the answer queue's depth and the store's age. Served by ops-server.ts on METRICS_PORT.
 */
import { Counter, Gauge, Histogram, Registry } from "prom-client";

export interface InteractionMetrics {
  interaction(command: string, outcome: string, ms: number): void;
}

export interface ServiceMetrics extends InteractionMetrics {
  registry: Registry;
}

export interface MetricsSources {
  /** Answers waiting for a worker right now. */
  queueDepth?: () => number;
  /** When the store was built (ms since epoch), for store age. */
  storeBuiltAt?: () => number | null;
}

export function serviceMetrics(sources: MetricsSources = {}): ServiceMetrics {
  const registry = new Registry();
  const total = new Counter({
    name: "zhengbao_interactions_total",
    help: "Interactions handled, by command and outcome",
    labelNames: ["command", "outcome"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "zhengbao_interaction_seconds",
    help: "From arrival to the last response sent (answer or notice)",
    labelNames: ["command"] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
    registers: [registry],
  });
  new Gauge({
    name: "zhengbao_answer_queue_depth",
    help: "Answers waiting for a worker",
    registers: [registry],
    collect() {
      this.set(sources.queueDepth?.() ?? 0);
    },
  });
  new Gauge({
    name: "zhengbao_store_age_seconds",
    help: "Seconds since the store being served was built",
    registers: [registry],
    collect() {
      const at = sources.storeBuiltAt?.();
      if (at) this.set((Date.now() - at) / 1000);
    },
  });
  return {
    registry,
    interaction(command, outcome, ms) {
      // Commands come from a fixed list or `type:N`; an unknown name would otherwise grow the label set.
      const name = command.length > 40 ? "other" : command;
      total.inc({ command: name, outcome });
      latency.observe({ command: name }, ms / 1000);
    },
  };
}
