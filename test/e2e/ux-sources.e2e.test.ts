// Issue 14, point 2: sources one click away. Short citations (——《报告》第N段, the id in small text), the
// report title linking to where it was published, and a 打开报告原文 link button.
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Harness, newUser, startBot } from "./bot-harness.ts";
import type { Reply } from "./fake-discord.ts";

type Part = { type: number; custom_id?: string; label?: string; style?: number; url?: string };
const embedOf = (r: Reply) => (r.payload.embeds as APIEmbed[] | undefined)?.[0];
const partsOf = (r: Reply) =>
  ((r.payload.components ?? []) as { components: Part[] }[]).flatMap((row) => row.components);
const SICHUAN = "https://www.sc.gov.cn/10462/c105962s/2026/2/10/c3064029fbc341e99c8ce71ce3aec20c.shtml";

describe("sources one click away", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot();
  });
  afterAll(async () => {
    await h.stop();
  });
  const command = (name: string, options: Record<string, string>, user = newUser()) =>
    h.fake.waitForReply(h.fake.sendCommand(name, options, { user }).id, { final: true });

  test("a citation reads ——《报告》第N段 with the section and id in small text, as the terminal says 第N段", async () => {
    const reply = await command("target", { region: "临淄", indicator: "GDP" });
    const d = embedOf(reply)?.description ?? "";
    expect(d).toContain(
      "\n——《2023年临淄区政府工作报告》第19段\n-# 2023年目标任务和工作重点 · linzi-2023#19",
    );
    // No region repeated before the title, no ¶.
    expect(d).not.toMatch(/¶|临淄区 · 2023年临淄区政府工作报告/);
    // The district reports came without a known address: no link, no link button, and nothing broken.
    expect(embedOf(reply)?.url).toBeUndefined();
    expect(partsOf(reply).map((p) => p.label)).toEqual(["查看原文"]);
  });

  test("a report with a known address: linked title, linked embed title and 打开报告原文", async () => {
    const reply = await command("target", { region: "四川", indicator: "GDP" });
    const embed = embedOf(reply);
    expect(embed?.url).toBe(SICHUAN);
    expect(embed?.description).toContain(`——[《2026年四川省人民政府工作报告》](${SICHUAN})第37段`);
    expect(partsOf(reply)).toEqual([
      expect.objectContaining({ type: 2, style: 2, label: "查看原文", custom_id: "zb1:src:sichuan-2026#37" }),
      { type: 2, style: 5, label: "打开报告原文", url: SICHUAN },
    ]);
  });

  test("查看原文 opens the whole paragraph privately, with the same citation wording and the link", async () => {
    const user = newUser();
    const shown = await command("target", { region: "四川", indicator: "GDP" }, user);
    const click = h.fake.sendButton("zb1:src:sichuan-2026#37", { messageId: shown.messageId ?? "", user });
    const reply = await h.fake.waitForReply(click.id, { final: true });
    expect(reply.ephemeral).toBe(true);
    expect(embedOf(reply)?.description).toContain("第37段");
    expect(embedOf(reply)?.description).not.toContain("¶");
    expect(partsOf(reply)).toEqual([{ type: 2, style: 5, label: "打开报告原文", url: SICHUAN }]);
  });

  test("a choice in an answer's 查看原文… menu opens that paragraph privately", async () => {
    const chosen = h.fake.sendSelect("zb1:srcm:0", ["linzi-2023#19"], { user: newUser() });
    const reply = await h.fake.waitForReply(chosen.id, { final: true });
    expect(reply.ephemeral).toBe(true);
    expect(embedOf(reply)?.title).toBe("报告原文");
    expect(embedOf(reply)?.description).toContain("第19段");
  });
});
