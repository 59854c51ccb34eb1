import { and, asc, eq, gte, lt, lte, sql } from "drizzle-orm";
import { events, registrations, type RegistrationStatus } from "../../db/schema";
import { AppError, invalid } from "../../lib/errors";
import { foldText, matchesWords, searchWords } from "../../lib/searchText";
import { isoOrNull } from "../../lib/time";
import type { Actor } from "../audit";
import { markArrival, refuseCheckin } from "./checkIn";
import { checkinCode, checkinKeyOf, parseScanned, verifyCode } from "./checkinCode";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent, selectEvents } from "../events";
import { findRegistration } from "../registrations";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** An event that ended a little while ago is still "today" at the door (late arrivals, catching up). */
const STILL_CURRENT = 6 * HOUR;
const AHEAD = 14 * DAY;
const RECENT = 30 * DAY;

/** The events a door member can pick: current and coming ones first, then the recent past. */
export async function checkinEvents({ ctx, input }: { ctx: ServiceContext; input: OrgScope }) {
  const now = ctx.now().getTime();
  const mine = and(eq(events.orgId, input.orgId), eq(events.status, "published"));
  const [current, past] = await Promise.all([
    selectEvents(ctx, and(mine, gte(events.endsAt, new Date(now - STILL_CURRENT)), lte(events.startsAt, new Date(now + AHEAD))), events.startsAt),
    selectEvents(ctx, and(mine, lt(events.endsAt, new Date(now - STILL_CURRENT)), gte(events.endsAt, new Date(now - RECENT))), events.startsAt),
  ]);
  return { current, past: past.reverse() };
}

export interface CheckinCounts {
  confirmed: number;
  checkedIn: number;
  waitlisted: number;
  /** After the event has ended: who came and who did not (of those with a seat). */
  ended: boolean;
  noShow: number;
}

export async function checkinCounts(ctx: ServiceContext, event: { id: string; endsAt: Date }): Promise<CheckinCounts> {
  const [row] = await ctx.db
    .select({
      confirmed: sql<number>`count(*) FILTER (WHERE ${registrations.status} = 'confirmed')`,
      checkedIn: sql<number>`count(*) FILTER (WHERE ${registrations.status} = 'confirmed' AND ${registrations.checkedInAt} IS NOT NULL)`,
      waitlisted: sql<number>`count(*) FILTER (WHERE ${registrations.status} = 'waitlisted')`,
    })
    .from(registrations)
    .where(eq(registrations.eventId, event.id));
  const confirmed = Number(row?.confirmed ?? 0);
  const checkedIn = Number(row?.checkedIn ?? 0);
  return { confirmed, checkedIn, waitlisted: Number(row?.waitlisted ?? 0), ended: event.endsAt <= ctx.now(), noShow: confirmed - checkedIn };
}

/** One person as the door sees them: enough to recognise, nothing more. */
export interface ArrivalRow {
  id: string;
  name: string;
  organisation: string | null;
  status: "confirmed" | "waitlisted" | "offered" | "cancelled";
  checkedInAt: string | null;
  /** Only a confirmed attendee can be checked in. */
  checkable: boolean;
  /**
   * The row offers Undo rather than Check in: checked in and still checkable. The page
   * and the script both show what these two flags say, so they never disagree.
   */
  canUndo: boolean;
}

type PersonLike = { id: string; name: string; organisation: string | null; status: RegistrationStatus; checkedInAt: Date | string | null };

// The door knows four states: an open offer is not yet a seat (and says so), an offer not
// taken is over.
// An application (pending) has no seat yet, like someone waiting; one declined is over.
const doorStatus = (s: RegistrationStatus): ArrivalRow["status"] =>
  s === "expired" || s === "declined" ? "cancelled" : s === "pending" ? "waitlisted" : s;

export function arrivalRow(r: PersonLike): ArrivalRow {
  const checkedInAt = typeof r.checkedInAt === "string" ? r.checkedInAt : isoOrNull(r.checkedInAt);
  const checkable = r.status === "confirmed";
  const status = doorStatus(r.status);
  return { id: r.id, name: r.name, organisation: r.organisation, status, checkedInAt, checkable, canUndo: checkable && checkedInAt !== null };
}

export const MAX_RESULTS = 25;
export const BROWSE_PAGE = 50;
export const REGISTRATION_ID = /^reg_[0-9a-z]+$/;

// The door's order: last name, then first name (a name stored whole counts as a last
// name), then arrival; as row values, so the same tuple orders the list and finds the
// page after a person.
export const byLastName = (r: string) =>
  sql.raw(`CASE WHEN ${r}.last_name = '' THEN ${r}.name ELSE ${r}.last_name END COLLATE NOCASE, ${r}.first_name COLLATE NOCASE, ${r}.id`);

/**
 * Everyone with a seat, by last name (case ignored for a–z; letters beyond them, such as
 * Å, Ä, Ö, Æ and Ø, come after Z), a page at a time after the person `after`: the door's
 * list to browse when nobody is searched for. The index on the event narrows it to the event.
 */
async function browseArrivals(ctx: ServiceContext, eventId: string, after: string | undefined) {
  if (after !== undefined && !REGISTRATION_ID.test(after)) throw invalid({ after: { code: "page_link" } });
  const rows = await ctx.db.all<{ id: string; name: string; organisation: string | null; status: ArrivalRow["status"]; checkedInAt: number | null }>(sql`
    SELECT r.id, r.name, r.organisation, r.status, r.checked_in_at AS checkedInAt FROM registrations r
    WHERE r.event_id = ${eventId} AND r.status = 'confirmed'
      AND (${after ?? null} IS NULL OR EXISTS (
        SELECT 1 FROM registrations x WHERE x.id = ${after ?? null} AND x.event_id = ${eventId}
          AND (${byLastName("r")}) > (${byLastName("x")})))
    ORDER BY ${byLastName("r")}
    LIMIT ${BROWSE_PAGE + 1}`);
  const page = rows.slice(0, BROWSE_PAGE).map((r) => arrivalRow({ ...r, checkedInAt: r.checkedInAt === null ? null : new Date(r.checkedInAt) }));
  return { results: page, next: rows.length > BROWSE_PAGE ? page.at(-1)!.id : null };
}

/**
 * People of one event whose name, organisation or email contains every word typed (case
 * and accents ignored, as in the attendance list: src/lib/searchText.ts), best matches
 * (name starts with the query) first. Filtered here rather than with SQL LIKE, which
 * knows neither case nor accents beyond ASCII; an event's list is small.
 */
export async function searchArrivals({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { eventId: string; q: string; after?: string } }) {
  const row = await findEvent(ctx, input.eventId, input.orgId);
  const counts = await checkinCounts(ctx, row.event);
  const words = searchWords(input.q.slice(0, 200));
  if (!words.length) {
    const browse = await browseArrivals(ctx, row.event.id, input.after);
    return { event: row.event, counts, results: browse.results, more: browse.next !== null, next: browse.next, browsing: true };
  }
  const people = await ctx.db
    .select({
      id: registrations.id,
      name: registrations.name,
      organisation: registrations.organisation,
      email: registrations.email,
      status: registrations.status,
      checkedInAt: registrations.checkedInAt,
    })
    .from(registrations)
    .where(eq(registrations.eventId, row.event.id))
    .orderBy(asc(registrations.seq));
  const query = words.join(" ");
  const rank = (p: (typeof people)[number]) => {
    const name = foldText(p.name);
    // Live registrations before cancelled ones; then the closest name.
    return (p.status === "cancelled" || p.status === "expired" ? 10 : 0) + (name.startsWith(query) ? 0 : name.split(/\s+/).some((w) => w.startsWith(words[0]!)) ? 1 : 2);
  };
  const matches = people
    .filter((p) => matchesWords(words, [p.name, p.organisation, p.email]))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, "sv"));
  return { event: row.event, counts, results: matches.slice(0, MAX_RESULTS).map(arrivalRow), more: matches.length > MAX_RESULTS, next: null, browsing: false };
}

/** One person of the event by id, for the line after a tap; null when not of this event. */
export async function arrivalOf(ctx: ServiceContext, orgId: string, eventId: string, id: string): Promise<ArrivalRow | null> {
  try {
    const { registration: r } = await findRegistration(ctx, id, orgId);
    return r.eventId === eventId ? arrivalRow(r) : null;
  } catch {
    return null;
  }
}

/**
 * The registration a scanned link or typed code stands for. A link names its registration
 * and is checked against it; a bare code is compared with every code of the event (there
 * is nothing stored to look it up by). Unknown, forged and other organisations' codes all
 * answer "not found"; a code of another of our events says which.
 */
export async function resolveCode({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { value: string; eventId?: string } }) {
  if (input.eventId) await findEvent(ctx, input.eventId, input.orgId);
  const scanned = parseScanned(input.value);
  if (!scanned) throw invalid({ code: { code: "checkin_code" } });
  const key = await checkinKeyOf(ctx, input.orgId);
  if (!key) throw new AppError("code_not_found");
  let id = scanned.registrationId;
  if (id) {
    const row = await findRegistration(ctx, id, input.orgId).catch(() => null);
    if (!row || !verifyCode(key, id, scanned.code)) throw new AppError("code_not_found");
  } else {
    if (!input.eventId) throw invalid({ code: { code: "checkin_code_needs_event" } });
    const ids = await ctx.db.select({ id: registrations.id }).from(registrations).where(eq(registrations.eventId, input.eventId));
    // Every candidate is compared, so the time taken does not tell which one matched.
    for (const r of ids) if (verifyCode(key, r.id, scanned.code) && !id) id = r.id;
    if (!id) throw new AppError("code_not_found");
  }
  const found = await findRegistration(ctx, id, input.orgId);
  const event = await findEvent(ctx, found.registration.eventId, input.orgId);
  if (input.eventId && found.registration.eventId !== input.eventId)
    throw new AppError("code_other_event", { event: event.event.title });
  return { registration: found.registration, event: event.event, code: checkinCode(key, id) };
}

/** Checks in the holder of a scanned or typed code; cancelled and waitlisted people are refused with the reason. */
export async function checkInByCode({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { value: string; eventId?: string }; actor: Actor }) {
  const { registration, event } = await resolveCode({ ctx, input });
  const refused = refuseCheckin(registration);
  if (refused) throw refused;
  const done = await markArrival({ ctx, input: { orgId: input.orgId, id: registration.id, via: "code" }, actor });
  return { ...done, event, person: arrivalRow(done.registration) };
}

/** Check-in or undo from the door's list (the registration must be of this event). */
export async function arrivalTap({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: OrgScope & { eventId: string; id: string; undo: boolean };
  actor: Actor;
}) {
  await findEvent(ctx, input.eventId, input.orgId);
  const done = await markArrival({ ctx, input: { ...input, via: "search" }, actor });
  return { ...done, person: arrivalRow(done.registration) };
}
