import { and, eq, gte, ne, type SQL } from "drizzle-orm";
import { events, organisations } from "../../db/schema";
import { AppError } from "../../lib/errors";
import type { ServiceContext } from "../context";
import { eventCounts, publicEventView, type EventWithCounts, type PublicEventView } from "./eventView";
import { signupRefusal } from "./window";
import { findOrganisationBySlug } from "../organisations";

/** What an attendee-facing page needs to know about the organisation behind an event. */
export interface PublicOrganisation {
  slug: string;
  name: string;
  requireConsent: boolean;
  privacyUrl: string | null;
  embedOrigins: string[];
}

/** The refusals `signupRefusal` gives a published or cancelled event. */
export type ClosedBecause = "signup_cancelled" | "signup_not_open" | "signup_closed" | "full_no_waitlist";

export interface EventPage {
  event: PublicEventView;
  organisation: PublicOrganisation;
  /** Why the form is not offered now, as the reason a signup would be refused (the same reasons), or null. */
  closedBecause: ClosedBecause | null;
  /** When registration opens, while it has not yet. */
  opensAt: string | null;
}

const publicOrganisation = (o: typeof organisations.$inferSelect): PublicOrganisation => ({
  slug: o.slug,
  name: o.name,
  requireConsent: o.requireConsent,
  privacyUrl: o.privacyUrl,
  embedOrigins: o.embedOrigins,
});

function selectWithOrganisation(ctx: ServiceContext, where: SQL | undefined, limit = 200) {
  return ctx.db
    .select({ event: events, organisation: organisations, ...eventCounts })
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
  const counts: EventWithCounts = row;
  const refusal = signupRefusal(row.event, ctx.now(), counts);
  const closedBecause = (refusal?.reason as ClosedBecause | undefined) ?? null;
  const notYetOpen = row.event.registrationOpensAt && ctx.now() < row.event.registrationOpensAt;
  return {
    event: publicEventView(ctx, counts),
    organisation: publicOrganisation(row.organisation),
    closedBecause,
    opensAt: notYetOpen ? row.event.registrationOpensAt!.toISOString() : null,
  };
}

/** Published events that have not ended, soonest first; of one organisation when given. */
export async function upcomingEvents({ ctx, input }: { ctx: ServiceContext; input: { orgSlug?: string } }) {
  const org = input.orgSlug ? await findOrganisationBySlug(ctx, input.orgSlug) : null;
  const rows = await selectWithOrganisation(
    ctx,
    and(eq(events.status, "published"), gte(events.endsAt, ctx.now()), org ? eq(events.orgId, org.id) : undefined),
  );
  return {
    organisation: org ? publicOrganisation(org) : null,
    events: rows.map((row) => ({ event: publicEventView(ctx, row), organisation: publicOrganisation(row.organisation) })),
  };
}
