import { sql } from "drizzle-orm";
import { newId } from "../../lib/secrets";
import type { ServiceContext } from "../context";
import { queueForRegistrations } from "../outbox";
import { promoteWaitlisted } from "./promote";

/** Events whose run-out offers one sweep handles at most: D1 counts queries per invocation. */
const EVENTS_PER_SWEEP = 10;

/**
 * The scheduler's step (Node's background loop, the Workers' minute cron): every offer
 * whose time is up ends as `expired`, its holder is told, and the seat goes on to the next
 * person waiting (offered again, or confirmed at once within the last hour before the
 * start) in the same batch, one batch per event. The read only finds the events; each
 * batch decides again which offers have run out, so an offer accepted, declined or
 * extended meanwhile is left alone, and two sweeps at once end each offer once.
 */
export async function expireOffers({ ctx }: { ctx: ServiceContext }) {
  const now = ctx.now().getTime();
  const due = await ctx.db.all<{ eventId: string }>(sql`
    SELECT DISTINCT event_id AS eventId FROM registrations
    WHERE status = 'offered' AND offer_expires_at <= ${now}
    LIMIT ${EVENTS_PER_SWEEP}`);
  for (const { eventId } of due) {
    const changeId = newId("chg");
    await ctx.db.batch([
      ctx.db.run(sql`
        UPDATE registrations SET status = 'expired', change_id = ${changeId}
        WHERE event_id = ${eventId} AND status = 'offered' AND offer_expires_at <= ${now}`),
      // Someone whose event was cancelled was told so already; the offer just ends.
      queueForRegistrations(ctx, "expired", sql`r.event_id = ${eventId} AND r.status = 'expired' AND r.change_id = ${changeId} AND e.status = 'published'`),
      ...promoteWaitlisted(ctx, eventId),
    ]);
  }
  return { events: due.length };
}
