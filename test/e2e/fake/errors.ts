// Discord's error answers, shaped as the API sends them: an HTTP status and `{ message, code }`, plus an
// `errors` tree for 50035 Invalid Form Body (discord.js prints it as `data.content[BASE_TYPE_MAX_LENGTH]`).
import type { Answer } from "./types.ts";

/** One problem with one field of a request body: where (`["data", "embeds", 0, "title"]`) and what. */
export interface FieldError {
  path: (string | number)[];
  code: string;
  message: string;
}

export const unknownInteraction: Answer = [404, { message: "Unknown interaction", code: 10062 }];
export const alreadyAcknowledged: Answer = [
  400,
  { message: "Interaction has already been acknowledged.", code: 40060 },
];
export const unknownWebhook: Answer = [404, { message: "Unknown Webhook", code: 10015 }];
export const unknownChannel: Answer = [404, { message: "Unknown Channel", code: 10003 }];
export const unknownMessage: Answer = [404, { message: "Unknown Message", code: 10008 }];
export const emptyMessage: Answer = [400, { message: "Cannot send an empty message", code: 50006 }];
export const unauthorized: Answer = [401, { message: "401: Unauthorized", code: 0 }];

/** 400 Invalid Form Body with every problem in Discord's nested `errors` object. */
export function invalidFormBody(problems: FieldError[]): Answer {
  const errors: Record<string, unknown> = {};
  for (const p of problems) {
    let node = errors;
    for (const key of p.path) {
      const k = String(key);
      node[k] ??= {};
      node = node[k] as Record<string, unknown>;
    }
    node._errors ??= [];
    (node._errors as { code: string; message: string }[]).push({ code: p.code, message: p.message });
  }
  return [400, { message: "Invalid Form Body", code: 50035, errors }];
}
