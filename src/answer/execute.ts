/**
 * One typed Command in, one validated Answer out. Expected outcomes are answers with an error code;
 * anything unexpected is left to the caller's single catch (`safeExecute`).
 */
import { randomBytes } from "node:crypto";
import type { Engine } from "../engine.ts";
import { analyze } from "../query/analyze.ts";
import { type Command, parseLine, type Result } from "../query/command.ts";
import { chatCommand } from "../query/route-chat.ts";
import { ask } from "./ask.ts";
import { failure, failureOf } from "./build.ts";
import { check } from "./check.ts";
import { compare } from "./compare.ts";
import { lookup } from "./fact-commands.ts";
import { help, reports, source } from "./info-commands.ts";
import type { Answer } from "./schema.ts";
import { trend } from "./trend.ts";
import { checked } from "./validate.ts";

export function execute(engine: Engine, command: Command): Answer {
  // The answer model is validated before it leaves the engine (where validation is on: validate.ts).
  return checked(dispatch(engine, command));
}

function dispatch(engine: Engine, c: Command): Answer {
  switch (c.name) {
    case "chat": {
      const analysis = analyze(engine, c.text);
      const routed = chatCommand(analysis);
      // The analysis is reused: /ask reads the regions, years and cues found here.
      return routed.name === "ask"
        ? ask(engine, routed.question, routed, analysis)
        : dispatch(engine, routed);
    }
    case "target":
      return lookup(engine, "target", c.region, c.indicator, c.year);
    case "figure":
      return lookup(engine, "actual", c.region, c.indicator, c.year);
    case "compare":
      return compare(engine, c.indicator, c.kind, c.year, c.level);
    case "check":
      return check(engine, c.region, c.indicator, c.year);
    case "trend":
      return trend(engine, c.region, c.indicator, c.from, c.to);
    case "ask":
      return ask(engine, c.question, c);
    case "source":
      return source(engine, c.id);
    case "reports":
      return reports(engine);
    case "help":
      return help();
  }
}

export interface Logger {
  error(message: string, detail?: unknown): void;
}

export function errorId(): string {
  return randomBytes(4).toString("hex");
}

/** The single catch for unexpected errors: logged with an id, answered with a short message. */
export function safeExecute(engine: Engine, parsed: Result<Command>, log: Logger): Answer {
  if (!parsed.ok) return failureOf(parsed.error);
  try {
    return execute(engine, parsed.value);
  } catch (e) {
    const id = errorId();
    log.error(`[${id}] unexpected error answering /${parsed.value.name}`, e);
    return failure(parsed.value.name, "bad_input", `内部错误（编号 ${id}），请稍后再试。`);
  }
}

/** A line as typed (console, CLI, chat): parsed, executed, never throwing. */
export function runLine(engine: Engine, line: string, log: Logger): Answer {
  return safeExecute(engine, parseLine(line), log);
}
