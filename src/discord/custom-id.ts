/**
 * Button state lives in the custom id (no database): `zb1:src:<citation>` opens a paragraph,
 * `zb1:more:<page>:<year>:<question>` pages an /ask answer. Discord caps a custom id at 100 characters;
 * a question too long for that is not cut (a cut question would page a different search): the id then
 * carries an empty question and the handler reads the full question from the message's embed footer.
 * The `zb1` version means ids from an older format are answered as expired, never misread.
 */

export const CUSTOM_ID_MAX = 100;
const PREFIX = "zb1";

export type ButtonState =
  | { kind: "source"; citation: string }
  | { kind: "more"; page: number; year: number | null; question: string | null }
  | { kind: "invalid"; reason: "malformed" | "expired" };

export function sourceId(citation: string): string | null {
  const id = `${PREFIX}:src:${citation}`;
  return /^[a-z0-9-]+#\d+$/.test(citation) && id.length <= CUSTOM_ID_MAX ? id : null;
}

/** The id for "more results"; `inline` is false when the question had to stay in the message instead. */
export function moreId(question: string, page: number, year: number | null): { id: string; inline: boolean } {
  const head = `${PREFIX}:more:${page}:${year ?? ""}:`;
  const id = `${head}${question}`;
  // Discord counts characters; UTF-16 length is never smaller, so this check is safe for both.
  if (id.length <= CUSTOM_ID_MAX && question !== "") return { id, inline: true };
  return { id: head, inline: false };
}

export function decodeCustomId(raw: string): ButtonState {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > CUSTOM_ID_MAX) {
    return { kind: "invalid", reason: "malformed" };
  }
  const [prefix, kind] = raw.split(":", 2);
  if (prefix !== PREFIX) {
    // An older zbN format (or another bot's button in a shared message): stale, not broken.
    return { kind: "invalid", reason: /^zb\d+$/.test(prefix ?? "") ? "expired" : "malformed" };
  }
  if (kind === "src") {
    const citation = raw.slice(`${PREFIX}:src:`.length);
    return /^[a-z0-9-]+#\d+$/.test(citation)
      ? { kind: "source", citation }
      : { kind: "invalid", reason: "malformed" };
  }
  if (kind === "more") {
    const m = raw.match(/^zb1:more:(\d{1,2}):((?:19|20|21)\d\d)?:(.*)$/su);
    const page = Number(m?.[1]);
    if (!m || page < 1 || page > 99) return { kind: "invalid", reason: "malformed" };
    return {
      kind: "more",
      page,
      year: m[2] ? Number(m[2]) : null,
      question: m[3] === "" ? null : (m[3] ?? null),
    };
  }
  return { kind: "invalid", reason: "malformed" };
}
