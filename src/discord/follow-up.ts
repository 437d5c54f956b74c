/**
 * Short per-channel memory for chat: after "临淄GDP目标是多少", "那历城呢?" is the same question about
 * 历城 (indicator and kind reused), and "财政收入呢?" the same region with another indicator. Context
 * expires after 10 minutes on an injected clock, so an old topic never leaks into a new conversation.
 */
import type { Answer } from "../answer/schema.ts";
import { resolveRegion } from "../corpus/regions.ts";
import type { Engine } from "../engine.ts";
import { resolveIndicator } from "../facts/indicators.ts";
import { analyze } from "../query/analyze.ts";
import { type Command, ok, parseLine, type Result } from "../query/command.ts";
import { chatCommand } from "../query/route-chat.ts";
import { CUES } from "../query/text.ts";
import type { Clock } from "./rate-limit.ts";

export interface ChatContext {
  region: string;
  indicator: string;
  kind: "target" | "actual";
  at: number;
}

export const FOLLOW_UP_TTL_MS = 10 * 60_000;
// Words that make a message lean on the one before it; a bare short phrase ("历城") counts too.
const CUES_FOLLOW_UP = /^(那么?|还有|再看看?|换成|换个|改成)|呢\s*[?？!！。]?$|怎么样|如何|又是|又如何/;
const SHORT = 10;

export class FollowUps {
  private readonly contexts = new Map<string, ChatContext>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = FOLLOW_UP_TTL_MS,
    private readonly maxChannels = 10_000,
  ) {}

  get(channelId: string): ChatContext | null {
    const ctx = this.contexts.get(channelId);
    if (!ctx) return null;
    if (this.clock.now() - ctx.at >= this.ttlMs) {
      this.contexts.delete(channelId);
      return null;
    }
    return ctx;
  }

  /**
   * The command for a chat message: the text itself, or, when it only names a region, an indicator or
   * a year and reads as a follow-up, a /target or /figure completed from the channel's context.
   */
  commandFor(channelId: string, text: string, engine: Engine): Result<Command> {
    const parsed = parseLine(text);
    if (!parsed.ok || parsed.value.name !== "chat") return parsed;
    const ctx = this.get(channelId);
    const trimmed = parsed.value.text;
    if (!ctx || !(CUES_FOLLOW_UP.test(trimmed) || trimmed.length <= SHORT)) return parsed;
    const a = analyze(engine, trimmed);
    const kindWord = CUES.target.test(trimmed) ? "target" : CUES.actual.test(trimmed) ? "actual" : null;
    if (a.regions.length > 1 || (a.regions.length === 1 && a.indicator)) return parsed;
    if (!a.regions.length && !a.indicator && !a.years.length && !kindWord) return parsed;
    const kind = kindWord ?? ctx.kind;
    return ok({
      name: kind === "target" ? "target" : "figure",
      region: a.regions[0]?.region.name ?? ctx.region,
      indicator: a.indicator?.phrase ?? ctx.indicator,
      year: a.years[0] ?? null,
    });
  }

  /**
   * Keeps the region, indicator and kind of a /target or /figure answer as the channel's context; a
   * not-found answer has no facts, so the command it answered names them.
   */
  remember(channelId: string, answer: Answer, command: Command, engine: Engine): void {
    if (answer.command !== "target" && answer.command !== "figure") return;
    const subject = answer.facts[0] ?? subjectOf(command, engine);
    if (!subject) return;
    if (this.contexts.size >= this.maxChannels) this.sweep();
    const kind = answer.command === "target" ? "target" : "actual";
    this.contexts.delete(channelId);
    this.contexts.set(channelId, {
      region: subject.region,
      indicator: subject.indicator,
      kind,
      at: this.clock.now(),
    });
  }

  /**
   * Makes room: contexts are kept oldest first (remember() re-inserts), so expired ones and, when still
   * full, the oldest live ones are all at the front; the walk stops at the first one that stays.
   * Amortised O(1) per remember(), however many channels are live.
   */
  private sweep(): void {
    const now = this.clock.now();
    for (const [id, ctx] of this.contexts) {
      if (now - ctx.at < this.ttlMs && this.contexts.size < this.maxChannels) break;
      this.contexts.delete(id);
    }
  }
}

/** The official region and indicator names a lookup command asked about, when both resolve. */
function subjectOf(command: Command, engine: Engine): { region: string; indicator: string } | null {
  const c = command.name === "chat" ? chatCommand(analyze(engine, command.text)) : command;
  if (c.name !== "target" && c.name !== "figure") return null;
  const region = resolveRegion(c.region, engine.regions);
  const indicator = resolveIndicator(c.indicator, engine.lexicon);
  if (region.kind !== "one" || indicator.kind !== "one") return null;
  return { region: region.region.name, indicator: indicator.indicator.name };
}
