import { sql } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/secrets";
import type { Actor } from "../audit";
import { auditIf } from "../audit";
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
  const now = ctx.now().getTime();
  const changeId = newId("chg");
  await ctx.db.batch([
    ctx.db.run(sql`
      UPDATE registrations
      SET invite_sequence = invite_sequence + (status = 'confirmed'),
          status = 'cancelled', cancelled_at = ${now}, change_id = ${changeId}
      WHERE id = ${registration.id} AND status IN ('confirmed', 'waitlisted', 'offered')
        AND (${byAttendee ? 0 : 1} OR EXISTS (
          SELECT 1 FROM events e WHERE e.id = registrations.event_id AND e.starts_at > ${now}))`),
    queueForRegistrations(ctx, "cancelled", sql`r.id = ${registration.id} AND r.change_id = ${changeId}`),
    ...promoteWaitlisted(ctx, registration.eventId),
    ...(actor
      ? [
          auditIf(
            ctx,
            actor,
            { action: "registration.cancel", subjectType: "registration", subjectId: registration.id, detail: { eventId: registration.eventId, was: registration.status } },
            sql`EXISTS (SELECT 1 FROM registrations x WHERE x.id = ${registration.id} AND x.change_id = ${changeId})`,
          ),
        ]
      : []),
  ]);
  const after = await findRegistration(ctx, registration.id);
  // An offer not taken has nothing left to cancel: like cancelling twice, nothing changes.
  if (after.registration.status !== "cancelled" && after.registration.status !== "expired")
    throw new AppError("event_started");
  return after;
}
