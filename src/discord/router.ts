/**
 * The interaction router: rate limit, dispatch to the command / autocomplete / button handler, and the
 * single catch for unexpected errors (logged with an id, answered with a short private message carrying
 * it). Expected outcomes (not found, unknown region) are ordinary answers from the engine.
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type Interaction,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";
import { errorId, safeExecute } from "../answer/execute.ts";
import type { Answer } from "../answer/schema.ts";
import type { Engine } from "../engine.ts";
import { ok } from "../query/command.ts";
import type { Autocomplete } from "./autocomplete.ts";
import type { AnswerOptions, BotContext, CommandModule } from "./command.ts";
import { decodeCustomId } from "./custom-id.ts";
import type { FollowUps } from "./follow-up.ts";
import type { Logger } from "./logger.ts";
import { NOTICES } from "./notices.ts";
import type { Clock, RateLimiter } from "./rate-limit.ts";
import {
  questionFromEmbed,
  type ReplyFile,
  type ReplyPayload,
  renderAnswer,
  renderNotice,
} from "./render.ts";
import { respond } from "./respond.ts";

export interface RouterDeps {
  engine: Engine;
  logger: Logger;
  commands: ReadonlyMap<string, CommandModule>;
  autocomplete: Autocomplete;
  limiter: RateLimiter;
  followUps: FollowUps;
  clock: Clock;
  deferAfterMs: number;
  /** A picture for an answer (the /compare chart), or null; a failure here only drops the picture. */
  imageFor?: (answer: Answer) => ReplyFile | null;
}

/** Renders an answer with its optional picture; shared by slash commands, buttons and chat. */
export function renderWithImage(deps: RouterDeps, answer: Answer, opts: AnswerOptions = {}): ReplyPayload {
  let image: ReplyFile | null = null;
  try {
    image = deps.imageFor?.(answer) ?? null;
  } catch (e) {
    deps.logger.error(`[${errorId()}] picture for /${answer.command} failed; answering without it`, e);
  }
  return renderAnswer(answer, {
    ...(opts.paging ? { paging: opts.paging } : {}),
    ...(image ? { image } : {}),
  });
}

export function createInteractionHandler(deps: RouterDeps): (i: Interaction) => Promise<void> {
  return async (i) => {
    const receivedAt = deps.clock.now();
    try {
      if (i.isAutocomplete()) return await runAutocomplete(deps, i, receivedAt);
      if (!i.isRepliable()) return;
      const allowed = deps.limiter.take(i.user.id);
      if (!allowed.ok) {
        await i.reply({
          ...renderNotice(NOTICES.rateLimited(allowed.retryAfterMs)),
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      const ctx = contextFor(deps, receivedAt);
      if (i.isChatInputCommand()) {
        const command = deps.commands.get(i.commandName);
        if (command) await command.execute(i, ctx);
        else await notice(i, NOTICES.unknownCommand(i.commandName));
      } else if (i.isButton()) {
        await runButton(ctx, i);
      } else {
        await notice(i, NOTICES.unsupported);
      }
    } catch (e) {
      const id = errorId();
      deps.logger.error(`[${id}] unexpected error handling ${describe(i)}`, e);
      if (i.isRepliable()) await apologize(deps.logger, i, id);
    }
  };
}

function contextFor(deps: RouterDeps, receivedAt: number): BotContext {
  return {
    engine: deps.engine,
    logger: deps.logger,
    autocomplete: deps.autocomplete,
    answer: (i, command, opts = {}) =>
      respond(
        i,
        () => {
          const answer = safeExecute(deps.engine, ok(command), deps.logger);
          if (i.channelId) deps.followUps.remember(i.channelId, answer, command, deps.engine);
          return renderWithImage(deps, answer, opts);
        },
        { ...opts, receivedAt, clock: deps.clock, deferAfterMs: deps.deferAfterMs },
      ),
  };
}

async function runAutocomplete(
  deps: RouterDeps,
  i: AutocompleteInteraction,
  receivedAt: number,
): Promise<void> {
  const command = deps.commands.get(i.commandName);
  try {
    if (command?.autocomplete) await command.autocomplete(i, contextFor(deps, receivedAt));
    else await i.respond([]);
  } catch (e) {
    deps.logger.error(`[${errorId()}] autocomplete for /${i.commandName} failed`, e);
    // An empty list lets the user keep typing; a second respond after a sent one would fail, so check.
    if (!i.responded) await i.respond([]).catch(() => undefined);
  }
}

async function runButton(ctx: BotContext, i: ButtonInteraction): Promise<void> {
  const state = decodeCustomId(i.customId);
  switch (state.kind) {
    case "invalid":
      return notice(i, state.reason === "expired" ? NOTICES.expiredButton : NOTICES.malformedButton);
    case "source":
      return ctx.answer(i, { name: "source", id: state.citation }, { ephemeral: true });
    case "more": {
      // A question too long for the custom id was left in the message's footer (see custom-id.ts).
      const question = state.question ?? questionFromEmbed(i.message.embeds[0]?.toJSON());
      if (!question) return notice(i, NOTICES.expiredButton);
      const command = { name: "ask", question, year: state.year, page: state.page } as const;
      return ctx.answer(i, command, { update: true, paging: { question, year: state.year } });
    }
  }
}

function notice(i: RepliableInteraction, text: string): Promise<void> {
  return i.reply({ ...renderNotice(text), flags: MessageFlags.Ephemeral }).then(() => undefined);
}

/** The private "something went wrong (id)" message; if even that fails, it is logged and dropped. */
async function apologize(logger: Logger, i: RepliableInteraction, id: string): Promise<void> {
  const payload = renderNotice(NOTICES.internalError(id));
  try {
    if (i.deferred && !i.replied) await i.editReply(payload);
    else if (i.replied) await i.followUp({ ...payload, flags: MessageFlags.Ephemeral });
    else await i.reply({ ...payload, flags: MessageFlags.Ephemeral });
  } catch (e) {
    logger.warn(`[${id}] could not send the error message`, e);
  }
}

function describe(i: Interaction): string {
  if (i.isChatInputCommand() || i.isAutocomplete()) return `/${i.commandName} from user ${i.user.id}`;
  if (i.isMessageComponent()) return `component ${i.customId.slice(0, 40)} from user ${i.user.id}`;
  return `interaction type ${i.type}`;
}
