import { sql } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import type { ServiceContext } from "../context";
import { findEvent, type EventWithCounts } from "../events";
import { findRegistration } from "../registrations";
import { isLive } from "../signup";

/**
 * The checks every organiser action on an attendance list shares. They explain a refusal;
 * each write repeats the event's state in its own WHERE (`listStillOpenSql`), so an event
 * cancelled or anonymised meanwhile still refuses the change.
 */
export function refuseUnlessListOpen({ event }: EventWithCounts) {
  refuseIfAnonymised(event);
  if (event.status === "cancelled") throw new AppError("event_cancelled");
}

/** Once an event's personal data is removed, nobody on its list can change. */
export function refuseIfAnonymised(event: { anonymisedAt: Date | null }) {
  if (event.anonymisedAt) throw new AppError("event_anonymised");
}

/** Whether the organiser may still change the event's list (`refuseUnlessListOpen` would pass). */
export const listIsOpen = (event: { status: string; anonymisedAt: Date | null }) => event.status !== "cancelled" && !event.anonymisedAt;

/** Only someone waiting can be given a seat by hand. */
export const canPromote = (registration: { status: string }) => registration.status === "waitlisted";

/** Whether a listed registration offers the organiser's actions (promote, resend, cancel). */
export const canActOn = (registration: { status: string }, event: { status: string; anonymisedAt: Date | null }) =>
  isLive(registration) && listIsOpen(event);

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
  if (found.registration.eventId !== eventId) throw new AppError("registration_not_found");
  return { ...found, event };
}

/** SQL: registration `id` was changed by this batch (its change marker is `changeId`). */
export const changedBy = (id: string, changeId: string) =>
  sql`EXISTS (SELECT 1 FROM registrations x WHERE x.id = ${id} AND x.change_id = ${changeId})`;
