// Interaction responses as Discord checks them: the initial callback (once, within the deadline, of a
// type this interaction may take, with a valid body) and then the webhook routes for edits and
// follow-ups, which do not exist until the interaction is acknowledged (10015 before).
import {
  alreadyAcknowledged,
  invalidFormBody,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from "./errors.ts";
import type { FakeState } from "./state.ts";
import type { Answer, BotMessage, CapturedRequest, Interaction, MessageBody, Reply } from "./types.ts";
import {
  CALLBACK_SCHEMAS,
  CALLBACK_TYPES,
  checkMessage,
  choiceProblems,
  ROUTE_SCHEMAS,
  schemaProblems,
} from "./validate.ts";

const ephemeralFlag = 64;
const loadingFlag = 128;

export class InteractionRoutes {
  constructor(
    private readonly state: FakeState,
    private readonly deadlineMs: number,
  ) {}

  callback(r: CapturedRequest, id: string, token: string, body: MessageBody): Answer {
    const interaction = this.state.interactions.get(id);
    if (!interaction || interaction.token !== token) return unknownInteraction;
    if (Date.now() - interaction.sentAt > this.deadlineMs) return unknownInteraction;
    if (interaction.acknowledged) return alreadyAcknowledged;
    const type = typeof body.type === "number" ? body.type : 0;
    const allowed = CALLBACK_TYPES[interaction.type] ?? [];
    if (!allowed.includes(type)) {
      return invalidFormBody([
        {
          path: ["type"],
          code: "BASE_TYPE_CHOICES",
          message: `Value must be one of {${allowed.join(", ")}}.`,
        },
      ]);
    }
    const data = (body.data ?? {}) as MessageBody;
    const refused = this.checkCallback(type, body, data, r, interaction);
    // A refused callback acknowledges nothing: the bot may still answer correctly within the deadline.
    if (refused) return refused;
    interaction.acknowledged = true;
    const flags = (data.flags ?? 0) | (type === 5 ? loadingFlag : 0);
    if (type === 4 || type === 5) {
      interaction.original = this.state.botMessage(interaction, { ...data, flags }, r.files);
    }
    if (type === 7 && interaction.original) Object.assign(interaction.original, data);
    if (type === 6 && !interaction.original) interaction.original = this.state.stubMessage({});
    this.addReply(interaction, "callback", type, data, r, type === 8 ? null : interaction.original);
    if (r.query.with_response !== "true") return [204];
    const message = interaction.original;
    return [
      200,
      {
        interaction: {
          id,
          type: interaction.type,
          response_message_id: message?.id,
          response_message_loading: type === 5,
          response_message_ephemeral: ((message?.flags ?? 0) & ephemeralFlag) !== 0,
        },
        resource: { type, ...(message && type !== 8 ? { message } : {}) },
      },
    ];
  }

  /** The callback's body against its spec schema, plus message (4, 7) or choice (8) limits; null if fine. */
  private checkCallback(
    type: number,
    body: MessageBody,
    data: MessageBody,
    r: CapturedRequest,
    interaction: Interaction,
  ): Answer | null {
    const schema = CALLBACK_SCHEMAS[type];
    if (!schema) return null;
    if (type === 4) {
      return checkMessage({
        body: data,
        files: r.files,
        at: ["data"],
        schema,
        schemaInput: body,
        where: "interaction",
      });
    }
    if (type === 7) {
      const original = interaction.original ?? ({} as BotMessage);
      return checkMessage({
        body: data,
        files: r.files,
        at: ["data"],
        schema,
        schemaInput: body,
        where: "edit",
        after: afterEdit(original, data),
        keptAttachments: original.attachments?.map((a) => a.id) ?? [],
      });
    }
    const problems = [
      ...schemaProblems(schema, body),
      ...(type === 8 ? choiceProblems(body.data, interaction.focusedType) : []),
    ];
    return problems.length ? invalidFormBody(problems) : null;
  }

  webhook(
    r: CapturedRequest,
    method: string,
    token: string,
    messageId: string | undefined,
    body: MessageBody,
  ): Answer {
    const interaction = this.state.byToken.get(token);
    // Until the interaction is acknowledged its webhook does not exist yet: Discord says 10015.
    if (!interaction?.acknowledged) return unknownWebhook;
    if (method === "POST" && !messageId) {
      const refused = checkMessage({
        body,
        files: r.files,
        schema: ROUTE_SCHEMAS.followUp,
        where: "interaction",
      });
      if (refused) return refused;
      const message = this.state.botMessage(interaction, body, r.files);
      this.addReply(interaction, "followup", null, body, r, message);
      return [200, message];
    }
    if (method === "POST") return [405, { message: "405: Method Not Allowed", code: 0 }];
    const message =
      messageId === "@original" ? interaction.original : this.followUpOf(interaction, messageId ?? "");
    if (!message) return unknownMessage;
    if (method === "GET") return [200, message];
    if (method === "DELETE") {
      this.addReply(interaction, "delete", null, {}, r, message);
      return [204];
    }
    const refused = checkMessage({
      body,
      files: r.files,
      schema: ROUTE_SCHEMAS.webhookEdit,
      where: "edit",
      after: afterEdit(message, body),
      keptAttachments: message.attachments.map((a) => a.id),
    });
    if (refused) return refused;
    // An edit ends the "thinking..." state of a deferred reply.
    Object.assign(message, body, { flags: (message.flags ?? 0) & ~loadingFlag });
    this.addReply(interaction, "edit", null, body, r, message);
    return [200, message];
  }

  /** A follow-up message of this interaction (a webhook edits only its own messages). */
  private followUpOf(interaction: Interaction, messageId: string): BotMessage | null {
    const own = interaction.replies.some((reply) => reply.messageId === messageId);
    return own ? (this.state.botMessages.get(messageId) ?? null) : null;
  }

  private addReply(
    interaction: Interaction,
    kind: Reply["kind"],
    callbackType: number | null,
    payload: MessageBody,
    request: CapturedRequest,
    message: BotMessage | null,
  ): void {
    const ephemeral = ((payload.flags ?? 0) & ephemeralFlag) !== 0;
    interaction.replies.push({
      interactionId: interaction.id,
      kind,
      callbackType,
      payload,
      ephemeral,
      messageId: message?.id ?? null,
      files: request.files,
      request,
    });
  }
}

/** The message as an edit would leave it: parts the edit leaves out stay as they were. */
export function afterEdit(message: Partial<BotMessage>, body: MessageBody): MessageBody {
  const pick = (key: "content" | "embeds" | "components" | "attachments") =>
    body[key] === undefined ? message[key] : body[key];
  return {
    content: pick("content") as string | undefined,
    embeds: pick("embeds"),
    components: pick("components"),
    attachments: pick("attachments"),
  };
}
