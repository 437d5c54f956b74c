/** The single catch for unexpected errors: logged with an id, answered with a short message. */
import { randomBytes } from "node:crypto";
import { failure } from "./answer/build.ts";
import type { Answer } from "./answer/schema.ts";
import type { EngineParts } from "./engine.ts";
import { route } from "./router/route.ts";

export interface Logger {
  error(message: string, detail?: unknown): void;
}

export function errorId(): string {
  return randomBytes(4).toString("hex");
}

export function safeRun(parts: EngineParts, line: string, log: Logger): Answer {
  try {
    return route(parts, line);
  } catch (e) {
    const id = errorId();
    log.error(`[${id}] unexpected error answering a line`, e);
    return failure("", "bad_input", `内部错误（编号 ${id}），请稍后再试。`);
  }
}
