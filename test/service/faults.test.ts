// Regression tests for the smaller faults of issue 13 not covered elsewhere (the store's foreign-file and
// freshness cases live in test/search/store.test.ts, the .env BOM in test/discord/config.test.ts, the
// forged button in test/e2e/http-endpoint.e2e.test.ts and service-gateway.e2e.test.ts). Each failed on
// the old code: a raw EISDIR/ENOENT stack, an accepted path outside the corpus or a doubled report, two
// answers for one line, an EPIPE trace.
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, describe, expect, test } from "vitest";
import { stdinLines } from "../../src/cli/lines.ts";
import { loadCorpus } from "../../src/corpus/corpus.ts";
import { loadEngine } from "../../src/engine.ts";
import { CorpusError } from "../../src/errors.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Manifest = { reports: Record<string, unknown>[] };

/** A two-report corpus whose manifest or files the test may spoil. */
function corpus(edit: (manifest: Manifest, dir: string) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), "zb-faults-"));
  dirs.push(dir);
  mkdirSync(join(dir, "reports"));
  const manifest = JSON.parse(readFileSync("corpus/manifest.json", "utf8")) as Manifest;
  manifest.reports = manifest.reports.filter((r) => ["linzi-2023", "national-2024"].includes(String(r.id)));
  for (const r of manifest.reports) copyFileSync(join("corpus", String(r.file)), join(dir, String(r.file)));
  for (const f of ["indicators.json", "userdict.txt", "stopwords.txt"])
    copyFileSync(join("corpus", f), join(dir, f));
  edit(manifest, dir);
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
  return dir;
}

function corpusError(load: () => unknown): CorpusError {
  try {
    load();
  } catch (e) {
    if (e instanceof CorpusError) return e;
    throw new Error(`expected a CorpusError, got ${String(e)}`);
  }
  throw new Error("expected a CorpusError, the corpus loaded");
}

describe("corpus faults are one clear CorpusError, never a stack trace or a wrong corpus", () => {
  test("a manifest `file` that is a directory", () => {
    const dir = corpus((m, d) => {
      mkdirSync(join(d, "reports", "folder.txt"));
      (m.reports[0] as Record<string, unknown>).file = "reports/folder.txt";
    });
    const e = corpusError(() => loadCorpus(dir));
    expect(e.message).toContain("reports/folder.txt");
    expect(e.message).toMatch(/not a regular file/);
  });

  test("a `file` outside the corpus directory (../../../etc/hostname)", () => {
    const dir = corpus((m) => {
      (m.reports[0] as Record<string, unknown>).file = "../../../etc/hostname";
    });
    expect(corpusError(() => loadCorpus(dir)).message).toMatch(/inside the corpus directory/);
  });

  test("two ids pointing at one file (also when spelled differently)", () => {
    const dir = corpus((m) => {
      const [a, b] = m.reports as [Record<string, unknown>, Record<string, unknown>];
      b.file = `./${String(a.file).replace("/", "//")}`;
    });
    const e = corpusError(() => loadCorpus(dir));
    expect(e.message).toContain("reports.1.file");
    expect(e.message).toMatch(/same file as report "linzi-2023"/);
  });

  test("a missing userdict.txt when the store is built", async () => {
    const dir = corpus((_m, d) => rmSync(join(d, "userdict.txt")));
    const error = await loadEngine(dir, { path: join(dir, "store.db") }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CorpusError);
    expect(String((error as Error).message)).toContain("userdict.txt");
  });
});

describe("--jsonl", () => {
  test("a lone \\r inside a line stays in that line: one answer per \\n", async () => {
    const lines: string[] = [];
    for await (const l of stdinLines(Readable.from([Buffer.from("临淄\rGDP\n/help\r\n历城")]))) lines.push(l);
    expect(lines).toEqual(["临淄\rGDP", "/help", "历城"]);
  });

  test("piped into a reader that stops early (| head) exits 0 with nothing on stderr", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/ask.ts", "--jsonl"], {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, ZHENGBAO_CORPUS: "" },
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    // Like `head -1`: read the first answer, then close the pipe while the CLI still has lines to answer.
    child.stdout.once("data", () => child.stdout.destroy());
    child.stdin.end("/reports\n".repeat(3000));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  }, 30_000);
});
