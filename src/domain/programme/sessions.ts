import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { eventSessions, liveStatusesSql } from "../../db/schema";
import { isCheckViolation } from "../../db/errors";
import { AppError, invalid } from "../../lib/errors";
import { newId } from "../../lib/secrets";
import { code } from "../../lib/zodIssues";
import { auditEntry, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent, refuseUnlessEditable } from "../events";
import { queueForRegistrations } from "../outbox";
import { sessionFields } from "../schemas";
import { sessionTimeErrors } from "./sessionRules";
import { promoteSessionWaitlists } from "../seats";
import { findSession, sessionView } from "./sessionView";
import { registrationDelivery } from "../webhooks";

export const createSessionInput = z.strictObject({ ...sessionFields, waitlist: sessionFields.waitlist.default(true) });
export type CreateSessionInput = z.output<typeof createSessionInput>;
export const updateSessionInput = z
  .strictObject(sessionFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, code("nothing_to_change"));
export type UpdateSessionInput = z.output<typeof updateSessionInput>;

// A change to any of these moves people's calendar entries: they are told.
const whenAndWhere = ["title", "startsAt", "endsAt", "venue"] as const;

const auditIf = (ctx: ServiceContext, actor: Actor | undefined, action: string, id: string, detail: Record<string, unknown>) =>
  actor ? [auditEntry(ctx, actor, { action, subjectType: "session", subjectId: id, detail })] : [];

/**
 * Adds a session to an event's programme, last of its day. In a package everyone in the
 * running gets it at once (a seat with the event's seat, or recorded until they have one),
 * and those with a seat are told of the new date.
 */
export async function createSession({ ctx, input, actor }: { ctx: ServiceContext; input: CreateSessionInput & OrgScope & { eventId: string }; actor?: Actor }) {
  const { event } = await findEvent(ctx, input.eventId, input.orgId);
  refuseUnlessEditable(event);
  if (event.programme === "none") throw new AppError("no_programme");
  const errors = sessionTimeErrors(event, input);
  if (Object.keys(errors).length) throw invalid(errors);
  const now = ctx.now();
  const id = newId("ses");
  const changeId = newId("chg");
  const forEveryone =
    event.programme === "package"
      ? [
          ctx.db.run(sql`
            INSERT INTO session_choices (registration_id, session_id, event_id, status, queued_at, created_at, change_id)
            SELECT r.id, ${id}, r.event_id, CASE WHEN r.status = 'confirmed' THEN 'confirmed' ELSE 'pending' END, ${now.getTime()}, ${now.getTime()}, ${changeId}
            FROM registrations r WHERE r.event_id = ${event.id} AND r.status IN ${liveStatusesSql}
            ORDER BY r.seq`),
          queueForRegistrations(ctx, "session_changed", sql`r.event_id = ${event.id} AND r.status = 'confirmed' AND e.status = 'published'`, sql`json_object('session', ${id}, 'added', json('true'))`),
          // A new date of the package is a change of everyone's sessions.
          registrationDelivery(ctx, "registration.sessions_changed", sql`(SELECT c.registration_id FROM session_choices c WHERE c.session_id = ${id} AND c.change_id = ${changeId})`),
        ]
      : [];
  await ctx.db.batch([
    ctx.db.run(sql`
      INSERT INTO event_sessions (id, event_id, title, description, track, venue, starts_at, ends_at, capacity, waitlist, position, status, created_at, updated_at)
      VALUES (${id}, ${event.id}, ${input.title}, ${input.description ?? null}, ${input.track ?? null}, ${input.venue ?? null},
              ${input.startsAt.getTime()}, ${input.endsAt.getTime()}, ${input.capacity ?? null}, ${input.waitlist}, 
              (SELECT coalesce(max(position), -1) + 1 FROM event_sessions WHERE event_id = ${event.id}), 'scheduled', ${now.getTime()}, ${now.getTime()})`),
    ...forEveryone,
    ...auditIf(ctx, actor, "session.create", id, { event: event.id, title: input.title }),
  ]);
  return sessionView(event.programme, await findSession(ctx, id));
}

/**
 * Changes a session. A new time, place or title raises its calendar sequence and tells
 * everyone with a seat in it; a higher capacity gives seats to its waitlist at once.
 */
export async function updateSession({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string; patch: UpdateSessionInput }; actor?: Actor }) {
  const before = await findSession(ctx, input.id, input.orgId);
  const { event } = await findEvent(ctx, before.session.eventId, input.orgId);
  refuseUnlessEditable(event);
  if (before.session.status === "cancelled") throw new AppError("session_cancelled");
  const after = { ...before.session, ...input.patch };
  const errors = sessionTimeErrors(event, after);
  if (Object.keys(errors).length) throw invalid(errors);
  const changed = whenAndWhere.filter((k) => k in input.patch && String(before.session[k] ?? "") !== String(after[k] ?? ""));
  const changeId = newId("chg");
  const now = ctx.now();
  const holders = sql`r.id IN (SELECT c.registration_id FROM session_choices c WHERE c.session_id = ${input.id} AND c.status = 'confirmed')`;
  try {
    await ctx.db.batch([
      ctx.db
        .update(eventSessions)
        .set({ ...input.patch, updatedAt: now, changeId, ...(changed.length ? { sequence: sql`${eventSessions.sequence} + 1` } : {}) })
        .where(and(eq(eventSessions.id, input.id), ne(eventSessions.status, "cancelled"))),
      ...(changed.length && event.status === "published"
        ? [queueForRegistrations(ctx, "session_changed", sql`${holders} AND r.status = 'confirmed'`, sql`json_object('session', ${input.id}, 'changed', json(${JSON.stringify(changed)}))`)]
        : []),
      ...promoteSessionWaitlists(ctx, event.id),
      ...auditIf(ctx, actor, "session.update", input.id, { fields: Object.keys(input.patch) }),
    ]);
  } catch (err) {
    if (isCheckViolation(err, "event_sessions_ends_after_start")) throw invalid({ endsAt: { code: "after_start" } });
    throw err;
  }
  return sessionView(event.programme, await findSession(ctx, input.id));
}

/**
 * Cancels a session: every place in it ends, and everyone who had a seat, a waitlist
 * place or a wish for it is told. Returns how many were told; cancelling twice tells
 * nobody twice.
 */
export async function cancelSession({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string }; actor?: Actor }) {
  const before = await findSession(ctx, input.id, input.orgId);
  const { event } = await findEvent(ctx, before.session.eventId, input.orgId);
  refuseUnlessEditable(event);
  const now = ctx.now();
  const changeId = newId("chg");
  const results = await ctx.db.batch([
    ctx.db.run(sql`UPDATE event_sessions SET status = 'cancelled', cancelled_at = ${now.getTime()}, updated_at = ${now.getTime()},
                     sequence = sequence + 1, change_id = ${changeId}
                   WHERE id = ${input.id} AND status <> 'cancelled'`),
    ctx.db.run(sql`UPDATE session_choices SET status = 'cancelled', change_id = ${changeId}
                   WHERE session_id = ${input.id} AND status IN ('confirmed', 'waitlisted', 'pending')
                     AND EXISTS (SELECT 1 FROM event_sessions s WHERE s.id = ${input.id} AND s.change_id = ${changeId})`),
    queueForRegistrations(
      ctx,
      "session_cancelled",
      sql`r.status IN ('confirmed', 'waitlisted', 'offered') AND e.status = 'published'
          AND r.id IN (SELECT c.registration_id FROM session_choices c WHERE c.session_id = ${input.id} AND c.change_id = ${changeId})`,
      sql`json_object('session', ${input.id})`,
    ),
    ctx.db.all<{ told: number }>(sql`SELECT count(DISTINCT registration_id) AS told FROM session_choices WHERE session_id = ${input.id} AND change_id = ${changeId}`),
    registrationDelivery(
      ctx,
      "registration.sessions_changed",
      sql`(SELECT c.registration_id FROM session_choices c WHERE c.session_id = ${input.id} AND c.change_id = ${changeId})`,
    ),
    ...auditIf(ctx, actor, "session.cancel", input.id, { event: event.id, title: before.session.title }),
  ]);
  const told = (results[3] as { told: number }[])[0]?.told ?? 0;
  return { ...sessionView(event.programme, await findSession(ctx, input.id)), told };
}

/** Puts an event's sessions in the given order (ids of other events are ignored; those left out keep theirs after). */
export async function reorderSessions({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { eventId: string; order: string[] }; actor?: Actor }) {
  const { event } = await findEvent(ctx, input.eventId, input.orgId);
  refuseUnlessEditable(event);
  if (!input.order.length) return;
  const updates = input.order.map((id, i) =>
    ctx.db.run(sql`UPDATE event_sessions SET position = ${i} WHERE id = ${id} AND event_id = ${event.id}`),
  );
  await ctx.db.batch([
    ...(updates as [typeof updates[number], ...typeof updates]),
    ...auditIf(ctx, actor, "session.reorder", event.id, {}),
  ]);
}

