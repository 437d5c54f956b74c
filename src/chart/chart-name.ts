import type { Answer } from "../answer/schema.ts";

/** The attachment's name (compare.png, trend.png), without loading a renderer. */
export function chartFileName(answer: Pick<Answer, "series">): string {
  return `${answer.series ? "trend" : "compare"}.png`;
}
