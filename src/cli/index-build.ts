/**
 * `npm run index [-- --corpus DIR] [--rebuild]`: builds the store (SQLite: paragraphs, statements and
 * the FTS5 index) that `npm start`, the CLI and the console open read-only; ZHENGBAO_STORE moves it.
 * Without --rebuild a fresh store is left as it is.
 */
import { ensureStore } from "../search/store-file.ts";
import { parseCli } from "./args.ts";
import { corpusDir, exitOnLoadError } from "./boot.ts";

const USAGE = `
用法 (usage): npm run index -- [--corpus DIR] [--rebuild]
  --corpus DIR   corpus directory (default: $ZHENGBAO_CORPUS or corpus/)
  --rebuild      build even when the store is fresh
  -h, --help     this text
The store file: $ZHENGBAO_STORE, else .cache/store-<corpus hash>.db`;

const { values } = parseCli(USAGE, { corpus: { type: "string" }, rebuild: { type: "boolean" } });
try {
  const r = await ensureStore(corpusDir(values.corpus), {
    rebuild: values.rebuild === true,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (!r.build) {
    process.stdout.write(`索引已是最新 (store is fresh): ${r.path}\n`);
  } else {
    const b = r.build;
    process.stdout.write(
      `${[
        `索引已建立 (store built): ${b.path}`,
        `  ${b.reports} reports, ${b.paragraphs} paragraphs, ${b.chunks} chunks, ${b.statements} statements`,
        `  ${(b.bytes / 1e6).toFixed(1)} MB in ${(b.ms / 1000).toFixed(1)} s`,
      ].join("\n")}\n`,
    );
  }
} catch (e) {
  exitOnLoadError(e);
}
