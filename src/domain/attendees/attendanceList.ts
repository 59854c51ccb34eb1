import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { users, type RegistrationStatus } from "../../db/schema";
import { invalid } from "../../lib/errors";
import { essentialWords, searchWords } from "../../lib/searchText";
import { code } from "../../lib/zodIssues";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent, type EventRow } from "../events";
import { countByStatus, countUpTo, holdingEveryWord, statusPage, waitlistPositions, type RegistrationRow } from "../registrations";
import { confirmedSeats, offeredSeats, waitingCount } from "../seats";

export const listFilters = ["live", "confirmed", "offered", "waitlisted", "pending", "cancelled", "declined", "all"] as const;
export type ListFilter = (typeof listFilters)[number];

/** Rows on one page of the workspace's list. */
export const LIST_PAGE_SIZE = 100;

/**
 * Distinct words a search may hold: each is one more test per row the search passes,
 * and one more value bound to each statement (D1 takes at most 100).
 */
export const MAX_SEARCH_WORDS = 20;

// A cursor is where the page before ended: its last row's status and arrival number.
const statusMarks: Record<RegistrationStatus, string> = { confirmed: "c", offered: "o", waitlisted: "w", pending: "p", cancelled: "x", expired: "e", declined: "d" };

/** The list page's query string; anything else in it is ignored. */
export const attendanceListQuery = z.object({
  status: z.enum(listFilters).optional(),
  q: z.string().max(200).optional(),
  // Opaque to the page: written by this file, read back by it.
  after: z.string().regex(/^[cowpxed][1-9]\d{0,15}$/, code("page_link")).optional(),
});

export interface Tally {
  confirmed: number;
  waitlisted: number;
  /** Seats held for open offers (taken, like confirmed ones). */
  offered: number;
  cancelled: number;
  /** Offers not taken (run out or withdrawn). */
  expired: number;
  /** Applications waiting for the organiser's decision (an event by approval). */
  pending: number;
  /** Applications the organiser turned down. */
  declined: number;
  checkedIn: number;
  /** Confirmed registrations an organiser seated beyond capacity. */
  overCapacity: number;
  capacity: number;
  seatsLeft: number;
  /** Confirmed beyond capacity (overrides, or capacity lowered below the confirmed count). */
  beyond: number;
}

export interface ListedRegistration {
  registration: RegistrationRow;
  /** 1-based place in the whole event's queue, whatever the filter or search; null unless waiting. */
  position: number | null;
  /** Email of the member who added the person by hand. */
  addedByEmail: string | null;
}

export interface AttendanceList {
  event: EventRow;
  tally: Tally;
  filter: ListFilter;
  q: string;
  /** The registrations the filter shows, or of those the ones the search finds. */
  count: number;
  /** This page's rows, at most LIST_PAGE_SIZE. */
  rows: ListedRegistration[];
  /** 1-based number of the page's first row among `count` (rows of the pages before + 1). */
  from: number;
  /** The `after` of the next page; null on the last. */
  next: string | null;
  /** Whether the page continues from a cursor (so there is a first page to go back to). */
  continued: boolean;
}

// In the order the list shows them: the seated, the queue, then the cancelled.
const statusesOf: Record<ListFilter, RegistrationStatus[]> = {
  live: ["confirmed", "offered", "waitlisted", "pending"],
  confirmed: ["confirmed"],
  offered: ["offered"],
  waitlisted: ["waitlisted"],
  pending: ["pending"],
  cancelled: ["cancelled", "expired"],
  declined: ["declined"],
  all: ["confirmed", "offered", "waitlisted", "pending", "cancelled", "expired", "declined"],
};

interface Cursor {
  status: RegistrationStatus;
  seq: number;
}

const cursorOf = (r: RegistrationRow) => `${statusMarks[r.status]}${r.seq}`;

/** The cursor of `after=`, which must name a status the filter shows (a link of this filter's pages). */
function readCursor(after: string | undefined, statuses: RegistrationStatus[]): Cursor | null {
  if (!after) return null;
  const status = statuses.find((s) => statusMarks[s] === after[0]);
  const seq = Number(after.slice(1));
  if (!status || !Number.isSafeInteger(seq) || seq < 1) throw invalid({ after: { code: "page_link" } });
  return { status, seq };
}

/** The emails of the members who added some of these people by hand: no query when nobody was. */
async function addersOf(ctx: ServiceContext, page: RegistrationRow[]) {
  const ids = [...new Set(page.map((r) => r.addedBy).filter((id): id is string => id !== null))];
  if (!ids.length) return new Map<string, string>();
  const rows = await ctx.db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((u) => [u.id, u.email]));
}

/**
 * Counts of one event's registrations, for the header of its pages. The confirmed, the
 * offered and the waiting come from the event's tally row (kept by triggers, migrations/0006), the
 * cancelled are counted on the index, and only the confirmed rows are read (for check-ins
 * and overrides): a page of a long waitlist does not read the whole waitlist for its header.
 */
export async function tallyOf(ctx: ServiceContext, event: Pick<EventRow, "id" | "capacity">): Promise<Tally> {
  const [row] = await ctx.db.all<Omit<Tally, "capacity" | "seatsLeft" | "beyond">>(sql`
    SELECT ${confirmedSeats(sql`${event.id}`)} AS confirmed, ${waitingCount(sql`${event.id}`)} AS waitlisted,
           ${offeredSeats(sql`${event.id}`)} AS offered,
           (SELECT count(*) FROM registrations WHERE event_id = ${event.id} AND status = 'cancelled') AS cancelled,
           (SELECT count(*) FROM registrations WHERE event_id = ${event.id} AND status = 'expired') AS expired,
           (SELECT count(*) FROM registrations WHERE event_id = ${event.id} AND status = 'pending') AS pending,
           (SELECT count(*) FROM registrations WHERE event_id = ${event.id} AND status = 'declined') AS declined,
           coalesce(sum(checked_in_at IS NOT NULL), 0) AS checkedIn,
           coalesce(sum(over_capacity), 0) AS overCapacity
    FROM registrations WHERE event_id = ${event.id} AND status = 'confirmed'`);
  const counts = row ?? { confirmed: 0, waitlisted: 0, offered: 0, cancelled: 0, expired: 0, pending: 0, declined: 0, checkedIn: 0, overCapacity: 0 };
  return {
    ...counts,
    capacity: event.capacity,
    seatsLeft: Math.max(0, event.capacity - counts.confirmed - counts.offered),
    beyond: Math.max(0, counts.confirmed - event.capacity),
  };
}

/**
 * One page of the attendance list of one of the organisation's events, with its counts:
 * the registrations of one status (or all, or all still live) whose name, email or
 * organisation holds every word searched for (case and accents ignored, as at the door),
 * confirmed first, then the waitlist in order, then cancellations. A page is read from
 * the cursor on through the index on event, status, seq (a keyset, never an offset),
 * and the search is matched there in SQL against each row's folded `search_text`. So a
 * page costs its own rows and counts on the index up to it (its waitlist positions, the
 * rows before it); a search adds one pass over the event's rows of the filter to count
 * the matches, which no index can answer. An anonymised event keeps only its counts.
 */
export async function attendanceList({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: OrgScope & { eventId: string; filter?: ListFilter; q?: string; after?: string };
}): Promise<AttendanceList> {
  const { event } = await findEvent(ctx, input.eventId, input.orgId);
  // Everyone of a cancelled event is cancelled: "still live" would show nobody.
  const filter = input.filter ?? (event.status === "cancelled" ? "all" : "live");
  const q = input.q?.trim() ?? "";
  const statuses = statusesOf[filter];
  const cursor = readCursor(input.after, statuses);
  const words = essentialWords(searchWords(q));
  if (words.length > MAX_SEARCH_WORDS) throw invalid({ q: { code: "search_words", max: MAX_SEARCH_WORDS } });
  const tally = await tallyOf(ctx, event);
  const list = { event, tally, filter, q, continued: cursor !== null };
  if (event.anonymisedAt) return { ...list, count: 0, rows: [], from: 1, next: null };

  const match = holdingEveryWord(words);
  const counts = match ? await countByStatus(ctx, event.id, statuses, match) : tally;
  const count = statuses.reduce((n, s) => n + counts[s], 0);
  const from = cursor ? await rowsBefore(ctx, event.id, statuses, counts, cursor, match) : 0;

  // Read up to one row more than a page: it says whether there is a next page.
  const found: RegistrationRow[] = [];
  for (const status of statuses.slice(cursor ? statuses.indexOf(cursor.status) : 0)) {
    if (!counts[status]) continue;
    const after = status === cursor?.status ? cursor.seq : 0;
    found.push(...(await statusPage(ctx, { eventId: event.id, status, after, limit: LIST_PAGE_SIZE + 1 - found.length, where: match })));
    if (found.length > LIST_PAGE_SIZE) break;
  }
  const page = found.slice(0, LIST_PAGE_SIZE);
  const waiting = page.filter((r) => r.status === "waitlisted").map((r) => r.seq);
  const positions = await waitlistPositions(ctx, event.id, waiting);
  const addedBy = await addersOf(ctx, page);
  return {
    ...list,
    count,
    from: from + 1,
    next: found.length > LIST_PAGE_SIZE ? cursorOf(page.at(-1)!) : null,
    rows: page.map((registration) => ({
      registration,
      position: positions.get(registration.seq) ?? null,
      addedByEmail: registration.addedBy ? (addedBy.get(registration.addedBy) ?? null) : null,
    })),
  };
}

/** How many rows of the list come before the cursor: the statuses shown before its own, and its own up to it. */
async function rowsBefore(
  ctx: ServiceContext,
  eventId: string,
  statuses: RegistrationStatus[],
  counts: Record<RegistrationStatus, number>,
  cursor: Cursor,
  match: ReturnType<typeof holdingEveryWord>,
) {
  const earlier = statuses.slice(0, statuses.indexOf(cursor.status)).reduce((n, s) => n + counts[s], 0);
  return earlier + (await countUpTo(ctx, eventId, cursor.status, cursor.seq, match));
}
