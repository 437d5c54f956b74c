/**
 * Short per-channel memory for chat: after "临淄GDP目标是多少", "那历城呢?" is the same question about
 * 历城 (indicator and kind reused), and "财政收入呢?" the same region with another indicator. Context
 * expires after 10 minutes on an injected clock, so an old topic never leaks into a new conversation.
 */
import type { Answer } from "../answer/schema.ts";
import { findRegionsInText } from "../corpus/regions.ts";
import type { EngineParts } from "../engine.ts";
import { findIndicatorInText } from "../facts/indicators.ts";
import type { Clock } from "./rate-limit.ts";

export interface ChatContext {
  region: string;
  indicator: string;
  kind: "target" | "actual";
  at: number;
}

export const FOLLOW_UP_TTL_MS = 10 * 60_000;
// Words that make a message lean on the one before it; a bare short phrase ("历城") counts too.
const CUES = /^(那么?|还有|再看看?|换成|换个|改成)|呢\s*[?？!！。]?$|怎么样|如何|又是|又如何/;
const SHORT = 10;
const TARGET = /目标|预期|计划|力争/;
const ACTUAL = /实际|完成|实现|去年|取得/;

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
   * The line to answer for a chat message: the text itself, or, when it only names a region, an
   * indicator or a year and reads as a follow-up, a /target or /figure line completed from context.
   */
  lineFor(channelId: string, text: string, parts: EngineParts): string {
    const ctx = this.get(channelId);
    if (!ctx || !(CUES.test(text.trim()) || text.trim().length <= SHORT)) return text;
    const regions = findRegionsInText(text, parts.corpus.regions);
    const indicator = findIndicatorInText(text, parts.lexicon);
    const year = text.match(/(?<!\d)(19|20)\d\d(?=年|\D|$)/)?.[0];
    const kindWord = TARGET.test(text) ? "target" : ACTUAL.test(text) ? "actual" : null;
    // Both named: a complete question of its own. None of them: nothing to complete.
    if (regions.length > 1 || (regions.length === 1 && indicator)) return text;
    if (!regions.length && !indicator && !year && !kindWord) return text;
    const kind = kindWord ?? ctx.kind;
    const region = regions[0]?.region.name ?? ctx.region;
    const name = indicator?.phrase ?? ctx.indicator;
    return `/${kind === "target" ? "target" : "figure"} region:${region} indicator:${name}${year ? ` year:${year}` : ""}`;
  }

  /** Keeps the region, indicator and kind of a /target or /figure answer as the channel's context. */
  remember(channelId: string, text: string, answer: Answer, parts: EngineParts): void {
    if (answer.command !== "target" && answer.command !== "figure") return;
    const fact = answer.facts[0];
    // A not-found answer has no facts, but "那历城呢?" after it should still work: read the text.
    const region = fact?.region ?? findRegionsInText(text, parts.corpus.regions)[0]?.region.name;
    const indicator = fact?.indicator ?? findIndicatorInText(text, parts.lexicon)?.indicator.name;
    if (!region || !indicator) return;
    if (this.contexts.size >= this.maxChannels) this.sweep();
    const kind = answer.command === "target" ? "target" : "actual";
    // Delete first so the Map's order stays oldest-first for the sweep.
    this.contexts.delete(channelId);
    this.contexts.set(channelId, { region, indicator, kind, at: this.clock.now() });
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [id, ctx] of this.contexts) if (now - ctx.at >= this.ttlMs) this.contexts.delete(id);
    // Still full of live contexts: forget the oldest (Map keeps insertion order).
    for (const id of this.contexts.keys()) {
      if (this.contexts.size < this.maxChannels) break;
      this.contexts.delete(id);
    }
  }
}
