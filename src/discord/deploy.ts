/**
 * `npm run deploy-commands`: registers the slash commands, for one server when DISCORD_GUILD_ID is set
 * (instant, for development) or globally (for every server). `--dry-run` prints and validates the JSON
 * without a token. Deploying is a script, never something the bot does on start.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { REST, type RESTPostAPIChatInputApplicationCommandsJSONBody, Routes } from "discord.js";
import { commands } from "../../commands/index.ts";
import { type BotConfig, loadConfig, loadDotEnv } from "./config.ts";
import { createLogger } from "./logger.ts";
import { validateCommands } from "./validate-commands.ts";

export function commandsJson(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((c) => c.data.toJSON());
}

/** PUTs the whole list (Discord replaces what was there); returns how many Discord registered. */
export async function deployCommands(
  config: Pick<BotConfig, "token" | "appId" | "guildId">,
  body: RESTPostAPIChatInputApplicationCommandsJSONBody[],
  api?: string,
): Promise<number> {
  const rest = new REST(api ? { api } : {}).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.appId, config.guildId)
    : Routes.applicationCommands(config.appId);
  const result = (await rest.put(route, { body })) as unknown[];
  return result.length;
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `用法 (usage): npm run deploy-commands -- [--dry-run]
  registers the slash commands with Discord (DISCORD_TOKEN, DISCORD_APP_ID; DISCORD_GUILD_ID for one server)
  --dry-run   print and validate the command JSON without a token
  -h, --help  this text`;

const stdio: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** The CLI; exported so the dry run is tested in-process. Returns the exit code. */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  let dryRun = false;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { "dry-run": { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    dryRun = values["dry-run"] === true;
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const body = commandsJson();
  const problems = validateCommands(body);
  if (problems.length > 0) {
    io.err(`${problems.map((p) => `✗ ${p}`).join("\n")}\n`);
    return 1;
  }
  if (dryRun) {
    io.out(`${JSON.stringify(body, null, 2)}\n`);
    io.err(`✓ ${body.length} commands valid: ${body.map((c) => `/${c.name}`).join(" ")}\n`);
    return 0;
  }
  loadDotEnv();
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    io.err(`${loaded.message}\n`);
    return 1;
  }
  const { config } = loaded;
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  try {
    const n = await deployCommands(config, body);
    const scope = config.guildId
      ? `server ${config.guildId} (now)`
      : "all servers (global; may take up to an hour)";
    logger.info(`registered ${n} commands for ${scope}`);
    return 0;
  } catch (e) {
    logger.error(`deploy failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

// Run as a script (npm run deploy-commands), not when a test imports main().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
