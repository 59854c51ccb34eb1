import { and, asc, eq, sql } from "drizzle-orm";
import { eventSessions, sessionTallies, type Programme, type SessionStatus } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { isoOrNull } from "../../lib/time";
import type { ServiceContext } from "../context";
import { sessionSeatsLeft } from "./sessionRules";

export type SessionRow = typeof eventSessions.$inferSelect;

/** A session as the API, the pages and the workspace show it, with its live counts. */
export interface SessionView {
  id: string;
  eventId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  track: string | null;
  venue: string | null;
  description: string | null;
  /** Its own limit (null: none, or a package, where the event's seats govern). */
  capacity: number | null;
  waitlist: boolean;
  confirmed: number;
  waitlisted: number;
  /** Seats left for a newcomer; null when the session has no limit of its own. */
  seatsLeft: number | null;
  status: SessionStatus;
  position: number;
  cancelledAt: string | null;
}

const counted = {
  session: eventSessions,
  confirmed: sql<number>`coalesce(${sessionTallies.confirmed}, 0)`,
  waitlisted: sql<number>`coalesce(${sessionTallies.waitlisted}, 0)`,
};

export function sessionView(programme: Programme, { session: s, confirmed, waitlisted }: { session: SessionRow; confirmed: number; waitlisted: number }): SessionView {
  return {
    id: s.id,
    eventId: s.eventId,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    track: s.track,
    venue: s.venue,
    description: s.description,
    capacity: programme === "package" ? null : s.capacity,
    waitlist: s.waitlist,
    confirmed,
    waitlisted,
    seatsLeft: sessionSeatsLeft(programme, { capacity: s.capacity, confirmed }),
    status: s.status,
    position: s.position,
    cancelledAt: isoOrNull(s.cancelledAt),
  };
}

/** An event's sessions in programme order (by start, then the organiser's order), cancelled ones included. */
export async function sessionsOfEvent(ctx: ServiceContext, event: { id: string; programme: Programme }): Promise<SessionView[]> {
  if (event.programme === "none") return [];
  const rows = await ctx.db
    .select(counted)
    .from(eventSessions)
    .leftJoin(sessionTallies, eq(sessionTallies.sessionId, eventSessions.id))
    .where(eq(eventSessions.eventId, event.id))
    .orderBy(asc(eventSessions.startsAt), asc(eventSessions.position), asc(eventSessions.createdAt));
  return rows.map((row) => sessionView(event.programme, row));
}

/** One session with its counts; with `orgId`, only one of that organisation's events. */
export async function findSession(ctx: ServiceContext, id: string, orgId?: string) {
  const [row] = await ctx.db
    .select({ ...counted, orgId: sql<string>`(SELECT e.org_id FROM events e WHERE e.id = ${eventSessions.eventId})` })
    .from(eventSessions)
    .leftJoin(sessionTallies, eq(sessionTallies.sessionId, eventSessions.id))
    .where(and(eq(eventSessions.id, id)));
  if (!row || (orgId !== undefined && row.orgId !== orgId)) throw new AppError("session_not_found");
  return row;
}

/**
 * How many people a session's cancellation tells: those with a seat, a waitlist place or
 * a wish for it (the waitlist index keeps it to the session's own rows).
 */
export async function peopleInSession(ctx: ServiceContext, sessionId: string) {
  const rows = await ctx.db.all<{ status: "confirmed" | "waitlisted" | "pending"; n: number }>(
    sql`SELECT status, count(*) AS n FROM session_choices WHERE session_id = ${sessionId} AND status IN ('confirmed', 'waitlisted', 'pending') GROUP BY status`,
  );
  const people = { confirmed: 0, waitlisted: 0, pending: 0 };
  for (const r of rows) people[r.status] = r.n;
  return people;
}

/** An event as the API shows it, with its programme's sessions (an empty list without one). */
export async function withSessions<E extends { id: string; programme: Programme }>(ctx: ServiceContext, event: E) {
  return { ...event, sessions: await sessionsOfEvent(ctx, event) };
}
