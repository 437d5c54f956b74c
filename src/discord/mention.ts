/**
 * Chat: a message that @mentions the bot is a question (mention stripped), answered through the same
 * router as a typed line, in a reply. Short follow-ups reuse the channel's context (see follow-up.ts).
 */
import type { Message } from "discord.js";
import { errorId, safeRun } from "../engine-run.ts";
import { NOTICES } from "./notices.ts";
import { NoticeGate } from "./rate-limit.ts";
import { renderNotice } from "./render.ts";
import { type RouterDeps, renderWithImage } from "./router.ts";

export function stripMention(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function createMessageHandler(deps: RouterDeps): (message: Message) => Promise<void> {
  // A mention's "too fast" notice is public (a message cannot be ephemeral), so it goes out once per
  // window for the user or channel that hit its limit; later refused mentions are dropped silently.
  const notices = new NoticeGate(deps.clock, deps.limiter.windowMs);
  return async (message) => {
    try {
      const me = message.client.user;
      if (message.author.bot || message.webhookId || !me) return;
      // users.has ignores @everyone and role pings; a reply-ping to the bot counts only with a mention in text.
      if (!message.mentions.users.has(me.id) || !new RegExp(`<@!?${me.id}>`).test(message.content)) return;
      const allowed = deps.limiter.take(message.author.id, message.channelId);
      if (!allowed.ok) {
        if (notices.first(`${allowed.scope}:${allowed.key}`)) {
          await message.reply(renderNotice(NOTICES.rateLimited(allowed.retryAfterMs)));
        }
        return;
      }
      const text = stripMention(message.content, me.id);
      const line = text ? deps.followUps.lineFor(message.channelId, text, deps.parts) : "/help";
      const answer = safeRun(deps.parts, line, deps.logger);
      deps.followUps.remember(message.channelId, line, answer, deps.parts);
      const paging = answer.command === "ask" && line === text ? { question: text, year: null } : undefined;
      await message.reply(renderWithImage(deps, answer, paging ? { paging } : {}));
    } catch (e) {
      const id = errorId();
      deps.logger.error(`[${id}] unexpected error answering a mention in channel ${message.channelId}`, e);
      await message.reply(renderNotice(NOTICES.internalError(id))).catch((err: unknown) => {
        deps.logger.warn(`[${id}] could not send the error message`, err);
      });
    }
  };
}
