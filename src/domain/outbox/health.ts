import { sql } from "drizzle-orm";
import { mailHold } from "../../db/schema";
import type { ServiceContext } from "../context";

export interface OutboxHealth {
  /** Messages not yet sent (waiting or being sent). */
  pending: number;
  /** Age of the oldest of them, in whole seconds; null when nothing waits. */
  oldestPendingSeconds: number | null;
  /** While the mail server refuses our set-up: since when, and when it is tried next. */
  held: { since: string; until: string } | null;
}

/** While the mail server refuses our set-up: since when, and when the queue tries again. */
export async function mailHeld(ctx: ServiceContext): Promise<OutboxHealth["held"]> {
  const [hold] = await ctx.db.select({ since: mailHold.since, until: mailHold.until }).from(mailHold);
  return hold ? { since: hold.since.toISOString(), until: hold.until.toISOString() } : null;
}

/**
 * What monitoring needs to alert on mail that does not go out. The server's reason stays
 * out: it may name an address, and /healthz is public.
 */
export async function outboxHealth(ctx: ServiceContext): Promise<OutboxHealth> {
  const [row] = await ctx.db.all<{ pending: number; oldest: number | null }>(sql`
    SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox WHERE status IN ('pending', 'sending')`);
  return {
    pending: row?.pending ?? 0,
    oldestPendingSeconds: row?.oldest == null ? null : Math.max(0, Math.floor((ctx.now().getTime() - row.oldest) / 1000)),
    held: await mailHeld(ctx),
  };
}
