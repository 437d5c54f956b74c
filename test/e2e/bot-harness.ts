// Starts the real bot (createBot, unmodified discord.js) against the fake Discord, with a captured logger.
import type { Client } from "discord.js";
import { expect } from "vitest";
import type { Bot, BotOptions } from "../../src/discord/bot.ts";
import { createBot } from "../../src/discord/bot.ts";
import { type Logger, memoryLogger } from "../../src/discord/logger.ts";
import { engine } from "../helpers.ts";
import { type CapturedRequest, FakeDiscord, type FakeDiscordOptions, type FakeUser } from "./fake-discord.ts";

export interface Harness {
  fake: FakeDiscord;
  bot: Bot;
  client: Client;
  logger: Logger & { lines: string[] };
  stop(): Promise<void>;
}

export async function startBot(
  opts: Partial<BotOptions> = {},
  fakeOpts: FakeDiscordOptions = {},
): Promise<Harness> {
  const fake = await FakeDiscord.start(fakeOpts);
  const logger = memoryLogger("warn");
  const bot = createBot({
    engine: engine(),
    config: { token: "fake-bot-token" },
    logger,
    ...opts,
    clientOptions: {
      rest: { api: fake.apiBase },
      // discord.js waits 5 s between two IDENTIFYs; the reconnect test would sit through it.
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
      ...opts.clientOptions,
    },
  });
  await bot.start();
  return {
    fake,
    bot,
    client: bot.client,
    logger,
    async stop() {
      await bot.stop();
      await fake.stop();
    },
  };
}

let userCounter = 0;

/** A fresh user, so one test's commands never count against another's rate limit. */
export function newUser(): FakeUser {
  userCounter++;
  return { id: `15${String(userCounter).padStart(17, "0")}`, username: `user${userCounter}` };
}

/** The message body a captured request carries, if it is one (replies, edits, follow-ups, posts). */
function messageBody(r: CapturedRequest): Record<string, unknown> | null {
  const body = r.body as Record<string, unknown> | undefined;
  if (!body) return null;
  if (r.path.startsWith("/interactions/")) {
    // 4 reply and 7 update carry a message; 5/6 deferrals and 8 autocomplete do not.
    return body.type === 4 || body.type === 7 ? (body.data as Record<string, unknown>) : null;
  }
  if ((r.method === "POST" || r.method === "PATCH") && /^\/(webhooks|channels)\//.test(r.path)) return body;
  return null;
}

/** Every message the bot sent disallows every mention; returns how many were checked. */
export function expectNoMentionsAllowed(fake: FakeDiscord): number {
  const bodies = fake.requests.map(messageBody).filter((b) => b !== null);
  for (const body of bodies) expect(body.allowed_mentions).toMatchObject({ parse: [] });
  return bodies.length;
}
