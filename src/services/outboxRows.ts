import { sql, type SQL } from "drizzle-orm";
import type { OutboxKind } from "../db/schema";
import type { ServiceContext } from "./context";

/** SQL for a waitlisted registration `r`'s 1-based position: derived, never stored. */
export const waitlistPosition = sql`(SELECT count(*) FROM registrations w WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.seq <= r.seq)`;

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
