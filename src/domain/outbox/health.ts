import { sql } from "drizzle-orm";
import type { ServiceContext } from "../context";

export interface OutboxHealth {
  /** Messages not yet sent (waiting or being sent). */
  pending: number;
  /** Age of the oldest of them, in whole seconds; null when nothing waits. */
  oldestPendingSeconds: number | null;
  /** While the mail server refuses our set-up: since when, and when it is tried next. */
  held: { since: string; until: string } | null;
}

/**
 * What monitoring needs to alert on mail that does not go out. The server's reason stays
 * out: it may name an address, and /healthz is public.
 */
export async function outboxHealth(ctx: ServiceContext): Promise<OutboxHealth> {
  const [row] = await ctx.db.all<{ pending: number; oldest: number | null; since: number | null; until: number | null }>(sql`
    SELECT (SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')) AS pending,
           (SELECT min(created_at) FROM outbox WHERE status IN ('pending', 'sending')) AS oldest,
           h.since AS since, h.until AS until
    FROM (SELECT 1) LEFT JOIN mail_hold h`);
  const now = ctx.now().getTime();
  return {
    pending: row?.pending ?? 0,
    oldestPendingSeconds: row?.oldest == null ? null : Math.max(0, Math.floor((now - row.oldest) / 1000)),
    held: row?.since == null || row.until == null ? null : { since: new Date(row.since).toISOString(), until: new Date(row.until).toISOString() },
  };
}
