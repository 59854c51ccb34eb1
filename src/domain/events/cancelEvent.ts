import { and, eq, ne } from "drizzle-orm";
import { events } from "../../db/schema";
import { newId } from "../../lib/secrets";
import { auditEntry, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent, organiserEventView } from "./eventView";
import { tellEveryoneLive } from "../outbox";

/**
 * Cancels an event: everyone confirmed, offered a seat or waiting is told and confirmed invites are
 * withdrawn (their sequence rises). Cancelling twice tells nobody twice.
 */
export async function cancelEvent({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string }; actor?: Actor }) {
  const { id, orgId } = input;
  const before = await findEvent(ctx, id, orgId);
  const now = ctx.now();
  const changeId = newId("chg");
  await ctx.db.batch([
    ctx.db
      .update(events)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now, changeId })
      .where(and(eq(events.id, id), eq(events.orgId, orgId), ne(events.status, "cancelled"))),
    ...tellEveryoneLive(ctx, "event_cancelled", id, changeId),
    ...(actor && before.event.status !== "cancelled"
      ? [auditEntry(ctx, actor, { action: "event.cancel", subjectType: "event", subjectId: id, detail: { told: before.confirmed + before.offered + before.waitlisted } })]
      : []),
  ]);
  return organiserEventView(ctx, await findEvent(ctx, id, orgId));
}
