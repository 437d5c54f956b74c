// Payload builders and a multipart parser for the fake Discord. The shapes follow what discord.js 14
// reads, not the full API: a field is here because discord.js (or a bot) needs it, so keep it lean.

/** A user as the fake sends it in payloads; `bot` marks the bot account itself. */
export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
}

/** A file part of a multipart request, bytes kept as they arrived. */
export interface CapturedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** An application command option as Discord sends it; `options` nests subcommands and groups. */
export interface CommandOption {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: CommandOption[];
}

/** The ids a fake world is made of, shared by all builders. */
export interface World {
  appId: string;
  bot: FakeUser;
  guildId: string;
  channelId: string;
}

// Discord's epoch; real-looking snowflakes keep discord.js's createdAt and the REST router's
// 17-19 digit id patterns working.
const discordEpoch = 1420070400000n;
let increment = 0n;

export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - discordEpoch) << 22n) | increment).toString();
}

// Everything but Administrator, so permission checks in a bot pass without hiding that they exist.
const everyonePermissions = "2251799813685239";

export function userPayload(user: FakeUser) {
  return {
    id: user.id,
    username: user.username,
    global_name: user.global_name ?? null,
    discriminator: "0",
    avatar: null,
    bot: user.bot ?? false,
    flags: 0,
    public_flags: 0,
  };
}

export function memberPayload(user: FakeUser) {
  return {
    user: userPayload(user),
    roles: [],
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    permissions: everyonePermissions,
  };
}

export function textChannelPayload(world: World) {
  return {
    id: world.channelId,
    type: 0,
    guild_id: world.guildId,
    name: "general",
    position: 0,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
  };
}

export function dmChannelPayload(channelId: string, user: FakeUser) {
  return { id: channelId, type: 1, last_message_id: null, recipients: [userPayload(user)] };
}

export function readyPayload(world: World, sessionId: string, gatewayUrl: string, withGuild: boolean) {
  return {
    v: 10,
    user: { ...userPayload(world.bot), verified: true, mfa_enabled: false },
    // Listed unavailable, as Discord does; discord.js then holds clientReady until GUILD_CREATE.
    guilds: withGuild ? [{ id: world.guildId, unavailable: true }] : [],
    session_id: sessionId,
    resume_gateway_url: gatewayUrl,
    shard: [0, 1],
    application: { id: world.appId, flags: 0 },
    private_channels: [],
    presences: [],
    _trace: ["fake-discord"],
  };
}

export function guildCreatePayload(world: World) {
  return {
    id: world.guildId,
    name: "测试服务器",
    icon: null,
    owner_id: "1",
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: world.guildId,
        name: "@everyone",
        permissions: everyonePermissions,
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    preferred_locale: "zh-CN",
    premium_tier: 0,
    nsfw_level: 0,
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    // The bot's own member lets a bot compute its permissions (guild.members.me).
    members: [memberPayload(world.bot)],
    channels: [textChannelPayload(world)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** Where an event happens: a guild text channel (the default) or a DM with the user. */
export interface Place {
  dm?: boolean;
  channelId?: string;
}

function placeFields(world: World, user: FakeUser, place: Place) {
  if (place.dm) {
    const channelId = place.channelId ?? `9${user.id.slice(1)}`;
    return { channel_id: channelId, channel: dmChannelPayload(channelId, user), user: userPayload(user) };
  }
  const channelId = place.channelId ?? world.channelId;
  return {
    guild_id: world.guildId,
    channel_id: channelId,
    channel: { ...textChannelPayload(world), id: channelId },
    member: memberPayload(user),
  };
}

export function interactionPayload(
  world: World,
  type: number,
  data: Record<string, unknown>,
  user: FakeUser,
  place: Place,
  extra: Record<string, unknown> = {},
) {
  const fields = placeFields(world, user, place);
  return {
    id: snowflake(),
    application_id: world.appId,
    type,
    token: `fake-token-${snowflake()}`,
    version: 1,
    locale: "zh-CN",
    ...(place.dm
      ? {}
      : { guild_locale: "zh-CN", guild: { id: world.guildId, locale: "zh-CN", features: [] } }),
    ...fields,
    app_permissions: everyonePermissions,
    entitlements: [],
    authorizing_integration_owners: place.dm ? { "1": user.id } : { "0": world.guildId },
    context: place.dm ? 1 : 0,
    attachment_size_limit: 10 * 1024 * 1024,
    data,
    ...extra,
  };
}

/** A message as Discord returns it, for what the bot sends and for what users send to it. */
export function messagePayload(
  world: World,
  author: FakeUser,
  channelId: string,
  body: Record<string, unknown>,
  files: CapturedFile[],
  inGuild: boolean,
) {
  const referenced = body.message_reference as { message_id?: string } | undefined;
  return {
    id: snowflake(),
    channel_id: channelId,
    ...(inGuild ? { guild_id: world.guildId, member: memberPayload(author) } : {}),
    author: userPayload(author),
    content: typeof body.content === "string" ? body.content : "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: files.map((file) => ({
      id: snowflake(),
      filename: file.filename,
      size: file.data.length,
      content_type: file.contentType,
      url: `https://cdn.invalid/${file.filename}`,
      proxy_url: `https://cdn.invalid/${file.filename}`,
    })),
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    pinned: false,
    type: referenced?.message_id ? 19 : 0,
    flags: typeof body.flags === "number" ? body.flags : 0,
    ...(referenced?.message_id
      ? { message_reference: { message_id: referenced.message_id, channel_id: channelId } }
      : {}),
  };
}

// undici's FormData escapes only these three characters in a filename; the rest arrives as raw UTF-8.
function unescapeFilename(name: string): string {
  return name.replaceAll("%0A", "\n").replaceAll("%0D", "\r").replaceAll("%22", '"');
}

/** Parts of a multipart/form-data body: text fields as strings, file parts as Buffers. */
export function parseMultipart(body: Buffer, contentType: string) {
  const fields = new Map<string, string>();
  const files: CapturedFile[] = [];
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return { fields, files };
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    // "--" right after a delimiter closes the body.
    if (body.subarray(partStart, partStart + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    // Each part sits between the delimiter's CRLF and the CRLF before the next delimiter.
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd).toString("utf8");
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? "";
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (filename === undefined) {
      fields.set(name, content.toString("utf8"));
    } else {
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? "application/octet-stream";
      files.push({
        field: name,
        filename: unescapeFilename(filename),
        contentType: type,
        data: Buffer.from(content),
      });
    }
    start = next;
  }
  return { fields, files };
}
