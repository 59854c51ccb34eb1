import { sql } from "drizzle-orm";
import { AppError, invalid } from "../../lib/errors";
import { searchWords } from "../../lib/searchText";
import type { Actor } from "../audit";
import { arrivalOf, arrivalRow, BROWSE_PAGE, byLastName, REGISTRATION_ID, resolveCode, searchArrivals, type ArrivalRow, type CheckinCounts } from "../checkin";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent } from "../events";
import { findRegistration } from "../registrations";
import { markSessionArrival } from "./sessionCheckIn";
import type { Programme } from "../../db/schema";
import { findSession, sessionsOfEvent, sessionView } from "./sessionView";

/** Someone's place in the session the door picked; "none" when they never chose it. */
export type SessionSeat = "confirmed" | "waitlisted" | "pending" | "none";

/**
 * One person as a session's door sees them: `checkedInAt` is the arrival at the session,
 * and only a seat in it (with the event's seat) can be checked in.
 */
export interface SessionArrivalRow extends ArrivalRow {
  seat: SessionSeat;
}

type DoorScope = OrgScope & { eventId: string; sessionId: string };

/** The session of the event the door picked (a session of another event is not found). */
export async function doorSession(ctx: ServiceContext, input: DoorScope) {
  const found = await findSession(ctx, input.sessionId, input.orgId);
  if (found.session.eventId !== input.eventId) throw new AppError("session_not_found");
  const { event } = await findEvent(ctx, input.eventId, input.orgId);
  return { event, session: sessionView(event.programme, found) };
}

/** The door's counts for one session: seats, arrivals, its waitlist; no-shows once it has ended. */
export async function sessionDoorCounts(ctx: ServiceContext, session: { id: string; endsAt: string }): Promise<CheckinCounts> {
  const [row] = await ctx.db.all<{ confirmed: number; checkedIn: number; waitlisted: number }>(sql`
    SELECT count(*) FILTER (WHERE status = 'confirmed') AS confirmed,
           count(*) FILTER (WHERE status = 'confirmed' AND checked_in_at IS NOT NULL) AS checkedIn,
           count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted
    FROM session_choices WHERE session_id = ${session.id}`);
  const confirmed = Number(row?.confirmed ?? 0);
  const checkedIn = Number(row?.checkedIn ?? 0);
  const ended = new Date(session.endsAt) <= ctx.now();
  return { confirmed, checkedIn, waitlisted: Number(row?.waitlisted ?? 0), ended, noShow: confirmed - checkedIn };
}

/** The live places of these registrations in the session, read in one query (the ids as one JSON value). */
async function seatsOf(ctx: ServiceContext, sessionId: string, ids: string[]) {
  if (!ids.length) return new Map<string, { status: SessionSeat; checkedInAt: number | null }>();
  const rows = await ctx.db.all<{ id: string; status: SessionSeat; checkedInAt: number | null }>(sql`
    SELECT registration_id AS id, status, checked_in_at AS checkedInAt FROM session_choices
    WHERE session_id = ${sessionId} AND status IN ('confirmed', 'waitlisted', 'pending')
      AND registration_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  return new Map(rows.map((r) => [r.id, r]));
}

/** A door row with its place in the session: checkable only with a seat in it (and the event's seat). */
function withSeat(row: ArrivalRow, seat: { status: SessionSeat; checkedInAt: number | null } | undefined): SessionArrivalRow {
  const status = seat?.status ?? "none";
  const checkedInAt = status === "confirmed" && seat?.checkedInAt ? new Date(seat.checkedInAt).toISOString() : null;
  const checkable = row.status === "confirmed" && status === "confirmed";
  return { ...row, seat: status, checkedInAt, checkable, canUndo: checkable && checkedInAt !== null };
}

/** Everyone with a seat in the session, by last name (the door's order), a page after `after`. */
async function browseSession(ctx: ServiceContext, eventId: string, sessionId: string, after: string | undefined) {
  if (after !== undefined && !REGISTRATION_ID.test(after)) throw invalid({ after: { code: "page_link" } });
  const rows = await ctx.db.all<{ id: string; name: string; organisation: string | null; status: ArrivalRow["status"]; checkedInAt: number | null }>(sql`
    SELECT r.id, r.name, r.organisation, r.status, c.checked_in_at AS checkedInAt
    FROM session_choices c JOIN registrations r ON r.id = c.registration_id
    WHERE c.session_id = ${sessionId} AND c.status = 'confirmed' AND r.event_id = ${eventId} AND r.status = 'confirmed'
      AND (${after ?? null} IS NULL OR EXISTS (
        SELECT 1 FROM registrations x WHERE x.id = ${after ?? null} AND x.event_id = ${eventId}
          AND (${byLastName("r")}) > (${byLastName("x")})))
    ORDER BY ${byLastName("r")}
    LIMIT ${BROWSE_PAGE + 1}`);
  const page = rows.slice(0, BROWSE_PAGE).map((r) => withSeat(arrivalRow({ ...r, checkedInAt: null }), { status: "confirmed", checkedInAt: r.checkedInAt }));
  return { results: page, next: rows.length > BROWSE_PAGE ? page.at(-1)!.id : null };
}

/**
 * The door of one session: without a search, the session's seat-holders by last name;
 * with one, the event's people as the event's door finds them, each with their place in
 * the session, so the door can say that someone found has no seat in it.
 */
export async function searchSessionArrivals({ ctx, input }: { ctx: ServiceContext; input: DoorScope & { q: string; after?: string } }) {
  const { event, session } = await doorSession(ctx, input);
  const counts = await sessionDoorCounts(ctx, session);
  if (!searchWords(input.q.slice(0, 200)).length) {
    const browse = await browseSession(ctx, event.id, session.id, input.after);
    return { event, session, counts, results: browse.results, more: browse.next !== null, next: browse.next, browsing: true };
  }
  const found = await searchArrivals({ ctx, input: { orgId: input.orgId, eventId: event.id, q: input.q } });
  const seats = await seatsOf(ctx, session.id, found.results.map((r) => r.id));
  const results = found.results.map((r) => withSeat(r, seats.get(r.id)));
  return { event, session, counts, results, more: found.more, next: null, browsing: false };
}

/** One person of the event with their place in the session, for the line after a tap; null when not of this event. */
export async function sessionArrivalOf(ctx: ServiceContext, input: DoorScope & { id: string }): Promise<SessionArrivalRow | null> {
  const person = await arrivalOf(ctx, input.orgId, input.eventId, input.id);
  if (!person) return null;
  return withSeat(person, (await seatsOf(ctx, input.sessionId, [person.id])).get(person.id));
}

/**
 * Checks one person in to the session (or undoes it). Someone without a seat in it is
 * refused with `not_in_session` before anything is written, so a refusal at a session's
 * door does not check them in to the event either.
 */
async function arriveAtSession(ctx: ServiceContext, input: DoorScope & { id: string; undo: boolean; via: "search" | "code" }, actor: Actor) {
  if (!input.undo) {
    const seat = (await seatsOf(ctx, input.sessionId, [input.id])).get(input.id);
    const { registration } = await findRegistration(ctx, input.id, input.orgId);
    // A waitlisted or cancelled registration keeps the event's own reason (checked by markSessionArrival).
    if (registration.status === "confirmed" && seat?.status !== "confirmed") throw new AppError("not_in_session");
  }
  const done = await markSessionArrival({ ctx, input: { orgId: input.orgId, id: input.id, sessionId: input.sessionId, undo: input.undo, via: input.via }, actor });
  const person = await sessionArrivalOf(ctx, input);
  if (!person) throw new AppError("registration_not_found");
  return { person, changed: done.changed };
}

/** A tap on the session door's list: check in or undo (the registration must be of this event). */
export async function sessionArrivalTap({ ctx, input, actor }: { ctx: ServiceContext; input: DoorScope & { id: string; undo: boolean }; actor: Actor }) {
  const { session } = await doorSession(ctx, input);
  const done = await arriveAtSession(ctx, { ...input, via: "search" }, actor);
  return { ...done, counts: await sessionDoorCounts(ctx, session) };
}

/** A scanned or typed code at the session's door: its holder checked in to the session, or the reason why not. */
export async function sessionCheckInByCode({ ctx, input, actor }: { ctx: ServiceContext; input: DoorScope & { value: string }; actor: Actor }) {
  const { session } = await doorSession(ctx, input);
  const { registration } = await resolveCode({ ctx, input: { orgId: input.orgId, value: input.value, eventId: input.eventId } });
  const done = await arriveAtSession(ctx, { ...input, id: registration.id, undo: false, via: "code" }, actor);
  return { ...done, counts: await sessionDoorCounts(ctx, session) };
}

/** An event's sessions with how many were checked in to each: the attendance list's sessions box. */
export async function sessionsWithArrivals(ctx: ServiceContext, event: { id: string; programme: Programme }) {
  const sessions = await sessionsOfEvent(ctx, event);
  if (!sessions.length) return [];
  const rows = await ctx.db.all<{ id: string; n: number }>(sql`
    SELECT c.session_id AS id, count(*) AS n FROM session_choices c
    WHERE c.event_id = ${event.id} AND c.status = 'confirmed' AND c.checked_in_at IS NOT NULL GROUP BY c.session_id`);
  const arrived = new Map(rows.map((r) => [r.id, Number(r.n)]));
  return sessions.map((s) => ({ ...s, checkedIn: arrived.get(s.id) ?? 0 }));
}
