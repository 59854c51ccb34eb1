import { Hono } from "hono";
import { etag } from "hono/etag";
import { eventCalendar, organisationFeed, personalCalendar } from "../services/calendarFeeds";
import type { AppContext, AppEnv } from "./env";

// Calendar apps poll feeds; let them revalidate cheaply (ETag / 304). A registrant's own
// file is behind their manage link and is never kept by a shared cache.
const ics = (c: AppContext, file: { filename: string; ics: string }, cache = "public, max-age=300") =>
  c.body(file.ics, 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `inline; filename="${file.filename}"`,
    "Cache-Control": cache,
  });

export const calendarRoutes = new Hono<AppEnv>()
  .get("/e/:slug/calendar.ics", etag(), async (c) =>
    ics(c, await eventCalendar({ ctx: c.var.ctx, input: { slug: c.req.param("slug") } })),
  )
  .get("/o/:org/calendar.ics", etag(), async (c) =>
    ics(c, await organisationFeed({ ctx: c.var.ctx, input: { orgSlug: c.req.param("org") } })),
  )
  .get("/r/:token/calendar.ics", async (c) =>
    ics(c, await personalCalendar({ ctx: c.var.ctx, input: { token: c.req.param("token") } }), "private, no-store"),
  );
