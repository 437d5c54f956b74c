/**
 * Discord signs every request to the Interactions Endpoint URL with Ed25519 over `timestamp + body`
 * (headers X-Signature-Ed25519 and X-Signature-Timestamp). A request that does not verify against the
 * application's public key is refused with 401 — Discord itself probes the endpoint with bad signatures
 * and will not save the URL unless they are refused.
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";

// DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow.
const SPKI_ED25519 = Buffer.from("302a300506032b6570032100", "hex");

/** The application's public key (64 hex characters, Developer Portal → General Information). */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error("DISCORD_PUBLIC_KEY must be 64 hex characters");
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519, Buffer.from(hex, "hex")]),
    format: "der",
    type: "spki",
  });
}

export function verifySignature(
  key: KeyObject,
  body: Buffer,
  signature: string | undefined,
  timestamp: string | undefined,
): boolean {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  try {
    return verify(
      null,
      Buffer.concat([Buffer.from(timestamp, "utf8"), body]),
      key,
      Buffer.from(signature, "hex"),
    );
  } catch {
    return false;
  }
}
