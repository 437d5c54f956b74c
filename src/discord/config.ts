/**
 * Bot configuration from the environment, validated once at start. Problems come back as one line per
 * variable (never the value of a secret), so a typo in .env is a clear message, not a stack trace.
 */
import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { z } from "zod";

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// A bot token is three base64url parts: the bot's id, a timestamp and an HMAC. The check catches a pasted
// client secret or a "Bot " prefix without claiming to know Discord's exact lengths.
const TOKEN = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/;
const SNOWFLAKE = /^\d{17,20}$/;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const ConfigSchema = z.object({
  DISCORD_TOKEN: z.string({ error: "is not set" }).trim().regex(TOKEN, {
    error: "does not look like a bot token (Developer Portal → Bot → Reset Token; paste it without 'Bot ')",
  }),
  DISCORD_APP_ID: z
    .string({ error: "is not set (Developer Portal → General Information → Application ID)" })
    .trim()
    .regex(SNOWFLAKE, { error: "must be the numeric Application ID" }),
  DISCORD_GUILD_ID: z.preprocess(
    blankToUndefined,
    z.string().trim().regex(SNOWFLAKE, { error: "must be a numeric server id" }).optional(),
  ),
  // Another REST base (a proxy in front of Discord, or the test suite's fake Discord).
  DISCORD_API_BASE: z.preprocess(blankToUndefined, z.url({ error: "must be a URL" }).optional()),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof blankToUndefined(v) === "string" ? String(v).trim().toLowerCase() : undefined),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
});

export interface BotConfig {
  token: string;
  appId: string;
  guildId: string | undefined;
  logLevel: LogLevel;
  apiBase?: string | undefined;
}

export type ConfigResult = { ok: true; config: BotConfig } | { ok: false; message: string };

/** Validates the Discord variables; the message names each bad variable and what is wrong with it. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = ConfigSchema.safeParse({
    DISCORD_TOKEN: blankToUndefined(env.DISCORD_TOKEN),
    DISCORD_APP_ID: blankToUndefined(env.DISCORD_APP_ID),
    DISCORD_GUILD_ID: env.DISCORD_GUILD_ID,
    DISCORD_API_BASE: env.DISCORD_API_BASE,
    LOG_LEVEL: env.LOG_LEVEL,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
    return { ok: false, message: `配置错误 (configuration): ${problems.join("; ")}. See .env.example.` };
  }
  const d = parsed.data;
  return {
    ok: true,
    config: {
      token: d.DISCORD_TOKEN,
      appId: d.DISCORD_APP_ID,
      guildId: d.DISCORD_GUILD_ID,
      logLevel: d.LOG_LEVEL,
      apiBase: d.DISCORD_API_BASE,
    },
  };
}

/** Whether the environment asks for the bot at all: an empty DISCORD_TOKEN (as in .env.example) does not. */
export function wantsBot(env: NodeJS.ProcessEnv): boolean {
  return blankToUndefined(env.DISCORD_TOKEN) !== undefined;
}

/**
 * Reads .env into `env` (process.env by default) when present; variables already set win. A file saved
 * "UTF-8 with BOM" (Notepad, some Windows editors) would otherwise hide its first key behind U+FEFF,
 * so DISCORD_TOKEN went missing and the console started instead of the bot: the BOM is dropped first.
 */
export function loadDotEnv(path = ".env", env: NodeJS.ProcessEnv = process.env): void {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  const vars = parseEnv(text.replace(/^\uFEFF/, ""));
  for (const [key, value] of Object.entries(vars)) {
    if (env[key] === undefined && value !== undefined) env[key] = value;
  }
}

const port = (what: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `${what} must be a port number` })
      .int({ error: `${what} must be a port number` })
      .min(0)
      .max(65535)
      .optional(),
  );
const count = (min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int({ error: `must be a whole number from ${min} to ${max}` })
      .min(min, { error: `must be at least ${min}` })
      .max(max, { error: `must be at most ${max}` })
      .optional(),
  );

const ServiceSchema = z.object({
  // /healthz, /readyz and /metrics; off when unset.
  METRICS_PORT: port("METRICS_PORT"),
  // Answer worker threads (default: cores − 1, 1 to 4).
  WORKERS: count(1, 32),
  // Answers allowed to wait for a worker before users are told 繁忙 (default 1,500).
  ANSWER_QUEUE: count(0, 100_000),
});

/** Settings shared by the gateway bot and the HTTP endpoint: the pool and the operations port. */
export interface ServiceConfig {
  metricsPort: number | undefined;
  workers: number | undefined;
  answerQueue: number | undefined;
}

export type Loaded<T> = { ok: true; config: T } | { ok: false; message: string };

function problemsOf(error: z.ZodError): string {
  const problems = error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
  return `配置错误 (configuration): ${problems.join("; ")}. See .env.example.`;
}

export function loadServiceConfig(env: NodeJS.ProcessEnv): Loaded<ServiceConfig> {
  const parsed = ServiceSchema.safeParse({
    METRICS_PORT: env.METRICS_PORT,
    WORKERS: env.WORKERS,
    ANSWER_QUEUE: env.ANSWER_QUEUE,
  });
  if (!parsed.success) return { ok: false, message: problemsOf(parsed.error) };
  const d = parsed.data;
  return {
    ok: true,
    config: { metricsPort: d.METRICS_PORT, workers: d.WORKERS, answerQueue: d.ANSWER_QUEUE },
  };
}

const HttpSchema = z.object({
  DISCORD_APP_ID: ConfigSchema.shape.DISCORD_APP_ID,
  DISCORD_PUBLIC_KEY: z
    .string({ error: "is not set (Developer Portal → General Information → Public Key)" })
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, { error: "must be the 64 hex characters of the application's Public Key" }),
  PORT: port("PORT"),
  HOST: z.preprocess(blankToUndefined, z.string().trim().optional()),
  DISCORD_API_BASE: ConfigSchema.shape.DISCORD_API_BASE,
  LOG_LEVEL: ConfigSchema.shape.LOG_LEVEL,
});

/** `npm run start:http`: no bot token (the endpoint answers through interaction tokens only). */
export interface HttpConfig extends ServiceConfig {
  appId: string;
  publicKey: string;
  port: number;
  host: string;
  apiBase: string;
  logLevel: LogLevel;
}

export function loadHttpConfig(env: NodeJS.ProcessEnv): Loaded<HttpConfig> {
  const parsed = HttpSchema.safeParse({
    DISCORD_APP_ID: blankToUndefined(env.DISCORD_APP_ID),
    DISCORD_PUBLIC_KEY: blankToUndefined(env.DISCORD_PUBLIC_KEY),
    PORT: env.PORT,
    HOST: env.HOST,
    DISCORD_API_BASE: env.DISCORD_API_BASE,
    LOG_LEVEL: env.LOG_LEVEL,
  });
  if (!parsed.success) return { ok: false, message: problemsOf(parsed.error) };
  const service = loadServiceConfig(env);
  if (!service.ok) return service;
  const d = parsed.data;
  return {
    ok: true,
    config: {
      ...service.config,
      appId: d.DISCORD_APP_ID,
      publicKey: d.DISCORD_PUBLIC_KEY.toLowerCase(),
      port: d.PORT ?? 8080,
      host: d.HOST ?? "0.0.0.0",
      apiBase: d.DISCORD_API_BASE ?? "https://discord.com/api",
      logLevel: d.LOG_LEVEL,
    },
  };
}
