import { sql, type SQL } from "drizzle-orm";

/**
 * The confirmed seats of an event, read inside the statement that uses them, so a
 * decision never rests on a number read earlier. `eventId` is SQL naming the event (a
 * column such as e.id, or a bound id). One row of `event_tallies`, which triggers keep in
 * step with the registrations, so the cost does not grow with the event.
 */
export const confirmedSeats = (eventId: SQL) =>
  sql<number>`coalesce((SELECT t.confirmed FROM event_tallies t WHERE t.event_id = ${eventId}), 0)`;

/**
 * The seats of an event nobody else may take: confirmed ones and those held for an offer.
 * Every seat decision counts these, read like `confirmedSeats`.
 */
export const takenSeats = (eventId: SQL) =>
  sql<number>`coalesce((SELECT t.confirmed + t.offered FROM event_tallies t WHERE t.event_id = ${eventId}), 0)`;

/** The seats of an event held for an offer, read like `confirmedSeats`. */
export const offeredSeats = (eventId: SQL) =>
  sql<number>`coalesce((SELECT t.offered FROM event_tallies t WHERE t.event_id = ${eventId}), 0)`;

/** The people waiting for a seat of an event, read like `confirmedSeats`. */
export const waitingCount = (eventId: SQL) =>
  sql<number>`coalesce((SELECT t.waitlisted FROM event_tallies t WHERE t.event_id = ${eventId}), 0)`;

/**
 * SQL for a waitlisted registration `r`'s 1-based position: derived, never stored, for
 * lists and pages (the index on event, status and arrival keeps it to the people ahead).
 */
export const waitlistPosition = sql`(SELECT count(*) FROM registrations w WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.seq <= r.seq)`;

/**
 * The position of `r` when it has just joined the waitlist in this batch: the last, so
 * the number waiting, one row read however long the waitlist is.
 */
export const newcomerPosition = waitingCount(sql`r.event_id`);

/**
 * Whether a newcomer would get a seat now, for a page that must say so before the
 * signup; `hasFreeSeatSql` is the same rule as the write decides it.
 */
export const newcomerGetsSeat = (c: { seatsLeft: number; waitlisted: number }) => c.seatsLeft > 0 && c.waitlisted === 0;

/**
 * True when event `e` has a free seat for a newcomer (no tally yet: nobody registered). Anyone already waiting goes first,
 * so a free seat with a waitlist is never handed to someone new, and a seat held for an
 * offer is taken.
 */
export const hasFreeSeatSql = sql`
  (e.capacity > 0
   AND NOT EXISTS (SELECT 1 FROM event_tallies t WHERE t.event_id = e.id AND (t.confirmed + t.offered >= e.capacity OR t.waitlisted > 0)))`;

/**
 * True when event `e` has at least `n` free seats for newcomers, counted as
 * `hasFreeSeatSql` counts one: nobody waiting, and capacity beyond the taken seats. What a
 * group that comes only together needs before its first member is written.
 */
export const hasFreeSeatsSql = (n: number) => sql`
  (e.capacity - ${takenSeats(sql`e.id`)} >= ${n}
   AND NOT EXISTS (SELECT 1 FROM event_tallies t WHERE t.event_id = e.id AND t.waitlisted > 0))`;

/**
 * While seats of event `e` are still handed out to the waitlist: until the later of the
 * start and the registration close, so a seat freed while signups are open never sits
 * empty with people waiting.
 */
export const promotionOpenSql = (now: number) => sql`
  e.status = 'published' AND max(e.starts_at, coalesce(e.registration_closes_at, e.starts_at)) > ${now}`;

/** Offers end an hour before the start at the latest; from then on a freed seat is confirmed at once. */
export const OFFER_CLOSE_BEFORE_START_MS = 3_600_000;

/**
 * Whether a seat of event `e` freed at `now` is offered rather than confirmed: the event
 * is in offer mode and its last hour before the start has not begun.
 */
export const offersOpenSql = (now: number) => sql`
  (e.waitlist_mode = 'offer' AND e.starts_at - ${OFFER_CLOSE_BEFORE_START_MS} > ${now})`;

/** When an offer made at `now` for event `e` ends: after its length, or an hour before the start if that is earlier. */
export const offerDeadlineSql = (now: number) => sql`
  min(${now} + e.offer_minutes * 60000, e.starts_at - ${OFFER_CLOSE_BEFORE_START_MS})`;
