/**
 * The bot's logger: levelled lines on one stream, with secrets redacted from every line (the bot token,
 * and interaction tokens that discord.js puts in webhook URLs of REST errors). Injected everywhere, so
 * tests capture lines instead of printing them.
 */
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
}

export function createLogger(opts: LoggerOptions = {}): Logger {
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

/** A logger that keeps its lines, for tests. */
export function memoryLogger(level: LogLevel = "debug"): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level, write: (l) => lines.push(l), now: () => new Date(0) });
  return Object.assign(logger, { lines });
}
