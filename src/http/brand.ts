import { Hono } from "hono";
import { readLogo } from "../domain/organisations";
import { AppError } from "../lib/errors";
import type { AppEnv } from "./env";

const FOREVER = "public, max-age=31536000, immutable";

/**
 * `/o/:org/logo/<hash>.<ext>`: an organisation's logo from the database, on both
 * runtimes. The hash names the bytes, so the answer is kept for good; an unknown or
 * replaced logo is 404 in the error shape. Mail clients and the organisations' own
 * sites load it too, hence the cross-origin resource policy.
 */
export const brandRoutes = new Hono<AppEnv>().get("/o/:org/logo/:file", async (c) => {
  const named = /^([0-9a-f]{32})\.([a-z]{3,4})$/.exec(c.req.param("file"));
  if (!named) throw new AppError("not_found");
  const [, hash, ext] = named as unknown as [string, string, string];
  const logo = await readLogo({ ctx: c.var.ctx, input: { orgSlug: c.req.param("org"), hash, ext } });
  const headers = {
    "Cache-Control": FOREVER,
    ETag: `"${hash}"`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'",
    "Cross-Origin-Resource-Policy": "cross-origin",
  };
  if (c.req.header("if-none-match")?.includes(`"${hash}"`)) return c.body(null, 304, headers);
  return c.body(logo.bytes as Uint8Array<ArrayBuffer>, 200, { ...headers, "Content-Type": logo.contentType });
});
