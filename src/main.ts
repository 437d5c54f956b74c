/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console on the same router.
 */

import { loadEngineOrExit } from "./cli/boot.ts";
import { runConsole } from "./cli/console.ts";
import { corpusDirFrom } from "./engine.ts";

const parts = loadEngineOrExit(corpusDirFrom(process.argv.slice(2), process.env));
await runConsole(parts);
