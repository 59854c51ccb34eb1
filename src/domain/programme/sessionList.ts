import { sql } from "drizzle-orm";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent } from "../events";
import { findSession, sessionView } from "./sessionView";

/** One person on a session's list. */
export interface SessionListEntry {
  registrationId: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  organisation: string | null;
  /** Their place in the session. */
  status: "confirmed" | "waitlisted" | "pending";
  /** 1-based place on the session's waitlist (waitlisted only). */
  position: number | null;
  /** Their registration's status for the event (a pending choice waits for the event's seat). */
  registrationStatus: string;
  checkedInAt: string | null;
  chosenAt: string;
}

/**
 * A session's list for its organisers, in arrival order: the seats first, then the
 * waitlist in the order it is served, then the wishes of those waiting for the event.
 */
export async function sessionRegistrations({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { sessionId: string } }) {
  const found = await findSession(ctx, input.sessionId, input.orgId);
  const { event } = await findEvent(ctx, found.session.eventId, input.orgId);
  const rows = await ctx.db.all<Omit<SessionListEntry, "position" | "checkedInAt" | "chosenAt"> & { checkedInAt: number | null; chosenAt: number }>(sql`
    SELECT r.id AS registrationId, r.name, r.first_name AS firstName, r.last_name AS lastName, r.email, r.organisation,
           c.status, r.status AS registrationStatus, c.checked_in_at AS checkedInAt, c.created_at AS chosenAt
    FROM session_choices c JOIN registrations r ON r.id = c.registration_id
    WHERE c.session_id = ${input.sessionId} AND c.status IN ('confirmed', 'waitlisted', 'pending')
    ORDER BY CASE c.status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, c.queued_at, c.seq`);
  let waiting = 0;
  const registrations: SessionListEntry[] = rows.map((row) => ({
    ...row,
    position: row.status === "waitlisted" ? ++waiting : null,
    checkedInAt: row.checkedInAt === null ? null : new Date(row.checkedInAt).toISOString(),
    chosenAt: new Date(row.chosenAt).toISOString(),
  }));
  return { session: sessionView(event.programme, found), event: { id: event.id, title: event.title, timezone: event.timezone }, registrations };
}
