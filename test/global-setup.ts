/**
 * Builds (or reuses) the shipped corpus's store once before any test file runs: the same file
 * `npm start` opens, so the store that ships is the store that is tested.
 */
import { ensureStore } from "../src/search/store-file.ts";

export default async function setup(): Promise<void> {
  await ensureStore("corpus");
}
