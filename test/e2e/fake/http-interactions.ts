// Discord's side of the Interactions Endpoint URL mode, on the strict fake: an interaction is recorded
// in the fake's state exactly like a gateway dispatch, then POSTed to the bot's endpoint signed with
// Ed25519 (the fake holds the application's key pair). The HTTP response is the interaction callback and
// goes through the fake's own callback checks (deadline, allowed type, schema, once only), so the
// webhook edits and follow-ups that come after hit the same strict REST routes as the gateway bot's.
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { Agent, request } from "node:http";
import { defaultUser, type FakeDiscord, type SendOptions } from "../fake-discord.ts";
import { type CommandOption, interactionPayload } from "../helpers.ts";
import { InteractionRoutes } from "./interactions.ts";
import type { FakeState } from "./state.ts";
import type { BotMessage, CapturedRequest, Interaction } from "./types.ts";

export interface PostOptions extends SendOptions {
  /** How to break the request: a signature by another key, a body changed after signing, no headers. */
  tamper?: "signature" | "body" | "missing";
  /** The bot message a button sits on (by id, from an earlier reply). */
  messageId?: string;
}

export interface Posted {
  id: string;
  token: string;
  /** The endpoint's HTTP status (200 when it acknowledged). */
  status: number;
  /** The endpoint's response body (the callback), parsed. */
  body: unknown;
  /** What the fake said to the callback: its status (204 accepted) and error, if refused. */
  callbackStatus: number | null;
}

/** An interaction on its way: its ids at once, the endpoint's answer when it comes. */
export interface Sending {
  id: string;
  token: string;
  response: Promise<Posted>;
}

export class FakeHttpInteractions {
  /** The application's public key, hex, for DISCORD_PUBLIC_KEY. */
  readonly publicKeyHex: string;
  private readonly privateKey: KeyObject;
  private readonly otherKey: KeyObject;
  private readonly routes: InteractionRoutes;
  // Discord reaches an endpoint over kept-alive connections, not one new connection per interaction.
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });

  constructor(private readonly fake: FakeDiscord) {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    this.privateKey = privateKey;
    this.otherKey = generateKeyPairSync("ed25519").privateKey;
    this.publicKeyHex = (publicKey.export({ format: "der", type: "spki" }) as Buffer)
      .subarray(12)
      .toString("hex");
    this.routes = new InteractionRoutes(this.state, fake.callbackDeadlineMs);
  }

  // The fake's internals, shared on purpose: an HTTP interaction lives in the same world as a gateway one.
  private get state(): FakeState {
    return this.fake["state"];
  }

  command(
    endpoint: string,
    name: string,
    options: Record<string, string | number | boolean> = {},
    opts: PostOptions = {},
  ): Promise<Posted> {
    const list: CommandOption[] = Object.entries(options).map(([n, value]) => ({
      name: n,
      type: typeof value === "string" ? 3 : typeof value === "boolean" ? 5 : 4,
      value,
    }));
    return this.post(endpoint, 2, { id: "1", name, type: 1, options: list }, opts);
  }

  autocomplete(
    endpoint: string,
    name: string,
    options: Record<string, string>,
    focused: string,
    opts: PostOptions = {},
  ): Promise<Posted> {
    const list = Object.entries(options).map(([n, value]) => ({
      name: n,
      type: 3,
      value,
      ...(n === focused ? { focused: true } : {}),
    }));
    return this.post(endpoint, 4, { id: "1", name, type: 1, options: list }, { ...opts }, 3);
  }

  button(endpoint: string, customId: string, opts: PostOptions = {}): Promise<Posted> {
    return this.post(endpoint, 3, { custom_id: customId, component_type: 2 }, opts);
  }

  ping(endpoint: string, opts: PostOptions = {}): Promise<Posted> {
    return this.post(endpoint, 1, {}, opts);
  }

  post(
    endpoint: string,
    type: number,
    data: Record<string, unknown>,
    opts: PostOptions = {},
    focusedType?: number,
  ): Promise<Posted> {
    return this.send(endpoint, type, data, opts, focusedType).response;
  }

  /** Records the interaction and starts its request; the ids are known before anything is awaited. */
  send(
    endpoint: string,
    type: number,
    data: Record<string, unknown>,
    opts: PostOptions = {},
    focusedType?: number,
  ): Sending {
    const user = opts.user ?? defaultUser;
    const known = opts.messageId ? this.state.botMessages.get(opts.messageId) : undefined;
    const place = { ...opts, ...(known ? { channelId: known.channel_id } : {}) };
    const channelId = this.state.channelFor(place, user.id);
    const message: BotMessage | null = type === 3 ? (known ?? this.state.stubMessage(place)) : null;
    const payload = interactionPayload(
      this.state.world,
      type,
      data,
      user,
      { ...place, channelId },
      {
        ...(message ? { message } : {}),
      },
    );
    const interaction: Interaction = {
      id: payload.id,
      token: payload.token,
      type,
      channelId: payload.channel_id,
      sentAt: Date.now(),
      acknowledged: false,
      original: message,
      replies: [],
      inGuild: !opts.dm,
      ...(focusedType ? { focusedType } : {}),
    };
    if (type !== 1) {
      this.state.interactions.set(interaction.id, interaction);
      this.state.byToken.set(interaction.token, interaction);
    }
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const key = opts.tamper === "signature" ? this.otherKey : this.privateKey;
    const signature = sign(null, Buffer.from(timestamp + body), key).toString("hex");
    const sent = opts.tamper === "body" ? body.replace(`"type":${type}`, `"type":${type} `) : body;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (opts.tamper !== "missing") {
      headers["x-signature-ed25519"] = signature;
      headers["x-signature-timestamp"] = timestamp;
    }
    const response = this.http(endpoint, headers, sent).then(({ status, json, text }) => {
      const parsed: unknown = json && text ? JSON.parse(text) : text || undefined;
      let callbackStatus: number | null = null;
      if (status === 200 && type !== 1) callbackStatus = this.callback(interaction, parsed);
      return { id: interaction.id, token: interaction.token, status, body: parsed, callbackStatus };
    });
    return { id: interaction.id, token: interaction.token, response };
  }

  private http(
    endpoint: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<{ status: number; json: boolean; text: string }> {
    return new Promise((resolve, reject) => {
      const req = request(endpoint, { method: "POST", headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            json: (res.headers["content-type"] ?? "").includes("json"),
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  /** The endpoint's response, checked and recorded as the callback Discord would take it for. */
  private callback(interaction: Interaction, body: unknown): number {
    const captured: CapturedRequest = {
      method: "POST",
      path: `/interactions/${interaction.id}/${interaction.token}/callback`,
      query: {},
      body,
      files: [],
      status: 0,
      authorized: false,
    };
    const [status, json] = this.routes.callback(
      captured,
      interaction.id,
      interaction.token,
      (body ?? {}) as Record<string, unknown>,
    );
    captured.status = status;
    if (status >= 400) captured.error = json;
    this.state.requests.push(captured);
    this.fake["notify"]();
    return status;
  }
}
