import { sql } from "drizzle-orm";
import type { NotificationKind } from "../../db/schema";
import type { ServiceContext } from "../context";

/** Registrations that retention anonymised: never named in a notification. */
const ANONYMISED = "anon:%";

/** Activity kinds as lists: what a notification names, per event. */
export type ActivityLists = Record<NotificationKind, string[]>;
export const emptyLists = (): ActivityLists => ({ signup: [], cancellation: [], expired_offer: [] });

/** A person a notification names: their name and organisation only (no contact details, no answers). */
export interface ActivityPerson {
  id: string;
  name: string;
  organisation: string | null;
  /** Where they stand now: a new signup may be on the waitlist. */
  status: string;
}

/**
 * An offer ended by the organiser (withdrawn) is not one that ran out: they did it
 * themselves. Both end as `expired`; only a withdrawal queues `offer_withdrawn`.
 */
const notWithdrawn = (registration: ReturnType<typeof sql>) =>
  sql`NOT EXISTS (SELECT 1 FROM outbox w WHERE w.registration_id = ${registration} AND w.kind = 'offer_withdrawn')`;

/**
 * The people behind ids, as they are now: erased ones are gone and anonymised ones left
 * out, so a message composed later never names someone who has since been removed.
 */
export async function peopleByIds(ctx: ServiceContext, eventId: string, ids: string[]): Promise<Map<string, ActivityPerson>> {
  if (!ids.length) return new Map();
  // One bound parameter whatever the count (D1 takes at most 100 per statement).
  const rows = await ctx.db.all<ActivityPerson>(sql`
    SELECT r.id, r.name, r.organisation, r.status FROM registrations r
    WHERE r.id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND r.event_id = ${eventId} AND r.email_key NOT LIKE ${ANONYMISED}`);
  return new Map(rows.map((r) => [r.id, r]));
}

export interface EventFigures {
  id: string;
  orgId: string;
  title: string;
  slug: string;
  timezone: string;
  status: string;
  capacity: number;
  confirmed: number;
  offered: number;
  waitlisted: number;
}

/** Events with their live counts (the tallies the seat decisions read). */
export async function eventFigures(ctx: ServiceContext, eventIds: string[]): Promise<Map<string, EventFigures>> {
  if (!eventIds.length) return new Map();
  const rows = await ctx.db.all<EventFigures>(sql`
    SELECT e.id, e.org_id AS orgId, e.title, e.slug, e.timezone, e.status, e.capacity,
           coalesce(t.confirmed, 0) AS confirmed, coalesce(t.offered, 0) AS offered, coalesce(t.waitlisted, 0) AS waitlisted
    FROM events e LEFT JOIN event_tallies t ON t.event_id = e.id
    WHERE e.id IN (SELECT value FROM json_each(${JSON.stringify(eventIds)}))`);
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * What happened in an organisation's events between two instants, per event: signups
 * (by signup time), cancellations (by cancellation time) and offers that ran out (by
 * their deadline), anonymised people left out. Only events that had not ended before the
 * period began, and were not cancelled, so a day's read stays within the events in play.
 */
export async function activityBetween(ctx: ServiceContext, { orgId, from, until }: { orgId: string; from: Date; until: Date }) {
  const [a, b] = [from.getTime(), until.getTime()];
  const rows = await ctx.db.all<ActivityPerson & { eventId: string; kind: NotificationKind }>(sql`
    SELECT r.event_id AS eventId, r.id, r.name, r.organisation, r.status, k.kind
    FROM events e JOIN registrations r ON r.event_id = e.id
    JOIN (SELECT 'signup' AS kind UNION ALL SELECT 'cancellation' UNION ALL SELECT 'expired_offer') k
      ON (k.kind = 'signup' AND r.created_at >= ${a} AND r.created_at < ${b})
      OR (k.kind = 'cancellation' AND r.status = 'cancelled' AND r.cancelled_at >= ${a} AND r.cancelled_at < ${b})
      OR (k.kind = 'expired_offer' AND r.status = 'expired' AND r.offer_expires_at >= ${a} AND r.offer_expires_at < ${b} AND ${notWithdrawn(sql`r.id`)})
    WHERE e.org_id = ${orgId} AND e.ends_at > ${a} AND e.status <> 'cancelled' AND r.email_key NOT LIKE ${ANONYMISED}
    ORDER BY r.seq`);
  const byEvent = new Map<string, { lists: ActivityLists; people: Map<string, ActivityPerson> }>();
  for (const { eventId, kind, ...person } of rows) {
    let entry = byEvent.get(eventId);
    if (!entry) byEvent.set(eventId, (entry = { lists: emptyLists(), people: new Map() }));
    entry.lists[kind].push(person.id);
    entry.people.set(person.id, person);
  }
  return byEvent;
}

export { notWithdrawn, ANONYMISED };
