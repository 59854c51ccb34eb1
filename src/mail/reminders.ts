import { sql } from "drizzle-orm";
import { changedRows } from "../db/client";
import type { ServiceContext } from "../domain/context";
import { queueForRegistrations } from "../domain/outbox";

/**
 * Queues a reminder for every confirmed attendee of a published event that starts
 * within `leadMs`. Once per registration and start time: an event created late still
 * gets its reminder if it has not started, and one moved by more than the lead time gets
 * a new one (a move of minutes does not remind twice).
 */
export async function queueReminders({ ctx, leadMs }: { ctx: ServiceContext; leadMs: number }) {
  const now = ctx.now().getTime();
  const queued = await queueForRegistrations(
    ctx,
    "reminder",
    sql`r.status = 'confirmed' AND e.status = 'published'
        AND e.starts_at > ${now} AND e.starts_at <= ${now + leadMs}
        AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.registration_id = r.id AND o.kind = 'reminder'
                        AND (json_extract(o.payload, '$.startsAt') = e.starts_at OR o.created_at > ${now - leadMs}))`,
    sql`json_object('startsAt', e.starts_at)`,
  );
  return { queued: changedRows(queued) };
}
