import { SQL, sql } from "drizzle-orm";
import type { Actor, AuditEntry } from "./audit";
import type { ServiceContext } from "../context";

/**
 * An audit entry that is written only if `condition` holds when the batch reaches it.
 * A conditional change (a seat taken only if one is free) may turn out to change nothing;
 * the log must then record nothing either, and D1 gives us no transaction to decide that
 * in JavaScript. `detail` may be SQL, to record what the write decided (over capacity or not).
 */
export function auditIf(
  ctx: ServiceContext,
  actor: Actor,
  entry: Omit<AuditEntry, "detail"> & { detail?: Record<string, unknown> | SQL },
  condition: SQL,
) {
  const detail = entry.detail instanceof SQL ? entry.detail : sql`${JSON.stringify(entry.detail ?? {})}`;
  return ctx.db.run(sql`
    INSERT INTO audit_log (org_id, user_id, actor_email, action, subject_type, subject_id, detail, created_at)
    SELECT ${actor.orgId}, ${actor.id}, ${actor.email}, ${entry.action}, ${entry.subjectType ?? null},
           ${entry.subjectId ?? null}, ${detail}, ${ctx.now().getTime()}
    WHERE ${condition}`);
}

/**
 * One audit entry per registration `where` matches (SQL on `registrations`), in the
 * batch of the change: a change to many people leaves the same trace as one per person.
 * `detail` may read the row's columns (`json_object('eventId', event_id)`).
 */
export function auditEach(ctx: ServiceContext, actor: Actor, entry: { action: string; detail: SQL }, where: SQL) {
  return ctx.db.run(sql`
    INSERT INTO audit_log (org_id, user_id, actor_email, action, subject_type, subject_id, detail, created_at)
    SELECT ${actor.orgId}, ${actor.id}, ${actor.email}, ${entry.action}, 'registration', registrations.id,
           ${entry.detail}, ${ctx.now().getTime()}
    FROM registrations WHERE ${where} ORDER BY registrations.seq`);
}
