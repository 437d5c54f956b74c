// Service hygiene: Ed25519 verification, JSON logs with secrets redacted, metrics by command and outcome,
// and the operations endpoints.
import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, test } from "vitest";
import { createLogger } from "../../src/discord/logger.ts";
import { publicKeyFromHex, verifySignature } from "../../src/service/http/verify.ts";
import { serviceMetrics } from "../../src/service/metrics.ts";
import { startOpsServer } from "../../src/service/ops-server.ts";

const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhXyZw.abcdefghijklmnopqrstuvwxyz0123456789AB";

describe("signature verification", () => {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const hex = (publicKey.export({ format: "der", type: "spki" }) as Buffer).subarray(12).toString("hex");
  const key = publicKeyFromHex(hex);
  const body = Buffer.from('{"type":1}');
  const ts = "1700000000";
  const sig = sign(null, Buffer.concat([Buffer.from(ts), body]), privateKey).toString("hex");

  test("accepts Discord's signature over timestamp + body", () => {
    expect(verifySignature(key, body, sig, ts)).toBe(true);
  });

  test("refuses another timestamp, another body, a missing or malformed signature", () => {
    expect(verifySignature(key, body, sig, "1700000001")).toBe(false);
    expect(verifySignature(key, Buffer.from('{"type":2}'), sig, ts)).toBe(false);
    expect(verifySignature(key, body, undefined, ts)).toBe(false);
    expect(verifySignature(key, body, "zz", ts)).toBe(false);
  });

  test("a public key that is not 64 hex characters is refused at start", () => {
    expect(() => publicKeyFromHex("abc")).toThrow(/64 hex/);
  });
});

describe("JSON logs", () => {
  test("one JSON object per line, detail fields merged, the token redacted everywhere", () => {
    const lines: string[] = [];
    const log = createLogger({ format: "json", write: (l) => lines.push(l), secrets: [TOKEN] });
    log.info("interaction", { command: "/ask", outcome: "ok", ms: 12, shard: 0 });
    log.error(`login with ${TOKEN}`, new Error(`bad ${TOKEN}`));
    log.warn("request", {
      url: "/webhooks/1100000000000000001/aW50ZXJhY3Rpb24/messages/@original",
      token: "x",
    });
    const objects = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects[0]).toMatchObject({
      level: "info",
      msg: "interaction",
      command: "/ask",
      outcome: "ok",
      ms: 12,
      shard: 0,
    });
    expect(typeof objects[0]?.time).toBe("string");
    expect(lines.join("\n")).not.toContain(TOKEN);
    expect(lines.join("\n")).not.toContain("aW50ZXJhY3Rpb24");
    expect(objects[1]).toMatchObject({ level: "error", error: { type: "Error" } });
    expect(objects[2]?.token).toBe("[redacted]");
  });

  test("lines below the level are dropped", () => {
    const lines: string[] = [];
    const log = createLogger({ format: "json", level: "warn", write: (l) => lines.push(l) });
    log.info("no");
    log.debug("no");
    log.warn("yes");
    expect(lines).toHaveLength(1);
  });
});

describe("operations port", () => {
  test("/healthz, /readyz (503 while not ready) and Prometheus metrics by command and outcome", async () => {
    const metrics = serviceMetrics({ queueDepth: () => 7, storeBuiltAt: () => Date.now() - 60_000 });
    metrics.interaction("/compare", "ok", 250);
    metrics.interaction("/compare", "busy", 3);
    let why: string | null = "not connected to Discord";
    const ops = await startOpsServer({
      port: 0,
      host: "127.0.0.1",
      registry: metrics.registry,
      notReady: () => why,
    });
    try {
      const get = async (path: string) => {
        const res = await fetch(`http://127.0.0.1:${ops.port}${path}`);
        return { status: res.status, text: await res.text() };
      };
      expect((await get("/healthz")).status).toBe(200);
      expect(await get("/readyz")).toMatchObject({
        status: 503,
        text: expect.stringContaining("not connected"),
      });
      why = null;
      expect((await get("/readyz")).status).toBe(200);
      const text = (await get("/metrics")).text;
      expect(text).toContain('zhengbao_interactions_total{command="/compare",outcome="ok"} 1');
      expect(text).toContain('zhengbao_interactions_total{command="/compare",outcome="busy"} 1');
      expect(text).toContain('zhengbao_interaction_seconds_bucket{le="0.25",command="/compare"} 2');
      expect(text).toContain("zhengbao_answer_queue_depth 7");
      expect(text).toMatch(/zhengbao_store_age_seconds 6\d/);
      expect((await get("/nope")).status).toBe(404);
    } finally {
      await ops.close();
    }
  });
});
