import { sql } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/secrets";
import type { ServiceContext } from "../context";
import { findEvent, hasStarted } from "../events";
import { queueForRegistrations } from "../outbox";
import { findRegistration } from "../registrations";
import { promoteWaitlisted } from "../seats";
import { getManagedRegistration, resolveManageToken } from "./manageLink";

/**
 * SQL, for an UPDATE of `registrations`: the row is an open offer at `now` (its time not
 * up, even if the sweep has not been by yet) of an event that goes ahead and has not begun.
 */
const openOfferSql = (now: number) => sql`
  status = 'offered' AND offer_expires_at > ${now}
  AND EXISTS (SELECT 1 FROM events e WHERE e.id = registrations.event_id AND e.status = 'published' AND e.starts_at > ${now})`;

/**
 * Takes the seat an offer holds: the registration is confirmed and gets its confirmation
 * with the calendar invite, in one batch. The seat was counted as taken all along, so no
 * count decides anything here; the UPDATE only checks that the offer is still open.
 * Accepting twice changes nothing.
 */
export async function acceptOffer({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const now = ctx.now();
  const changeId = newId("chg");
  await ctx.db.batch([
    ctx.db.run(sql`
      UPDATE registrations SET status = 'confirmed', confirmed_at = ${now.getTime()}, change_id = ${changeId}
      WHERE id = ${input.id} AND ${openOfferSql(now.getTime())}`),
    queueForRegistrations(ctx, "confirmed", sql`r.id = ${input.id} AND r.change_id = ${changeId}`),
  ]);
  const after = await findRegistration(ctx, input.id);
  if (after.registration.status === "confirmed") return after;
  throw await offerRefusal(ctx, after.registration, now);
}

/**
 * Turns an offer down: the registration is cancelled (and told so), and in the same batch
 * the seat goes on to the next person waiting. Declining twice changes nothing.
 */
export async function declineOffer({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const { registration } = await findRegistration(ctx, input.id);
  const now = ctx.now();
  const changeId = newId("chg");
  await ctx.db.batch([
    ctx.db.run(sql`
      UPDATE registrations SET status = 'cancelled', cancelled_at = ${now.getTime()}, change_id = ${changeId}
      WHERE id = ${input.id} AND ${openOfferSql(now.getTime())}`),
    queueForRegistrations(ctx, "cancelled", sql`r.id = ${input.id} AND r.change_id = ${changeId}`),
    ...promoteWaitlisted(ctx, registration.eventId),
  ]);
  const after = await findRegistration(ctx, input.id);
  if (after.registration.status === "cancelled" && (after.registration.changeId === changeId || registration.status === "cancelled")) return after;
  throw await offerRefusal(ctx, after.registration, now);
}

/** Why an offer could not be answered, from the state as it is now. */
async function offerRefusal(ctx: ServiceContext, r: { eventId: string; status: string; offerExpiresAt: Date | null }, now: Date) {
  const { event } = await findEvent(ctx, r.eventId);
  if (r.status === "cancelled") return new AppError("registration_cancelled");
  if (event.status === "cancelled") return new AppError("signup_cancelled");
  if (hasStarted(event, now)) return new AppError("event_started");
  if (r.status === "expired" || (r.status === "offered" && r.offerExpiresAt !== null && r.offerExpiresAt <= now)) return new AppError("offer_expired");
  return new AppError("not_offered");
}

/** The holder of a manage link takes the seat offered to them. */
export async function acceptManagedOffer({ ctx, input }: { ctx: ServiceContext; input: { token: string } }) {
  await acceptOffer({ ctx, input: { id: await resolveManageToken(ctx, input.token) } });
  return getManagedRegistration({ ctx, input });
}

/** The holder of a manage link turns the offer down; the seat goes on at once. */
export async function declineManagedOffer({ ctx, input }: { ctx: ServiceContext; input: { token: string } }) {
  await declineOffer({ ctx, input: { id: await resolveManageToken(ctx, input.token) } });
  return getManagedRegistration({ ctx, input });
}
