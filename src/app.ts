import { Hono } from "hono";
import type { Db } from "./db/client";
import { eventRoutes } from "./http/api/events";
import { brandRoutes } from "./http/brand";
import { calendarRoutes } from "./http/calendar";
import { manageRoutes } from "./http/api/manage";
import { organisationRoutes } from "./http/api/organisation";
import { registrationRoutes } from "./http/api/registrations";
import { sessionRoutes } from "./http/api/sessions";
import { invitationRoutes } from "./http/api/invitations";
import { webhookRoutes } from "./http/api/webhooks";
import type { AppContext, AppEnv } from "./http/env";
import { onError, onNotFound } from "./http/errors";
import { limitBody, requireJsonBody } from "./http/middleware";
import { memoryBudget, type SignupLimits } from "./http/signupLimits";
import { serviceContext } from "./domain/context";
import { databaseBudget, type Budget, type BudgetLimit } from "./domain/limits";
import { outboxHealth } from "./domain/outbox";
import { webRoutes } from "./http/web";
import { docsRoutes } from "./http/api/docs";
import { describeApi, OPENAPI_PATH } from "./http/api/openapi/document";
import { adminRoutes } from "./http/web/admin";
import { notFoundPage } from "./http/web/pages/errorPage";
import type { Turnstile } from "./http/web/turnstile";
import type { PageCacheOptions } from "./http/web/pageCache";
import { buildInRequest, type XlsxBuilder } from "./lib/spreadsheet";

export interface AppDeps {
  db: Db;
  publicUrl: string;
  now?: () => Date;
  /** People signed up per client address and window (see `signupRateLimit` in config.ts); null turns the limit off. */
  signupRateLimit: BudgetLimit | null;
  /** Replaces the in-memory people budget when set and the limit is on (Workers: the Rate Limiting binding). */
  signupBudget?: Budget;
  /** Signups for addresses other than the submitter's per client address and window, counted in the database; absent or null: no limit. */
  otherAddressLimit?: BudgetLimit | null;
  /** The caller's address as this runtime knows it (socket, proxy header, cf header). */
  clientIp?: (c: AppContext) => string | undefined;
  /** Cloudflare Turnstile on the signup form, when its keys are configured. */
  turnstile?: Turnstile | null;
  /** Where public pages are kept between views (none: every view is rendered). */
  pages?: PageCacheOptions;
  /** Builds XLSX downloads: Node hands them to a worker thread; by default (Workers) they are built in the request. */
  buildXlsx?: XlsxBuilder;
  /** Webhooks may go to private addresses and plain http (WEBHOOK_ALLOW_PRIVATE: development and tests only). */
  allowPrivateWebhooks?: boolean;
}

/** The whole service as one Hono app. Pure: no I/O until a request arrives. */
export function createApp(deps: AppDeps) {
  const ctx = serviceContext(deps);
  const limit = deps.signupRateLimit;
  const clientIp = deps.clientIp ?? (() => undefined);
  const buildXlsx = deps.buildXlsx ?? buildInRequest;
  // One set of budgets for the API's signups and the form's: one count per address for both.
  const signupLimits: SignupLimits = {
    people: limit ? (deps.signupBudget ?? memoryBudget(limit)) : null,
    otherAddresses: deps.otherAddressLimit ? databaseBudget(ctx, "other-addresses", deps.otherAddressLimit) : null,
    clientIp,
  };
  const pages = deps.pages ?? { store: null, freshMs: 0 };
  const web = webRoutes({ publicUrl: ctx.publicUrl, signupLimits, turnstile: deps.turnstile ?? null, clientIp, pages });

  const api = new Hono<AppEnv>()
    .use(limitBody, requireJsonBody)
    .route("/events", eventRoutes(signupLimits))
    .route("/registrations", registrationRoutes)
    .route("/sessions", sessionRoutes)
    .route("/invitations", invitationRoutes)
    .route("/manage", manageRoutes)
    .route("/organisation", organisationRoutes)
    .route("/webhooks", webhookRoutes);

  return new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set("ctx", ctx);
      c.set("buildXlsx", buildXlsx);
      await next();
    })
    .get("/healthz", async (c) => {
      try {
        // 200 while the database answers, with the outbox's state for monitoring to alert on.
        return c.json({ ok: true, outbox: await outboxHealth(ctx) });
      } catch (err) {
        console.error("healthz: database did not answer", err);
        return c.json({ ok: false }, 503);
      }
    })
    // The description and its reference page are public and outside the API's body and token checks.
    .get(OPENAPI_PATH, describeApi(api))
    .route("/api", docsRoutes)
    .route("/api/v1", api)
    .route("/", calendarRoutes)
    .route("/", brandRoutes)
    .route("/admin", adminRoutes({ publicUrl: ctx.publicUrl }))
    .route("/", web)
    // Outside the API a person is reading: an unknown address gets a page, not JSON.
    .notFound((c) => (c.req.path.startsWith("/api/") ? onNotFound(c) : notFoundPage(c)))
    .onError(onError);
}

export type App = ReturnType<typeof createApp>;
