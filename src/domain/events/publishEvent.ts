import { and, eq, sql } from "drizzle-orm";
import { events } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { auditIf, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { refuseUnlessEditable } from "./eventRules";
import { eventDelivery } from "../webhooks";
import { findEvent, organiserEventView } from "./eventView";

/**
 * Publishes a draft: its public page and form open to everyone. Only a draft can be
 * published; a published or cancelled event is refused and left as it is.
 */
export async function publishEvent({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string }; actor?: Actor }) {
  const { id, orgId } = input;
  const { event } = await findEvent(ctx, id, orgId);
  refuseUnlessEditable(event);
  if (event.status !== "draft") throw new AppError("already_published");
  const now = ctx.now();
  // Logged only while it is still a draft, then changed, in one batch: two publishes at
  // once leave one entry.
  const stillDraft = sql`EXISTS (SELECT 1 FROM events WHERE id = ${id} AND org_id = ${orgId} AND status = 'draft')`;
  const publish = ctx.db
    .update(events)
    .set({ status: "published", updatedAt: now })
    .where(and(eq(events.id, id), eq(events.orgId, orgId), eq(events.status, "draft")));
  // Webhooks hear of it as a change of the event (its status, now "published").
  const told = eventDelivery(ctx, "event.updated", id, sql`EXISTS (SELECT 1 FROM events x WHERE x.id = ${id} AND x.status = 'published' AND x.updated_at = ${now.getTime()})`);
  await ctx.db.batch(actor ? [auditIf(ctx, actor, { action: "event.publish", subjectType: "event", subjectId: id }, stillDraft), publish, told] : [publish, told]);
  return organiserEventView(ctx, await findEvent(ctx, id, orgId));
}
