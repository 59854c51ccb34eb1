import { and, eq, gte, type SQL } from "drizzle-orm";
import { changedRows } from "../../db/client";
import { outbox } from "../../db/schema";
import type { ServiceContext } from "../context";

/**
 * Queues failed messages to be sent again at once, with a fresh count of attempts: those
 * written since `since`, of one organisation or all. Each keeps its Message-ID, and one
 * whose moment has passed (someone cancelled meanwhile) is skipped when its turn comes.
 * Returns how many were queued.
 */
export async function resendFailed({ ctx, input }: { ctx: ServiceContext; input: { since?: Date; orgId?: string } }): Promise<number> {
  const now = ctx.now();
  const which: (SQL | undefined)[] = [eq(outbox.status, "failed")];
  if (input.since) which.push(gte(outbox.createdAt, input.since));
  if (input.orgId) which.push(eq(outbox.orgId, input.orgId));
  const res = await ctx.db
    .update(outbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, leaseOwner: null, leaseUntil: null })
    .where(and(...which));
  return changedRows(res);
}
