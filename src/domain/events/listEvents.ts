import { eq } from "drizzle-orm";
import { events } from "../../db/schema";
import type { OrgScope, ServiceContext } from "../context";
import { organiserEventView, selectEvents } from "./eventView";

/** All of an organisation's events, soonest first. */
export async function listEvents({ ctx, input }: { ctx: ServiceContext; input: OrgScope }) {
  const rows = await selectEvents(ctx, eq(events.orgId, input.orgId));
  return rows.map((row) => organiserEventView(ctx, row));
}
