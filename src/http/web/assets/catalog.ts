import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { adminStylesheet } from "./admin";
import { adminScript } from "./adminScript";
import { checkinScript } from "./checkinScript";
import { iconSvg } from "./icon";
import { frameScript } from "./scripts";
import { sessionsScript } from "./sessionsScript";
import { stylesheet } from "./style";
import { jsqr } from "./vendor/jsqr";

/** One file as it is served: its body and its content hash, worked out once. */
export interface Asset {
  body: string;
  type: string;
  /** 64 bits of the body's SHA-256, in hex: the version in its URL and its ETag. */
  hash: string;
  etag: string;
}

// Synchronous (pure JS) hashing, so the URLs exist at import time for the page layouts;
// the whole set is about 200 KiB (most of it the QR reader), hashed once per process or
// isolate in a few milliseconds.
export function makeAsset(body: string, type: string): Asset {
  const hash = bytesToHex(sha256(utf8ToBytes(body))).slice(0, 16);
  return { body, type, hash, etag: `"${hash}"` };
}

const css = "text/css; charset=utf-8";
const js = "text/javascript; charset=utf-8";

/** The files pages link to. embed.js is not here: it depends on PUBLIC_URL (see index.ts). */
export const assets = {
  "plats.css": makeAsset(stylesheet, css),
  "admin.css": makeAsset(adminStylesheet, css),
  "admin.js": makeAsset(adminScript, js),
  "checkin.js": makeAsset(checkinScript, js),
  // The door's QR reader where the browser has none of its own: fetched by checkin.js
  // only when the camera starts there, so the door page itself stays light.
  "jsqr.js": makeAsset(jsqr.source, js),
  "frame.js": makeAsset(frameScript, js),
  "sessions.js": makeAsset(sessionsScript, js),
  "icon.svg": makeAsset(iconSvg, "image/svg+xml"),
} satisfies Record<string, Asset>;

export type AssetName = keyof typeof assets;

/** `plats.css` with hash h → `plats.h.css`. */
export const versionedName = (name: string, hash: string) => name.replace(/(\.[a-z]+)$/, `.${hash}$1`);

/**
 * What pages link to: the versioned URL, e.g. `/assets/plats.0123456789abcdef.css`. A new
 * body is a new URL, so browsers and shared caches may keep each one for a year.
 */
export const assetUrl = Object.fromEntries(
  Object.entries(assets).map(([name, asset]) => [name, `/assets/${versionedName(name, asset.hash)}`]),
) as Record<AssetName, string>;
