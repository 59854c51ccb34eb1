import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { events } from "../../db/schema";
import type { OrgScope, ServiceContext } from "../context";
import { eventCounts, type EventWithCounts } from "./eventView";

export interface DashboardEvent extends EventWithCounts {
  checkedIn: number;
  /** Confirmed seats as a share of capacity, 0–1 (1 when capacity is 0). */
  fill: number;
}

const checkedIn = sql<number>`(SELECT count(*) FROM registrations r WHERE r.event_id = "events"."id" AND r.status = 'confirmed' AND r.checked_in_at IS NOT NULL)`;

const withFill = (row: EventWithCounts & { checkedIn: number }): DashboardEvent => ({
  ...row,
  fill: row.event.capacity === 0 ? 1 : Math.min(1, row.confirmed / row.event.capacity),
});

/**
 * The organisation's events for the workspace's front page: those running now and those
 * still to come, soonest first, and the past ones, latest first (the last `pastLimit`
 * unless all are asked for).
 */
export async function dashboardEvents({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { pastLimit?: number } }) {
  const now = ctx.now();
  const select = () => ctx.db.select({ event: events, ...eventCounts, checkedIn }).from(events);
  const upcoming = await select()
    .where(and(eq(events.orgId, input.orgId), gte(events.endsAt, now)))
    .orderBy(events.startsAt);
  const pastQuery = select()
    .where(and(eq(events.orgId, input.orgId), lt(events.endsAt, now)))
    .orderBy(desc(events.startsAt));
  const past = await (input.pastLimit ? pastQuery.limit(input.pastLimit + 1) : pastQuery);
  const more = input.pastLimit !== undefined && past.length > input.pastLimit;
  const started = (row: (typeof upcoming)[number]) => row.event.startsAt.getTime() <= now.getTime();
  return {
    running: upcoming.filter(started).map(withFill),
    upcoming: upcoming.filter((row) => !started(row)).map(withFill),
    past: (more ? past.slice(0, input.pastLimit) : past).map(withFill),
    morePast: more,
  };
}
