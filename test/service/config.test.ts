// The service's environment: the pool and operations port for both modes, and what the HTTP endpoint
// needs (no bot token, the application's public key). A bad value is one line naming the variable.
import { describe, expect, test } from "vitest";
import { loadHttpConfig, loadServiceConfig } from "../../src/discord/config.ts";

const KEY = "a".repeat(64);
const APP = "1100000000000000001";

describe("service configuration", () => {
  test("everything optional: blank values mean the defaults", () => {
    expect(loadServiceConfig({ METRICS_PORT: "", WORKERS: " ", ANSWER_QUEUE: "" })).toEqual({
      ok: true,
      config: { metricsPort: undefined, workers: undefined, answerQueue: undefined },
    });
  });

  test("numbers are checked and named", () => {
    const r = loadServiceConfig({ METRICS_PORT: "99999", WORKERS: "0" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(/METRICS_PORT/);
      expect(r.message).toMatch(/WORKERS must be at least 1/);
    }
  });
});

describe("HTTP endpoint configuration", () => {
  test("needs the app id and the public key, not a bot token; port 8080 on all interfaces by default", () => {
    const r = loadHttpConfig({ DISCORD_APP_ID: APP, DISCORD_PUBLIC_KEY: KEY.toUpperCase() });
    expect(r).toMatchObject({
      ok: true,
      config: { appId: APP, publicKey: KEY, port: 8080, host: "0.0.0.0", apiBase: "https://discord.com/api" },
    });
  });

  test("a missing or malformed public key is explained without echoing it", () => {
    const missing = loadHttpConfig({ DISCORD_APP_ID: APP });
    expect(!missing.ok && missing.message).toMatch(/DISCORD_PUBLIC_KEY is not set/);
    const bad = loadHttpConfig({ DISCORD_APP_ID: APP, DISCORD_PUBLIC_KEY: "secret-looking-value" });
    expect(!bad.ok && bad.message).toMatch(/64 hex characters/);
    expect(!bad.ok && bad.message).not.toContain("secret-looking-value");
  });
});
