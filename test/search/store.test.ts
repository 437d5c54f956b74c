import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runLine } from "../../src/answer/execute.ts";
import { openEngine } from "../../src/engine.ts";
import { openReadOnly, Store, StoreError } from "../../src/search/store.ts";
import { buildStore } from "../../src/search/store-build.ts";
import { ensureStore, staleness } from "../../src/search/store-file.ts";
import { failOnError } from "../helpers.ts";

const FIXTURE = "test/fixtures/corpus";
let tmp: string;
let corpus: string;
let storePath: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "zb-store-"));
  corpus = join(tmp, "corpus");
  cpSync(FIXTURE, corpus, { recursive: true });
  storePath = join(tmp, "store.db");
  await ensureStore(corpus, { path: storePath });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("the store file", () => {
  test("is fresh right after a build, and after a touch that changes no byte", async () => {
    expect(await staleness(corpus, storePath)).toBeNull();
    const file = join(corpus, "reports/linzi-2023.txt");
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    expect(await staleness(corpus, storePath)).toBeNull();
  });

  test("is stale when a report's bytes change, and a rebuild serves the new text", async () => {
    const copy = join(tmp, "edited");
    cpSync(corpus, copy, { recursive: true });
    const path = join(tmp, "edited.db");
    await ensureStore(copy, { path });
    const file = join(copy, "reports/linzi-2023.txt");
    writeFileSync(file, readFileSync(file, "utf8").replace("新建1401座充电桩", "新建1402座充电桩"));
    expect(await staleness(copy, path)).toBe("corpus changed");
    const r = await ensureStore(copy, { path });
    expect(r.rebuilt).toBe("corpus changed");
    const answer = runLine(openEngine(path), "临淄新建了多少充电桩", failOnError);
    expect(answer.answer).toContain("1402");
  });

  test("a file at the store path that is not a store is never overwritten", async () => {
    const path = join(tmp, "precious.env");
    writeFileSync(path, "DISCORD_TOKEN=keep-me\n");
    await expect(ensureStore(corpus, { path })).rejects.toBeInstanceOf(StoreError);
    expect(readFileSync(path, "utf8")).toBe("DISCORD_TOKEN=keep-me\n");
  });

  test("a SQLite file of someone else's is refused too", async () => {
    const path = join(tmp, "other.db");
    const db = new Database(path);
    db.exec("CREATE TABLE t (x)");
    db.close();
    await expect(ensureStore(corpus, { path })).rejects.toThrow(/not a 政报通 store/);
  });

  test("opens read-only: a write through its connection fails, a missing file is not created", () => {
    const db = openReadOnly(storePath);
    expect(() => db.exec("DELETE FROM paragraphs")).toThrow(/readonly/);
    db.close();
    const missing = join(tmp, "missing.db");
    expect(() => new Store(missing)).toThrow(StoreError);
    expect(existsSync(missing)).toBe(false);
  });

  test("a failed build leaves no temporary file and no store behind", async () => {
    const broken = join(tmp, "broken");
    cpSync(corpus, broken, { recursive: true });
    writeFileSync(join(broken, "reports/licheng-2023.txt"), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const path = join(tmp, "broken.db");
    await expect(buildStore(broken, path)).rejects.toThrow(/UTF-8/);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.${process.pid}.tmp`)).toBe(false);
  });
});

describe("what the store holds", () => {
  test("a build on worker threads writes exactly the rows of a build in one thread", async () => {
    const one = join(tmp, "one.db");
    const two = join(tmp, "two.db");
    await buildStore(corpus, one, { workers: 0 });
    await buildStore(corpus, two, { workers: 2 });
    const dump = (path: string) => {
      const db = new Database(path, { readonly: true });
      const rows = ["paragraphs", "sections", "names", "chunk_paragraphs"].map((t) =>
        db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
      );
      rows.push(db.prepare("SELECT * FROM dictionary ORDER BY word").all());
      rows.push(db.prepare("SELECT * FROM statements ORDER BY seq").all());
      // The index is contentless: its vocabulary, per chunk, says what each chunk holds.
      rows.push(db.prepare("SELECT term, doc, cnt FROM chunk_terms ORDER BY term").all());
      rows.push(
        db
          .prepare("SELECT rowid, bm25(chunks) AS s FROM chunks WHERE chunks MATCH '充电桩' ORDER BY rowid")
          .all(),
      );
      db.close();
      return rows;
    };
    expect(dump(two)).toEqual(dump(one));
  }, 60_000);

  test("full-text search keeps to the reports it is given", () => {
    const store = new Store(storePath);
    const linzi = store.reports.filter((r) => r.id === "linzi-2023");
    const hits = store.search(["充电桩"], linzi, 10);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.reportId).toBe("linzi-2023");
    expect(store.search(["充电桩"], [], 10)).toEqual([]);
    store.close();
  });

  test("term statistics come from the FTS vocabulary: a rarer term weighs more", () => {
    const store = new Store(storePath);
    expect(store.df("充电桩")).toBeGreaterThan(0);
    expect(store.idf("稷下学宫")).toBeGreaterThan(store.idf("发展"));
    expect(store.df("不存在的词语")).toBe(0);
    store.close();
  });

  test("every statement's sentence is in its paragraph, and every paragraph is a line of its file", () => {
    const store = new Store(storePath);
    for (const s of store.allStatements()) expect(store.paragraph(s.paragraphId)?.text).toContain(s.sentence);
    for (const r of store.reports) {
      const text = readFileSync(join(corpus, r.file), "utf8");
      for (const p of store.paragraphsOf(r.id)) expect(text).toContain(p.text);
    }
    store.close();
  });
});

describe("a serving process does not leak through libsql", () => {
  // libsql 0.5 leaks ~0.9 KiB on every .all()/.iterate() call (src/search/json-rows.ts): answering must
  // read multi-row results through .get() only.
  test("answering /target, /figure, /ask, /compare, /check and /trend never calls .all() or .iterate()", () => {
    const engine = openEngine(storePath);
    const proto = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1")) as Record<
      string,
      unknown
    >;
    const saved = { all: proto.all, iterate: proto.iterate };
    const calls: string[] = [];
    proto.all = function (this: unknown, ...args: unknown[]) {
      calls.push("all");
      return (saved.all as (...a: unknown[]) => unknown).apply(this, args);
    };
    proto.iterate = function (this: unknown, ...args: unknown[]) {
      calls.push("iterate");
      return (saved.iterate as (...a: unknown[]) => unknown).apply(this, args);
    };
    try {
      for (const line of [
        "/target 临淄 GDP",
        "/figure 历城 社零",
        "/ask 临淄新建了多少充电桩",
        "/compare GDP",
        "/check 临淄 2022",
        "/trend 临淄 GDP",
        "临淄的GDP目标是多少",
      ]) {
        runLine(engine, line, failOnError);
      }
    } finally {
      Object.assign(proto, saved);
      engine.store.close();
    }
    expect(calls).toEqual([]);
  });

  test("multi-row reads keep document order", () => {
    const store = new Store(storePath);
    for (const r of store.reports) {
      const ns = store.paragraphsOf(r.id).map((p) => p.n);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
    }
    // allStatements streams in document order (ORDER BY seq): the aggregated reads must agree with it.
    const inOrder = [...store.allStatements()].filter((s) => s.indicatorId === "gdp" && s.kind === "target");
    expect(inOrder.length).toBeGreaterThan(1);
    const byReport = store.statementsByReport("gdp", "target");
    for (const [reportId, list] of byReport) {
      const expected = inOrder.filter((s) => s.reportId === reportId);
      expect(list).toEqual(expected);
      expect(store.statements(reportId, "gdp", "target")).toEqual(expected);
    }
    store.close();
  });
});
