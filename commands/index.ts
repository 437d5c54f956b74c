/**
 * Every slash command, in the order Discord shows them. The interaction router and the deploy script
 * both read this list, so a command cannot be registered without a handler (or handled unregistered).
 */
import type { CommandModule } from "../src/discord/command.ts";
import * as ask from "./ask.ts";
import * as check from "./check.ts";
import * as compare from "./compare.ts";
import * as figure from "./figure.ts";
import * as help from "./help.ts";
import * as reports from "./reports.ts";
import * as source from "./source.ts";
import * as target from "./target.ts";
import * as trend from "./trend.ts";

export const commands: readonly CommandModule[] = [
  target,
  figure,
  compare,
  check,
  trend,
  ask,
  source,
  reports,
  help,
];
