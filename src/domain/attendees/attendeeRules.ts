import { sql } from "drizzle-orm";
import { AppError, notFound } from "../../lib/errors";
import type { ServiceContext } from "../context";
import { findEvent, type EventWithCounts } from "../events";
import { findRegistration } from "../registrations";

/**
 * The checks every organiser action on an attendance list shares. They explain a refusal;
 * each write repeats the event's state in its own WHERE (`listStillOpenSql`), so an event
 * cancelled or anonymised meanwhile still refuses the change.
 */
export function refuseUnlessListOpen({ event }: EventWithCounts) {
  if (event.anonymisedAt)
    throw new AppError("conflict", "The personal data of this event has been removed, so its list can no longer change.");
  if (event.status === "cancelled") throw new AppError("event_cancelled", "The event has been cancelled.");
}

/** SQL: the event's list may still change (not cancelled, not anonymised). */
export const listStillOpenSql = (eventId: string) =>
  sql`EXISTS (SELECT 1 FROM events e WHERE e.id = ${eventId} AND e.status <> 'cancelled' AND e.anonymised_at IS NULL)`;

/** One of the organisation's events whose list may change. */
export async function openEvent(ctx: ServiceContext, orgId: string, eventId: string) {
  const found = await findEvent(ctx, eventId, orgId);
  refuseUnlessListOpen(found);
  return found;
}

/**
 * A registration named in a URL together with its event. Both must be the organisation's
 * and belong together; anything else is "not found", whoever's it is.
 */
export async function registrationOfEvent(ctx: ServiceContext, orgId: string, eventId: string, registrationId: string) {
  const event = await findEvent(ctx, eventId, orgId);
  const found = await findRegistration(ctx, registrationId, orgId);
  if (found.registration.eventId !== eventId) throw notFound("registration");
  return { ...found, event };
}

/** SQL: registration `id` was changed by this batch (its change marker is `changeId`). */
export const changedBy = (id: string, changeId: string) =>
  sql`EXISTS (SELECT 1 FROM registrations x WHERE x.id = ${id} AND x.change_id = ${changeId})`;
