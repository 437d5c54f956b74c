/**
 * The answer schema check, switched on where it pays: the bot, the JSON outputs and every test call
 * `validateAnswers()` once; the human one-shot CLI skips it, since loading zod costs a third of its
 * start-up and TypeScript already types every answer the engine builds.
 */
import type { Answer } from "./schema.ts";

let parse: ((a: Answer) => Answer) | null = null;

export async function validateAnswers(): Promise<void> {
  const { AnswerSchema } = await import("./schema.ts");
  parse = (a) => AnswerSchema.parse(a);
}

/** The answer, checked against the zod schema when validation is on (a malformed one throws). */
export function checked(a: Answer): Answer {
  return parse ? parse(a) : a;
}
