/**
 * A rendered reply (src/discord/render.ts, the shape discord.js takes) as Discord's own JSON: what the
 * HTTP endpoint returns in its response and sends to the webhook routes. Files go as multipart with
 * `payload_json` and `files[n]`, declared in `attachments` (the embed shows `attachment://<name>`).
 */
import type { ReplyPayload } from "../../discord/render.ts";

export const EPHEMERAL = 64;

export function messageJson(payload: ReplyPayload, flags = 0): Record<string, unknown> {
  const { allowedMentions, files, ...rest } = payload;
  return {
    ...rest,
    allowed_mentions: { parse: allowedMentions.parse, replied_user: allowedMentions.repliedUser },
    ...(files?.length ? { attachments: files.map((f, i) => ({ id: String(i), filename: f.name })) } : {}),
    ...(flags ? { flags } : {}),
  };
}

/** The request body: JSON, or multipart when the reply carries files. */
export function requestBody(payload: ReplyPayload, flags = 0): { body: string | FormData; json: boolean } {
  const json = messageJson(payload, flags);
  if (!payload.files?.length) return { body: JSON.stringify(json), json: true };
  const form = new FormData();
  form.set("payload_json", JSON.stringify(json));
  payload.files.forEach((f, i) => {
    form.set(`files[${i}]`, new Blob([new Uint8Array(f.attachment)], { type: "image/png" }), f.name);
  });
  return { body: form, json: false };
}
