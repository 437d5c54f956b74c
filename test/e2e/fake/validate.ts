// What Discord refuses in a request body. First the schemas generated from Discord's OpenAPI spec
// (discord-api-spec ships them as zod-mini), then the documented limits those schemas do not encode:
// the 2,000-character content of a bot, the 6,000 characters across embeds, 5 action rows, unique
// custom ids, empty messages, attachments that must match the uploaded files, flags an edit cannot set.
// One rule is this project's, not Discord's: no message may allow @everyone or role pings.
import * as spec from "discord-api-spec/zod";
import type { ZodMiniType } from "zod/mini";
import type { CapturedFile } from "../helpers.ts";
import { emptyMessage, type FieldError, invalidFormBody } from "./errors.ts";
import type { Answer, MessageBody } from "./types.ts";

/** Documented limits (discord.com/developers/docs: message, embed, component and autocomplete limits). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowButtons: 5,
  customId: 100,
  selectOptions: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const FLAG = { suppressEmbeds: 1 << 2, ephemeral: 1 << 6, silent: 1 << 12, componentsV2: 1 << 15 };
/** Flags a new message may carry, by where it is sent; an edit may not make a message ephemeral. */
const ALLOWED_FLAGS = {
  interaction: FLAG.suppressEmbeds | FLAG.ephemeral | FLAG.silent | FLAG.componentsV2,
  channel: FLAG.suppressEmbeds | FLAG.silent | FLAG.componentsV2,
  edit: FLAG.suppressEmbeds | FLAG.componentsV2,
};

export type Path = (string | number)[];

/** Issues of a spec schema as Discord's field errors (same codes discord.js users see in the wild). */
export function schemaProblems(schema: ZodMiniType, body: unknown, prefix: Path = []): FieldError[] {
  const parsed = schema.safeParse(body);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    const i = issue as {
      code: string;
      maximum?: unknown;
      minimum?: unknown;
      origin?: string;
      input?: unknown;
    };
    switch (i.code) {
      case "too_big":
        return { path, code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${i.maximum} or fewer in length.` };
      case "too_small":
        return { path, code: "BASE_TYPE_MIN_LENGTH", message: `Must be ${i.minimum} or more in length.` };
      case "invalid_type":
        return i.input === undefined
          ? { path, code: "BASE_TYPE_REQUIRED", message: "This field is required" }
          : { path, code: "BASE_TYPE_INVALID", message: issue.message };
      case "invalid_value":
        return { path, code: "BASE_TYPE_CHOICES", message: issue.message };
      case "invalid_union":
        return { path, code: "UNION_TYPE_CHOICES", message: "Value of field does not match any type" };
      case "invalid_format":
        return { path, code: "URL_TYPE_INVALID_URL", message: "Not a well formed URL." };
      default:
        return { path, code: "BASE_TYPE_INVALID", message: issue.message };
    }
  });
}

const maxLength = (path: Path, max: number): FieldError => ({
  path,
  code: "BASE_TYPE_MAX_LENGTH",
  message: `Must be ${max} or fewer in length.`,
});

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === "object" ? (v as Obj) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const len = (v: unknown): number => (typeof v === "string" ? [...v].length : 0);

function embedProblems(embeds: unknown[], at: Path): FieldError[] {
  const L = DISCORD_LIMITS;
  const out: FieldError[] = [];
  if (embeds.length > L.embeds) out.push(maxLength(at, L.embeds));
  let total = 0;
  embeds.forEach((raw, n) => {
    const e = asObj(raw);
    const here = [...at, n];
    const check = (value: unknown, max: number, path: Path) => {
      total += len(value);
      if (len(value) > max) out.push(maxLength(path, max));
    };
    check(e.title, L.embedTitle, [...here, "title"]);
    check(e.description, L.embedDescription, [...here, "description"]);
    check(asObj(e.footer).text, L.footer, [...here, "footer", "text"]);
    check(asObj(e.author).name, L.author, [...here, "author", "name"]);
    const fields = asList(e.fields);
    if (fields.length > L.embedFields) out.push(maxLength([...here, "fields"], L.embedFields));
    fields.forEach((f, k) => {
      check(asObj(f).name, L.fieldName, [...here, "fields", k, "name"]);
      check(asObj(f).value, L.fieldValue, [...here, "fields", k, "value"]);
    });
  });
  if (total > L.embedTotal) {
    out.push({
      path: at,
      code: "MAX_EMBED_SIZE_EXCEEDED",
      message: `Embed size exceeds maximum size of ${L.embedTotal}`,
    });
  }
  return out;
}

function componentProblems(components: unknown[], flags: number, at: Path): FieldError[] {
  const L = DISCORD_LIMITS;
  const out: FieldError[] = [];
  // Without the components-v2 flag a message holds only action rows, five at most.
  if ((flags & FLAG.componentsV2) === 0) {
    if (components.length > L.actionRows) out.push(maxLength(at, L.actionRows));
    components.forEach((row, n) => {
      if (asObj(row).type !== 1) {
        out.push({
          path: [...at, n, "type"],
          code: "BASE_TYPE_CHOICES",
          message: "Value must be one of {1}.",
        });
      }
    });
  }
  const seen = new Set<string>();
  const visit = (raw: unknown, path: Path): void => {
    const c = asObj(raw);
    const children = asList(c.components);
    if (c.type === 1) {
      if (children.length > L.rowButtons) out.push(maxLength([...path, "components"], L.rowButtons));
      const selects = children.filter((x) => [3, 5, 6, 7, 8].includes(asObj(x).type as number));
      if (selects.length > 0 && children.length > 1) {
        out.push({
          path: [...path, "components"],
          code: "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
          message: "The specified component exceeds the maximum width",
        });
      }
    }
    if (c.type === 2) {
      const link = c.style === 5;
      const premium = c.style === 6;
      if (!link && !premium && typeof c.custom_id !== "string") {
        out.push({
          path: [...path, "custom_id"],
          code: "BASE_TYPE_REQUIRED",
          message: "This field is required",
        });
      }
      if (link && (typeof c.url !== "string" || c.custom_id !== undefined)) {
        out.push({
          path: [...path, "url"],
          code: "BUTTON_COMPONENT_URL_REQUIRED",
          message: "A link button needs a url and no custom_id",
        });
      }
      if (!premium && len(c.label) === 0 && !c.emoji) {
        out.push({
          path: [...path, "label"],
          code: "BUTTON_COMPONENT_INVALID",
          message: "A button needs a label or an emoji",
        });
      }
    }
    if (c.type === 3 && asList(c.options).length > L.selectOptions) {
      out.push(maxLength([...path, "options"], L.selectOptions));
    }
    if (typeof c.custom_id === "string") {
      if (len(c.custom_id) > L.customId) out.push(maxLength([...path, "custom_id"], L.customId));
      if (seen.has(c.custom_id)) {
        out.push({
          path: [...path, "custom_id"],
          code: "COMPONENT_CUSTOM_ID_DUPLICATED",
          message: "Component custom id cannot be duplicated",
        });
      }
      seen.add(c.custom_id);
    }
    for (const [k, child] of children.entries()) visit(child, [...path, "components", k]);
    if (c.accessory) visit(c.accessory, [...path, "accessory"]);
  };
  for (const [n, c] of components.entries()) visit(c, [...at, n]);
  return out;
}

function mentionProblems(body: MessageBody, at: Path): FieldError[] {
  const allowed = body.allowed_mentions;
  const hasContent = len(body.content) > 0;
  if (allowed === undefined || allowed === null) {
    // Discord's default parses every mention in the content: @everyone included.
    return hasContent
      ? [
          {
            path: [...at, "allowed_mentions"],
            code: "FAKE_MENTIONS_UNRESTRICTED",
            message: "This bot must send allowed_mentions (parse: []) with any content",
          },
        ]
      : [];
  }
  const a = asObj(allowed);
  const parse = asList(a.parse);
  const out: FieldError[] = [];
  if (parse.includes("everyone") || parse.includes("roles") || asList(a.roles).length > 0) {
    out.push({
      path: [...at, "allowed_mentions", "parse"],
      code: "FAKE_MENTIONS_ALLOWED",
      message: "This bot must never allow @everyone or role mentions",
    });
  }
  // Discord's own rule: a type cannot be both parsed and listed.
  if ((parse.includes("users") && a.users) || (parse.includes("roles") && a.roles)) {
    out.push({
      path: [...at, "allowed_mentions"],
      code: "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
      message: "parse and users/roles are mutually exclusive",
    });
  }
  return out;
}

function attachmentProblems(
  body: MessageBody,
  files: CapturedFile[],
  kept: readonly string[],
  at: Path,
): FieldError[] {
  const out: FieldError[] = [];
  const uploaded = new Map(files.map((f) => [/^files\[(\d+)\]$/.exec(f.field)?.[1] ?? f.field, f]));
  if (body.attachments === undefined || body.attachments === null) return out;
  const listed = new Set<string>();
  asList(body.attachments).forEach((raw, n) => {
    const id = String(asObj(raw).id);
    listed.add(id);
    if (!uploaded.has(id) && !kept.includes(id)) {
      out.push({
        path: [...at, "attachments", n, "id"],
        code: "ATTACHMENT_NOT_FOUND",
        message: `No uploaded file files[${id}] and no attachment ${id} on the message`,
      });
    }
  });
  for (const id of uploaded.keys()) {
    if (!listed.has(id)) {
      out.push({
        path: [...at, "attachments"],
        code: "ATTACHMENT_NOT_LISTED",
        message: `Uploaded file files[${id}] is missing from attachments`,
      });
    }
  }
  return out;
}

export interface MessageCheck {
  body: MessageBody;
  files: CapturedFile[];
  /** Where the message sits in the request body: `["data"]` in an interaction callback. */
  at?: Path;
  /** The spec schema of this route's body (or of the whole callback, with `at` its data). */
  schema: ZodMiniType;
  /** What is validated against `schema`: the whole callback for callbacks, else the body. */
  schemaInput?: unknown;
  where: keyof typeof ALLOWED_FLAGS;
  /** For edits: the message as it would be afterwards (an edit may leave out unchanged parts). */
  after?: MessageBody;
  /** Attachment ids already on the edited message, which `attachments` may keep. */
  keptAttachments?: readonly string[];
}

/** Discord's answer to an invalid message body, or null when Discord would accept it. */
export function checkMessage(m: MessageCheck): Answer | null {
  const at = m.at ?? [];
  const body = m.body;
  const flags = typeof body.flags === "number" ? body.flags : 0;
  const problems = [
    ...schemaProblems(m.schema, m.schemaInput ?? body),
    ...(len(body.content) > DISCORD_LIMITS.content
      ? [maxLength([...at, "content"], DISCORD_LIMITS.content)]
      : []),
    ...embedProblems(asList(body.embeds), [...at, "embeds"]),
    ...componentProblems(asList(body.components), flags, [...at, "components"]),
    ...mentionProblems(body, at),
    ...attachmentProblems(body, m.files, m.keptAttachments ?? [], at),
  ];
  if (flags & ~ALLOWED_FLAGS[m.where]) {
    problems.push({
      path: [...at, "flags"],
      code: "MESSAGE_FLAGS_INVALID",
      message:
        m.where === "edit" && flags & FLAG.ephemeral
          ? "The ephemeral flag cannot be set on an edit"
          : `Flags ${flags} are not allowed here`,
    });
  }
  if (problems.length) return invalidFormBody(dedupe(problems));
  const result = m.after ?? body;
  const files = m.files.length + asList(result.attachments).length;
  const empty =
    // Discord trims content: whitespace alone is an empty message.
    (typeof result.content !== "string" || result.content.trim() === "") &&
    asList(result.embeds).length === 0 &&
    asList(result.components).length === 0 &&
    asList(result.sticker_ids).length === 0 &&
    !result.poll &&
    files === 0;
  return empty ? emptyMessage : null;
}

const CHOICE_VALUE: Record<number, (v: unknown) => boolean> = {
  3: (v) => typeof v === "string",
  4: (v) => Number.isInteger(v),
  10: (v) => typeof v === "number" && Number.isFinite(v),
};

/**
 * Autocomplete choices beyond the schema: at most 25, names 1-100, string values at most 100, and each
 * value of the focused option's type (a string choice for an integer option is refused).
 */
export function choiceProblems(data: unknown, focusedType?: number): FieldError[] {
  const choices = asList(asObj(data).choices);
  const out: FieldError[] = [];
  if (choices.length > DISCORD_LIMITS.choices)
    out.push(maxLength(["data", "choices"], DISCORD_LIMITS.choices));
  choices.forEach((raw, n) => {
    const c = asObj(raw);
    if (len(c.name) < 1 || len(c.name) > DISCORD_LIMITS.choiceName) {
      out.push({
        path: ["data", "choices", n, "name"],
        code: "BASE_TYPE_BAD_LENGTH",
        message: `Must be between 1 and ${DISCORD_LIMITS.choiceName} in length.`,
      });
    }
    if (len(c.value) > DISCORD_LIMITS.choiceValue) {
      out.push(maxLength(["data", "choices", n, "value"], DISCORD_LIMITS.choiceValue));
    }
    const fits = focusedType === undefined ? undefined : CHOICE_VALUE[focusedType];
    if (fits && !fits(c.value)) {
      out.push({
        path: ["data", "choices", n, "value"],
        code: "AUTOCOMPLETE_CHOICE_TYPE_INVALID",
        message: `Must be a value of option type ${focusedType}`,
      });
    }
  });
  return out;
}

/** Callback types Discord accepts for each interaction type (PONG only for PING, over HTTP). */
export const CALLBACK_TYPES: Record<number, readonly number[]> = {
  1: [1],
  2: [4, 5, 9],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};

export const CALLBACK_SCHEMAS: Record<number, ZodMiniType> = {
  4: spec.CreateMessageInteractionCallbackRequestSchema,
  5: spec.CreateMessageInteractionCallbackRequestSchema,
  6: spec.UpdateMessageInteractionCallbackRequestSchema,
  7: spec.UpdateMessageInteractionCallbackRequestSchema,
  8: spec.ApplicationCommandAutocompleteCallbackRequestSchema,
  9: spec.ModalInteractionCallbackRequestSchema,
};

export const ROUTE_SCHEMAS = {
  followUp: spec.IncomingWebhookInteractionRequestSchema,
  webhookEdit: spec.IncomingWebhookUpdateRequestPartialSchema,
  channelCreate: spec.MessageCreateRequestSchema,
  channelEdit: spec.MessageEditRequestPartialSchema,
  command: spec.ApplicationCommandUpdateRequestSchema,
};

/** Same field, same code once: the schema and the limits above may both catch one mistake. */
function dedupe(problems: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path.join(".")}|${p.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
