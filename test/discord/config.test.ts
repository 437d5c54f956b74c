import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadConfig, loadDotEnv, wantsBot } from "../../src/discord/config.ts";
import { createLogger, memoryLogger, redact } from "../../src/discord/logger.ts";
import { startFailure } from "../../src/discord/run.ts";

// Shaped like a real token, made up.
const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhXyZw.abcdefghijklmnopqrstuvwxyz0123456789AB";
const APP = "1100000000000000001";

describe("config", () => {
  test("accepts a valid environment with defaults", () => {
    expect(loadConfig({ DISCORD_TOKEN: ` ${TOKEN} `, DISCORD_APP_ID: APP })).toEqual({
      ok: true,
      config: { token: TOKEN, appId: APP, guildId: undefined, logLevel: "info" },
    });
  });

  test("reads the optional guild and log level; blank ones count as unset", () => {
    const env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APP_ID: APP,
      DISCORD_GUILD_ID: "1200000000000000001",
      LOG_LEVEL: "DEBUG",
    };
    expect(loadConfig(env)).toMatchObject({
      ok: true,
      config: { guildId: "1200000000000000001", logLevel: "debug" },
    });
    expect(loadConfig({ ...env, DISCORD_GUILD_ID: "", LOG_LEVEL: " " })).toMatchObject({
      ok: true,
      config: { guildId: undefined, logLevel: "info" },
    });
  });

  test.each([
    [{}, /DISCORD_TOKEN is not set.*DISCORD_APP_ID is not set/],
    [{ DISCORD_TOKEN: `Bot ${TOKEN}`, DISCORD_APP_ID: APP }, /DISCORD_TOKEN does not look like a bot token/],
    [
      { DISCORD_TOKEN: "client-secret-123", DISCORD_APP_ID: APP },
      /DISCORD_TOKEN does not look like a bot token/,
    ],
    [{ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: "my-bot" }, /DISCORD_APP_ID must be the numeric Application ID/],
    [
      { DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP, DISCORD_GUILD_ID: "test" },
      /DISCORD_GUILD_ID must be a numeric server id/,
    ],
    [
      { DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP, LOG_LEVEL: "loud" },
      /LOG_LEVEL must be one of debug, info, warn, error/,
    ],
  ])("explains a bad environment in one line: %j", (env, message) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(message);
    expect(result.message).not.toContain("\n");
    expect(result.message).not.toContain("client-secret-123");
    expect(result.message).not.toContain(TOKEN.slice(30));
  });

  test("an empty DISCORD_TOKEN (as in .env.example) means the local console", () => {
    expect(wantsBot({ DISCORD_TOKEN: "" })).toBe(false);
    expect(wantsBot({})).toBe(false);
    expect(wantsBot({ DISCORD_TOKEN: "x" })).toBe(true);
  });
});

describe(".env", () => {
  function withEnvFile(text: string, run: (path: string) => void): void {
    const dir = mkdtempSync(join(tmpdir(), "zb-env-"));
    try {
      const path = join(dir, ".env");
      writeFileSync(path, text, "utf8");
      run(path);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test("a .env saved with a UTF-8 BOM still starts the bot (its first key is DISCORD_TOKEN, not \\uFEFF…)", () => {
    withEnvFile(`\uFEFFDISCORD_TOKEN=${TOKEN}\nDISCORD_APP_ID=${APP}\n`, (path) => {
      const env: NodeJS.ProcessEnv = {};
      loadDotEnv(path, env);
      expect(Object.keys(env).sort()).toEqual(["DISCORD_APP_ID", "DISCORD_TOKEN"]);
      expect(wantsBot(env)).toBe(true);
      expect(loadConfig(env)).toMatchObject({ ok: true, config: { token: TOKEN, appId: APP } });
    });
  });

  test("variables already set win over the file; a missing file is no error", () => {
    withEnvFile("LOG_LEVEL=debug\nDISCORD_APP_ID=1\n", (path) => {
      const env: NodeJS.ProcessEnv = { LOG_LEVEL: "warn" };
      loadDotEnv(path, env);
      expect(env).toEqual({ LOG_LEVEL: "warn", DISCORD_APP_ID: "1" });
    });
    const env: NodeJS.ProcessEnv = {};
    loadDotEnv(join(tmpdir(), "zb-no-such-dir", ".env"), env);
    expect(env).toEqual({});
  });
});

describe("logger", () => {
  test("never prints the token, in messages or error stacks", () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), secrets: [TOKEN] });
    log.info(`logging in with ${TOKEN}`);
    log.error("login failed", new Error(`bad token ${TOKEN}`));
    log.warn("object", { token: TOKEN });
    expect(lines.join("\n")).not.toContain(TOKEN);
    expect(lines.join("\n")).toContain("[redacted]");
  });

  test("redacts token-shaped strings and interaction tokens in REST URLs", () => {
    const other = "OTk5OTk5OTk5OTk5OTk5OTk5OQ.AbCdEf.0123456789abcdefghijklmnopqrstuvwxyzAB";
    expect(redact(`x ${other} y`, [])).toBe("x [redacted] y");
    expect(redact("PATCH /webhooks/110000/aW50ZXJhY3Rpb246MTIz/messages/@original", [])).toBe(
      "PATCH /webhooks/110000/[redacted]/messages/@original",
    );
    expect(redact("POST /interactions/1234/fake-token-99/callback", [])).toBe(
      "POST /interactions/1234/[redacted]/callback",
    );
  });

  test("drops lines below its level", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "warn", write: (l) => lines.push(l) });
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(lines.map((l) => l.split(" ")[1])).toEqual(["WARN", "ERROR"]);
  });

  test("memoryLogger keeps lines for assertions", () => {
    const log = memoryLogger();
    log.error("boom", new Error("why"));
    expect(log.lines[0]).toMatch(/^1970-01-01T00:00:00.000Z ERROR boom: Error: why/);
  });
});

describe("start-up failures", () => {
  test.each([
    [{ code: "TokenInvalid" }, /^Discord 拒绝了令牌 \(DISCORD_TOKEN was rejected/],
    [{ code: 4014 }, /disallowed intents/],
    [
      new Error("getaddrinfo ENOTFOUND discord.com"),
      /^无法连接 Discord \(login failed\): getaddrinfo ENOTFOUND/,
    ],
  ])("explains %j in one line", (error, message) => {
    const line = startFailure(error);
    expect(line).toMatch(message);
    expect(line).not.toContain("\n");
  });
});
