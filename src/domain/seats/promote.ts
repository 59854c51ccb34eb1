import { sql, type SQL } from "drizzle-orm";
import { newId } from "../../lib/secrets";
import type { ServiceContext } from "../context";
import { queueForRegistrations } from "../outbox";
import { promoteSessionWaitlists } from "./sessionSeats";
import { offerDeadlineSql, offersOpenSql, promotionOpenSql, takenSeats } from "./rules";

/**
 * Statements that give every free seat of an event to the waitlist, earliest first, and
 * queue one email for each. In "auto" mode (and in offer mode within the last hour before
 * the start) the seat is confirmed ("promoted"); in "offer" mode it is held for the
 * person until the offer's deadline ("offered"). The number of free seats (capacity less
 * confirmed and offered ones) and the mode are read inside the UPDATE, so they are right
 * whatever else committed before this batch. A cancelled event, or one past both its
 * start and its registration close, promotes nobody to the event; seats of its sessions
 * freed in the batch still go to their waitlists.
 */
export function promoteWaitlisted(ctx: ServiceContext, eventId: string) {
  const now = ctx.now().getTime();
  const changeId = newId("chg");
  const ofEvent = (value: SQL) => sql`(SELECT ${value} FROM events e WHERE e.id = ${eventId})`;
  const offering = ofEvent(offersOpenSql(now));
  const update = ctx.db.run(sql`
    UPDATE registrations
    SET status = CASE WHEN ${offering} THEN 'offered' ELSE 'confirmed' END,
        confirmed_at = CASE WHEN ${offering} THEN NULL ELSE ${now} END,
        offer_expires_at = CASE WHEN ${offering} THEN ${ofEvent(offerDeadlineSql(now))} END,
        change_id = ${changeId}
    WHERE seq IN (
      SELECT w.seq FROM registrations w
      WHERE w.event_id = ${eventId} AND w.status = 'waitlisted'
        AND EXISTS (SELECT 1 FROM events e WHERE e.id = ${eventId} AND ${promotionOpenSql(now)})
      ORDER BY w.seq
      LIMIT coalesce((
        SELECT max(0, e.capacity - ${takenSeats(sql`e.id`)})
        FROM events e WHERE e.id = ${eventId}), 0)
    )`);
  const queue = queueForRegistrations(
    ctx,
    sql`CASE r.status WHEN 'offered' THEN 'offered' ELSE 'promoted' END`,
    sql`r.event_id = ${eventId} AND r.status IN ('confirmed', 'offered') AND r.change_id = ${changeId}`,
  );
  // Whoever left also left their sessions (a trigger frees them in the same statement):
  // those seats go to the sessions' waitlists in this batch too.
  return [update, queue, ...promoteSessionWaitlists(ctx, eventId)] as const;
}
