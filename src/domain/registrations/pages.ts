import { and, asc, eq, gt, inArray, lte, max, sql, type SQL } from "drizzle-orm";
import { registrations, type RegistrationStatus } from "../../db/schema";
import type { ServiceContext } from "../context";
import type { RegistrationRow } from "./registrationView";
import { giveWay } from "../../lib/time";

/** Rows per query: one page is a few milliseconds of the database, never the whole list. */
export const PAGE_SIZE = 500;

export interface PagedRow {
  registration: RegistrationRow;
  /** 1-based place in the waitlist; null unless waiting. */
  position: number | null;
}

/**
 * How many of an event's registrations have one of these statuses, and the highest
 * arrival number among them: reading pages only up to that number keeps a later signup
 * out of a list whose count was already taken.
 */
export async function countRegistrations(ctx: ServiceContext, eventId: string, statuses: RegistrationStatus[]) {
  const [row] = await ctx.db
    .select({ count: sql<number>`count(*)`, last: max(registrations.seq) })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, statuses)));
  return { count: row?.count ?? 0, upTo: row?.last ?? 0 };
}

/**
 * How many of an event's registrations of each of these statuses there are (that also
 * meet `where`, a search), one pass over the index on event, status, seq.
 */
export async function countByStatus(ctx: ServiceContext, eventId: string, statuses: RegistrationStatus[], where?: SQL) {
  const rows = await ctx.db
    .select({ status: registrations.status, n: sql<number>`count(*)` })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, statuses), where))
    .groupBy(registrations.status);
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<RegistrationStatus, number>;
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/**
 * One status's rows after arrival number `after` (a keyset, never an offset), at most
 * `limit`, in arrival order; the index on event, status, seq leads straight to the first.
 */
export function statusPage(
  ctx: ServiceContext,
  { eventId, status, after, limit, upTo, where }: { eventId: string; status: RegistrationStatus; after: number; limit: number; upTo?: number; where?: SQL },
) {
  return ctx.db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        eq(registrations.status, status),
        gt(registrations.seq, after),
        upTo === undefined ? undefined : lte(registrations.seq, upTo),
        where,
      ),
    )
    .orderBy(asc(registrations.seq))
    .limit(limit);
}

/** One status's rows in arrival order, a page per query (the index on event, status, seq serves it whole). */
export async function* statusPages(ctx: ServiceContext, eventId: string, status: RegistrationStatus, upTo: number, pageSize: number, from: number) {
  let after = from;
  for (;;) {
    const page = await statusPage(ctx, { eventId, status, after, limit: pageSize, upTo });
    if (page.length) yield page;
    if (page.length < pageSize) return;
    after = page.at(-1)!.seq;
  }
}

/** How many of an event's registrations of one status arrived up to `seq` (and meet `where`): a count on the index. */
export async function countUpTo(ctx: ServiceContext, eventId: string, status: RegistrationStatus, seq: number, where?: SQL) {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, status), lte(registrations.seq, seq), where));
  return row?.n ?? 0;
}

/**
 * The places in the event's waitlist of some of its waitlisted registrations (by arrival
 * number), in one statement: each place is the count of those waiting up to it (invariant
 * 2), summed over the gaps between them, so the cost is one count up to the last of them
 * however the rows are spread (a search's matches are). The numbers travel as one JSON
 * value: D1 binds at most 100 values per statement.
 */
export async function waitlistPositions(ctx: ServiceContext, eventId: string, seqs: number[]): Promise<Map<number, number>> {
  if (!seqs.length) return new Map();
  const rows = await ctx.db.all<{ seq: number; position: number }>(sql`
    SELECT seq, sum(n) OVER (ORDER BY seq) AS position FROM (
      SELECT p.seq, (SELECT count(*) FROM registrations w
                     WHERE w.event_id = ${eventId} AND w.status = 'waitlisted' AND w.seq > p.prev AND w.seq <= p.seq) AS n
      FROM (SELECT value AS seq, lag(value, 1, 0) OVER (ORDER BY value) AS prev FROM json_each(${JSON.stringify(seqs)})) p)`);
  return new Map(rows.map((r) => [r.seq, r.position]));
}


/**
 * An event's registrations of some statuses in arrival order, up to `upTo` (from
 * `countRegistrations`), in pages of at most `pageSize`. Each status is read on its own
 * and merged by arrival: `status IN (…) ORDER BY seq` would sort every remaining row for
 * each page. Waitlist positions are counted as the waitlist goes by, which is the derived
 * position of invariant 2, since every waitlisted row up to `upTo` passes in order.
 */
export async function* registrationPages(
  ctx: ServiceContext,
  {
    eventId,
    statuses,
    upTo,
    pageSize = PAGE_SIZE,
    after = 0,
  }: {
    eventId: string;
    statuses: RegistrationStatus[];
    upTo: number;
    pageSize?: number;
    /** Start after this arrival number (a cursor): positions still count from the head of the waitlist. */
    after?: number;
  },
): AsyncGenerator<PagedRow[]> {
  const sources = statuses.map((status) => ({ pages: statusPages(ctx, eventId, status, upTo, pageSize, after), buffer: [] as RegistrationRow[], at: 0, done: false }));
  const head = (s: (typeof sources)[number]) => s.buffer[s.at];
  // Those waiting who arrived before the cursor: one count on the index, then counted on.
  let waiting = after && statuses.includes("waitlisted") ? await countUpTo(ctx, eventId, "waitlisted", after) : 0;
  let first = true;
  for (;;) {
    for (const s of sources) {
      if (head(s) || s.done) continue;
      const next = await s.pages.next();
      if (next.done) s.done = true;
      else (s.buffer = next.value), (s.at = 0);
    }
    const page: PagedRow[] = [];
    while (page.length < pageSize) {
      let from: (typeof sources)[number] | undefined;
      for (const s of sources) if (head(s) && (!from || head(s)!.seq < head(from)!.seq)) from = s;
      // A buffer ran dry: refill it before merging on, or the order could break.
      if (!from || sources.some((s) => !head(s) && !s.done)) break;
      const registration = from.buffer[from.at++]!;
      page.push({ registration, position: registration.status === "waitlisted" ? ++waiting : null });
    }
    if (!page.length) return;
    if (!first) await giveWay();
    first = false;
    yield page;
  }
}
