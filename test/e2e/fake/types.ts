// The records the fake Discord keeps and hands to tests: captured requests, replies, channel messages.
import type { CapturedFile, messagePayload } from "../helpers.ts";

/** One REST request the client made, and the status the fake gave it. */
export interface CapturedRequest {
  method: string;
  /** Decoded, without the `/api/v10` prefix: `/webhooks/APP/TOKEN/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or `payload_json` of a multipart body; undefined when there was none. */
  body: unknown;
  files: CapturedFile[];
  status: number;
  /** Whether an Authorization header came (its value is never kept). */
  authorized: boolean;
  /** The JSON error the fake answered with, when it refused the request (status ≥ 400). */
  error?: unknown;
}

/** The message-like part of a response: content, embeds, components, flags, choices... */
export type MessageBody = Record<string, unknown> & { content?: string; flags?: number };

/** A response to an interaction: its callback, or a later edit, follow-up or deletion. */
export interface Reply {
  interactionId: string;
  kind: "callback" | "edit" | "followup" | "delete";
  /** Callback type (4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete); null otherwise. */
  callbackType: number | null;
  payload: MessageBody;
  ephemeral: boolean;
  /** The message this response created or changed (for `sendButton(id, { messageId })`); null for autocomplete. */
  messageId: string | null;
  files: CapturedFile[];
  request: CapturedRequest;
}

/** A message the bot posted to a channel (message.reply, channel.send). */
export interface ChannelMessage {
  id: string;
  channelId: string;
  /** The message it replies to, from `message_reference`. */
  replyTo: string | null;
  payload: MessageBody;
  files: CapturedFile[];
  request: CapturedRequest;
}

export type BotMessage = ReturnType<typeof messagePayload>;

/** An interaction the fake dispatched, with what has been answered so far. */
export interface Interaction {
  id: string;
  token: string;
  /** Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  channelId: string;
  sentAt: number;
  acknowledged: boolean;
  original: BotMessage | null;
  replies: Reply[];
  inGuild: boolean;
  /** For autocomplete: the type of the option being typed (3 string, 4 integer, 10 number). */
  focusedType?: number;
}

/** An HTTP status and a JSON body; no body means an empty response (204). */
export type Answer = [number, unknown?];
