/** What a slash command module exports, and what its handlers get: the engine and one way to answer. */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RepliableInteraction,
} from "discord.js";
import type { Answer } from "../answer/schema.ts";
import type { Engine } from "../engine.ts";
import type { Command } from "../query/command.ts";
import type { Autocomplete } from "./autocomplete.ts";
import type { Paging } from "./components.ts";
import type { Logger } from "./logger.ts";
import type { HelpInfo } from "./render-help.ts";
import type { RenderView } from "./view.ts";

export interface AnswerOptions {
  /** The /ask question and year, for the ◀ 上一页 / 下一页 ▶ buttons. */
  paging?: Paging;
  /** Only the user who clicked sees it ("查看原文"). */
  ephemeral?: boolean;
  /** Replace the clicked message instead of replying (paging, a picked region). */
  update?: boolean;
  /** What the Discord renderer may know beyond the answer (who asked, the command, report links). */
  view?: RenderView & { help?: HelpInfo };
  /** Called with the answer once computed (the /source autocomplete keeps its citations). */
  onAnswer?: (answer: Answer) => void;
}

export interface BotContext {
  engine: Engine;
  logger: Logger;
  autocomplete: Autocomplete;
  /**
   * Answers a typed Command on the interaction: a direct reply when the answer is ready in time,
   * otherwise deferReply then editReply.
   */
  answer(interaction: RepliableInteraction, command: Command, opts?: AnswerOptions): Promise<void>;
}

/** One slash command: its registration data and its handlers. The router and the deploy script read one list. */
export interface CommandModule {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}
