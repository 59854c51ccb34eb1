import { sql, type SQL } from "drizzle-orm";
import type { OutboxKind } from "../../db/schema";
import type { ServiceContext } from "../context";

/**
 * Queues one email per registration matched by `where` (a condition on `r`, the
 * registration, and `e`, its event). It is a statement for the same batch as the change
 * that causes it, so the change and its message commit together or not at all.
 * The row names who, what and which registration; the dispatcher renders from it.
 */
export function queueForRegistrations(
  ctx: ServiceContext,
  kind: OutboxKind | SQL<OutboxKind>,
  where: SQL,
  payload: SQL = sql`'{}'`,
) {
  return ctx.db.run(outboxInsert(ctx, kind, where, payload));
}

/** The INSERT behind `queueForRegistrations`, for a caller that adds RETURNING. */
export function outboxInsert(ctx: ServiceContext, kind: OutboxKind | SQL<OutboxKind>, where: SQL, payload: SQL) {
  const now = ctx.now().getTime();
  return sql`
    INSERT INTO outbox (id, kind, org_id, event_id, registration_id, to_email, to_name, locale,
                        payload, status, attempts, next_attempt_at, created_at)
    SELECT 'msg_' || lower(hex(randomblob(10))), ${kind}, e.org_id, r.event_id, r.id, r.email,
           r.name, r.language, ${payload}, 'pending', 0, ${now}, ${now}
    FROM registrations r JOIN events e ON e.id = r.event_id
    WHERE ${where}
    ORDER BY r.seq`;
}

/**
 * Statements that tell everyone still in the running (confirmed, offered or waitlisted) about a
 * change this batch made to an event, and raise confirmed invites' sequence so calendars
 * take the update or withdrawal. They act only if the event row carries `changeId`, so a
 * change that did not happen (cancelling twice) tells nobody.
 */
export function tellEveryoneLive(
  ctx: ServiceContext,
  kind: "event_updated" | "event_cancelled",
  eventId: string,
  changeId: string,
  payload?: SQL,
) {
  const changed = sql`EXISTS (SELECT 1 FROM events x WHERE x.id = ${eventId} AND x.change_id = ${changeId})`;
  return [
    ctx.db.run(sql`UPDATE registrations SET invite_sequence = invite_sequence + 1
                   WHERE event_id = ${eventId} AND status = 'confirmed' AND ${changed}`),
    // Applicants too: a cancelled event is news to them.
    queueForRegistrations(ctx, kind, sql`r.event_id = ${eventId} AND r.status IN ('confirmed', 'offered', 'waitlisted', 'pending') AND ${changed}`, payload),
  ] as const;
}
