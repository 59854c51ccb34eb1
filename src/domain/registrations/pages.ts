import { and, asc, eq, gt, inArray, lte, max, sql } from "drizzle-orm";
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

/** One status's rows in arrival order, a page per query (the index on event, status, seq serves it whole). */
export async function* statusPages(ctx: ServiceContext, eventId: string, status: RegistrationStatus, upTo: number, pageSize: number, from: number) {
  let after = from;
  for (;;) {
    const page = await ctx.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.status, status), gt(registrations.seq, after), lte(registrations.seq, upTo)))
      .orderBy(asc(registrations.seq))
      .limit(pageSize);
    if (page.length) yield page;
    if (page.length < pageSize) return;
    after = page.at(-1)!.seq;
  }
}

async function waitingUpTo(ctx: ServiceContext, eventId: string, seq: number) {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "waitlisted"), lte(registrations.seq, seq)));
  return row?.n ?? 0;
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
  let waiting = after && statuses.includes("waitlisted") ? await waitingUpTo(ctx, eventId, after) : 0;
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
