import { and, eq, ne, sql } from "drizzle-orm";
import { events } from "../db/schema";
import { newId } from "../lib/secrets";
import type { OrgScope, ServiceContext } from "./context";
import { findEvent, organiserEventView } from "./eventView";
import { queueForRegistrations } from "./outboxRows";

/**
 * Cancels an event: everyone confirmed or waiting is told and confirmed invites are
 * withdrawn (their sequence rises). Cancelling twice tells nobody twice.
 */
export async function cancelEvent({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { id: string } }) {
  const { id, orgId } = input;
  await findEvent(ctx, id, orgId);
  const now = ctx.now();
  const changeId = newId("chg");
  const touched = sql`EXISTS (SELECT 1 FROM events x WHERE x.id = ${id} AND x.change_id = ${changeId})`;
  await ctx.db.batch([
    ctx.db
      .update(events)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now, changeId })
      .where(and(eq(events.id, id), eq(events.orgId, orgId), ne(events.status, "cancelled"))),
    ctx.db.run(sql`UPDATE registrations SET invite_sequence = invite_sequence + 1
                   WHERE event_id = ${id} AND status = 'confirmed' AND ${touched}`),
    queueForRegistrations(
      ctx,
      "event_cancelled",
      sql`r.event_id = ${id} AND r.status IN ('confirmed', 'waitlisted') AND ${touched}`,
    ),
  ]);
  return organiserEventView(ctx, await findEvent(ctx, id, orgId));
}
