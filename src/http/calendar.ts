import { Hono } from "hono";
import { etag } from "hono/etag";
import { eventCalendar, organisationFeed, personalSessionFeed } from "../domain/calendars";
import type { Language } from "../db/schema";
import type { AppContext, AppEnv } from "./env";
import { webError } from "./web/pages/errorPage";
import { onError } from "./errors";

// Calendar apps poll feeds; let them revalidate cheaply (ETag / 304). A registrant's own
// file (served with the manage pages) is never kept by a shared cache.
export const icsResponse = (c: AppContext, file: { filename: string; ics: string }, cache = "public, max-age=300") =>
  c.body(file.ics, 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    "Content-Disposition": `inline; filename="${file.filename}"`,
    "Cache-Control": cache,
  });

// `?lang=` picks the event's words in that language; anything else means its own.
const languages: readonly string[] = ["sv", "en", "nb"];
const calendarLanguage = (c: AppContext) => {
  const lang = c.req.query("lang");
  return lang && languages.includes(lang) ? (lang as Language) : undefined;
};

export const calendarRoutes = new Hono<AppEnv>()
  .get("/e/:slug/calendar.ics", etag(), async (c) =>
    icsResponse(c, await eventCalendar({ ctx: c.var.ctx, input: { slug: c.req.param("slug"), language: calendarLanguage(c) } })),
  )
  .get("/o/:org/calendar.ics", etag(), async (c) =>
    icsResponse(c, await organisationFeed({ ctx: c.var.ctx, input: { orgSlug: c.req.param("org") } })),
  )
  // A registration's sessions as a feed a calendar app subscribes to, behind the manage
  // link like its own calendar file (which the manage pages serve). Revalidated by ETag,
  // and never kept by a shared cache: the address is a secret.
  .get("/r/:token/sessions.ics", etag(), async (c) =>
    icsResponse(c, await personalSessionFeed({ ctx: c.var.ctx, input: { token: c.req.param("token") } }), "private, no-cache"),
  )
  // A link followed in a browser (an old newsletter, a deleted event) gets a page, as the
  // event page would; calendar apps and scripts keep the one error shape.
  .onError((err, c) => ((c.req.header("accept") ?? "").includes("text/html") ? webError(err, c) : onError(err, c)));
