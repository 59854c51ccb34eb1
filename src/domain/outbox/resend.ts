import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";

/**
 * Queues the outbox rows matched by `where` to be sent at once, with a fresh count of
 * attempts; returns their ids. Each keeps its Message-ID, and one whose moment has passed
 * (someone cancelled meanwhile) is skipped when its turn comes.
 */
export function requeue(ctx: ServiceContext, where: SQL[]) {
  return ctx.db.all<{ id: string }>(sql`
    UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ${ctx.now().getTime()}, lease_owner = NULL, lease_until = NULL
    WHERE ${sql.join(where, sql` AND `)} RETURNING id`);
}

/**
 * Queues failed messages to be sent again (`plats outbox retry --failed`): those written
 * since `since`, of one organisation or all. Returns how many were queued.
 */
export async function resendFailed({ ctx, input }: { ctx: ServiceContext; input: { since?: Date; orgId?: string } }): Promise<number> {
  const which: SQL[] = [sql`status = 'failed'`];
  if (input.since) which.push(sql`created_at >= ${input.since.getTime()}`);
  if (input.orgId) which.push(sql`org_id = ${input.orgId}`);
  return (await requeue(ctx, which)).length;
}
