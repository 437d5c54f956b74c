import { PassThrough, Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { runConsole } from "../../src/cli/console.ts";
import { engine } from "../helpers.ts";

describe("local console", () => {
  test("answers each line through the router and stops at /exit", async () => {
    const input = Readable.from(["/target 临淄 GDP\n", "\n", "历城去年社零多少\n", "/exit\n", "/help\n"]);
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on("data", (c: Buffer) => chunks.push(c.toString()));
    await runConsole(engine(), input, output);
    const text = chunks.join("");
    expect(text).toContain(`${engine().reports.length} 份报告`);
    expect(text).toContain("地区生产总值：增长5.5%以上");
    expect(text).toContain("600亿元");
    expect(text).not.toContain("/target 地区 指标");
  });
});
