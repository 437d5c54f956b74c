// Issue 14, point 1: /compare on one phone screen. The ranking and the chart in the first embed, the
// quotes behind one "查看原文…" menu that opens a region's quote privately.
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Harness, newUser, startBot } from "./bot-harness.ts";
import type { Reply } from "./fake-discord.ts";
import { PHONE, phoneHeight, pngSize } from "./ux-phone.ts";

type Part = {
  type: number;
  custom_id?: string;
  label?: string;
  style?: number;
  url?: string;
  placeholder?: string;
  options?: { label: string; value: string; description?: string }[];
};
const embedOf = (r: Reply) => (r.payload.embeds as APIEmbed[] | undefined)?.[0];
const rowsOf = (r: Reply) => (r.payload.components ?? []) as { type: number; components: Part[] }[];

describe("/compare for phones", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot();
  });
  afterAll(async () => {
    await h.stop();
  });
  const ask = (options: Record<string, string>, user = newUser()) =>
    h.fake.waitForReply(h.fake.sendCommand("compare", options, { user }).id, { final: true });

  test("/compare GDP: ranking and chart in the first embed, one 查看原文… menu, one phone screen", async () => {
    const reply = await ask({ indicator: "GDP" });
    const embeds = reply.payload.embeds as APIEmbed[];
    expect(embeds).toHaveLength(1);
    const embed = embeds[0] as APIEmbed;
    expect(embed.title).toBe("地区生产总值 · 预期目标对比");
    // Level and year once, the order in words, then values with their regions.
    expect(embed.description).toMatch(/^-# 省级 · 2026年报告 · 按增速从高到低\n1\. \*\*7%以上\*\* 西藏\n/);
    expect(embed.description).toContain("**5%左右** 北京、内蒙古、吉林、宁夏、广西、河南");
    expect(embed.image?.url).toBe("attachment://compare.png");
    const png = reply.files[0]?.data ?? Buffer.alloc(0);
    const size = pngSize(png);
    // 800 px wide and landscape: Discord fits an embed image into about 400 × 300.
    expect(size.width).toBe(800);
    expect(size.height).toBeLessThan(size.width);
    // One row, one select menu: no wall of 原文 buttons.
    const rows = rowsOf(reply);
    expect(rows).toHaveLength(1);
    const [menu] = rows[0]?.components ?? [];
    expect(menu).toMatchObject({
      type: 3,
      placeholder: "查看原文…",
      custom_id: "zb1:q:t:p:2026:地区生产总值",
    });
    expect(menu?.options?.[0]).toMatchObject({ label: "西藏 · 7%以上", value: "xizang-2026#40" });
    expect(menu?.options?.[0]?.description).toMatch(/^…地区生产总值增长7%以上/);
    // Before the menu, the whole answer fits the screen of a 390 pt phone.
    const height = phoneHeight(reply.payload.content, embed, size);
    expect(height).toBeLessThanOrEqual(PHONE.visible);
  });

  test("choosing a region in 查看原文… shows its quote privately, with 查看整段 and the report link", async () => {
    const user = newUser();
    const shown = await ask({ indicator: "GDP" }, user);
    const menuId = rowsOf(shown)[0]?.components[0]?.custom_id ?? "";
    const chosen = h.fake.sendSelect(menuId, ["sichuan-2026#37"], { messageId: shown.messageId ?? "", user });
    const reply = await h.fake.waitForReply(chosen.id, { final: true });
    expect(reply.ephemeral).toBe(true);
    const embed = embedOf(reply);
    expect(embed?.title).toBe("四川省 · 原文");
    expect(embed?.description).toContain("地区生产总值增长**5.5%左右**");
    expect(embed?.description).toContain("——[《2026年四川省人民政府工作报告》](https://www.sc.gov.cn/");
    expect(embed?.url).toMatch(/^https:\/\/www\.sc\.gov\.cn\//);
    const buttons = rowsOf(reply).flatMap((r) => r.components);
    expect(buttons).toEqual([
      expect.objectContaining({ label: "查看整段", custom_id: "zb1:src:sichuan-2026#37" }),
      expect.objectContaining({ label: "打开报告原文", style: 5, url: expect.stringContaining("sc.gov.cn") }),
    ]);
    // The public message is unchanged: nobody else sees the choice.
    expect(h.fake.repliesTo(chosen.id).every((r) => r.callbackType !== 7)).toBe(true);
  });

  test("past 25 regions the menu's last option moves it on to the rest", async () => {
    const user = newUser();
    const shown = await ask({ indicator: "GDP" }, user);
    const menu = rowsOf(shown)[0]?.components[0];
    expect(menu?.options).toHaveLength(25);
    expect(menu?.options?.at(-1)).toEqual({ label: "更多地区（第25—26个）…", value: "@24" });
    const moved = h.fake.sendSelect(menu?.custom_id ?? "", ["@24"], {
      messageId: shown.messageId ?? "",
      user,
    });
    const reply = await h.fake.waitForReply(moved.id, { final: true });
    const rest = rowsOf(reply)[0]?.components[0];
    expect(rest?.placeholder).toBe("查看原文…（第25个起）");
    expect(rest?.options?.map((o) => o.label)).toEqual(["辽宁 · 4.5%左右", "青海 · 4.5%左右"]);
  });

  test("four districts: four options, and the answer is the same compact shape", async () => {
    const reply = await ask({ indicator: "GDP", level: "区县" });
    expect(embedOf(reply)?.description).toMatch(
      /^-# 区县级 · 2023年报告 · 按增速从高到低\n1\. \*\*6\.5%\*\* 荔湾/,
    );
    const menu = rowsOf(reply)[0]?.components[0];
    expect(menu?.options?.map((o) => o.label)).toEqual([
      "荔湾 · 6.5%",
      "历城 · 6%",
      "临淄 · 5.5%以上",
      "临安 · 5%以上",
    ]);
  });
});
