import type { Context } from "hono";
import type { organisations } from "../db/schema";
import type { ServiceContext } from "../domain/context";
import type { EventPage } from "../domain/events";
import type { Member } from "../domain/accounts";
import type { PageFacts } from "./web/pageStore";
import type { XlsxBuilder } from "../lib/spreadsheet";

export type Organisation = typeof organisations.$inferSelect;

/** The one Hono environment type of the app. */
export type AppEnv = {
  Variables: {
    ctx: ServiceContext;
    /** The runtime's XLSX builder (`AppDeps.buildXlsx`). */
    buildXlsx: XlsxBuilder;
    /** Set by the bearer-token middleware on organiser routes. */
    org: Organisation;
    /** The API token of the request, named in the audit log. */
    apiToken: { id: string; name: string };
    /** The event behind an /e/:slug page, loaded before the page's headers are chosen. */
    eventPage: EventPage | null;
    /** CSP frame-ancestors of this page: who may show it in an iframe. */
    frameAncestors: string;
    /** Set by a public page that may be kept (see src/http/web/pageCache.ts). */
    pageFacts: PageFacts;
    /** The signed-in member on /admin pages, and their organisation's name. */
    member: Member;
    orgName: string;
    /** The session cookie's value, for the one change that keeps this session alone (a new password). */
    sessionToken: string;
  };
};

export type AppContext = Context<AppEnv>;
