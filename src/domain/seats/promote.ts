import { sql } from "drizzle-orm";
import { newId } from "../../lib/secrets";
import type { ServiceContext } from "../context";
import { queueForRegistrations } from "../outbox";
import { confirmedSeats, promotionOpenSql } from "./rules";

/**
 * Statements that give every free seat of an event to the waitlist, earliest first, and
 * queue a "promoted" email for each. The number of free seats is computed inside the
 * UPDATE, so it is right whatever else committed before this batch. A cancelled event,
 * or one past both its start and its registration close, promotes nobody.
 */
export function promoteWaitlisted(ctx: ServiceContext, eventId: string) {
  const now = ctx.now().getTime();
  const changeId = newId("chg");
  const update = ctx.db.run(sql`
    UPDATE registrations
    SET status = 'confirmed', confirmed_at = ${now}, change_id = ${changeId}
    WHERE seq IN (
      SELECT w.seq FROM registrations w
      WHERE w.event_id = ${eventId} AND w.status = 'waitlisted'
        AND EXISTS (SELECT 1 FROM events e WHERE e.id = ${eventId} AND ${promotionOpenSql(now)})
      ORDER BY w.seq
      LIMIT coalesce((
        SELECT max(0, e.capacity - ${confirmedSeats(sql`e.id`)})
        FROM events e WHERE e.id = ${eventId}), 0)
    )`);
  const queue = queueForRegistrations(
    ctx,
    "promoted",
    sql`r.event_id = ${eventId} AND r.status = 'confirmed' AND r.change_id = ${changeId}`,
  );
  return [update, queue] as const;
}
