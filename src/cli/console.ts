/** The local console: the same router as the bot, one line at a time, for use without a Discord token. */
import { createInterface } from "node:readline";
import { runLine } from "../answer/execute.ts";
import { renderText } from "../answer/render-text.ts";
import type { Engine } from "../engine.ts";
import { stderrLogger } from "./boot.ts";

export async function runConsole(
  engine: Engine,
  input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const interactive = input.isTTY === true;
  output.write(
    `政报通 本地控制台（${engine.reports.length} 份报告）。输入 /help 查看用法，Ctrl+D 或 /exit 退出。\n`,
  );
  const rl = createInterface({ input, output, prompt: "政报通> ", terminal: interactive });
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === "/exit" || trimmed === "/quit") break;
    if (trimmed !== "") output.write(`${renderText(runLine(engine, trimmed, stderrLogger))}\n\n`);
    rl.prompt();
  }
  rl.close();
}
