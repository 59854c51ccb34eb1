import { sql } from "drizzle-orm";
import { AppError } from "../lib/errors";
import { newId } from "../lib/secrets";
import type { ServiceContext } from "./context";
import { findEvent } from "./eventView";
import { queueForRegistrations } from "./outboxRows";
import { promoteWaitlisted } from "./promote";
import { findRegistration } from "./registrationView";

/**
 * Cancels one registration. In the same batch the freed seat goes to the earliest
 * waitlisted person, and both are told. Cancelling twice changes nothing. An attendee
 * (no `orgId`) can no longer cancel once the event has started: from then on the list
 * records who came, which funders' reports rely on.
 */
export async function cancelRegistration({ ctx, input }: { ctx: ServiceContext; input: { id: string; orgId?: string } }) {
  const { registration } = await findRegistration(ctx, input.id, input.orgId);
  if (input.orgId === undefined && registration.status !== "cancelled") {
    const { event } = await findEvent(ctx, registration.eventId);
    if (event.startsAt <= ctx.now())
      throw new AppError("registration_closed", "The event has started; ask the organiser to change your registration.");
  }
  const now = ctx.now().getTime();
  const changeId = newId("chg");
  await ctx.db.batch([
    ctx.db.run(sql`
      UPDATE registrations
      SET invite_sequence = invite_sequence + (status = 'confirmed'),
          status = 'cancelled', cancelled_at = ${now}, change_id = ${changeId}
      WHERE id = ${registration.id} AND status <> 'cancelled'`),
    queueForRegistrations(ctx, "cancelled", sql`r.id = ${registration.id} AND r.change_id = ${changeId}`),
    ...promoteWaitlisted(ctx, registration.eventId),
  ]);
  return findRegistration(ctx, registration.id);
}
