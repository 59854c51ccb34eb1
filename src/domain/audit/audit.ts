import { and, desc, eq, lt } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import type { OrgScope, ServiceContext } from "../context";

/** Who made a change: a signed-in member, or (id null) an API token named in `email`. */
export interface Actor {
  orgId: string;
  id: string | null;
  email: string;
}

export interface AuditEntry {
  /** What was done, e.g. `event.create`, `registration.promote`. */
  action: string;
  subjectType?: "event" | "session" | "registration" | "user" | "organisation" | "person" | "token" | "webhook";
  subjectId?: string;
  detail?: Record<string, unknown>;
}

/**
 * The log row for a change a member made: an INSERT to put in the same batch as the
 * change, so the change and its record commit together.
 */
export function auditEntry(ctx: ServiceContext, actor: Actor, entry: AuditEntry) {
  return ctx.db.insert(auditLog).values({
    orgId: actor.orgId,
    userId: actor.id,
    actorEmail: actor.email,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    detail: entry.detail ?? {},
    createdAt: ctx.now(),
  });
}

/** The organisation's log, newest first, a page at a time (`before` is the last seq seen). */
export async function listAudit({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { before?: number; limit?: number } }) {
  const limit = Math.min(input.limit ?? 100, 500);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, input.orgId), input.before ? lt(auditLog.seq, input.before) : undefined))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  return rows;
}
