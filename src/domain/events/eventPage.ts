import { and, eq, gte, ne, sql, type SQL } from "drizzle-orm";
import { events, eventTallies, organisations } from "../../db/schema";
import { prepared } from "../../db/prepared";
import { AppError } from "../../lib/errors";
import type { OrgScope, ServiceContext } from "../context";
import { eventCounts, publicEventView, type EventWithCounts, type PublicEventView } from "./eventView";
import { signupRefusal } from "./window";
import { coverOf, type CoverView } from "./coverView";
import { findOrganisationBySlug, publicBrand, type PublicBrand } from "../organisations";

/** What an attendee-facing page needs to know about the organisation behind an event. */
export interface PublicOrganisation {
  slug: string;
  name: string;
  requireConsent: boolean;
  privacyUrl: string | null;
  embedOrigins: string[];
  /** Logo, colour, contact and footer, as the pages and the embed show them. */
  brand: PublicBrand;
}

/** The refusals `signupRefusal` gives a published or cancelled event. */
export type ClosedBecause = "signup_cancelled" | "signup_not_open" | "signup_closed" | "full_no_waitlist";

export interface EventPage {
  event: PublicEventView;
  /** The cover image with its size in pixels and alt text, or null. */
  cover: CoverView | null;
  organisation: PublicOrganisation;
  /** Why the form is not offered now, as the reason a signup would be refused (the same reasons), or null. */
  closedBecause: ClosedBecause | null;
  /** When registration opens, while it has not yet. */
  opensAt: string | null;
  /** What a cached copy of the page must still match (see `eventPageStamp`). */
  stamp: string;
  /** The next moment the page changes by itself (registration opens or closes, the start, the end), in ms; null when none is ahead. */
  changesAt: number | null;
}

const publicOrganisation = (ctx: ServiceContext, o: typeof organisations.$inferSelect): PublicOrganisation => ({
  slug: o.slug,
  name: o.name,
  requireConsent: o.requireConsent,
  privacyUrl: o.privacyUrl,
  embedOrigins: o.embedOrigins,
  brand: publicBrand(ctx, o),
});

/**
 * The seat counts of an event's sessions as one short string, in a fixed order: what a
 * cached page must still match once it shows a programme. A session added, changed or
 * cancelled raises the event's page version (trigger); a seat taken or given up in a
 * session does not, so the counts are part of the stamp. Empty without sessions: one
 * probe of the (event_id, starts_at) index.
 */
const sessionSeatsStamp = sql<string | null>`(
  SELECT group_concat(c, ',') FROM (
    SELECT coalesce(t.confirmed, 0) || '.' || coalesce(t.waitlisted, 0) AS c
    FROM event_sessions s LEFT JOIN session_tallies t ON t.session_id = s.id
    WHERE s.event_id = "events"."id" ORDER BY s.id))`;

function selectWithOrganisation(ctx: ServiceContext, where: SQL | undefined, limit = 200) {
  return ctx.db
    .select({ event: events, organisation: organisations, ...eventCounts, sessionSeats: sessionSeatsStamp })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.orgId))
    .where(where)
    .orderBy(events.startsAt)
    .limit(limit);
}

/** A published (or cancelled) event by its slug, as its public page shows it. Drafts are not found. */
export async function eventPage({ ctx, input }: { ctx: ServiceContext; input: { slug: string } }): Promise<EventPage> {
  const [row] = await selectWithOrganisation(ctx, and(eq(events.slug, input.slug), ne(events.status, "draft")), 1);
  if (!row) throw new AppError("event_not_found");
  return pageOf(ctx, row);
}

/** A published (or cancelled) event by its id, as its public page shows it: for the pages an invitation's link opens. */
export async function eventPageById({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<EventPage> {
  const [row] = await selectWithOrganisation(ctx, and(eq(events.id, input.id), ne(events.status, "draft")), 1);
  if (!row) throw new AppError("event_not_found");
  return pageOf(ctx, row);
}

/**
 * An event of the organisation as its public page would show it, a draft too: for the
 * organiser's preview behind sign-in, never for the public.
 */
export async function eventPreview({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { id: string } }): Promise<EventPage> {
  const [row] = await selectWithOrganisation(ctx, and(eq(events.id, input.id), eq(events.orgId, input.orgId)), 1);
  if (!row) throw new AppError("event_not_found");
  return pageOf(ctx, row);
}

function pageOf(ctx: ServiceContext, row: EventWithCounts & { organisation: typeof organisations.$inferSelect; sessionSeats: string | null }): EventPage {
  const counts: EventWithCounts = row;
  // A draft's preview shows the form as it will be once published.
  const shown = row.event.status === "draft" ? { ...row.event, status: "published" as const } : row.event;
  const refusal = signupRefusal(shown, ctx.now(), counts);
  const closedBecause = (refusal?.reason as ClosedBecause | undefined) ?? null;
  const notYetOpen = row.event.registrationOpensAt && ctx.now() < row.event.registrationOpensAt;
  return {
    event: publicEventView(ctx, counts),
    cover: coverOf(ctx, row.event),
    organisation: publicOrganisation(ctx, row.organisation),
    closedBecause,
    opensAt: notYetOpen ? row.event.registrationOpensAt!.toISOString() : null,
    stamp: stampOf(row.event.pageVersion, counts, row.sessionSeats),
    changesAt: nextChange(row.event, ctx.now().getTime()),
  };
}

// Offered seats too: an offer declined with nobody waiting frees a seat and nothing else.
const stampOf = (version: number, counts: { confirmed: number; waitlisted: number; offered: number }, sessionSeats: string | null) =>
  `${version}.${counts.confirmed}.${counts.waitlisted}.${counts.offered}${sessionSeats ? `/${sessionSeats}` : ""}`;

function nextChange(e: Pick<EventWithCounts["event"], "registrationOpensAt" | "registrationClosesAt" | "startsAt" | "endsAt">, now: number) {
  const ahead = [e.registrationOpensAt, e.registrationClosesAt, e.startsAt, e.endsAt].map((d) => d?.getTime() ?? 0).filter((t) => t > now);
  return ahead.length ? Math.min(...ahead) : null;
}

const stampQuery = (ctx: ServiceContext) =>
  prepared(ctx.db, "eventPage.stamp", (db) =>
    db
      .select({
        version: events.pageVersion,
        confirmed: eventTallies.confirmed,
        waitlisted: eventTallies.waitlisted,
        offered: eventTallies.offered,
        sessionSeats: sessionSeatsStamp,
      })
      .from(events)
      .leftJoin(eventTallies, eq(eventTallies.eventId, events.id))
      .where(and(eq(events.slug, sql.placeholder("slug")), ne(events.status, "draft")))
      .prepare(),
  );

/**
 * What an event's public page shows that can change without the page being rendered
 * again: its version (raised by every change to the event, its organisation or its
 * sessions, in the same statement) and its counts, its sessions' included. One query: a
 * cached page still matching it is still the page. Null for an event that is gone or a draft.
 */
export async function eventPageStamp(ctx: ServiceContext, slug: string): Promise<string | null> {
  const [row] = await stampQuery(ctx).all({ slug });
  return row ? stampOf(row.version, { confirmed: row.confirmed ?? 0, waitlisted: row.waitlisted ?? 0, offered: row.offered ?? 0 }, row.sessionSeats) : null;
}

/**
 * Published, listed events that have not ended, soonest first; of one organisation when
 * given. An unlisted event is reachable by its link only.
 */
export async function upcomingEvents({ ctx, input }: { ctx: ServiceContext; input: { orgSlug?: string } }) {
  const org = input.orgSlug ? await findOrganisationBySlug(ctx, input.orgSlug) : null;
  const rows = await selectWithOrganisation(
    ctx,
    and(eq(events.status, "published"), eq(events.listed, true), gte(events.endsAt, ctx.now()), org ? eq(events.orgId, org.id) : undefined),
  );
  return {
    organisation: org ? publicOrganisation(ctx, org) : null,
    events: rows.map((row) => ({ event: publicEventView(ctx, row), organisation: publicOrganisation(ctx, row.organisation) })),
  };
}
