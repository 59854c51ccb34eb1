import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { eq } from "drizzle-orm";
import { organisations } from "../../db/schema";
import type { ServiceContext } from "../context";

/**
 * Check-in codes: an HMAC of the registration id under the organisation's `checkin_key`,
 * cut to 50 bits and written in Crockford base32 (no I, L, O or U, so nothing is misread
 * at a noisy door). Nothing is stored: the code is recomputed whenever it is needed, and a
 * code from another organisation never verifies because its key differs.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 10;
// Versioned, so a future code of another shape can never collide with this one.
const DOMAIN = "plats-checkin-v1:";

/** The code of a registration, 10 characters without the dash. */
export function checkinCode(keyHex: string, registrationId: string): string {
  const mac = hmac(sha256, hexToBytes(keyHex), utf8ToBytes(DOMAIN + registrationId));
  let out = "";
  // 10 characters × 5 bits = the first 50 bits of the MAC.
  let bits = 0;
  let value = 0;
  for (let i = 0; out.length < CODE_LENGTH; i++) {
    value = (value << 8) | mac[i]!;
    bits += 8;
    while (bits >= 5 && out.length < CODE_LENGTH) {
      bits -= 5;
      out += ALPHABET[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** `ABCDE-12345`: the form people read out and type. */
export const formatCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/**
 * A typed code in canonical form, or null when it cannot be one. Case, spaces and dashes
 * do not matter, and the letters Crockford base32 leaves out are read as the digits they
 * look like (O → 0, I and L → 1).
 */
export function normaliseCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}

/**
 * Whether `code` (canonical) belongs to the registration, compared in constant time.
 * Synchronous on purpose: a typed code is compared with every code of an event, and the
 * async compare in lib/secrets goes through crypto.subtle twice per call.
 */
export function verifyCode(keyHex: string, registrationId: string, code: string): boolean {
  const expected = checkinCode(keyHex, registrationId);
  let diff = expected.length ^ code.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (code.charCodeAt(i) || 0);
  return diff === 0;
}

/** What a QR code holds: a link into the workspace, so a phone's own camera app works too. */
export const checkinUrl = (ctx: ServiceContext, registrationId: string, code: string) =>
  `${ctx.publicUrl}/admin/c/${registrationId}.${code}`;

/** What a scanner or a person handed us: a registration and its code, or a bare code. */
export type ScannedCode = { registrationId: string | null; code: string };

const idShape = /^reg_[0-9a-z]{20}$/;

/**
 * Reads a scanned QR link (`…/admin/c/<id>.<code>`), its last path part alone, or a typed
 * code. Null when it is none of these.
 */
export function parseScanned(input: string): ScannedCode | null {
  const value = input.trim();
  if (value.length > 500) return null;
  const last = value.split(/[?#]/)[0]!.split("/").pop() ?? "";
  const dot = last.lastIndexOf(".");
  if (dot > 0) {
    const registrationId = last.slice(0, dot);
    const code = normaliseCode(last.slice(dot + 1));
    return idShape.test(registrationId) && code ? { registrationId, code } : null;
  }
  const code = normaliseCode(value);
  return code ? { registrationId: null, code } : null;
}

/** The organisation's signing key (null only for a database from before keys existed). */
export async function checkinKeyOf(ctx: ServiceContext, orgId: string): Promise<string | null> {
  const [org] = await ctx.db.select({ key: organisations.checkinKey }).from(organisations).where(eq(organisations.id, orgId));
  return org?.key ?? null;
}

export interface CheckinPass {
  /** `ABCDE-12345`. */
  code: string;
  /** What the QR code encodes. */
  url: string;
}

/** The code and QR link an attendee shows at the door. */
export function checkinPass(ctx: ServiceContext, keyHex: string | null, registrationId: string): CheckinPass | null {
  if (!keyHex) return null;
  const code = checkinCode(keyHex, registrationId);
  return { code: formatCode(code), url: checkinUrl(ctx, registrationId, code) };
}
