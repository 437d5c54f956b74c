// The answer pool: answers and /compare charts computed on a worker thread (the event loop stays free to
// acknowledge), the bounded queue refusing at once when full, and the request gate's order.
import { afterAll, describe, expect, test } from "vitest";
import { answerPool } from "../../src/service/pool.ts";
import { RequestGate } from "../../src/service/rest-gate.ts";
import { BusyError, inlineWork } from "../../src/service/work.ts";
import { engine } from "../helpers.ts";

const pool = answerPool({ storePath: engine().store.path, threads: 1, maxQueue: 3 });
afterAll(() => pool.close());

describe("answer pool", () => {
  test("a /compare answer and its chart come from the worker while the event loop keeps turning", async () => {
    // Warm the worker first: its start (tsx, the store, the fonts) is not what is measured.
    await pool.submit({ name: "help" }).result;
    let worstGap = 0;
    let last = Date.now();
    const ticker = setInterval(() => {
      worstGap = Math.max(worstGap, Date.now() - last);
      last = Date.now();
    }, 5);
    const command = {
      name: "compare",
      indicator: "财政收入",
      kind: "actual",
      year: null,
      level: null,
    } as const;
    const w = await pool.submit(command).result;
    clearInterval(ticker);
    expect(w.answer.command).toBe("compare");
    expect(w.chart?.subarray(1, 4).toString()).toBe("PNG");
    // A chart takes ~150 ms to draw; on the main thread the timer would have waited that long.
    expect(worstGap).toBeLessThan(120);
  });

  test("past threads + maxQueue in flight, submit throws BusyError at once; the rest are answered", async () => {
    const command = { name: "ask", question: "充电桩", year: null, page: 1 } as const;
    const accepted = Array.from({ length: 4 }, () => pool.submit(command));
    expect(accepted.map((s) => s.queued)).toEqual([false, true, true, true]);
    expect(() => pool.submit(command)).toThrow(BusyError);
    const answers = await Promise.all(accepted.map((s) => s.result));
    expect(answers.every((w) => w.answer.ok)).toBe(true);
    expect(pool.pending).toBe(0);
  });

  test("the in-thread variant keeps the same bound", async () => {
    const inline = inlineWork(engine(), { maxPending: 1 });
    const first = inline.submit({ name: "help" });
    expect(() => inline.submit({ name: "help" })).toThrow(BusyError);
    expect((await first.result).answer.command).toBe("help");
  });
});

describe("request gate", () => {
  test("never more than its limit at once, and waiting acknowledgements go before waiting answers", async () => {
    const gate = new RequestGate(2);
    const order: string[] = [];
    let active = 0;
    let most = 0;
    const job = (name: string) => async () => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 5));
      order.push(name);
      active--;
    };
    await Promise.all([
      gate.run("answer", job("a1")),
      gate.run("answer", job("a2")),
      gate.run("answer", job("a3")),
      gate.run("ack", job("k1")),
      gate.run("ack", job("k2")),
    ]);
    expect(most).toBe(2);
    expect(order.slice(2)).toEqual(["k1", "k2", "a3"]);
  });
});
