import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { AnswerSchema } from "../../src/answer/schema.ts";

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/ask.ts", ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, ZHENGBAO_CORPUS: "" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("CLI contract", () => {
  test("--json prints one schema-valid object", () => {
    const r = cli(["--json", "/target 临淄 GDP"]);
    expect(r.status).toBe(0);
    const a = AnswerSchema.parse(JSON.parse(r.stdout));
    expect(a.answer).toContain("5.5%以上");
  });

  test("--jsonl answers one object per input line, in order; bad lines yield error objects", () => {
    const lines = ["/target 临淄 GDP", "", "/nope", "临".repeat(10_000), "/figure 历城 社零"];
    const r = cli(["--jsonl"], `${lines.join("\n")}\n`);
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => AnswerSchema.parse(JSON.parse(l)));
    expect(out.map((a) => a.ok)).toEqual([true, false, false, false, true]);
    expect(out[2]?.error?.code).toBe("unknown_command");
    expect(out[4]?.answer).toContain("600亿元");
  });

  test("human output quotes and cites", () => {
    const r = cli(["/figure", "临淄", "规上工业总产值"]);
    expect(r.stdout).toContain("2778亿元");
    expect(r.stdout).toContain("linzi-2023#");
  });

  test("--chart writes the /compare chart as a PNG", () => {
    const dir = mkdtempSync(join(tmpdir(), "zb-chart-"));
    try {
      const file = join(dir, "gdp.png");
      const r = cli(["/compare", "GDP", "--chart", file]);
      expect(r.status).toBe(0);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBeGreaterThan(600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a broken corpus directory is one line on stderr, exit 2, no trace", () => {
    const r = cli(["--corpus", "/nonexistent-dir", "/help"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("manifest.json");
  });
});

describe("npm run facts", () => {
  test("writes every statement to CSV and JSON with its citation", () => {
    const out = mkdtempSync(join(tmpdir(), "zb-facts-"));
    try {
      const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/facts-export.ts", "--out", out], {
        encoding: "utf8",
      });
      expect(r.status).toBe(0);
      const rows = JSON.parse(readFileSync(join(out, "facts.json"), "utf8")) as Record<string, unknown>[];
      expect(rows.length).toBeGreaterThan(100);
      expect(rows).toContainEqual(
        expect.objectContaining({
          region: "临淄区",
          indicator: "地区生产总值",
          kind: "target",
          value: 5.5,
          qualifier: "以上",
        }),
      );
      const csv = readFileSync(join(out, "facts.csv"), "utf8").trim().split("\n");
      expect(csv[0]).toContain("region,report,year,section,indicator");
      expect(csv).toHaveLength(rows.length + 1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
