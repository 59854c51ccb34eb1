import { sql, type SQL } from "drizzle-orm";

/**
 * The confirmed seats of an event, counted inside the statement that uses them, so a
 * decision never rests on a number read earlier. `eventId` is SQL naming the event
 * (a column such as e.id, or a bound id).
 */
export const confirmedSeats = (eventId: SQL) =>
  sql<number>`(SELECT count(*) FROM registrations c WHERE c.event_id = ${eventId} AND c.status = 'confirmed')`;

/** The people waiting for a seat of an event, counted like `confirmedSeats`. */
export const waitingCount = (eventId: SQL) =>
  sql<number>`(SELECT count(*) FROM registrations w WHERE w.event_id = ${eventId} AND w.status = 'waitlisted')`;

/** SQL for a waitlisted registration `r`'s 1-based position: derived, never stored. */
export const waitlistPosition = sql`(SELECT count(*) FROM registrations w WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.seq <= r.seq)`;

/**
 * Whether a newcomer would get a seat now, for a page that must say so before the
 * signup; `hasFreeSeatSql` is the same rule as the write decides it.
 */
export const newcomerGetsSeat = (c: { seatsLeft: number; waitlisted: number }) => c.seatsLeft > 0 && c.waitlisted === 0;

/**
 * True when event `e` has a free seat for a newcomer. Anyone already waiting goes first,
 * so a free seat with a waitlist is never handed to someone new.
 */
export const hasFreeSeatSql = sql`
  (${confirmedSeats(sql`e.id`)} < e.capacity
   AND NOT EXISTS (SELECT 1 FROM registrations w WHERE w.event_id = e.id AND w.status = 'waitlisted'))`;

/**
 * While seats of event `e` are still handed out to the waitlist: until the later of the
 * start and the registration close, so a seat freed while signups are open never sits
 * empty with people waiting.
 */
export const promotionOpenSql = (now: number) => sql`
  e.status = 'published' AND max(e.starts_at, coalesce(e.registration_closes_at, e.starts_at)) > ${now}`;
