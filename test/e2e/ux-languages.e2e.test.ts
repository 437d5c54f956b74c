// Issue 14, points 5 and 6: every command and option localised for zh-CN and zh-TW, usable in servers,
// DMs and group DMs from a server or user install; traditional input answered; year and /source autocomplete.
import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { commandsJson, deployCommands } from "../../src/discord/deploy.ts";
import { validateCommands } from "../../src/discord/validate-commands.ts";
import { type Harness, newUser, startBot } from "./bot-harness.ts";
import type { Reply } from "./fake-discord.ts";

interface Named {
  name: string;
  description?: string;
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
  choices?: { name: string; name_localizations?: Record<string, string> | null }[];
  options?: Named[];
  autocomplete?: boolean;
}
const embedOf = (r: Reply) => (r.payload.embeds as APIEmbed[] | undefined)?.[0];
const choicesOf = (r: Reply) => r.payload.choices as { name: string; value: string | number }[];

function everyNamed(list: Named[]): Named[] {
  return list.flatMap((c) => [c, ...everyNamed(c.options ?? [])]);
}

describe("command JSON", () => {
  const json = commandsJson() as unknown as (Named & { contexts?: number[]; integration_types?: number[] })[];

  test("every command and option has zh-CN and zh-TW names and descriptions, every choice both names", () => {
    for (const item of everyNamed(json)) {
      expect(Object.keys(item.name_localizations ?? {}).sort(), item.name).toEqual(["zh-CN", "zh-TW"]);
      expect(Object.keys(item.description_localizations ?? {}).sort(), item.name).toEqual(["zh-CN", "zh-TW"]);
      for (const c of item.choices ?? [])
        expect(Object.keys(c.name_localizations ?? {}).sort()).toEqual(["zh-CN", "zh-TW"]);
    }
    const target = json.find((c) => c.name === "target");
    expect(target?.name_localizations).toEqual({ "zh-CN": "目标", "zh-TW": "目標" });
    expect(validateCommands(json as never)).toEqual([]);
  });

  test("every command can be installed to a server or a user, and used in servers, the bot's DM and group DMs", () => {
    for (const c of json) {
      expect(c.integration_types, c.name).toEqual([0, 1]);
      expect(c.contexts, c.name).toEqual([0, 1, 2]);
    }
  });

  test("the year option autocompletes wherever a command has one", () => {
    const years = everyNamed(json).filter((o) => o.name === "year");
    expect(years.length).toBeGreaterThanOrEqual(4);
    for (const c of json.filter((c) => ["target", "figure", "compare", "ask"].includes(c.name))) {
      expect(c.options?.find((o) => o.name === "year")?.autocomplete, c.name).toBe(true);
    }
  });
});

describe("languages and autocomplete against the fake Discord", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot({ rateLimit: { limit: 100, channelLimit: 100, windowMs: 10_000 } });
  });
  afterAll(async () => {
    await h.stop();
  });

  test("Discord accepts the commands as deployed (its schema checks contexts and localisations)", async () => {
    const registered = await deployCommands(
      { token: "fake-bot-token", appId: h.fake.appId, guildId: undefined },
      commandsJson(),
      h.fake.apiBase,
    );
    expect(registered).toBe(commandsJson().length);
  });

  test("臨淄 國內生產總值 in traditional characters finds 临淄区's GDP target; the quote stays as the report has it", async () => {
    const sent = h.fake.sendCommand(
      "target",
      { region: "臨淄", indicator: "國內生產總值" },
      { user: newUser() },
    );
    const reply = await h.fake.waitForReply(sent.id, { final: true });
    const d = embedOf(reply)?.description ?? "";
    expect(d).toMatch(/^\*\*临淄区 · 2023年预期目标 · 地区生产总值：增长5\.5%以上\*\*/);
    expect(d).toContain("> 2023年全区经济社会发展主要预期目标是:地区生产总值增长**5.5%以上**");
  });

  test("autocomplete of a traditional region name offers the simplified one", async () => {
    const r = await h.fake.waitForReply(h.fake.sendAutocomplete("target", { region: "臨" }, "region").id);
    expect(choicesOf(r).map((c) => c.value)).toEqual(expect.arrayContaining(["临淄区", "临安区"]));
  });

  test("the year autocompletes from the corpus: the chosen region's reports, or every year", async () => {
    const linzi = await h.fake.waitForReply(
      h.fake.sendAutocomplete("target", { region: "临淄", indicator: "GDP", year: 2 }, "year").id,
    );
    expect(choicesOf(linzi)).toEqual([{ name: "临淄区 2023年报告", value: 2023 }]);
    const national = await h.fake.waitForReply(
      h.fake.sendAutocomplete("target", { region: "全国", indicator: "GDP", year: 20 }, "year").id,
    );
    const years = choicesOf(national).map((c) => c.value);
    expect(years[0]).toBe(2025);
    expect(years).not.toContain(2020);
    // /compare with a level: that level's years (the districts' reports are all of 2023).
    const districts = await h.fake.waitForReply(
      h.fake.sendAutocomplete("compare", { indicator: "GDP", level: "区县", year: 2 }, "year").id,
    );
    expect(choicesOf(districts)).toEqual([{ name: "2023年报告", value: 2023 }]);
    // /ask has no region: every year of the corpus, narrowed by what is typed.
    const all = await h.fake.waitForReply(
      h.fake.sendAutocomplete("ask", { question: "GDP", year: 195 }, "year").id,
    );
    expect(choicesOf(all).map((c) => c.value)).toEqual([1959, 1958, 1957, 1956, 1955, 1954]);
  });

  test("/source autocompletes the citations of the user's recent answers, then reports", async () => {
    const user = newUser();
    await h.fake.waitForReply(
      h.fake.sendCommand("target", { region: "临淄", indicator: "GDP" }, { user }).id,
      { final: true },
    );
    const recent = await h.fake.waitForReply(
      h.fake.sendAutocomplete("source", { id: "" }, "id", { user }).id,
    );
    expect(choicesOf(recent)[0]).toEqual({
      name: "2023年临淄区政府工作报告 第19段（linzi-2023#19）",
      value: "linzi-2023#19",
    });
    const byReport = await h.fake.waitForReply(
      h.fake.sendAutocomplete("source", { id: "sichuan" }, "id", { user: newUser() }).id,
    );
    expect(choicesOf(byReport)[0]?.value).toBe("sichuan-2026#1");
    const exact = await h.fake.waitForReply(
      h.fake.sendAutocomplete("source", { id: "sichuan-2026#37" }, "id", { user: newUser() }).id,
    );
    expect(choicesOf(exact)[0]).toEqual({
      name: "2026年四川省人民政府工作报告 第37段",
      value: "sichuan-2026#37",
    });
  });
});
