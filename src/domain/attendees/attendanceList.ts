import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { users, type RegistrationStatus } from "../../db/schema";
import { giveWay } from "../../lib/time";
import { matchesWords, searchWords } from "../../lib/searchText";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent, type EventRow } from "../events";
import { countRegistrations, PAGE_SIZE, statusPages, type RegistrationRow } from "../registrations";

export const listFilters = ["live", "confirmed", "waitlisted", "cancelled", "all"] as const;
export type ListFilter = (typeof listFilters)[number];

/** The list page's query string; anything else in it is ignored. */
export const attendanceListQuery = z.object({
  status: z.enum(listFilters, { message: "Unknown status filter." }).optional(),
  q: z.string().max(200, "At most 200 characters.").optional(),
});

export interface Tally {
  confirmed: number;
  waitlisted: number;
  cancelled: number;
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
  /** 1-based place in the whole event's queue, whatever the filter; null unless waiting. */
  position: number | null;
  /** Email of the member who added the person by hand. */
  addedByEmail: string | null;
}

export interface AttendanceList {
  event: EventRow;
  tally: Tally;
  filter: ListFilter;
  q: string;
  /** How many rows `pages` holds, known before the first (the page's caption says it first). */
  count: number;
  /** The rows a page at a time: a list of thousands is rendered and sent in parts. */
  pages: AsyncIterable<ListedRegistration[]>;
}

// In the order the list shows them: the seated, the queue, then the cancelled.
const statusesOf: Record<ListFilter, RegistrationStatus[]> = {
  live: ["confirmed", "waitlisted"],
  confirmed: ["confirmed"],
  waitlisted: ["waitlisted"],
  cancelled: ["cancelled"],
  all: ["confirmed", "waitlisted", "cancelled"],
};

/**
 * One status's registrations in arrival order with who added them, a page per query
 * (served by the index on event, status, seq). The whole waitlist always passes, so
 * counting it as it goes is each person's place in the whole event's queue.
 */
async function* listPages(ctx: ServiceContext, eventId: string, statuses: RegistrationStatus[], upTo: number): AsyncGenerator<ListedRegistration[]> {
  let waiting = 0;
  let first = true;
  for (const status of statuses)
    for await (const page of statusPages(ctx, eventId, status, upTo, PAGE_SIZE, 0)) {
      if (!first) await giveWay();
      first = false;
      const addedBy = await addersOf(ctx, page);
      yield page.map((registration) => ({
        registration,
        addedByEmail: registration.addedBy ? (addedBy.get(registration.addedBy) ?? null) : null,
        position: status === "waitlisted" ? ++waiting : null,
      }));
    }
}

/** The emails of the members who added some of these people by hand: no query when nobody was. */
async function addersOf(ctx: ServiceContext, page: RegistrationRow[]) {
  const ids = [...new Set(page.map((r) => r.addedBy).filter((id): id is string => id !== null))];
  if (!ids.length) return new Map<string, string>();
  const rows = await ctx.db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((u) => [u.id, u.email]));
}

/** Counts of one event's registrations, read in one pass. */
export async function tallyOf(ctx: ServiceContext, event: Pick<EventRow, "id" | "capacity">): Promise<Tally> {
  const [row] = await ctx.db.all<Omit<Tally, "capacity" | "seatsLeft" | "beyond">>(sql`
    SELECT coalesce(sum(status = 'confirmed'), 0) AS confirmed,
           coalesce(sum(status = 'waitlisted'), 0) AS waitlisted,
           coalesce(sum(status = 'cancelled'), 0) AS cancelled,
           coalesce(sum(status = 'confirmed' AND checked_in_at IS NOT NULL), 0) AS checkedIn,
           coalesce(sum(status = 'confirmed' AND over_capacity), 0) AS overCapacity
    FROM registrations WHERE event_id = ${event.id}`);
  const counts = row ?? { confirmed: 0, waitlisted: 0, cancelled: 0, checkedIn: 0, overCapacity: 0 };
  return {
    ...counts,
    capacity: event.capacity,
    seatsLeft: Math.max(0, event.capacity - counts.confirmed),
    beyond: Math.max(0, counts.confirmed - event.capacity),
  };
}

/**
 * The attendance list of one of the organisation's events: counts, and the registrations
 * of one status (or all, or all still live) whose name, email or organisation holds every
 * word searched for (case and accents ignored, as at the door), confirmed first, then the waitlist in order, then cancellations. An
 * anonymised event keeps only its counts.
 */
export async function attendanceList({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: OrgScope & { eventId: string; filter?: ListFilter; q?: string };
}): Promise<AttendanceList> {
  const { event } = await findEvent(ctx, input.eventId, input.orgId);
  // Everyone of a cancelled event is cancelled: "still live" would show nobody.
  const filter = input.filter ?? (event.status === "cancelled" ? "all" : "live");
  const q = input.q?.trim() ?? "";
  const tally = await tallyOf(ctx, event);
  if (event.anonymisedAt) return { event, tally, filter, q, count: 0, pages: onePage([]) };

  const statuses = statusesOf[filter];
  const { count, upTo } = await countRegistrations(ctx, event.id, statuses);
  const words = searchWords(q);
  if (!words.length) return { event, tally, filter, q, count, pages: listPages(ctx, event.id, statuses, upTo) };
  // Matched here, as the door's search does (SQLite folds neither case beyond ASCII nor
  // accents): read in pages, only the matches kept, so their number heads the list.
  const found: ListedRegistration[] = [];
  for await (const page of listPages(ctx, event.id, statuses, upTo))
    found.push(...page.filter(({ registration: r }) => matchesWords(words, [r.name, r.organisation, r.email])));
  return { event, tally, filter, q, count: found.length, pages: onePage(found) };
}

async function* onePage(rows: ListedRegistration[]) {
  if (rows.length) yield rows;
}
