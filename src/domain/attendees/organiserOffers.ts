import { sql } from "drizzle-orm";
import { AppError, invalid } from "../../lib/errors";
import { newId } from "../../lib/secrets";
import type { Actor } from "../audit";
import { auditIf } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { queueForRegistrations } from "../outbox";
import { findRegistration } from "../registrations";
import { OFFER_CLOSE_BEFORE_START_MS, promoteWaitlisted } from "../seats";
import { changedBy, listIsOpen, listStillOpenSql, refuseUnlessListOpen, registrationOfEvent } from "./attendeeRules";

type Target = OrgScope & { eventId: string; registrationId: string };

/** Whether the list offers "extend" and "withdraw" for a registration: an open offer on a list that may change. */
export const canAnswerFor = (registration: { status: string }, event?: { status: string; anonymisedAt: Date | null }) =>
  registration.status === "offered" && (!event || listIsOpen(event));

/** An offer on this event's list that the organiser may still change. */
async function openOffer(ctx: ServiceContext, input: Target) {
  const found = await registrationOfEvent(ctx, input.orgId, input.eventId, input.registrationId);
  refuseUnlessListOpen(found.event);
  if (!canAnswerFor(found.registration)) throw new AppError("offer_not_open", { name: found.registration.name });
  return found;
}

/** Nothing changed although the checks passed: say why from the state as it is now. */
async function refusalAfter(ctx: ServiceContext, input: Target) {
  await openOffer(ctx, input);
  return new AppError("changed_meanwhile");
}

/**
 * Gives someone more (or less) time to answer an offer: a new deadline in the future and
 * no later than an hour before the start. They get the offer's email again with it. The
 * UPDATE repeats both rules against the event as it is then; audited in the same batch.
 */
export async function extendOffer({ ctx, input, actor }: { ctx: ServiceContext; input: Target & { expiresAt: Date }; actor: Actor }) {
  const { event } = await openOffer(ctx, input);
  const now = ctx.now().getTime();
  const until = input.expiresAt.getTime();
  if (until <= now || until > event.event.startsAt.getTime() - OFFER_CLOSE_BEFORE_START_MS) throw invalid({ offerExpiresAt: { code: "offer_deadline" } });
  const { eventId, registrationId: id } = input;
  const changeId = newId("chg");
  await ctx.db.batch([
    ctx.db.run(sql`
      UPDATE registrations SET offer_expires_at = ${until}, change_id = ${changeId}
      WHERE id = ${id} AND event_id = ${eventId} AND status = 'offered' AND ${listStillOpenSql(eventId)}
        AND EXISTS (SELECT 1 FROM events e WHERE e.id = ${eventId} AND e.starts_at - ${OFFER_CLOSE_BEFORE_START_MS} >= ${until})`),
    queueForRegistrations(ctx, "offered", sql`r.id = ${id} AND r.change_id = ${changeId}`),
    auditIf(
      ctx,
      actor,
      { action: "registration.offer_extend", subjectType: "registration", subjectId: id, detail: { eventId, offerExpiresAt: input.expiresAt.toISOString() } },
      changedBy(id, changeId),
    ),
  ]);
  const after = await findRegistration(ctx, id);
  if (after.registration.changeId !== changeId) throw await refusalAfter(ctx, input);
  return after;
}

/**
 * Takes an offer back: the registration ends as an offer not taken (`expired`), the person
 * is told, and in the same batch the seat goes to the next person waiting, as an offer.
 * Audited in the same batch.
 */
export async function withdrawOffer({ ctx, input, actor }: { ctx: ServiceContext; input: Target; actor: Actor }) {
  await openOffer(ctx, input);
  const { eventId, registrationId: id } = input;
  const changeId = newId("chg");
  await ctx.db.batch([
    ctx.db.run(sql`
      UPDATE registrations SET status = 'expired', change_id = ${changeId}
      WHERE id = ${id} AND event_id = ${eventId} AND status = 'offered' AND ${listStillOpenSql(eventId)}`),
    queueForRegistrations(ctx, "offer_withdrawn", sql`r.id = ${id} AND r.change_id = ${changeId}`),
    ...promoteWaitlisted(ctx, eventId),
    auditIf(ctx, actor, { action: "registration.offer_withdraw", subjectType: "registration", subjectId: id, detail: { eventId } }, changedBy(id, changeId)),
  ]);
  const after = await findRegistration(ctx, id);
  if (after.registration.changeId !== changeId) throw await refusalAfter(ctx, input);
  return after;
}
