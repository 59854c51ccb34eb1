import { and, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { events, registrations } from "../../db/schema";
import { invalid } from "../../lib/errors";
import { essentialWords, searchWords } from "../../lib/searchText";
import { code } from "../../lib/zodIssues";
import type { OrgScope, ServiceContext } from "../context";
import { holdingEveryWord, type RegistrationRow } from "../registrations";
import { MAX_SEARCH_WORDS } from "./attendanceList";

/** Hits on one page of the search across events. */
export const PEOPLE_PAGE_SIZE = 50;

/** The people search's query string; anything else in it is ignored. */
export const peopleQuery = z.object({
  q: z.string().max(200).optional(),
  // Opaque to the page: the last hit's event start and arrival number, written by this file.
  after: z.string().regex(/^-?\d{1,16}\.[1-9]\d{0,15}$/, code("page_link")).optional(),
});

export interface PersonHit {
  registration: RegistrationRow;
  event: { id: string; title: string; startsAt: Date; timezone: string };
}

export interface PeopleFound {
  q: string;
  /** Every match in the organisation's events; 0 for a blank query (nothing is searched). */
  count: number;
  hits: PersonHit[];
  /** 1-based number of the page's first hit among `count`. */
  from: number;
  next: string | null;
  continued: boolean;
}

function readCursor(after: string | undefined) {
  if (!after) return null;
  const [startsAt, seq] = after.split(".").map(Number);
  if (!Number.isSafeInteger(startsAt) || !Number.isSafeInteger(seq)) throw invalid({ after: { code: "page_link" } });
  return { startsAt: startsAt!, seq: seq! };
}

/**
 * Registrations in any of the organisation's events whose name, email or organisation holds
 * every word searched for, by the same rule and the same stored search text as an event's
 * list (`holdingEveryWord`), the latest event first and in arrival order within it, a page
 * at a time from a cursor (a keyset on the event's start and the arrival number, never an
 * offset). Anonymised events have no search text left to match. Only the caller's
 * organisation is searched: the join on events names it.
 */
export async function findPeople({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { q?: string; after?: string } }): Promise<PeopleFound> {
  const q = input.q?.trim() ?? "";
  const cursor = readCursor(input.after);
  const words = essentialWords(searchWords(q));
  if (words.length > MAX_SEARCH_WORDS) throw invalid({ q: { code: "search_words", max: MAX_SEARCH_WORDS } });
  const match = holdingEveryWord(words);
  if (!match) return { q, count: 0, hits: [], from: 1, next: null, continued: false };
  const where = and(eq(events.orgId, input.orgId), isNull(events.anonymisedAt), match);
  const [counted] = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(where);
  const before = cursor ? await hitsUpTo(ctx, where!, cursor) : 0;
  const rows = await ctx.db
    .select({ registration: registrations, event: { id: events.id, title: events.title, startsAt: events.startsAt, timezone: events.timezone } })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(where, cursor ? beyond(cursor) : undefined))
    .orderBy(desc(events.startsAt), registrations.seq)
    .limit(PEOPLE_PAGE_SIZE + 1);
  const hits = rows.slice(0, PEOPLE_PAGE_SIZE);
  const last = hits.at(-1);
  return {
    q,
    count: counted?.n ?? 0,
    hits,
    from: before + 1,
    next: rows.length > PEOPLE_PAGE_SIZE && last ? `${last.event.startsAt.getTime()}.${last.registration.seq}` : null,
    continued: cursor !== null,
  };
}

/** SQL: hits after the cursor in the page order (a later-starting event first, then arrival). */
const beyond = (cursor: { startsAt: number; seq: number }) =>
  or(sql`${events.startsAt} < ${cursor.startsAt}`, and(sql`${events.startsAt} = ${cursor.startsAt}`, sql`${registrations.seq} > ${cursor.seq}`));

/** How many hits come up to and including the cursor: the caption's "showing 51–100". */
async function hitsUpTo(ctx: ServiceContext, where: SQL, cursor: { startsAt: number; seq: number }) {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(where, sql`NOT (${beyond(cursor)})`));
  return row?.n ?? 0;
}
