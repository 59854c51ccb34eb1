import { sql } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/secrets";
import type { Actor } from "../audit";
import { auditIf } from "../audit";
import { canPromote, changedBy, listStillOpenSql, refuseUnlessListOpen, registrationOfEvent } from "./attendeeRules";
import type { OrgScope, ServiceContext } from "../context";
import { takenSeats } from "../seats";
import { queueForRegistrations } from "../outbox";

export type PromoteResult =
  | { promoted: true; overCapacity: boolean }
  /** The event is full: promoting needs the organiser's explicit override. */
  | { promoted: false; confirmed: number; capacity: number; beyondBy: number };

/**
 * Gives a waitlisted person a seat now, chosen by an organiser rather than by arrival
 * order. Without `override` the seat must be free; with it the person is seated beyond
 * capacity and the registration says so. Which of the two happened is decided by the
 * UPDATE itself, never from a count read earlier, so racing signups cannot overbook.
 * The "promoted" email and the audit entry commit with it, or not at all.
 */
export async function promoteByHand({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: OrgScope & { eventId: string; registrationId: string; override: boolean };
  actor: Actor;
}): Promise<PromoteResult> {
  const { orgId, eventId, registrationId: id } = input;
  const before = await registrationOfEvent(ctx, orgId, eventId, id);
  refuseUnlessWaiting(before);

  const now = ctx.now().getTime();
  const changeId = newId("chg");
  // A seat held for an offer is taken: promoting past it needs the override too.
  const taken = takenSeats(sql`${eventId}`);
  const capacity = sql`(SELECT e.capacity FROM events e WHERE e.id = ${eventId})`;
  const [placed] = await ctx.db.batch([
    ctx.db.all<{ over: number }>(sql`
      UPDATE registrations
      SET status = 'confirmed', confirmed_at = ${now}, change_id = ${changeId},
          over_capacity = (${taken} >= ${capacity})
      WHERE id = ${id} AND event_id = ${eventId} AND status = 'waitlisted' AND ${listStillOpenSql(eventId)}
        AND (${input.override ? 1 : 0} OR ${taken} < ${capacity})
      RETURNING over_capacity AS over`),
    queueForRegistrations(ctx, "promoted", sql`r.id = ${id} AND r.change_id = ${changeId}`),
    auditIf(
      ctx,
      actor,
      {
        action: "registration.promote",
        subjectType: "registration",
        subjectId: id,
        detail: sql`json_object('eventId', ${eventId}, 'overCapacity',
          json(CASE WHEN (SELECT over_capacity FROM registrations WHERE id = ${id}) THEN 'true' ELSE 'false' END))`,
      },
      changedBy(id, changeId),
    ),
  ]);
  const row = placed[0];
  if (row) return { promoted: true, overCapacity: Boolean(row.over) };

  // Nothing changed: say why, from the state as it is now.
  const after = await registrationOfEvent(ctx, orgId, eventId, id);
  refuseUnlessWaiting(after);
  if (input.override) throw new AppError("changed_meanwhile");
  const { confirmed, offered, event } = after.event;
  return { promoted: false, confirmed, capacity: event.capacity, beyondBy: confirmed + offered + 1 - event.capacity };
}

function refuseUnlessWaiting(found: Awaited<ReturnType<typeof registrationOfEvent>>) {
  refuseUnlessListOpen(found.event);
  if (!canPromote(found.registration))
    throw new AppError("not_waitlisted", { name: found.registration.name });
}
