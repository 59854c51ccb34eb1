import { sql, type SQL } from "drizzle-orm";
import { liveStatusesSql } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/secrets";
import type { Actor } from "../audit";
import { auditEach } from "../audit";
import type { ServiceContext } from "../context";
import { queueForRegistrations } from "../outbox";
import { promoteWaitlisted } from "../seats";
import { findRegistration } from "../registrations";

/**
 * Cancels one registration (a seat, a place on the waitlist, or an offer). In the same
 * batch the freed seat goes to the earliest waitlisted person, and both are told. Cancelling twice changes nothing. An attendee
 * (no `orgId`) can no longer cancel once the event has started: from then on the list
 * records who came, which funders' reports rely on. That rule is part of the UPDATE, so
 * it holds even if the event is moved at the same moment. A member's cancellation
 * (`actor`) is audited in the same batch, if it changed anything.
 */
export async function cancelRegistration({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: { id: string; orgId?: string };
  actor?: Actor;
}) {
  const { registration } = await findRegistration(ctx, input.id, input.orgId);
  const byAttendee = input.orgId === undefined;
  await ctx.db.batch(cancelStatements(ctx, { eventId: registration.eventId, which: sql`id = ${registration.id}`, byAttendee, actor }));
  const after = await findRegistration(ctx, registration.id);
  // An offer not taken has nothing left to cancel: like cancelling twice, nothing changes.
  if (after.registration.status !== "cancelled" && after.registration.status !== "expired")
    throw new AppError("event_started");
  return after;
}

/**
 * The statements of cancelling those of one event's registrations that `which` (SQL on
 * `registrations`) names, for one batch: one person, or an organiser's selection. What a
 * cancellation does is decided here once for both: only a live registration changes, an
 * attendee only before the start, a confirmed invite is withdrawn (its sequence raised),
 * each person changed is told, freed seats go to the waitlist, and a member's
 * cancellation is audited per person. The audit entries come first, reading the rows
 * this batch is about to change (and their status before it), with the UPDATE's own condition.
 */
export function cancelStatements(ctx: ServiceContext, { eventId, which, byAttendee, actor }: { eventId: string; which: SQL; byAttendee: boolean; actor?: Actor }) {
  const now = ctx.now().getTime();
  const changeId = newId("chg");
  // An application (pending) may be withdrawn like a place.
  const changing = sql`${which} AND status IN ${liveStatusesSql}
    AND (${byAttendee ? 0 : 1} OR EXISTS (SELECT 1 FROM events e WHERE e.id = registrations.event_id AND e.starts_at > ${now}))`;
  const update = ctx.db.run(sql`
    UPDATE registrations
    SET invite_sequence = invite_sequence + (status = 'confirmed'),
        status = 'cancelled', cancelled_at = ${now}, change_id = ${changeId}
    WHERE ${changing}`);
  const after = [queueForRegistrations(ctx, "cancelled", sql`r.event_id = ${eventId} AND r.change_id = ${changeId}`), ...promoteWaitlisted(ctx, eventId)];
  if (!actor) return [update, ...after] as const;
  return [auditEach(ctx, actor, { action: "registration.cancel", detail: sql`json_object('eventId', event_id, 'was', status)` }, changing), update, ...after] as const;
}
