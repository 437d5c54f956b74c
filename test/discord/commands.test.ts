import { describe, expect, test } from "vitest";
import { commands } from "../../commands/index.ts";
import { main } from "../../src/discord/deploy.ts";
import { validateCommands } from "../../src/discord/validate-commands.ts";

const json = () => commands.map((c) => c.data.toJSON());

describe("slash commands", () => {
  test("the seven commands of the issue and /check, /trend (issue 12), each with a handler", () => {
    expect(commands.map((c) => c.data.name)).toEqual([
      "target",
      "figure",
      "compare",
      "check",
      "trend",
      "ask",
      "source",
      "reports",
      "help",
    ]);
    for (const c of commands) expect(typeof c.execute).toBe("function");
  });

  test("have Chinese names and descriptions", () => {
    for (const c of json()) {
      expect(c.name_localizations?.["zh-CN"]).toMatch(/\p{Script=Han}/u);
      expect(c.description_localizations?.["zh-CN"]).toMatch(/\p{Script=Han}/u);
    }
  });

  test("region and indicator options autocomplete and have a handler for it", () => {
    for (const c of commands) {
      const options = (c.data.toJSON().options ?? []) as { name: string; autocomplete?: boolean }[];
      const auto = options.filter((o) => o.name === "region" || o.name === "indicator");
      for (const o of auto) expect(o.autocomplete).toBe(true);
      if (auto.length) expect(c.autocomplete).toBeTypeOf("function");
    }
  });

  test("pass Discord's registration rules", () => {
    expect(validateCommands(json())).toEqual([]);
  });
});

describe("validateCommands", () => {
  const base = () => structuredClone(json());

  test.each([
    [
      "an uppercase name",
      (c: ReturnType<typeof json>) => Object.assign(c[0] ?? {}, { name: "Target" }),
      /must be lowercase/,
    ],
    [
      "a name with a space",
      (c: ReturnType<typeof json>) => Object.assign(c[0] ?? {}, { name: "my target" }),
      /must match/,
    ],
    [
      "a long description",
      (c: ReturnType<typeof json>) => Object.assign(c[0] ?? {}, { description: "x".repeat(101) }),
      /1–100/,
    ],
    [
      "an empty description",
      (c: ReturnType<typeof json>) => Object.assign(c[0] ?? {}, { description: "" }),
      /1–100/,
    ],
    [
      "a duplicate name",
      (c: ReturnType<typeof json>) => Object.assign(c[1] ?? {}, { name: "target" }),
      /duplicate command "target"/,
    ],
    [
      "an unknown locale",
      (c: ReturnType<typeof json>) => Object.assign(c[0] ?? {}, { name_localizations: { "zh-XX": "目标" } }),
      /unknown locale "zh-XX"/,
    ],
    [
      "a duplicate localized name",
      (c: ReturnType<typeof json>) => Object.assign(c[1] ?? {}, { name_localizations: { "zh-CN": "目标" } }),
      /duplicate command name "目标" in zh-CN/,
    ],
    [
      "a bad localized name",
      (c: ReturnType<typeof json>) => Object.assign(c[0] ?? {}, { name_localizations: { "zh-CN": "目 标" } }),
      /\[zh-CN\]: name/,
    ],
    [
      "26 options",
      (c: ReturnType<typeof json>) =>
        Object.assign(c[0] ?? {}, {
          options: Array.from({ length: 26 }, (_, i) => ({ type: 3, name: `o${i}`, description: "d" })),
        }),
      /26 options \(max 25\)/,
    ],
    [
      "a required option after an optional one",
      (c: ReturnType<typeof json>) =>
        Object.assign(c[0] ?? {}, {
          options: [
            { type: 3, name: "a", description: "d" },
            { type: 3, name: "b", description: "d", required: true },
          ],
        }),
      /required options must come before/,
    ],
  ])("finds %s", (_what, spoil, problem) => {
    const commandsJson = base();
    spoil(commandsJson);
    expect(validateCommands(commandsJson).join("\n")).toMatch(problem);
  });
});

describe("deploy-commands --dry-run", () => {
  test("prints valid JSON for every command without a token", async () => {
    let out = "";
    let err = "";
    const code = await main(["--dry-run"], { out: (t) => (out += t), err: (t) => (err += t) });
    expect(code).toBe(0);
    expect(err).toBe(
      "✓ 9 commands valid: /target /figure /compare /check /trend /ask /source /reports /help\n",
    );
    const printed = JSON.parse(out) as { name: string }[];
    expect(printed.map((c) => c.name)).toEqual(json().map((c) => c.name));
    expect(validateCommands(printed as ReturnType<typeof json>)).toEqual([]);
  });
});

describe("deploy-commands flags", () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
  };

  test("--help prints the usage and deploys nothing", async () => {
    const t = io();
    expect(await main(["--help"], t.io)).toBe(0);
    expect(t.out.join("")).toMatch(/用法/);
    expect(t.err).toEqual([]);
  });

  test("an unknown flag is bad usage, exit 2", async () => {
    const t = io();
    expect(await main(["--guild-only"], t.io)).toBe(2);
    expect(t.err.join("")).toMatch(/guild-only/);
  });
});
