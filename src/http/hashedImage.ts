import type { Context } from "hono";

const FOREVER = "public, max-age=31536000, immutable";

/** `<hash>.<ext>` as a hashed image URL's last part names it, or null. */
export function hashedFileName(file: string) {
  const named = /^([0-9a-f]{32})\.([a-z]{3,4})$/.exec(file);
  return named ? { hash: named[1]!, ext: named[2]! } : null;
}

/**
 * An image from the database under a URL that names its bytes by their hash: kept for
 * good, its type as stored (never sniffed by the browser), and loadable by mail clients
 * and the organisations' own sites, hence the cross-origin resource policy.
 */
export function hashedImage(c: Context, hash: string, image: { bytes: Uint8Array; contentType: string }) {
  const headers = {
    "Cache-Control": FOREVER,
    ETag: `"${hash}"`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'",
    "Cross-Origin-Resource-Policy": "cross-origin",
  };
  if (c.req.header("if-none-match")?.includes(`"${hash}"`)) return c.body(null, 304, headers);
  return c.body(image.bytes as Uint8Array<ArrayBuffer>, 200, { ...headers, "Content-Type": image.contentType });
}
