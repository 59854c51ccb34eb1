import { Hono } from "hono";
import { upcomingEvents } from "../../domain/events";
import type { AppContext, AppEnv } from "../env";
import type { SignupLimits } from "../signupLimits";
import { assetRoutes } from "./assets";
import { eventPageRoutes } from "./eventRoutes";
import { pageLanguage } from "./language";
import { pageInfo, renderPage } from "./layout";
import { invitationRoutes } from "./invitationRoutes";
import { managePageRoutes } from "./manageRoutes";
import { webError } from "./pages/errorPage";
import { HomePage } from "./pages/homePage";
import { cachedPages, type PageCacheOptions } from "./pageCache";
import { pageHeaders } from "./security";
import type { Turnstile } from "./turnstile";

export interface WebOptions {
  publicUrl: string;
  /** The per-address limits on signups (shared with the API's). */
  signupLimits: SignupLimits;
  turnstile: Turnstile | null;
  clientIp: (c: AppContext) => string | undefined;
  /** Where public pages are kept, and how long one is served without asking the database. */
  pages: PageCacheOptions;
}

/** The attendee pages: server-rendered, usable without JavaScript, errors shown as pages. */
export function webRoutes(options: WebOptions) {
  const turnstile = options.turnstile !== null;
  return new Hono<AppEnv>()
    .route("/assets", assetRoutes(options.publicUrl))
    .get("/", cachedPages(options.pages), pageHeaders({ turnstile }), async (c) => {
      const orgSlug = c.req.query("org") || undefined;
      const data = await upcomingEvents({ ctx: c.var.ctx, input: { orgSlug } });
      // The list changes with every event: kept for its time only, and never past an end.
      const ends = data.events.map((e) => Date.parse(e.event.endsAt));
      c.set("pageFacts", { stamp: null, changesAt: ends.length ? Math.min(...ends) : null });
      return renderPage(c, <HomePage page={pageInfo(pageLanguage(c), c.req.url)} data={data} />);
    })
    .route("/e", eventPageRoutes(options))
    .route("/r", managePageRoutes({ publicUrl: options.publicUrl, turnstile }))
    .route("/i", invitationRoutes({ publicUrl: options.publicUrl, turnstile }))
    .onError(webError);
}
