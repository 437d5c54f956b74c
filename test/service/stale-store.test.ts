// Issue 13: "a report edited between parse and fingerprint is cached under the new hash with the old
// numbers, so a stale answer survives every restart". The file is changed on disk right after the build
// first reads it (node:fs wrapped for this file only); the store must then be stale, never "fresh" with
// the old numbers. The old cache read the file a second time to fingerprint it and passed as fresh.
import * as realFs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test, vi } from "vitest";
import { ensureStore, staleness } from "../../src/search/store-file.ts";

const edit = vi.hoisted(() => ({ path: "", done: false }));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const readFileSync = ((...args: Parameters<typeof fs.readFileSync>) => {
    const out = fs.readFileSync(...args);
    // The first read of the watched report: someone saves an edit right after the build read it.
    if (!edit.done && edit.path && String(args[0]) === edit.path) {
      edit.done = true;
      const text = fs.readFileSync(edit.path, "utf8").replace("新建1401座充电桩", "新建1402座充电桩");
      fs.writeFileSync(edit.path, text);
      const later = new Date(Date.now() + 60_000);
      fs.utimesSync(edit.path, later, later);
    }
    return out;
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

const tmp = realFs.mkdtempSync(join(tmpdir(), "zb-race-"));
afterAll(() => realFs.rmSync(tmp, { recursive: true, force: true }));

test("a report edited while the store is built leaves the store stale, not fresh with the old numbers", async () => {
  const corpus = join(tmp, "corpus");
  realFs.cpSync("test/fixtures/corpus", corpus, { recursive: true });
  edit.path = join(corpus, "reports/linzi-2023.txt");
  const path = join(tmp, "store.db");
  await ensureStore(corpus, { path });
  expect(edit.done).toBe(true);
  expect(realFs.readFileSync(edit.path, "utf8")).toContain("新建1402座充电桩");
  expect(await staleness(corpus, path)).toBe("corpus changed");
});
