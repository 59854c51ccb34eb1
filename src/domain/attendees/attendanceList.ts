import { and, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { registrations, users } from "../../db/schema";
import { matchesWords, searchWords } from "../../lib/searchText";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent, type EventRow } from "../events";
import { rankedPositions, type RegistrationRow } from "../registrations";

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
  rows: ListedRegistration[];
}

const statusWhere: Record<ListFilter, SQL | undefined> = {
  live: sql`${registrations.status} <> 'cancelled'`,
  confirmed: sql`${registrations.status} = 'confirmed'`,
  waitlisted: sql`${registrations.status} = 'waitlisted'`,
  cancelled: sql`${registrations.status} = 'cancelled'`,
  all: undefined,
};

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
  if (event.anonymisedAt) return { event, tally, filter, q, rows: [] };

  const ranked = rankedPositions(ctx, event.id);
  const rows = await ctx.db
    .select({ registration: registrations, position: ranked.position, addedByEmail: users.email })
    .from(registrations)
    .innerJoin(ranked, eq(ranked.seq, registrations.seq))
    .leftJoin(users, eq(users.id, registrations.addedBy))
    .where(and(eq(registrations.eventId, event.id), statusWhere[filter]))
    .orderBy(sql`CASE ${registrations.status} WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END`, registrations.seq);
  // Matched here, as the door's search does (SQLite folds neither case beyond ASCII nor
  // accents); one event's list is at most a few thousand rows.
  const words = searchWords(q);
  const found = words.length ? rows.filter(({ registration: r }) => matchesWords(words, [r.name, r.organisation, r.email])) : rows;
  return { event, tally, filter, q, rows: found };
}
