// Everything the bot sends passes a fake Discord as strict as the real one: every command, button,
// autocomplete and mention, answered directly and deferred, with the bot token checked on every bot
// route. A request Discord would refuse shows up in `fake.refused` with the error it got.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Harness, newUser, startBot } from "./bot-harness.ts";

// What a user can do, in one pass: every slash command, both buttons, autocomplete, a mention.
async function exercise(h: Harness): Promise<void> {
  const { fake } = h;
  const ask = (name: string, options: Record<string, string | number> = {}) =>
    fake.waitForReply(fake.sendCommand(name, options, { user: newUser() }).id, { timeoutMs: 5000 });
  await ask("target", { region: "临淄", indicator: "GDP" });
  await ask("figure", { region: "临淄", indicator: "GDP" });
  await ask("compare", { indicator: "GDP" });
  await ask("reports");
  await ask("help");
  await ask("source", { id: "linzi-2023#19" });
  await ask("target", { region: "火星", indicator: "GDP" });
  await ask("figure", { region: "临", indicator: "财政收入" });
  await ask("compare", { indicator: "城镇新增就业" });
  // The longest paragraph of the corpus, and a question at the 500-character limit (a long footer).
  await ask("source", { id: "licheng-2023#11" });
  await ask("ask", { question: "发展".repeat(250) });
  const first = await ask("ask", { question: "充电桩" });
  const more = fake.sendButton("zb1:more:2::充电桩", { messageId: first.messageId ?? "", user: newUser() });
  await fake.waitForReply(more.id, { timeoutMs: 5000 });
  const long = `请问各地在新能源汽车充电桩、5G基站和公共停车位建设方面分别新建了多少${"，具体数字是多少".repeat(8)}`;
  const longFirst = await ask("ask", { question: long });
  await fake.waitForReply(
    fake.sendButton("zb1:more:2::", { messageId: longFirst.messageId ?? "", user: newUser() }).id,
    { timeoutMs: 5000 },
  );
  await fake.waitForReply(fake.sendButton("zb1:src:linzi-2023#19", { user: newUser() }).id, {
    timeoutMs: 5000,
  });
  await fake.waitForReply(fake.sendButton("garbage", { user: newUser() }).id);
  await fake.waitForReply(fake.sendAutocomplete("target", { region: "linz" }, "region").id);
  await fake.waitForReply(fake.sendAutocomplete("figure", { indicator: "" }, "indicator").id);
  await ask("nosuch");
  const user = newUser();
  const asked = fake.sendMention("临淄GDP目标是多少", { user });
  await fake.waitForChannelMessage({ replyTo: asked, timeoutMs: 5000 });
  const again = fake.sendMention("那历城呢?", { user });
  await fake.waitForChannelMessage({ replyTo: again, timeoutMs: 5000 });
  const flooder = newUser();
  const burst = Array.from({ length: 7 }, () => fake.sendCommand("help", {}, { user: flooder }));
  await Promise.all(burst.map((s) => fake.waitForReply(s.id, { timeoutMs: 5000 })));
}

describe.each([
  ["answered directly", {}],
  ["deferred, then edited", { deferAfterMs: 0 }],
])("the bot against the strict fake, %s", (_how, botOpts) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot(botOpts, { token: "fake-bot-token" });
  });
  afterAll(async () => {
    await h.stop();
  });

  test("sends nothing Discord would refuse", async () => {
    await exercise(h);
    const refused = h.fake.refused.map((r) => ({ route: `${r.method} ${r.path}`, error: r.error }));
    expect(refused).toEqual([]);
    expect(h.fake.requests.length).toBeGreaterThan(20);
    expect(h.fake.faults).toEqual([]);
    expect(h.fake.unknownRoutes).toEqual([]);
  }, 30_000);
});
