// Issue 14, point 3: no dead ends. Candidate regions as buttons re-running the lookup, the closest
// regions for an unknown one, 改用全文搜索 after a lookup found nothing, and paging only the asker turns.
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Harness, newUser, startBot } from "./bot-harness.ts";
import type { Reply } from "./fake-discord.ts";

type Part = { type: number; custom_id?: string; label?: string; style?: number };
const embedOf = (r: Reply) => (r.payload.embeds as APIEmbed[] | undefined)?.[0];
const partsOf = (r: Reply) =>
  ((r.payload.components ?? []) as { components: Part[] }[]).flatMap((row) => row.components);
const labelled = (r: Reply, label: string) => partsOf(r).find((p) => p.label === label);

describe("no dead ends", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot({ rateLimit: { limit: 100, channelLimit: 100, windowMs: 10_000 } });
  });
  afterAll(async () => {
    await h.stop();
  });
  const command = (name: string, options: Record<string, string | number>, user = newUser()) =>
    h.fake.waitForReply(h.fake.sendCommand(name, options, { user }).id, { final: true });
  const click = (id: string, on: Reply, user = newUser()) =>
    h.fake.waitForReply(h.fake.sendButton(id, { messageId: on.messageId ?? "", user }).id, { final: true });

  test("临 is ambiguous: one button per candidate, and a click answers the same /target in place", async () => {
    const reply = await command("target", { region: "临", indicator: "GDP" });
    expect(embedOf(reply)?.title).toBe("地区不明确");
    // The candidates once, as buttons; no second list in a field.
    expect(embedOf(reply)?.fields).toBeUndefined();
    expect(embedOf(reply)?.description).toMatch(/\n-# 点下方的地区，直接看答案。$/);
    expect(partsOf(reply)).toEqual([
      expect.objectContaining({ label: "临安区", custom_id: "zb1:re:t::临安区:GDP" }),
      expect.objectContaining({ label: "临淄区", custom_id: "zb1:re:t::临淄区:GDP" }),
    ]);
    const answered = await click("zb1:re:t::临淄区:GDP", reply);
    expect(answered).toMatchObject({ callbackType: 7, messageId: reply.messageId, ephemeral: false });
    expect(embedOf(answered)?.description).toMatch(
      /^\*\*临淄区 · 2023年预期目标 · 地区生产总值：增长5\.5%以上\*\*/,
    );
  });

  test("an unknown region offers the closest regions as buttons, keeping the year and the command", async () => {
    const reply = await command("figure", { region: "临菑", indicator: "社零", year: 2023 });
    expect(embedOf(reply)?.title).toBe("未知地区");
    const buttons = partsOf(reply);
    expect(buttons.length).toBeGreaterThanOrEqual(1);
    expect(buttons.length).toBeLessThanOrEqual(3);
    expect(buttons[0]).toMatchObject({ label: "临淄区", custom_id: "zb1:re:f:2023:临淄区:社零" });
  });

  test("not found: the nearest passages of that report and 改用全文搜索 with the same words", async () => {
    // 临淄's report sets no foreign-trade target; its review states the figure (a nearest passage).
    const reply = await command("target", { region: "临淄", indicator: "进出口" });
    expect(embedOf(reply)?.title).toBe("未找到");
    expect(embedOf(reply)?.description).toContain("最接近的段落：");
    expect(embedOf(reply)?.description).toMatch(/——《2023年临淄区政府工作报告》第\d+段/);
    const search = labelled(reply, "改用全文搜索");
    expect(embedOf(reply)?.description).toContain("进出口总额完成**249.5亿元**");
    expect(search?.custom_id).toBe("zb1:ask::临淄 进出口");
    const user = newUser();
    const asked = await click(search?.custom_id ?? "", reply, user);
    // A new public answer (the not-found one stays), paged by whoever pressed.
    expect(asked).toMatchObject({ callbackType: 4, ephemeral: false });
    expect(embedOf(asked)?.footer?.text).toBe("第1页 · 问题：临淄 进出口");
    expect(embedOf(asked)?.description).toContain("249.5亿元");
  });

  test("only the asker turns the page; anyone else gets that page privately", async () => {
    const asker = newUser();
    const first = await command("ask", { question: "充电桩" }, asker);
    expect(partsOf(first).map((p) => p.label)).toContain("下一页 ▶");
    expect(labelled(first, "◀ 上一页")).toBeUndefined();
    const next = labelled(first, "下一页 ▶")?.custom_id ?? "";
    expect(next).toBe(`zb1:pg:2::${asker.id}:充电桩`);

    const other = newUser();
    const copy = await click(next, first, other);
    expect(copy).toMatchObject({ callbackType: 4, ephemeral: true });
    expect(copy.payload.content).toBe("这是别人的查询：这一页只有你能看到。");
    expect(embedOf(copy)?.footer?.text).toBe("第2页 · 问题：充电桩");
    // The copy's buttons are the other user's own.
    expect(labelled(copy, "◀ 上一页")?.custom_id).toBe(`zb1:pg:1::${other.id}:充电桩`);

    const page2 = await click(next, first, asker);
    expect(page2).toMatchObject({ callbackType: 7, messageId: first.messageId });
    expect(embedOf(page2)?.footer?.text).toBe("第2页 · 问题：充电桩");
    const back = labelled(page2, "◀ 上一页")?.custom_id ?? "";
    const page1 = await click(back, page2, asker);
    expect(embedOf(page1)?.footer?.text).toBe("第1页 · 问题：充电桩");
    expect(embedOf(page1)?.description).toBe(embedOf(first)?.description);
  });

  test("pages stay on topic: no 下一页 when the next page would hold nothing relevant", async () => {
    const reply = await command("ask", { question: "临淄新建了多少充电桩" });
    expect(embedOf(reply)?.description).toContain("1401");
    expect(labelled(reply, "下一页 ▶")).toBeUndefined();
  });
});
