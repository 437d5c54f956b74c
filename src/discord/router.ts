/**
 * The interaction router: rate limit, dispatch to the command / autocomplete / button handler, and the
 * single catch for unexpected errors (logged with an id, answered with a short private message carrying
 * it). Expected outcomes (not found, unknown region) are ordinary answers from the engine. Answers are
 * computed in the answer pool (src/service/answer-flow.ts), never on the event loop; every interaction
 * ends in one log line (command, outcome, latency, shard, error id) and its metrics.
 */
import {
  type APIEmbed,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type Interaction,
  MessageFlags,
  type RepliableInteraction,
  type StringSelectMenuInteraction,
} from "discord.js";
import { errorId, safeExecute } from "../answer/execute.ts";
import type { Answer } from "../answer/schema.ts";
import { chartFileName } from "../chart/chart-name.ts";
import type { Command, Result } from "../query/command.ts";
import { answerCommand, logTrace, newTrace, type Trace } from "../service/answer-flow.ts";
import type { InteractionMetrics } from "../service/metrics.ts";
import { type AnswerWork, BusyError, type Worked } from "../service/work.ts";
import { type Clicker, componentAction } from "./clicks.ts";
import type { AnswerOptions, BotContext } from "./command.ts";
import { decodeCustomId } from "./custom-id.ts";
import { AUTOCOMPLETE_BUDGET_MS, type InteractionDeps } from "./interaction-deps.ts";
import type { Logger } from "./logger.ts";
import { NOTICES } from "./notices.ts";
import {
  questionFromEmbed,
  type ReplyFile,
  type ReplyPayload,
  renderAnswer,
  renderNotice,
} from "./render.ts";
import { gatewayAck } from "./respond.ts";
import { withView } from "./view.ts";

export interface RouterDeps extends InteractionDeps {
  /** A picture for an answer on the main thread (mentions), or null; a failure only drops the picture. */
  imageFor?: (answer: Answer) => ReplyFile | null;
  /** Where slash commands and buttons are answered (the worker pool in the service). */
  work: AnswerWork;
  metrics?: InteractionMetrics;
  /** Autocomplete arriving later than this after the event (a stalled loop) gets no choices. */
  autocompleteBudgetMs?: number;
}

/** Renders an answer with its optional picture; shared by slash commands, buttons and chat. */
export function renderWithImage(
  deps: RouterDeps,
  answer: Answer,
  opts: AnswerOptions = {},
  /** The picture already drawn by the answer pool; when given, `imageFor` is not called. */
  chart?: Buffer | null,
): ReplyPayload {
  let image: ReplyFile | null = chart ? { name: chartFileName(answer), attachment: chart } : null;
  try {
    if (chart === undefined) image = deps.imageFor?.(answer) ?? null;
  } catch (e) {
    deps.logger.error(`[${errorId()}] picture for /${answer.command} failed; answering without it`, e);
  }
  return renderAnswer(answer, {
    ...(opts.paging ? { paging: opts.paging } : {}),
    ...(opts.view ? { view: opts.view } : {}),
    ...(image ? { image } : {}),
  });
}

/**
 * A mention's answer from the answer pool, with its chart: never on the event loop (a chart takes
 * ~150 ms, long enough to make the interactions behind it miss their 3 s). Null when the queue is full.
 */
export async function workedAnswer(deps: RouterDeps, parsed: Result<Command>): Promise<Worked | null> {
  if (!parsed.ok) return { answer: safeExecute(deps.engine, parsed, deps.logger), chart: null, errors: [] };
  let submitted: ReturnType<AnswerWork["submit"]>;
  try {
    submitted = deps.work.submit(parsed.value);
  } catch (e) {
    if (e instanceof BusyError) return null;
    throw e;
  }
  const worked = await submitted.result;
  for (const line of worked.errors) deps.logger.error(line.message, line.detail);
  return worked;
}

export function createInteractionHandler(deps: RouterDeps): (i: Interaction) => Promise<void> {
  return async (i) => {
    const receivedAt = deps.clock.now();
    const trace = newTrace(traceName(i));
    // How long the event took to reach us (its id carries Discord's send time): gateway lag, not ours.
    deps.logger.debug("interaction received", {
      command: trace.command,
      lagMs: Date.now() - i.createdTimestamp,
    });
    try {
      await route(deps, i, receivedAt, trace);
    } catch (e) {
      const id = errorId();
      trace.outcome = "internal";
      trace.errorId = id;
      deps.logger.error(`[${id}] unexpected error handling ${describe(i)}`, e);
      if (i.isRepliable()) await apologize(deps.logger, i, id);
    } finally {
      logTrace(deps, trace, deps.clock.now() - receivedAt, shardOf(i));
    }
  };
}

async function route(deps: RouterDeps, i: Interaction, receivedAt: number, trace: Trace): Promise<void> {
  if (i.isAutocomplete()) return await runAutocomplete(deps, i, receivedAt, trace);
  if (!i.isRepliable()) return;
  const allowed = deps.limiter.take(i.user.id);
  if (!allowed.ok) {
    trace.outcome = "rate_limited";
    trace.ack = "notice";
    await i.reply({
      ...renderNotice(NOTICES.rateLimited(allowed.retryAfterMs)),
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  const ctx = contextFor(deps, receivedAt, trace);
  if (i.isChatInputCommand()) {
    const command = deps.commands.get(i.commandName);
    // Each command's id, for /help's clickable mentions (</target:id>).
    if (command) deps.autocomplete.learnCommand(i.commandName, i.commandId);
    if (command) await command.execute(i, ctx);
    else await notice(i, NOTICES.unknownCommand(i.commandName), trace, "unknown_command");
  } else if (i.isButton() || i.isStringSelectMenu()) {
    await runButton(ctx, i, trace);
  } else {
    await notice(i, NOTICES.unsupported, trace, "unsupported");
  }
}

/** The shard a guild's events come on (Discord's formula); DMs come on shard 0. */
function shardOf(i: Interaction): number {
  const count = Number(i.client.options.shardCount ?? 1) || 1;
  return i.guildId ? Number((BigInt(i.guildId) >> 22n) % BigInt(count)) : 0;
}

function traceName(i: Interaction): string {
  if (i.isAutocomplete()) return `autocomplete:/${i.commandName}`;
  if (i.isChatInputCommand()) return `/${i.commandName}`;
  if (i.isMessageComponent()) return `button:${decodeCustomId(i.customId).kind}`;
  return `type:${i.type}`;
}

function contextFor(deps: RouterDeps, receivedAt: number, trace: Trace): BotContext {
  return {
    engine: deps.engine,
    logger: deps.logger,
    autocomplete: deps.autocomplete,
    answer: (i, command, opts = {}) => {
      const remember = (a: Answer) => deps.autocomplete.remember(i.user.id, a);
      const viewed = withView(opts, i.user.id, command, deps.engine.reportById, remember);
      return answerCommand(
        deps,
        gatewayAck(i),
        command,
        { ...viewed, receivedAt, channelId: i.channelId },
        trace,
      );
    },
  };
}

async function runAutocomplete(
  deps: RouterDeps,
  i: AutocompleteInteraction,
  receivedAt: number,
  trace: Trace,
): Promise<void> {
  const command = deps.commands.get(i.commandName);
  // Autocomplete has its own 3 s: a keystroke that waited this long behind a stalled loop gets no
  // choices at once (the user is typing on anyway) rather than a search whose answer would be refused.
  const late = deps.clock.now() - receivedAt > (deps.autocompleteBudgetMs ?? AUTOCOMPLETE_BUDGET_MS);
  trace.outcome = late ? "late" : "ok";
  try {
    if (command?.autocomplete && !late) await command.autocomplete(i, contextFor(deps, receivedAt, trace));
    else await i.respond([]);
  } catch (e) {
    const id = errorId();
    trace.outcome = "internal";
    trace.errorId = id;
    deps.logger.error(`[${id}] autocomplete for /${i.commandName} failed`, e);
    // An empty list lets the user keep typing; a second respond after a sent one would fail, so check.
    if (!i.responded) await i.respond([]).catch(() => undefined);
  }
}

/** What a click asks for, from its custom id (and the clicked message's embed for a long question). */
export type ButtonAction =
  | { kind: "notice"; text: string; outcome: string }
  | { kind: "answer"; command: Command; opts: AnswerOptions };

/** Shared by the gateway and the HTTP endpoint: button state lives in the id and the message, nowhere else. */
export function buttonAction(
  customId: string,
  embed: APIEmbed | undefined,
  clicker: Clicker = { userId: "" },
): ButtonAction {
  const state = decodeCustomId(customId);
  switch (state.kind) {
    case "invalid": {
      const text = state.reason === "expired" ? NOTICES.expiredButton : NOTICES.malformedButton;
      return { kind: "notice", text, outcome: `${state.reason}_button` };
    }
    case "source":
      return { kind: "answer", command: { name: "source", id: state.citation }, opts: { ephemeral: true } };
    case "more": {
      // A question too long for the custom id was left in the message's footer (see custom-id.ts).
      const question = state.question ?? questionFromEmbed(embed);
      if (!question) return { kind: "notice", text: NOTICES.expiredButton, outcome: "expired_button" };
      const command = { name: "ask", question, year: state.year, page: state.page } as const;
      return { kind: "answer", command, opts: { update: true, paging: { question, year: state.year } } };
    }
    default:
      // Paging with an owner, a picked region, 改用全文搜索, the /compare menu (clicks.ts).
      return componentAction(state, embed, clicker);
  }
}

async function runButton(
  ctx: BotContext,
  i: ButtonInteraction | StringSelectMenuInteraction,
  trace: Trace,
): Promise<void> {
  const clicker = { userId: i.user.id, values: i.isStringSelectMenu() ? i.values : [] };
  const action = buttonAction(i.customId, i.message.embeds[0]?.toJSON(), clicker);
  if (action.kind === "notice") return notice(i, action.text, trace, action.outcome);
  return ctx.answer(i, action.command, action.opts);
}

function notice(i: RepliableInteraction, text: string, trace: Trace, outcome: string): Promise<void> {
  trace.outcome = outcome;
  trace.ack = "notice";
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
