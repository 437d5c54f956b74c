/** `npm run add-report -- <file…> [--id ID] [--region NAME] [--year N] … [--dry-run] [--force]`; see --help. */
import { runAddReport } from "../ingest/cli.ts";

process.exitCode = await runAddReport(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
});
