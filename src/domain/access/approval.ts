import { sql } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/secrets";
import { auditEach, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { queueForRegistrations } from "../outbox";
import { findRegistration } from "../registrations";
import { findEvent } from "../events";
import { hasFreeSeatSql } from "../seats";

export interface Decision {
  id: string;
  status: "confirmed" | "waitlisted" | "declined" | "pending";
  position: number | null;
}

/**
 * Approves applications of one event, in the order given, in one batch: each is decided
 * by its own UPDATE by the usual rule (a seat while one is free and nobody waits, else
 * the waitlist, behind those already on it: the approved row takes the next arrival
 * number), and each gets the matching email and invite. Without a waitlist, an
 * application that finds no seat stays pending. Only `pending` rows change, so approving
 * twice, or an application withdrawn meanwhile, changes nothing.
 */
export async function approveApplications({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { eventId: string; ids: string[] }; actor?: Actor }) {
  return decide(ctx, input, actor, "approve");
}

/** Declines applications of one event: each is told politely; only `pending` rows change. */
export async function declineApplications({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { eventId: string; ids: string[] }; actor?: Actor }) {
  return decide(ctx, input, actor, "decline");
}

/** One application by its id (the API's `/registrations/:id/approve` and `/decline`). */
export async function decideApplication({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string; verdict: "approve" | "decline" }; actor?: Actor }) {
  const { registration } = await findRegistration(ctx, input.id, input.orgId);
  if (registration.status !== "pending") throw new AppError("not_pending");
  const { event } = await findEvent(ctx, registration.eventId, input.orgId);
  if (event.status !== "published") throw new AppError("cancelled_event_unchangeable");
  const [decision] = await decide(ctx, { orgId: input.orgId, eventId: registration.eventId, ids: [registration.id] }, actor, input.verdict);
  if (decision?.status === "pending") throw new AppError("full_no_waitlist");
  // Withdrawn or erased between our read and the write: nothing was decided.
  const expected = input.verdict === "approve" ? ["confirmed", "waitlisted"] : ["declined"];
  if (!decision || !expected.includes(decision.status)) throw new AppError("not_pending");
  return decision;
}

async function decide(ctx: ServiceContext, input: OrgScope & { eventId: string; ids: string[] }, actor: Actor | undefined, verdict: "approve" | "decline") {
  const ids = [...new Set(input.ids)];
  if (!ids.length) return [];
  const now = ctx.now().getTime();
  const changeId = newId("chg");
  const ofEvent = sql`event_id = ${input.eventId} AND EXISTS (SELECT 1 FROM events e WHERE e.id = ${input.eventId} AND e.org_id = ${input.orgId})`;
  const updates = ids.map((id) => {
    // Only while the event goes ahead: an application to a cancelled event stays as it is.
    const mine = sql`id = ${id} AND status = 'pending' AND ${ofEvent} AND EXISTS (SELECT 1 FROM events e WHERE e.id = ${input.eventId} AND e.status = 'published')`;
    if (verdict === "decline")
      return ctx.db.run(sql`UPDATE registrations SET status = 'declined', cancelled_at = ${now}, change_id = ${changeId} WHERE ${mine}`);
    const free = sql`(SELECT ${hasFreeSeatSql} FROM events e WHERE e.id = registrations.event_id)`;
    const waits = sql`(SELECT e.waitlist FROM events e WHERE e.id = registrations.event_id)`;
    // The seat is read inside the UPDATE; one approved onto the waitlist takes the next
    // arrival number, so it queues behind everyone already waiting.
    return ctx.db.run(sql`
      UPDATE registrations
      SET status = CASE WHEN ${free} THEN 'confirmed' ELSE 'waitlisted' END,
          confirmed_at = CASE WHEN ${free} THEN ${now} END,
          seq = CASE WHEN ${free} THEN seq ELSE (SELECT max(seq) + 1 FROM registrations) END,
          change_id = ${changeId}
      WHERE ${mine} AND (${free} OR ${waits})`);
  });
  const statements = [
    ...(updates as [(typeof updates)[0], ...typeof updates]),
    // After the updates, by their mark: an application left pending (no seat, no waitlist) leaves no entry.
    ...(actor
      ? [auditEach(ctx, actor, { action: verdict === "approve" ? "registration.approve" : "registration.decline", detail: sql`json_object('eventId', event_id, 'status', status)` }, sql`event_id = ${input.eventId} AND change_id = ${changeId}`)]
      : []),
    queueForRegistrations(
      ctx,
      sql`CASE r.status WHEN 'confirmed' THEN 'confirmed' WHEN 'waitlisted' THEN 'waitlisted' ELSE 'application_declined' END`,
      sql`r.event_id = ${input.eventId} AND r.change_id = ${changeId}`,
      sql`CASE WHEN r.status = 'waitlisted' THEN json_object('position', (SELECT count(*) FROM registrations w WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.seq <= r.seq)) ELSE '{}' END`,
    ),
    ctx.db.all<Decision>(sql`
      SELECT id, status,
             CASE WHEN status = 'waitlisted' THEN (SELECT count(*) FROM registrations w WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.seq <= r.seq) END AS position
      FROM registrations r WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND ${ofEvent}`),
  ];
  const results = await ctx.db.batch(statements as unknown as Parameters<typeof ctx.db.batch>[0]);
  const rows = results[results.length - 1] as Decision[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
