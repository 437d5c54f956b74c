/**
 * Chat: a message that @mentions the bot is a question (mention stripped), answered through the same
 * router as a typed line, in a reply; in a DM with the bot every message is a question. Short follow-ups
 * reuse the channel's context (see follow-up.ts).
 */
import type { Message } from "discord.js";
import { errorId } from "../answer/execute.ts";
import { ok } from "../query/command.ts";
import { NOTICES } from "./notices.ts";
import { mentionGuard } from "./rate-limit.ts";
import { renderNotice } from "./render.ts";
import { commandIds, helpInfo } from "./render-help.ts";
import { type RouterDeps, renderWithImage, workedAnswer } from "./router.ts";

export function stripMention(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function createMessageHandler(deps: RouterDeps): (message: Message) => Promise<void> {
  // A mention's "too fast" notice is public (a message cannot be ephemeral): once per window, see mentionGuard.
  const guard = mentionGuard(deps.limiter, deps.clock);
  return async (message) => {
    try {
      const me = message.client.user;
      if (message.author.bot || message.webhookId || !me) return;
      // users.has ignores @everyone and role pings; a reply-ping to the bot counts only with a mention in text.
      const mentioned =
        message.mentions.users.has(me.id) && new RegExp(`<@!?${me.id}>`).test(message.content);
      // In a DM the whole conversation is with the bot: a plain question needs no mention.
      if (!mentioned && message.inGuild()) return;
      const verdict = guard(message.author.id, message.channelId);
      if (verdict.action === "drop") return;
      if (verdict.action === "notice") {
        await message.reply(renderNotice(NOTICES.rateLimited(verdict.retryAfterMs)));
        return;
      }
      const text = stripMention(message.content, me.id);
      const parsed = text
        ? deps.followUps.commandFor(message.channelId, text, deps.engine)
        : ok({ name: "help" } as const);
      // On the answer pool, like slash commands: a chart drawn here would stall every interaction behind it.
      const worked = await workedAnswer(deps, parsed);
      if (!worked) {
        await message.reply(renderNotice(NOTICES.busy));
        return;
      }
      const answer = worked.answer;
      if (parsed.ok) deps.followUps.remember(message.channelId, answer, parsed.value, deps.engine);
      const asked = parsed.ok && parsed.value.name === "chat" && answer.command === "ask";
      const paging = asked ? { question: text, year: null } : undefined;
      const view = {
        owner: message.author.id,
        reports: deps.engine.reportById,
        ...(parsed.ok ? { command: parsed.value } : {}),
        ...(answer.command === "help"
          ? { help: helpInfo(deps.engine, commandIds(message.client, deps.autocomplete.commandIds())) }
          : {}),
      };
      await message.reply(
        renderWithImage(deps, answer, { view, ...(paging ? { paging } : {}) }, worked.chart),
      );
    } catch (e) {
      const id = errorId();
      deps.logger.error(`[${id}] unexpected error answering a mention in channel ${message.channelId}`, e);
      await message.reply(renderNotice(NOTICES.internalError(id))).catch((err: unknown) => {
        deps.logger.warn(`[${id}] could not send the error message`, err);
      });
    }
  };
}
