import { sql } from "drizzle-orm";
import { dayOn } from "../calendar/fromSession";
import { changedRows } from "../db/client";
import type { ServiceContext } from "../domain/context";
import { seatHeldSql } from "../domain/calendars";
import { queueForRegistrations } from "../domain/outbox";

/**
 * Queues a reminder for every confirmed attendee of a published event that starts
 * within `leadMs`. Once per registration and start time: an event created late still
 * gets its reminder if it has not started, and one moved by more than the lead time gets
 * a new one (a move of minutes does not remind twice). Then the later days of
 * programmes (queueDayReminders).
 */
export async function queueReminders({ ctx, leadMs }: { ctx: ServiceContext; leadMs: number }) {
  const now = ctx.now().getTime();
  const queued = await queueForRegistrations(
    ctx,
    "reminder",
    sql`r.status = 'confirmed' AND e.status = 'published'
        AND e.starts_at > ${now} AND e.starts_at <= ${now + leadMs}
        AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.registration_id = r.id AND o.kind = 'reminder'
                        AND json_extract(o.payload, '$.day') IS NULL
                        AND (json_extract(o.payload, '$.startsAt') = e.starts_at OR o.created_at > ${now - leadMs}))`,
    sql`json_object('startsAt', e.starts_at)`,
  );
  return { queued: changedRows(queued) + (await queueDayReminders(ctx, leadMs)) };
}

/**
 * A reminder before each later day of a programme: a day (on the event's clock) other
 * than the event's first, on which someone holds a seat in a session: a course package's
 * later dates, a chosen workshop on day two. It goes `leadMs` before their first session
 * that day, once per person and day however many sessions they have then, decided in the
 * INSERT as the event's reminder is; the event's own reminder covers its first day. A
 * session moved to another day is reminded on that day; one moved within its day is not
 * reminded twice.
 */
async function queueDayReminders(ctx: ServiceContext, leadMs: number) {
  const now = ctx.now().getTime();
  // Sessions starting within the lead time: a handful at most, whatever the history.
  const starting = await ctx.db.all<{ id: string; eventId: string; startsAt: number; eventStartsAt: number; timezone: string }>(sql`
    SELECT s.id, s.event_id AS eventId, s.starts_at AS startsAt, e.starts_at AS eventStartsAt, e.timezone
    FROM event_sessions s JOIN events e ON e.id = s.event_id
    WHERE e.status = 'published' AND e.programme <> 'none' AND s.status = 'scheduled'
      AND s.starts_at > ${now} AND s.starts_at <= ${now + leadMs}`);
  const days = new Map<string, { day: string; ids: string[] }>();
  for (const s of starting) {
    const day = dayOn(new Date(s.startsAt), s.timezone);
    if (day === dayOn(new Date(s.eventStartsAt), s.timezone)) continue;
    const key = `${s.eventId} ${day}`;
    days.set(key, { day, ids: [...(days.get(key)?.ids ?? []), s.id] });
  }
  if (!days.size) return 0;
  const statements = [...days.values()].map(({ day, ids }) =>
    queueForRegistrations(
      ctx,
      "reminder",
      sql`r.status = 'confirmed' AND e.status = 'published'
          AND r.id IN (SELECT c.registration_id FROM session_choices c JOIN event_sessions s ON s.id = c.session_id
                       WHERE c.session_id IN ${ids} AND ${seatHeldSql(sql`c`, sql`s`)}
                         AND s.starts_at > ${now} AND s.starts_at <= ${now + leadMs})
          AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.registration_id = r.id AND o.kind = 'reminder'
                          AND json_extract(o.payload, '$.day') = ${day})`,
      sql`json_object('day', ${day})`,
    ),
  );
  const results = await ctx.db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  return results.reduce((n, r) => n + changedRows(r), 0);
}
