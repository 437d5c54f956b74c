// What the fake Discord knows: the world's ids, the channels that exist, the interactions it dispatched
// and the messages on both sides. The gateway, the REST routes and the test-facing API all share it.
import { type CapturedFile, messagePayload, type Place, type World } from "../helpers.ts";
import type { BotMessage, CapturedRequest, ChannelMessage, Interaction } from "./types.ts";

export class FakeState {
  readonly requests: CapturedRequest[] = [];
  readonly channelMessages: ChannelMessage[] = [];
  /** `METHOD /path` of requests the fake has no route for (answered 404). */
  readonly unknownRoutes: string[] = [];
  /** Errors inside the fake itself; a test can assert this stays empty. */
  readonly faults: string[] = [];
  /** Commands registered by PUT, keyed by "global" or the guild id. */
  readonly commands = new Map<string, unknown[]>();
  readonly interactions = new Map<string, Interaction>();
  readonly byToken = new Map<string, Interaction>();
  readonly botMessages = new Map<string, BotMessage>();
  /** Ids of messages users sent, which the bot may reply to. */
  readonly userMessages = new Map<string, string>();
  /** Channels that exist: the guild's text channel, and each channel or DM an event came from. */
  readonly channels = new Set<string>();
  private readonly dmChannels = new Set<string>();

  constructor(
    readonly world: World,
    readonly defaultDmUser: string,
  ) {
    this.channels.add(world.channelId);
  }

  /** The channel an event at `place` happens in (a DM's id derives from the user), now known to exist. */
  channelFor(place: Place, userId = this.defaultDmUser): string {
    const id = place.channelId ?? (place.dm ? `9${userId.slice(1)}` : this.world.channelId);
    this.channels.add(id);
    if (place.dm) this.dmChannels.add(id);
    return id;
  }

  /** A message from the bot nobody saw being sent (what a button sits on when the test gives none). */
  stubMessage(place: Place): BotMessage {
    const channelId = this.channelFor(place);
    const message = messagePayload(this.world, this.world.bot, channelId, { content: "" }, [], !place.dm);
    this.botMessages.set(message.id, message);
    return message;
  }

  /** A message the bot posts to a channel itself (message.reply, channel.send). */
  channelMessage(channelId: string, body: Record<string, unknown>, files: CapturedFile[]): BotMessage {
    const inGuild = channelId === this.world.channelId || !this.dmChannels.has(channelId);
    const message = messagePayload(this.world, this.world.bot, channelId, body, files, inGuild);
    this.botMessages.set(message.id, message);
    return message;
  }

  botMessage(interaction: Interaction, body: Record<string, unknown>, files: CapturedFile[]): BotMessage {
    const message = {
      ...messagePayload(this.world, this.world.bot, interaction.channelId, body, files, interaction.inGuild),
      webhook_id: this.world.appId,
      application_id: this.world.appId,
    };
    this.botMessages.set(message.id, message);
    return message;
  }
}
