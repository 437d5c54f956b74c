/**
 * The bot's logger: levelled lines on one stream, with secrets redacted from every line (the bot token,
 * and interaction tokens that discord.js puts in webhook URLs of REST errors). Injected everywhere, so
 * tests capture lines instead of printing them. The service writes JSON lines through pino (one object
 * per line: time, level, msg, and the detail's fields, e.g. the per-interaction line's command, outcome,
 * ms, shard, errorId); at a terminal, with `LOG_FORMAT=text` or a `write` function (tests), plain lines.
 */
import { pino } from "pino";
import type { Logger as EngineLogger } from "../answer/execute.ts";
import type { LogLevel } from "./config.ts";

export interface Logger extends EngineLogger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Anything shaped like a bot token, even one we were not told about (a second bot, a rotated token).
const TOKEN_SHAPE = /[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,}/g;
// /webhooks/APP_ID/TOKEN and /interactions/ID/TOKEN: an interaction token lets anyone answer for the bot.
const URL_TOKEN = /(\/(?:webhooks|interactions)\/\d+\/)[^/\s"']+/g;

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join("[redacted]");
  return out.replace(TOKEN_SHAPE, "[redacted]").replace(URL_TOKEN, "$1[redacted]");
}

function describe(detail: unknown): string {
  if (detail === undefined) return "";
  if (detail instanceof Error) return `: ${detail.stack ?? `${detail.name}: ${detail.message}`}`;
  if (typeof detail === "string") return `: ${detail}`;
  try {
    return `: ${JSON.stringify(detail)}`;
  } catch {
    return `: ${String(detail)}`;
  }
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; stderr by default, so stdout stays free for command output. */
  write?: (line: string) => void;
  /** Strings never to print (the bot token). */
  secrets?: readonly string[];
  now?: () => Date;
  /** json (pino) on stderr; text at a terminal, with `write` (tests) or LOG_FORMAT=text; LOG_FORMAT=json forces JSON. */
  format?: "json" | "text";
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  // JSON where logs are collected (systemd, Docker, pipes); plain lines for a person at a terminal.
  const wanted = process.env.LOG_FORMAT;
  const text = wanted === "text" || (wanted !== "json" && (opts.write !== undefined || process.stderr.isTTY));
  const format = opts.format ?? (text ? "text" : "json");
  return format === "json" ? jsonLogger(opts) : textLogger(opts);
}

function textLogger(opts: LoggerOptions): Logger {
  const min = RANK[opts.level ?? "info"];
  const write = opts.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const secrets = opts.secrets ?? [];
  const now = opts.now ?? (() => new Date());
  const log = (level: LogLevel) => (message: string, detail?: unknown) => {
    if (RANK[level] < min) return;
    write(redact(`${now().toISOString()} ${level.toUpperCase()} ${message}${describe(detail)}`, secrets));
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

/**
 * JSON lines through pino. Secrets are cut from the message and from every string in the detail (a token
 * can sit in an error's message or a REST URL), and pino's own redaction drops token-named fields.
 */
function jsonLogger(opts: LoggerOptions): Logger {
  const secrets = opts.secrets ?? [];
  const write = opts.write;
  const log = pino(
    {
      level: opts.level ?? "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: ["token", "*.token", "authorization", "*.authorization"], censor: "[redacted]" },
    },
    // Synchronous writes: a line logged just before process.exit is not lost.
    write
      ? { write: (line: string) => write(line.replace(/\n$/, "")) }
      : pino.destination({ fd: 2, sync: true }),
  );
  const fields = (detail: unknown): Record<string, unknown> => {
    if (detail === undefined) return {};
    if (detail instanceof Error) {
      return {
        error: {
          type: detail.name,
          message: redact(detail.message, secrets),
          stack: redact(detail.stack ?? "", secrets),
        },
      };
    }
    if (detail !== null && typeof detail === "object" && !Array.isArray(detail)) {
      try {
        return JSON.parse(redact(JSON.stringify(detail), secrets)) as Record<string, unknown>;
      } catch {
        return { detail: redact(String(detail), secrets) };
      }
    }
    return { detail: redact(typeof detail === "string" ? detail : String(detail), secrets) };
  };
  const at = (level: LogLevel) => (message: string, detail?: unknown) => {
    if (!log.isLevelEnabled(level)) return;
    log[level](fields(detail), redact(message, secrets));
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** A logger that keeps its lines, for tests. */
export function memoryLogger(level: LogLevel = "debug"): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level, write: (l) => lines.push(l), now: () => new Date(0) });
  return Object.assign(logger, { lines });
}
