import { describe, expect, test } from "vitest";
import { safeExecute } from "../../src/answer/execute.ts";
import { FOLLOW_UP_TTL_MS, FollowUps } from "../../src/discord/follow-up.ts";
import { type Command, parseLine } from "../../src/query/command.ts";
import { engine, failOnError, run } from "../helpers.ts";

const lookup = (
  name: "target" | "figure",
  region: string,
  indicator: string,
  year: number | null = null,
) => ({
  name,
  region,
  indicator,
  year,
});
const chat = (text: string) => ({ name: "chat", text });

function setup() {
  const clock = { t: 0, now: () => clock.t };
  const followUps = new FollowUps(clock);
  const parts = engine();
  /** What the mention handler does: complete the command, answer, remember. */
  const say = (text: string, channel = "c1") => {
    const parsed = followUps.commandFor(channel, text, parts);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const answer = safeExecute(parts, parsed, failOnError);
    followUps.remember(channel, answer, parsed.value, parts);
    return { command: parsed.value as Command, answer };
  };
  return { clock, followUps, say, parts };
}

describe("follow-up context", () => {
  test("那历城呢? after 临淄GDP目标是多少 reuses the indicator and the kind", () => {
    const { say } = setup();
    expect(say("临淄GDP目标是多少").answer.answer).toContain("5.5%以上");
    const next = say("那历城呢?");
    expect(next.command).toEqual(lookup("target", "历城区", "地区生产总值"));
    expect(next.answer.command).toBe("target");
    expect(next.answer.facts[0]?.region).toBe("历城区");
  });

  test("an indicator alone reuses the region; a year alone reuses both", () => {
    const { say } = setup();
    say("临淄GDP目标是多少");
    expect(say("财政收入呢？").command).toEqual(lookup("target", "临淄区", "财政收入"));
    expect(say("那2023年呢").command).toEqual(lookup("target", "临淄区", "一般公共预算收入", 2023));
  });

  test("a kind word in the follow-up switches target and actual", () => {
    const { say } = setup();
    say("临淄GDP目标是多少");
    expect(say("那实际完成呢").command).toEqual(lookup("figure", "临淄区", "地区生产总值"));
    expect(say("那历城目标呢").command).toEqual(lookup("target", "历城区", "地区生产总值"));
  });

  test("a complete question is not rewritten", () => {
    const { say } = setup();
    say("临淄GDP目标是多少");
    expect(say("历城财政收入目标是多少").command).toEqual(chat("历城财政收入目标是多少"));
    expect(say("请介绍一下历城区今年在科技创新方面的主要工作安排和具体举措").command.name).toBe("chat");
  });

  test("context is per channel", () => {
    const { say } = setup();
    say("临淄GDP目标是多少", "c1");
    expect(say("那历城呢?", "c2").command).toEqual(chat("那历城呢?"));
  });

  test("context expires after 10 minutes", () => {
    const { say, clock, followUps } = setup();
    say("临淄GDP目标是多少");
    clock.t = FOLLOW_UP_TTL_MS - 1;
    expect(followUps.get("c1")?.region).toBe("临淄区");
    clock.t = FOLLOW_UP_TTL_MS;
    expect(followUps.get("c1")).toBeNull();
    expect(say("那历城呢?").command).toEqual(chat("那历城呢?"));
  });

  test("a not-found lookup still sets the context from the question", () => {
    const { followUps, parts } = setup();
    // Any indicator the 临淄 report has no target for: the answer is not_found, without facts.
    const missing = parts.lexicon.indicators.find(
      (ind) => run(`/target 临淄 ${ind.name}`).error?.code === "not_found",
    );
    expect(missing).toBeDefined();
    const parsed = parseLine(`/target region:临淄 indicator:${missing?.name}`);
    if (!parsed.ok) throw new Error("unparsed");
    const answer = run(`/target region:临淄 indicator:${missing?.name}`);
    expect(answer.facts).toEqual([]);
    followUps.remember("c1", answer, parsed.value, parts);
    expect(followUps.get("c1")).toMatchObject({ region: "临淄区", indicator: missing?.name, kind: "target" });
  });

  test("forgets the oldest channel when full", () => {
    const clock = { now: () => 0 };
    const followUps = new FollowUps(clock, FOLLOW_UP_TTL_MS, 2);
    const { parts } = setup();
    const answer = run("/target 临淄 GDP");
    for (const c of ["a", "b", "c"]) followUps.remember(c, answer, lookup("target", "临淄", "GDP"), parts);
    expect(followUps.get("a")).toBeNull();
    expect(followUps.get("c")?.region).toBe("临淄区");
  });
});

describe("follow-up memory at scale", () => {
  test("making room looks only at the front: a full map of live contexts is not scanned", () => {
    const clock = { t: 0, now: () => clock.t };
    const followUps = new FollowUps(clock, FOLLOW_UP_TTL_MS, 1000);
    const answer = run("/target 临淄 GDP");
    const command = lookup("target", "临淄", "GDP");
    for (let i = 0; i < 1000; i++) followUps.remember(`c${i}`, answer, command, engine());
    const contexts = (followUps as unknown as { contexts: Map<string, unknown> }).contexts;
    let visited = 0;
    const original = contexts[Symbol.iterator].bind(contexts);
    const counting = function* () {
      for (const e of original()) {
        visited++;
        yield e;
      }
    };
    contexts[Symbol.iterator] = counting as unknown as typeof original;
    followUps.remember("one-more", answer, command, engine());
    expect(contexts.size).toBe(1000);
    expect(followUps.get("c0")).toBeNull();
    expect(visited).toBeLessThanOrEqual(2);
  });
});
