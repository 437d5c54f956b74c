// Issue 13's "Done when": 2,000 concurrent mixed interactions (200 /compare with charts) against the fake
// Discord with its 3 s deadline enforced, through the gateway bot and through the HTTP endpoint: every
// one acknowledged in time (the fake refuses a late callback with 10062) and answered or told 繁忙,
// none lost, none answered twice. ZB_LOAD_REPORT=<file> appends the measured figures as JSON lines
// (docs/PERFORMANCE.md, "Interactions under load").
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { afterAll, describe, expect, test } from "vitest";
import { defaultThreads } from "../../src/service/pool.ts";
import { engine } from "../helpers.ts";
import { newUser } from "./bot-harness.ts";
import { FakeHttpInteractions } from "./fake/http-interactions.ts";
import { type CapturedRequest, FakeDiscord } from "./fake-discord.ts";
import { LOAD_TOTAL, type LoadItem, loadMix, percentile } from "./load-mix.ts";

interface Stamp {
  sentAt: number;
  kind: LoadItem["kind"];
  name: string;
  ackAt?: number;
  ackType?: number;
  doneAt?: number;
  busy?: boolean;
  callbacks: number;
  edits: number;
  followUps: number;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Stamps every accepted response with the time the fake took it, per interaction. */
function watch(fake: FakeDiscord, stamps: Map<string, Stamp>): void {
  const state = fake["state"];
  const push = fake.requests.push.bind(fake.requests);
  fake.requests.push = (...captured: CapturedRequest[]) => {
    const now = Date.now();
    for (const r of captured) {
      if (r.status >= 300) continue;
      const callback = /^\/interactions\/(\d+)\//.exec(r.path);
      const token = /^\/webhooks\/\d+\/([^/]+)/.exec(r.path)?.[1];
      const id = callback?.[1] ?? (token ? state.byToken.get(token)?.id : undefined);
      const s = id ? stamps.get(id) : undefined;
      if (!s) continue;
      const body = (r.body ?? {}) as { type?: number; data?: unknown };
      const told = (payload: unknown) => JSON.stringify(payload ?? {}).includes("繁忙");
      if (callback) {
        s.callbacks++;
        s.ackAt ??= now;
        s.ackType = body.type;
        if (body.type !== 5 && body.type !== 6) {
          s.doneAt = now;
          s.busy = told(body.data);
        }
      } else if (r.method === "PATCH") {
        s.edits++;
        s.doneAt ??= now;
      } else if (r.method === "POST") {
        s.followUps++;
        s.doneAt ??= now;
        s.busy ||= told(r.body);
      }
    }
    return push(...captured);
  };
}

async function settle(stamps: Map<string, Stamp>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && [...stamps.values()].some((s) => s.doneAt === undefined)) {
    await new Promise((r) => setTimeout(r, 100));
  }
  // A little longer, so a second answer (which must not come) would be seen.
  await new Promise((r) => setTimeout(r, 300));
}

function summary(mode: string, stamps: Map<string, Stamp>, threads: number) {
  const all = [...stamps.values()];
  const acks = all.flatMap((s) => (s.ackAt ? [s.ackAt - s.sentAt] : [])).sort((a, b) => a - b);
  const answers = all.filter((s) => !s.busy && s.doneAt).map((s) => (s.doneAt as number) - s.sentAt);
  answers.sort((a, b) => a - b);
  const first = Math.min(...all.map((s) => s.sentAt));
  const last = Math.max(...all.map((s) => s.doneAt ?? 0));
  const answered = all.filter((s) => s.doneAt && !s.busy).length;
  const seconds = (last - first) / 1000;
  const cores = availableParallelism();
  return {
    mode,
    interactions: all.length,
    workerThreads: threads,
    cores,
    answered,
    busy: all.filter((s) => s.busy).length,
    deferred: all.filter((s) => s.ackType === 5 || s.ackType === 6).length,
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    ackMax: acks.at(-1),
    answerP50: percentile(answers, 50),
    answerP99: percentile(answers, 99),
    compareP99: percentile(
      all
        .filter((s) => s.name === "compare" && !s.busy && s.doneAt)
        .map((s) => (s.doneAt as number) - s.sentAt)
        .sort((a, b) => a - b),
      99,
    ),
    seconds: Math.round(seconds * 10) / 10,
    answeredPerSecondPerCore: Math.round(answered / seconds / cores),
  };
}

function expectAllAnsweredOnce(fake: FakeDiscord, stamps: Map<string, Stamp>): void {
  expect(
    fake.refused.map((r) => `${r.method} ${r.path.replace(/\/[^/]{20,}\//, "/…/")} ${r.status}`),
  ).toEqual([]);
  expect(fake.faults).toEqual([]);
  const lost = [...stamps.entries()]
    .filter(([, s]) => s.doneAt === undefined)
    .map(([id, s]) => `${s.name} ${id}`);
  expect(lost).toEqual([]);
  for (const s of stamps.values()) {
    expect(s.callbacks).toBe(1);
    expect(s.edits + s.followUps).toBeLessThanOrEqual(s.ackType === 5 || s.ackType === 6 ? 1 : 0);
  }
}

/** The service in its own process (test/e2e/load-child.ts); resolves with its port once it is ready. */
async function startChild(
  args: string[],
): Promise<{ port: number; stderr: () => string; stop: () => Promise<number | null> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    // ZB_LOAD_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the service under load.
    [
      ...(process.env.ZB_LOAD_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
      "--import",
      "tsx",
      "test/e2e/load-child.ts",
      ...args,
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child not ready: ${err}`)), 60_000);
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /ready (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once("exit", (code) => reject(new Error(`child exited ${code}: ${err}`)));
  });
  return {
    port,
    stderr: () => err,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}

/** Slash command options as Discord sends them (string 3, integer 4), one of them focused. */
function options(values: Record<string, string | number>, focused?: string) {
  return Object.entries(values).map(([name, value]) => ({
    name,
    type: typeof value === "string" ? 3 : 4,
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}

function report(line: object): void {
  const file = process.env.ZB_LOAD_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(line)}\n`);
}

const threads = defaultThreads();

describe(`${LOAD_TOTAL} concurrent mixed interactions under the 3 s deadline`, () => {
  test("through the gateway: every one acknowledged in time, answered or told busy, exactly once", async () => {
    const fake = await FakeDiscord.start();
    const child = await startChild(["gateway", fake.apiBase, String(threads)]);
    cleanups.push(async () => {
      await child.stop();
      await fake.stop();
    });
    await fake.gatewayReady();
    const stamps = new Map<string, Stamp>();
    watch(fake, stamps);
    const mix = loadMix(engine());
    const dispatchStart = Date.now();
    for (const item of mix) {
      const user = newUser();
      const sentAt = Date.now();
      const sent =
        item.kind === "command"
          ? fake.sendCommand(item.name, item.options, { user })
          : item.kind === "autocomplete"
            ? fake.sendAutocomplete(item.name, item.options, item.focused, { user })
            : fake.sendButton(item.customId, { user });
      const name = item.kind === "button" ? "source" : item.name;
      stamps.set(sent.id, { sentAt, kind: item.kind, name, callbacks: 0, edits: 0, followUps: 0 });
    }
    const dispatchMs = Date.now() - dispatchStart;
    await settle(stamps, 150_000);
    const figures = summary("gateway", stamps, threads);
    report({ ...figures, dispatchMs });
    expectAllAnsweredOnce(fake, stamps);
    expect(await child.stop()).toBe(0);
    expect(child.stderr()).toBe("");
  }, 240_000);

  test("through the HTTP endpoint (one instance): the same, with signed requests", async () => {
    const fake = await FakeDiscord.start();
    const http = new FakeHttpInteractions(fake);
    const child = await startChild(["http", fake.apiBase, String(threads), http.publicKeyHex]);
    cleanups.push(async () => {
      await child.stop();
      http.close();
      await fake.stop();
    });
    const stamps = new Map<string, Stamp>();
    watch(fake, stamps);
    const endpoint = `http://127.0.0.1:${child.port}/interactions`;
    const dispatchStart = Date.now();
    const posts = loadMix(engine()).map((item) => {
      const user = newUser();
      const sentAt = Date.now();
      const sending =
        item.kind === "command"
          ? http.send(
              endpoint,
              2,
              { id: "1", name: item.name, type: 1, options: options(item.options) },
              { user },
            )
          : item.kind === "autocomplete"
            ? http.send(
                endpoint,
                4,
                { id: "1", name: item.name, type: 1, options: options(item.options, item.focused) },
                { user },
                3,
              )
            : http.send(endpoint, 3, { custom_id: item.customId, component_type: 2 }, { user });
      const name = item.kind === "button" ? "source" : item.name;
      stamps.set(sending.id, { sentAt, kind: item.kind, name, callbacks: 0, edits: 0, followUps: 0 });
      return sending.response;
    });
    const dispatchMs = Date.now() - dispatchStart;
    const statuses = (await Promise.all(posts)).map((p) => p.status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    await settle(stamps, 150_000);
    const figures = summary("http", stamps, threads);
    report({ ...figures, dispatchMs });
    expectAllAnsweredOnce(fake, stamps);
    expect(await child.stop()).toBe(0);
    expect(child.stderr()).toBe("");
  }, 240_000);
});
