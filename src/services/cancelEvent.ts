import { and, eq, ne } from "drizzle-orm";
import { events } from "../db/schema";
import { newId } from "../lib/secrets";
import type { OrgScope, ServiceContext } from "./context";
import { findEvent, organiserEventView } from "./eventView";
import { tellEveryoneLive } from "./outboxRows";

/**
 * Cancels an event: everyone confirmed or waiting is told and confirmed invites are
 * withdrawn (their sequence rises). Cancelling twice tells nobody twice.
 */
export async function cancelEvent({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { id: string } }) {
  const { id, orgId } = input;
  await findEvent(ctx, id, orgId);
  const now = ctx.now();
  const changeId = newId("chg");
  await ctx.db.batch([
    ctx.db
      .update(events)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now, changeId })
      .where(and(eq(events.id, id), eq(events.orgId, orgId), ne(events.status, "cancelled"))),
    ...tellEveryoneLive(ctx, "event_cancelled", id, changeId),
  ]);
  return organiserEventView(ctx, await findEvent(ctx, id, orgId));
}
