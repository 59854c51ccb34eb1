import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { sameSecret } from "../../lib/secrets";

// Versioned, and apart from the check-in codes and receipts made with the same key.
const DOMAIN = "plats-invitation-v1:";
const ID = /^inv_[0-9a-z]{8,40}$/;

const macOf = (keyHex: string, id: string) => bytesToHex(hmac(sha256, hexToBytes(keyHex), utf8ToBytes(DOMAIN + id))).slice(0, 32);

/**
 * An invitation's token, `<id>.<mac>`: the MAC (128 bits) of its id under the
 * organisation's key. Nothing secret is stored; the link can be made again for a resend
 * or the organiser's list, and one of another organisation never verifies.
 */
export const invitationToken = (keyHex: string, id: string) => `${id}.${macOf(keyHex, id)}`;

/** The invitation id a token claims, before its MAC is checked (null: not a token's shape). */
export function claimedInvitation(token: string): string | null {
  const [id, mac, ...rest] = token.split(".");
  return id && mac && !rest.length && ID.test(id) && /^[0-9a-f]{32}$/.test(mac) ? id : null;
}

/** Whether `token` is the invitation's own, compared in constant time. */
export const tokenMatches = (keyHex: string, id: string, token: string) => sameSecret(token, invitationToken(keyHex, id));
