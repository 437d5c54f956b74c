// `npm start` as a user runs it: the compiled bot under npm, logged in to the fake Discord; SIGTERM to npm
// must stop the bot too (npm forwards the signal to its child: the script execs node, so that is the bot).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { FakeDiscord } from "./fake-discord.ts";

const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhXyZw.abcdefghijklmnopqrstuvwxyz0123456789AB";
let fake: FakeDiscord;
let npm: ChildProcess;
let out = "";
let dir: string;

/** Processes whose command line names the test's own corpus directory: the bot, while it runs. */
function botProcesses(): string[] {
  const r = spawnSync("pgrep", ["-f", dir], { encoding: "utf8" });
  return r.stdout.split("\n").filter(Boolean);
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, ["--import", "tsx", "src/cli/build.ts"], { encoding: "utf8" });
  expect(build.status, build.stderr).toBe(0);
  fake = await FakeDiscord.start();
  dir = mkdtempSync(join(tmpdir(), "zb-npm-start-"));
  cpSync("test/fixtures/corpus", join(dir, "corpus"), { recursive: true });
  const env = {
    ...process.env,
    DISCORD_TOKEN: TOKEN,
    DISCORD_APP_ID: "1100000000000000001",
    DISCORD_API_BASE: fake.apiBase,
    ZHENGBAO_CORPUS: join(dir, "corpus"),
    ZHENGBAO_STORE: join(dir, "store.db"),
  };
  npm = spawn("npm", ["start", "--", "--corpus", join(dir, "corpus")], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  npm.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  npm.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const start = Date.now();
  while (!/logged in as/.test(out)) {
    if (Date.now() - start > 20_000) throw new Error(`the bot did not log in:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}, 60_000);

afterAll(async () => {
  for (const pid of botProcesses()) spawnSync("kill", ["-9", pid]);
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("npm start runs the compiled bot, which answers", async () => {
  expect(botProcesses().length).toBeGreaterThan(0);
  const reply = await fake.waitForReply(fake.sendCommand("target", { region: "临淄", indicator: "GDP" }).id);
  expect(JSON.stringify(reply.payload.embeds)).toContain("5.5%以上");
});

test("SIGTERM to npm start disconnects the bot and leaves no process behind", async () => {
  const exited = once(npm, "exit");
  npm.kill("SIGTERM");
  await exited;
  const start = Date.now();
  while (botProcesses().length > 0 && Date.now() - start < 5_000) await new Promise((r) => setTimeout(r, 50));
  expect(botProcesses()).toEqual([]);
  expect(out).toMatch(/SIGTERM.*disconnecting/);
  expect(out).not.toContain(TOKEN);
}, 20_000);
