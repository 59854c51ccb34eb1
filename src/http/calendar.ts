import { Hono } from "hono";
import { etag } from "hono/etag";
import { eventCalendar, organisationFeed } from "../services/calendarFeeds";
import type { AppContext, AppEnv } from "./env";

const ics = (c: AppContext, file: { filename: string; ics: string }) =>
  c.body(file.ics, 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `inline; filename="${file.filename}"`,
    // Calendar apps poll feeds; let them revalidate cheaply (ETag / 304).
    "Cache-Control": "public, max-age=300",
  });

export const calendarRoutes = new Hono<AppEnv>()
  .get("/e/:slug/calendar.ics", etag(), async (c) =>
    ics(c, await eventCalendar({ ctx: c.var.ctx, input: { slug: c.req.param("slug") } })),
  )
  .get("/o/:org/calendar.ics", etag(), async (c) =>
    ics(c, await organisationFeed({ ctx: c.var.ctx, input: { orgSlug: c.req.param("org") } })),
  );
