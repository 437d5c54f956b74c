// The gateway half of the fake Discord: HELLO, heartbeats, IDENTIFY with READY and GUILD_CREATE, RESUME
// with replay of what a dropped connection missed, and server-side closes for reconnection tests.
import type { IncomingMessage, Server } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";
import { guildCreatePayload, readyPayload, snowflake, type World } from "../helpers.ts";

export interface GatewayOptions {
  /** Send the guild and its text channel after READY (default true); without it only DMs work. */
  guild?: boolean;
  heartbeatIntervalMs?: number;
  /** The only token an IDENTIFY may carry (else close 4004); any non-empty one when unset. */
  token?: string;
  /** Privileged intents enabled in the Developer Portal (default none): others close with 4014. */
  privilegedIntents?: number;
}

// GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT: Discord refuses them unless enabled for the app.
const PRIVILEGED = (1 << 1) | (1 << 8) | (1 << 15);

interface Session {
  id: string;
  seq: number;
  // Every dispatch of the session, so a RESUME can replay what a dropped connection missed.
  log: { op: 0; t: string; s: number; d: unknown }[];
}

export class FakeGateway {
  /** Gateway URLs the client connected to, query included. */
  readonly urls: string[] = [];
  identifies = 0;
  resumes = 0;
  /** The intents of the last IDENTIFY. */
  intents = 0;
  private readonly wss: WebSocketServer;
  private socket: WebSocket | null = null;
  private session: Session | null = null;

  constructor(
    server: Server,
    private readonly world: World,
    private readonly opts: GatewayOptions & { url: () => string; faults: string[]; notify: () => void },
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on("connection", (ws, req) => this.onConnection(ws, req));
  }

  /** Whether a client is identified or resumed right now. */
  get connected(): boolean {
    return this.socket !== null;
  }

  get hasSession(): boolean {
    return this.session !== null;
  }

  dispatch(t: string, d: unknown): void {
    if (!this.session) throw new Error("no gateway session yet: log the client in first");
    const packet = { op: 0 as const, t, s: ++this.session.seq, d };
    this.session.log.push(packet);
    this.socket?.send(JSON.stringify(packet));
  }

  close(code: number): void {
    const socket = this.socket;
    this.socket = null;
    socket?.close(code, "closed by fake");
  }

  terminate(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.terminate();
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    this.urls.push(req.url ?? "");
    const send = (payload: unknown) => ws.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: this.opts.heartbeatIntervalMs ?? 41250 } });
    ws.on("message", (raw) => {
      try {
        const { op, d } = JSON.parse(raw.toString()) as { op: number; d: Record<string, unknown> | null };
        if (op === 1) send({ op: 11 });
        else if (op === 2) this.identify(ws, d ?? {});
        else if (op === 6) this.resume(ws, d ?? {});
      } catch (error) {
        this.opts.faults.push(`gateway: ${String(error)}`);
      }
    });
    ws.on("close", () => {
      if (this.socket === ws) this.socket = null;
    });
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): void {
    const token = typeof d.token === "string" ? d.token.replace(/^Bot /, "") : "";
    if (!token || (this.opts.token !== undefined && token !== this.opts.token)) {
      ws.close(4004, "Authentication failed.");
      return;
    }
    const intents = typeof d.intents === "number" ? d.intents : 0;
    if (intents & PRIVILEGED & ~(this.opts.privilegedIntents ?? 0)) {
      ws.close(4014, "Disallowed intent(s).");
      return;
    }
    this.identifies++;
    this.intents = intents;
    this.session = { id: snowflake(), seq: 0, log: [] };
    this.socket = ws;
    const withGuild = this.opts.guild ?? true;
    this.dispatch("READY", readyPayload(this.world, this.session.id, this.opts.url(), withGuild));
    if (withGuild) this.dispatch("GUILD_CREATE", guildCreatePayload(this.world));
    this.opts.notify();
  }

  private resume(ws: WebSocket, d: Record<string, unknown>): void {
    this.resumes++;
    const session = this.session;
    if (!session || d.session_id !== session.id) {
      // Invalid session, not resumable: discord.js then identifies anew.
      ws.send(JSON.stringify({ op: 9, d: false }));
      return;
    }
    const seq = typeof d.seq === "number" ? d.seq : 0;
    for (const packet of session.log) if (packet.s > seq) ws.send(JSON.stringify(packet));
    this.socket = ws;
    this.dispatch("RESUMED", null);
    this.opts.notify();
  }
}
