import { createMiddleware } from "hono/factory";
import { csrf } from "hono/csrf";
import { secureHeaders } from "hono/secure-headers";
import { eventPage } from "../../domain/events";
import { AppError } from "../../lib/errors";
import type { AppEnv } from "../env";
import { TURNSTILE_ORIGIN } from "./turnstile";

/**
 * Headers of every attendee page. Nothing loads from elsewhere (no fonts, no trackers)
 * except Cloudflare Turnstile when it is configured. No page may be framed, except an
 * embedded event form by the origins its organisation lists.
 */
export const pageHeaders = ({ turnstile }: { turnstile: boolean }) => {
  const challenge = turnstile ? [TURNSTILE_ORIGIN] : [];
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      scriptSrc: ["'self'", ...challenge],
      frameSrc: challenge.length ? challenge : ["'none'"],
      connectSrc: ["'self'", ...challenge],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: [(c) => c.get("frameAncestors") ?? "'none'"],
    },
    // frame-ancestors decides framing; X-Frame-Options cannot name several origins.
    xFrameOptions: false,
    // Manage links carry their secret in the path: never send it on as a Referer.
    referrerPolicy: "no-referrer",
  });
};

/**
 * Loads the event of an /e/:slug page before the headers are chosen, so an embedded form
 * can be allowed into the frames of the origins its organisation lists, and only there.
 * An unknown or draft event answers 404 here, before anything else runs.
 */
export const loadEventPage = createMiddleware<AppEnv>(async (c, next) => {
  const slug = c.req.param("slug");
  if (!slug) throw new AppError("event_not_found");
  const page = await eventPage({ ctx: c.var.ctx, input: { slug } });
  c.set("eventPage", page);
  if (c.req.query("embed") === "1")
    c.set("frameAncestors", page.organisation.embedOrigins.length ? page.organisation.embedOrigins.join(" ") : "'none'");
  await next();
});

/**
 * Forms are accepted only from our own pages: the browser's Origin (or Sec-Fetch-Site)
 * must be ours. This holds inside a cross-site iframe too, where cookies would not.
 */
export const sameOriginForms = (publicUrl: string) => {
  const ours = new URL(publicUrl).origin;
  return csrf({ origin: (origin, c) => origin === ours || origin === new URL(c.req.url).origin });
};
