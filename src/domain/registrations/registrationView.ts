import { and, eq, sql, type SQL } from "drizzle-orm";
import { events, registrations, type RegistrationStatus } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { isoOrNull } from "../../lib/time";
import type { ServiceContext } from "../context";

/** Waitlist position of one registration: derived by counting, never stored. */
const countedPosition = sql<number | null>`CASE WHEN "registrations"."status" = 'waitlisted' THEN
  (SELECT count(*) FROM registrations w WHERE w.event_id = "registrations"."event_id"
   AND w.status = 'waitlisted' AND w.seq <= "registrations"."seq") END`;

/**
 * The same position for a whole list in one pass (a count per row would be quadratic for
 * a long waitlist). Right only when the rows are filtered by event and status alone, so
 * that every waitlisted registration of the event is among them.
 */
const rankedPosition = sql<number | null>`CASE WHEN "registrations"."status" = 'waitlisted' THEN
  row_number() OVER (PARTITION BY "registrations"."event_id", "registrations"."status"
                     ORDER BY "registrations"."seq") END`;

export type RegistrationRow = typeof registrations.$inferSelect;

function selectWith(ctx: ServiceContext, position: SQL<number | null>, where: SQL | undefined) {
  return ctx.db
    .select({ registration: registrations, position, orgId: events.orgId })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(where)
    .orderBy(registrations.seq);
}

/** An event's registrations in arrival order, optionally of one status. */
export const selectEventRegistrations = (ctx: ServiceContext, eventId: string, status?: RegistrationStatus) =>
  selectWith(ctx, rankedPosition, and(eq(registrations.eventId, eventId), status ? eq(registrations.status, status) : undefined));

/**
 * Every registration of an event with its ranked position, as a subquery to join on
 * `seq`. The ranking runs over the whole event before any outer filter (a search, a
 * status), so a filtered list still shows each person's true place in the queue.
 */
export const rankedPositions = (ctx: ServiceContext, eventId: string) =>
  ctx.db
    .select({ seq: registrations.seq, position: sql<number | null>`${rankedPosition}`.as("position") })
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .as("ranked");

export async function findRegistration(ctx: ServiceContext, id: string, orgId?: string) {
  const [row] = await selectWith(ctx, countedPosition, eq(registrations.id, id));
  if (!row || (orgId !== undefined && row.orgId !== orgId)) throw new AppError("registration_not_found");
  return row;
}

export function registrationView({ registration: r, position }: { registration: RegistrationRow; position: number | null }) {
  return {
    id: r.id,
    eventId: r.eventId,
    status: r.status,
    position,
    name: r.name,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    organisation: r.organisation,
    phone: r.phone,
    language: r.language,
    answers: r.answers,
    consentAt: isoOrNull(r.consentAt),
    createdAt: r.createdAt.toISOString(),
    confirmedAt: isoOrNull(r.confirmedAt),
    cancelledAt: isoOrNull(r.cancelledAt),
    checkedInAt: isoOrNull(r.checkedInAt),
    // Until when a seat is held for the person (while offered).
    offerExpiresAt: r.status === "offered" ? isoOrNull(r.offerExpiresAt) : null,
    // When someone passed this seat on to the person now on it; null if nobody did.
    substitutedAt: isoOrNull(r.substitutedAt),
  };
}
