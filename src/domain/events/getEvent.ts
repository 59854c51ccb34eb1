import type { OrgScope, ServiceContext } from "../context";
import { findEvent, organiserEventView, publicEventView } from "./eventView";
import { AppError } from "../../lib/errors";

/**
 * One event with live counts. The owning organisation sees everything; anyone else sees
 * the public view of an event that is not a draft.
 */
export async function getEvent({ ctx, input }: { ctx: ServiceContext; input: { id: string } & Partial<OrgScope> }) {
  const row = await findEvent(ctx, input.id);
  if (input.orgId && row.event.orgId === input.orgId) return organiserEventView(ctx, row);
  if (row.event.status === "draft") throw new AppError("event_not_found");
  return publicEventView(ctx, row);
}
