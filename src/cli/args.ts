/**
 * Command-line flags for every script through `util.parseArgs` in strict mode: `--help` prints the usage
 * and does nothing else, an unknown flag or a missing value is one line on stderr and exit code 2.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";

type Options = Record<string, { type: "string" | "boolean"; short?: string }>;

export interface Cli<O extends Options> {
  values: { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string };
  positionals: string[];
}

export function parseCli<O extends Options>(
  usage: string,
  options: O,
  argv: readonly string[] = process.argv.slice(2),
): Cli<O> {
  try {
    const config: ParseArgsConfig = {
      args: [...argv],
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    };
    const parsed = parseArgs(config);
    if ((parsed.values as Record<string, unknown>).help) {
      process.stdout.write(`${usage.trim()}\n`);
      process.exit(0);
    }
    return parsed as unknown as Cli<O>;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${usage.trim()}\n`);
    process.exit(2);
  }
}

/** A whole number ≥ min from a flag, or exit 2 naming the flag. */
export function intFlag(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= min) return n;
  process.stderr.write(`--${name} wants a whole number ≥ ${min}, not "${raw}"\n`);
  process.exit(2);
}

/** Ends quietly when the reader of stdout goes away (`… --jsonl | head`), instead of an EPIPE trace. */
export function exitOnClosedStdout(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}
