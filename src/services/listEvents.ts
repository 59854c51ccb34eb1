import { and, eq, gte, sql } from "drizzle-orm";
import { events } from "../db/schema";
import type { OrgScope, ServiceContext } from "./context";
import { organiserEventView, publicEventView, selectEvents } from "./eventView";

/** All of an organisation's events, soonest first. */
export async function listEvents({ ctx, input }: { ctx: ServiceContext; input: OrgScope }) {
  const rows = await selectEvents(ctx, eq(events.orgId, input.orgId));
  return rows.map((row) => organiserEventView(ctx, row));
}

/** Published events that have not ended, for the public start page and feeds. */
export async function listUpcomingEvents({ ctx, input = {} }: { ctx: ServiceContext; input?: Partial<OrgScope> }) {
  const rows = await selectEvents(
    ctx,
    and(
      eq(events.status, "published"),
      gte(events.endsAt, ctx.now()),
      input.orgId ? eq(events.orgId, input.orgId) : sql`1`,
    ),
  );
  return rows.map((row) => publicEventView(ctx, row));
}
