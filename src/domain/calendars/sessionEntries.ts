import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { eventSessions, sessionChoices, type SessionStatus } from "../../db/schema";
import type { CalendarSession } from "../../calendar/fromSession";
import type { ServiceContext } from "../context";

/** A session as calendars and emails need it. */
export interface SessionEntry extends CalendarSession {
  status: SessionStatus;
  updatedAt: Date;
}

const columns = {
  id: eventSessions.id,
  title: eventSessions.title,
  description: eventSessions.description,
  venue: eventSessions.venue,
  startsAt: eventSessions.startsAt,
  endsAt: eventSessions.endsAt,
  sequence: eventSessions.sequence,
  status: eventSessions.status,
  updatedAt: eventSessions.updatedAt,
};
const programmeOrder = [asc(eventSessions.startsAt), asc(eventSessions.position), asc(eventSessions.createdAt)];

/**
 * SQL true when place `c` (a session_choices row) in session `s` stands in its holder's
 * calendar: a seat (a confirmed place) in a session that is not cancelled. A released
 * seat, a waitlist place or a wish not yet decided has no entry. The one rule for the
 * personal feed, a package's invites and the sessions' reminders.
 */
export const seatHeldSql = (c: SQL, s: SQL) => sql`(${c}.status = 'confirmed' AND ${s}.status = 'scheduled')`;

/** The sessions a registration holds a seat in (seatHeldSql), earliest first. */
export async function seatedSessions(ctx: ServiceContext, registrationId: string): Promise<SessionEntry[]> {
  return ctx.db
    .select(columns)
    .from(sessionChoices)
    .innerJoin(eventSessions, eq(eventSessions.id, sessionChoices.sessionId))
    .where(and(eq(sessionChoices.registrationId, registrationId), seatHeldSql(sql`${sessionChoices}`, sql`${eventSessions}`)))
    .orderBy(...programmeOrder);
}

/** An event's sessions as entries, cancelled ones included; only `ids` when given. */
export async function sessionEntries(ctx: ServiceContext, eventId: string, ids?: readonly string[]): Promise<SessionEntry[]> {
  if (ids && !ids.length) return [];
  return ctx.db
    .select(columns)
    .from(eventSessions)
    .where(and(eq(eventSessions.eventId, eventId), ids ? inArray(eventSessions.id, [...ids]) : undefined))
    .orderBy(...programmeOrder);
}
