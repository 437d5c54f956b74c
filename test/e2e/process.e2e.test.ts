// The bot as a process: a bad token is one line, not a stack trace; SIGTERM disconnects and exits 0.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FakeDiscord } from "./fake-discord.ts";

const TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhXyZw.abcdefghijklmnopqrstuvwxyz0123456789AB";

/** A one-report corpus, so the child process starts in well under a second. */
function tinyCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "zhengbao-corpus-"));
  mkdirSync(join(dir, "reports"));
  for (const f of ["indicators.json", "stopwords.txt", "userdict.txt", "reports/linzi-2023.txt"]) {
    copyFileSync(join("corpus", f), join(dir, f));
  }
  const manifest = JSON.parse(readFileSync("corpus/manifest.json", "utf8")) as { reports: { id: string }[] };
  const reports = manifest.reports.filter((r) => r.id === "linzi-2023");
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ reports }));
  return dir;
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("the bot process did not log in in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("bot process", () => {
  test("a malformed token is explained in one line, with exit code 1", () => {
    const env = { ...process.env, DISCORD_TOKEN: "not-a-token", DISCORD_APP_ID: "1100000000000000001" };
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], { env, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^配置错误 \(configuration\): DISCORD_TOKEN does not look like a bot token/);
    expect(run.stderr).not.toContain("not-a-token");
  });

  describe("running against the fake Discord", () => {
    let fake: FakeDiscord;
    let child: ChildProcess;
    let out = "";
    let corpus: string;
    beforeAll(async () => {
      fake = await FakeDiscord.start();
      corpus = tinyCorpus();
      child = spawn(
        process.execPath,
        ["--import", "tsx", "test/e2e/run-bot-child.ts", fake.apiBase, corpus],
        {
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      child.stdout?.on("data", (d: Buffer) => {
        out += d.toString();
      });
      child.stderr?.on("data", (d: Buffer) => {
        out += d.toString();
      });
      await until(() => /logged in as/.test(out), 10_000);
    });
    afterAll(async () => {
      if (child.exitCode === null) child.kill("SIGKILL");
      await fake.stop();
      rmSync(corpus, { recursive: true, force: true });
    });

    test("answers a command", async () => {
      const reply = await fake.waitForReply(
        fake.sendCommand("target", { region: "临淄", indicator: "GDP" }).id,
      );
      expect(JSON.stringify(reply.payload.embeds)).toContain("5.5%以上");
    });

    test("SIGTERM destroys the client and exits 0, and no line shows the token", async () => {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const [code] = await exited;
      expect(code).toBe(0);
      expect(out).toMatch(/SIGTERM: disconnecting/);
      expect(out).not.toContain(TOKEN);
      expect(out).not.toMatch(/ERROR/);
    });
  });
});
