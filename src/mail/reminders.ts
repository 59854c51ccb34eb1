import { sql } from "drizzle-orm";
import { changedRows } from "../db/client";
import type { ServiceContext } from "../domain/context";
import { seatHeldSql } from "../domain/calendars";
import { queueForRegistrations } from "../domain/outbox";
import { toLocalInput } from "../lib/localTime";

/**
 * Queues a reminder for every confirmed attendee of a published event that starts
 * within `leadMs`. Once per registration and start time: an event created late still
 * gets its reminder if it has not started, and one moved by more than the lead time gets
 * a new one (a move of minutes does not remind twice). Then the same for the sessions of
 * a programme that start on a later day than the event (queueSessionReminders).
 */
export async function queueReminders({ ctx, leadMs }: { ctx: ServiceContext; leadMs: number }) {
  const now = ctx.now().getTime();
  const queued = await queueForRegistrations(
    ctx,
    "reminder",
    sql`r.status = 'confirmed' AND e.status = 'published'
        AND e.starts_at > ${now} AND e.starts_at <= ${now + leadMs}
        AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.registration_id = r.id AND o.kind = 'reminder'
                        AND json_extract(o.payload, '$.session') IS NULL
                        AND (json_extract(o.payload, '$.startsAt') = e.starts_at OR o.created_at > ${now - leadMs}))`,
    sql`json_object('startsAt', e.starts_at)`,
  );
  return { queued: changedRows(queued) + (await queueSessionReminders(ctx, leadMs)) };
}

/**
 * A reminder before each session that starts on another day (on the event's clock) than
 * the event itself: a course package's later dates, a chosen workshop on day two. The
 * event's own reminder covers its first day. It goes to those holding a seat in the
 * session, once per person and session start, decided in the write as the event's is.
 */
async function queueSessionReminders(ctx: ServiceContext, leadMs: number) {
  const now = ctx.now().getTime();
  // Sessions starting within the lead time: a handful at most, whatever the history.
  const starting = await ctx.db.all<{ id: string; startsAt: number; eventStartsAt: number; timezone: string }>(sql`
    SELECT s.id, s.starts_at AS startsAt, e.starts_at AS eventStartsAt, e.timezone
    FROM event_sessions s JOIN events e ON e.id = s.event_id
    WHERE e.status = 'published' AND e.programme <> 'none' AND s.status = 'scheduled'
      AND s.starts_at > ${now} AND s.starts_at <= ${now + leadMs}`);
  const day = (at: number, zone: string) => toLocalInput(new Date(at), zone).slice(0, 10);
  const later = starting.filter((s) => day(s.startsAt, s.timezone) !== day(s.eventStartsAt, s.timezone));
  if (!later.length) return 0;
  const statements = later.map((s) =>
    queueForRegistrations(
      ctx,
      "reminder",
      sql`r.status = 'confirmed' AND e.status = 'published'
          AND r.id IN (SELECT c.registration_id FROM session_choices c JOIN event_sessions s ON s.id = c.session_id
                       WHERE c.session_id = ${s.id} AND ${seatHeldSql(sql`c`, sql`s`)}
                         AND s.starts_at > ${now} AND s.starts_at <= ${now + leadMs})
          AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.registration_id = r.id AND o.kind = 'reminder'
                          AND json_extract(o.payload, '$.session') = ${s.id}
                          AND (json_extract(o.payload, '$.startsAt') = (SELECT starts_at FROM event_sessions WHERE id = ${s.id})
                               OR o.created_at > ${now - leadMs}))`,
      sql`json_object('session', ${s.id}, 'startsAt', (SELECT starts_at FROM event_sessions WHERE id = ${s.id}))`,
    ),
  );
  const results = await ctx.db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  return results.reduce((n, r) => n + changedRows(r), 0);
}
