import { Hono } from "hono";
import { readCover } from "../domain/events";
import { readLogo } from "../domain/organisations";
import { AppError } from "../lib/errors";
import type { AppEnv } from "./env";
import { hashedFileName, hashedImage } from "./hashedImage";

/**
 * `/o/:org/logo/<hash>.<ext>` and `/e/:slug/cover/<hash>.<ext>`: an organisation's logo
 * and an event's cover from the database, on both runtimes. The hash names the bytes, so
 * the answer is kept for good; an unknown or replaced image is 404 in the error shape.
 */
export const brandRoutes = new Hono<AppEnv>()
  .get("/o/:org/logo/:file", async (c) => {
    const named = hashedFileName(c.req.param("file"));
    if (!named) throw new AppError("not_found");
    const logo = await readLogo({ ctx: c.var.ctx, input: { orgSlug: c.req.param("org"), ...named } });
    return hashedImage(c, named.hash, logo);
  })
  .get("/e/:slug/cover/:file", async (c) => {
    const named = hashedFileName(c.req.param("file"));
    if (!named) throw new AppError("not_found");
    const cover = await readCover({ ctx: c.var.ctx, input: { slug: c.req.param("slug"), ...named } });
    return hashedImage(c, named.hash, cover);
  });
