/** Graceful stop for a serving process (the gateway bot, the HTTP endpoint). */
import type { Logger } from "../discord/logger.ts";

/**
 * On the first SIGINT or SIGTERM: log what is being finished, run the steps in order (each waits for
 * the one before), then exit 0, or 1 when a step fails. A second signal during the stop is ignored.
 */
export function stopOnSignals(
  logger: Logger,
  what: (signal: string) => string,
  steps: readonly (() => Promise<unknown> | undefined)[],
): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info(`${signal}: ${what(signal)}`);
      steps
        .reduce<Promise<unknown>>((done, step) => done.then(step), Promise.resolve())
        .then(
          () => process.exit(0),
          (e: unknown) => {
            logger.error("error while stopping", e);
            process.exit(1);
          },
        );
    });
  }
}
