/**
 * A raw interaction from the HTTP endpoint shaped like the part of a discord.js interaction that the
 * slash command modules (commands/*.ts) read: `options` (discord.js's own resolver over the raw options),
 * `user`, `inGuild()`, `channelId`, and `respond()` for autocomplete. So the endpoint builds each typed
 * Command with the very code the gateway bot uses, not a second copy of it.
 */
import {
  type APIApplicationCommandInteractionDataOption,
  type APIEmbed,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  CommandInteractionOptionResolver,
} from "discord.js";
import type { Choice } from "../../discord/autocomplete.ts";

/** The fields of an interaction payload the endpoint reads. */
export interface RawInteraction {
  id: string;
  application_id: string;
  type: number;
  token: string;
  guild_id?: string;
  channel_id?: string;
  channel?: { id: string };
  member?: { user?: { id: string } };
  user?: { id: string };
  locale?: string;
  data?: {
    id?: string;
    name?: string;
    options?: APIApplicationCommandInteractionDataOption[];
    custom_id?: string;
    component_type?: number;
    /** A select menu's chosen values. */
    values?: string[];
  };
  message?: { id: string; embeds?: APIEmbed[] };
}

export function userIdOf(raw: RawInteraction): string {
  return raw.member?.user?.id ?? raw.user?.id ?? "0";
}

export function channelIdOf(raw: RawInteraction): string | null {
  return raw.channel_id ?? raw.channel?.id ?? null;
}

interface Shape {
  id: string;
  commandName: string;
  commandId: string;
  /** No gateway client here: what commands read from it (the cached command list) is empty. */
  client: { application: null };
  user: { id: string };
  channelId: string | null;
  guildId: string | null;
  locale: string;
  options: CommandInteractionOptionResolver;
  inGuild(): boolean;
  isMessageComponent(): boolean;
}

function shape(raw: RawInteraction): Shape {
  // discord.js's own resolver (its constructor is internal in the typings); it reads only the options
  // it is given: the client and resolved objects serve user and channel options, which no command has.
  const Resolver = CommandInteractionOptionResolver as unknown as new (
    client: null,
    options: unknown,
    resolved: unknown,
  ) => CommandInteractionOptionResolver;
  const options = new Resolver(null, raw.data?.options ?? [], {});
  return {
    id: raw.id,
    commandName: raw.data?.name ?? "",
    commandId: raw.data?.id ?? "",
    client: { application: null },
    user: { id: userIdOf(raw) },
    channelId: channelIdOf(raw),
    guildId: raw.guild_id ?? null,
    locale: raw.locale ?? "zh-CN",
    options,
    inGuild: () => raw.guild_id !== undefined,
    isMessageComponent: () => false,
  };
}

/** For `CommandModule.execute`: answering goes through the context, never through the interaction. */
export function asCommandInteraction(raw: RawInteraction): ChatInputCommandInteraction {
  return shape(raw) as unknown as ChatInputCommandInteraction;
}

/** For `CommandModule.autocomplete`: `respond(choices)` hands the choices to `sink`. */
export function asAutocompleteInteraction(
  raw: RawInteraction,
  sink: (choices: Choice[]) => Promise<void>,
): AutocompleteInteraction {
  let responded = false;
  const i = {
    ...shape(raw),
    get responded() {
      return responded;
    },
    respond: async (choices: Choice[]) => {
      responded = true;
      await sink(choices);
    },
  };
  return i as unknown as AutocompleteInteraction;
}
