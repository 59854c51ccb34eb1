import { customAlphabet, nanoid } from "nanoid";
import { timingSafeEqual } from "hono/utils/buffer";

// Lower-case, no look-alikes: ids appear in URLs and get read aloud on the phone.
const idAlphabet = customAlphabet("0123456789abcdefghjkmnpqrstvwxyz", 20);

/** A public identifier such as `evt_…`; not a secret, but not guessable either. */
export const newId = (prefix: string) => `${prefix}_${idAlphabet()}`;

/** A 132-bit random secret (22 url-safe characters); only its hash is ever stored. */
export const newSecret = () => nanoid(22);

export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Constant-time comparison, so a stored hash never leaks through response timing. */
export const sameSecret = (a: string, b: string) => timingSafeEqual(a, b);
