/** Child processes for the benchmark: timed runs, long-lived servers, and their memory from /proc. */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Spawn to exit, ms. */
  wallMs: number;
  /** Spawn to the first byte on stdout (the answer), ms; null when it printed nothing. */
  firstOutputMs: number | null;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Copy the child's stderr to ours as it comes, each line prefixed (progress of long builds). */
  echo?: string;
}

export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstOutputMs: number | null = null;
    const p = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => {
      firstOutputMs ??= performance.now() - t0;
      stdout += d;
    });
    p.stderr.on("data", (d) => {
      stderr += d;
      if (opts.echo !== undefined) {
        for (const line of String(d).split("\n").filter(Boolean))
          process.stderr.write(`${opts.echo}${line}\n`);
      }
    });
    p.on("error", reject);
    p.on("close", (code) => resolve({ code, stdout, stderr, wallMs: performance.now() - t0, firstOutputMs }));
  });
}

/** The command prefix that reports a child's peak RSS (KiB) into `file`, when GNU time is installed. */
export function timeWrapper(file: string): string[] {
  return existsSync("/usr/bin/time") ? ["/usr/bin/time", "-f", "%M", "-o", file] : [];
}

export interface Held {
  child: ChildProcess;
  /** The first line the child printed (its "ready" JSON). */
  first: string;
  stop(): Promise<void>;
}

/** Starts a child that prints one line when ready and stays up until its stdin closes. */
export function hold(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Held> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const closed = new Promise<void>((r) => child.on("close", () => r()));
    child.stderr?.on("data", (d) => {
      err += d;
    });
    child.stdout?.on("data", (d) => {
      out += d;
      const nl = out.indexOf("\n");
      if (nl >= 0) {
        resolve({
          child,
          first: out.slice(0, nl),
          stop: () => {
            child.stdin?.end();
            return closed;
          },
        });
      }
    });
    child.on("error", reject);
    child.on("close", (code) => reject(new Error(`${args.join(" ")} exited ${code} before ready: ${err}`)));
  });
}

/** Proportional set size (shared pages divided among their users) and RSS of a live process, MiB. */
export function memoryOf(pid: number): {
  pssMiB: number;
  rssMiB: number;
  sharedMiB: number;
  privateMiB: number;
} {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? Number.NaN);
  const mib = (k: number) => Math.round((k / 1024) * 10) / 10;
  return {
    pssMiB: mib(kb("Pss")),
    rssMiB: mib(kb("Rss")),
    sharedMiB: mib(kb("Shared_Clean") + kb("Shared_Dirty")),
    privateMiB: mib(kb("Private_Clean") + kb("Private_Dirty")),
  };
}
