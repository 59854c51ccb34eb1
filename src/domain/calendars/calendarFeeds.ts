import { and, eq, gte, ne } from "drizzle-orm";
import { calendarEvent } from "../../calendar/fromEvent";
import { renderPublished } from "../../calendar/invite";
import { events, type Language } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { eventUrl, type ServiceContext } from "../context";
import { eventInLanguage, findEvent } from "../events";
import { resolveManageToken } from "../signup";
import { findOrganisationBySlug } from "../organisations";
import { findRegistration } from "../registrations";

type EventRow = typeof events.$inferSelect;

const published = (ctx: ServiceContext, e: EventRow, language?: Language) => ({
  ...calendarEvent(eventInLanguage(e, language), eventUrl(ctx, e.slug), false),
  // The same UID as nobody's invite: a download does not replace an attendee's entry.
  uid: `${e.id}@plats`,
  updatedAt: e.updatedAt,
  cancelled: e.status === "cancelled",
});

/**
 * One event as a calendar file: times and place, no attendees, no join link; in
 * `language` where the organiser translated the event, else in its own.
 */
export async function eventCalendar({ ctx, input }: { ctx: ServiceContext; input: { slug: string; language?: Language } }) {
  const [e] = await ctx.db.select().from(events).where(and(eq(events.slug, input.slug), ne(events.status, "draft")));
  if (!e) throw new AppError("event_not_found");
  return { filename: `${e.slug}.ics`, ics: renderPublished([published(ctx, e, input.language)]) };
}

/**
 * An organisation's public, listed events that have not ended, as a subscription feed
 * (an unlisted one is reachable by its link only). Cancelled ones stay in, marked CANCELLED, so subscribers' calendars drop them.
 */
export async function organisationFeed({ ctx, input }: { ctx: ServiceContext; input: { orgSlug: string } }) {
  const org = await findOrganisationBySlug(ctx, input.orgSlug);
  const rows = await ctx.db
    .select()
    .from(events)
    .where(and(eq(events.orgId, org.id), ne(events.status, "draft"), eq(events.listed, true), gte(events.endsAt, ctx.now())))
    .orderBy(events.startsAt);
  const url = `${ctx.publicUrl}/o/${encodeURIComponent(org.slug)}/calendar.ics`;
  return { filename: `${org.slug}.ics`, ics: renderPublished(rows.map((e) => published(ctx, e)), { name: org.name, url }) };
}

/**
 * A registrant's own calendar file: with the join link once confirmed, and the invite's
 * UID and sequence, so importing it updates the entry the emailed invite made instead of
 * adding a second one.
 */
export async function personalCalendar({ ctx, input }: { ctx: ServiceContext; input: { token: string } }) {
  const { registration: r } = await findRegistration(ctx, await resolveManageToken(ctx, input.token));
  const { event: e } = await findEvent(ctx, r.eventId);
  // A waitlisted (or offered) registrant has no entry yet; a cancelled one gets the withdrawal.
  if (r.status === "waitlisted" || r.status === "offered") throw new AppError("calendar_needs_seat");
  const confirmed = r.status === "confirmed" && e.status !== "cancelled";
  const ics = renderPublished([
    {
      ...calendarEvent(eventInLanguage(e, r.language), eventUrl(ctx, e.slug), confirmed),
      uid: `${r.id}@plats`,
      sequence: r.inviteSequence,
      updatedAt: e.updatedAt,
      cancelled: !confirmed,
    },
  ]);
  return { filename: `${e.slug}.ics`, ics };
}
