import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";

function audit(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/audit.ts", ...args], {
    encoding: "utf8",
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run audit", () => {
  test("--help prints the usage in Chinese and exits 0", () => {
    const r = audit(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("用法");
  });

  test("an unknown option is a one-line Chinese message and exit 2, never a stack trace", () => {
    const r = audit(["--bogus"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("参数错误");
    expect(r.stderr).not.toContain("    at ");
  });

  test("--report scores one report; --json prints rates", () => {
    const r = audit(["--report", "national-2025", "--json"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { overall: { gold: number; precision: number }; byReport: object };
    expect(Object.keys(out.byReport)).toEqual(["national-2025"]);
    expect(out.overall.gold).toBeGreaterThan(20);
    expect(out.overall.precision).toBe(1);
  });
});
