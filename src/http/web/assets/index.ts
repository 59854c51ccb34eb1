import { Hono, type Context } from "hono";
import { palette } from "../../../domain/organisations";
import type { AppEnv } from "../../env";
import { assets, makeAsset, versionedName, type Asset } from "./catalog";
import { embedScript } from "./scripts";

export { assetUrl, type AssetName } from "./catalog";

// A versioned URL names one body for good. The plain names (embed.js, pasted into the
// organisations' sites, and links from pages rendered before a deploy) change in place,
// so they are kept briefly and then revalidated: a 304 that costs no hashing.
const FOREVER = "public, max-age=31536000, immutable";
const BRIEFLY = "public, max-age=300";

interface Served {
  asset: Asset;
  cacheControl: string;
  extra?: Record<string, string>;
}

/** If-None-Match (weak comparison, RFC 9110 13.1.2) against the asset's precomputed tag. */
function matches(header: string | undefined, etag: string) {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

function serve(c: Context, { asset, cacheControl, extra }: Served) {
  const headers = { ETag: asset.etag, "Cache-Control": cacheControl, "X-Content-Type-Options": "nosniff", ...extra };
  if (matches(c.req.header("if-none-match"), asset.etag)) return c.body(null, 304, headers);
  return c.body(asset.body, 200, { ...headers, "Content-Type": asset.type });
}

/**
 * The pages' stylesheets, scripts and icon, served from the app itself (no CDN, no build
 * step). Bodies, hashes and ETags are made once, when the app is built; a request is a
 * map lookup and, for a revalidation, a string comparison.
 */
export function assetRoutes(publicUrl: string) {
  const embed = makeAsset(embedScript(new URL(publicUrl).origin), "text/javascript; charset=utf-8");
  const byName = new Map<string, Served>();
  for (const [name, asset] of Object.entries(assets)) {
    byName.set(name, { asset, cacheControl: BRIEFLY });
    byName.set(versionedName(name, asset.hash), { asset, cacheControl: FOREVER });
  }
  // Loaded by the organisations' own sites.
  byName.set("embed.js", { asset: embed, cacheControl: BRIEFLY, extra: { "Cross-Origin-Resource-Policy": "cross-origin" } });

  return new Hono<AppEnv>()
    .get("/accent/:file", (c) => accentSheet(c))
    .get("/:file", (c) => {
      const file = c.req.param("file");
      const found = byName.get(file);
      if (found) return serve(c, found);
      // Another version's name (a page from before or after a deploy, or an isolate still on
      // the old one): today's body, but not for keeps, since that name means other bytes.
      const other = /^([a-z]+)\.[0-9a-f]{16}(\.[a-z]+)$/.exec(file);
      const current = other && byName.get(`${other[1]}${other[2]}`);
      if (current && current.asset !== embed) return serve(c, current);
      return c.notFound();
    });
}

/** Where the stylesheet of an accent colour (#rrggbb) is. */
export const accentSheetUrl = (accent: string) => `/assets/accent/${accent.slice(1)}.css`;

/**
 * `/assets/accent/<rrggbb>.css`: an organisation's colour as the pages' custom properties,
 * with the text colours that keep it readable. A stylesheet of our own rather than an
 * inline style, so the pages' CSP stays `style-src 'self'`; it depends on the colour alone
 * (no database read). Kept for a day, not for good, so a change to the contrast rule
 * reaches pages within one.
 */
function accentSheet(c: Context) {
  const named = /^([0-9a-f]{6})\.css$/.exec(c.req.param("file") ?? "");
  if (!named) return c.notFound();
  const p = palette(`#${named[1]}`);
  const css = `:root{--accent:${p.accent};--accent-ink:${p.onAccent};--accent-text:${p.accentText}}\n`;
  return c.body(css, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" });
}
