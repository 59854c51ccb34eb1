import { customAlphabet, nanoid } from "nanoid";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { timingSafeEqual } from "hono/utils/buffer";

// Lower-case, no look-alikes: ids appear in URLs and get read aloud on the phone.
const idAlphabet = customAlphabet("0123456789abcdefghjkmnpqrstvwxyz", 20);

/** A public identifier such as `evt_…`; not a secret, but not guessable either. */
export const newId = (prefix: string) => `${prefix}_${idAlphabet()}`;

/** A 132-bit random secret (22 url-safe characters); only its hash is ever stored. */
export const newSecret = () => nanoid(22);

/**
 * SHA-256 as hex. Synchronous on purpose: every signup hashes its manage link, and
 * crypto.subtle's round trip through Node's thread pool left the event loop idle under a
 * flash crowd (measured by `npm run bench`). Same digest on Node and workerd.
 */
export const sha256Hex = (value: string): string => bytesToHex(sha256(utf8ToBytes(value)));

/** Constant-time comparison, so a stored hash never leaks through response timing. */
export const sameSecret = (a: string, b: string) => timingSafeEqual(a, b);

/** 256 random bits as hex: a signing key (kept, not a credential anyone presents). */
export const newKey = () => bytesToHex(crypto.getRandomValues(new Uint8Array(32)));
