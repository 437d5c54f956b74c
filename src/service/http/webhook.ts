/**
 * The interaction's webhook routes, for the HTTP endpoint (the gateway bot uses discord.js for these):
 * `PATCH /webhooks/{app}/{token}/messages/@original` puts the answer into a deferred reply, `POST
 * /webhooks/{app}/{token}` sends a follow-up. Both are authenticated by the interaction token in the
 * path (no bot token needed) and are exempt from the global rate limit. A 429 is waited out; a 10015
 * Unknown Webhook right after the acknowledgement is the acknowledgement not yet registered, retried.
 */
import type { ReplyPayload } from "../../discord/render.ts";
import { type RequestGate, restGate } from "../rest-gate.ts";
import { requestBody } from "./payload.ts";

export interface WebhookOptions {
  /** Discord's API base without the version, e.g. https://discord.com/api (DISCORD_API_BASE). */
  apiBase: string;
  appId: string;
  /** Attempts for 429, 5xx and an early 10015 (default 5). */
  attempts?: number;
  gate?: RequestGate;
}

export class WebhookError extends Error {
  override name = "WebhookError";
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

export class Webhooks {
  private readonly base: string;
  private readonly attempts: number;
  private readonly gate: RequestGate;

  constructor(opts: WebhookOptions) {
    this.base = `${opts.apiBase.replace(/\/+$/, "")}/v10/webhooks/${opts.appId}`;
    this.attempts = opts.attempts ?? 5;
    this.gate = opts.gate ?? restGate;
  }

  editOriginal(token: string, payload: ReplyPayload): Promise<void> {
    return this.send("PATCH", `${this.base}/${token}/messages/@original`, payload, 0);
  }

  followUp(token: string, payload: ReplyPayload, flags = 0): Promise<void> {
    return this.send("POST", `${this.base}/${token}`, payload, flags);
  }

  private async send(method: string, url: string, payload: ReplyPayload, flags: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { body, json } = requestBody(payload, flags);
      const { res, error } = await this.gate.run("answer", async () => {
        const res = await fetch(url, {
          method,
          body,
          headers: json ? { "content-type": "application/json" } : {},
        });
        // The body is read inside the gate: the connection is free for the next request only after it.
        if (res.ok) {
          await res.arrayBuffer();
          return { res, error: null };
        }
        return {
          res,
          error: (await res.json().catch(() => ({}))) as { code?: number; retry_after?: number },
        };
      });
      if (!error) return;
      const retry = res.status === 429 || res.status >= 500 || (res.status === 404 && error.code === 10015);
      if (!retry || attempt >= this.attempts) {
        // The URL holds the interaction token: the message names the method and status only.
        throw new WebhookError(
          res.status,
          error.code,
          `${method} webhook failed: ${res.status} ${error.code ?? ""}`,
        );
      }
      // 100, 200, 400, 800 ms: an acknowledgement is normally registered long before the last.
      const waitMs = res.status === 429 ? Math.ceil((error.retry_after ?? 0.5) * 1000) : 50 * 2 ** attempt;
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}
