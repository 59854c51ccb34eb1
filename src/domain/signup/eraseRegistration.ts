import { sql } from "drizzle-orm";
import { liveStatusesSql } from "../../db/schema";
import type { ServiceContext } from "../context";
import { findEvent } from "../events";
import { resolveManageToken } from "./manageLink";
import { promoteWaitlisted } from "../seats";
import { findRegistration } from "../registrations";
import { erasedDelivery, scrubRegistrationDeliveries } from "../webhooks";

/**
 * Statements that erase one registration, for a batch: its links and every message to
 * the person are deleted with it, and a seat it held goes to the waitlist in the same
 * write. Shared by the registrant's own erasure and an owner's (src/domain/privacy/personalData.ts).
 */
export function eraseRegistrationStatements(ctx: ServiceContext, { id, eventId }: { id: string; eventId: string }) {
  const now = ctx.now().getTime();
  return [
    // Cancelled first, so the promotion below sees the free seat.
    ctx.db.run(sql`UPDATE registrations SET status = 'cancelled', cancelled_at = ${now}
                   WHERE id = ${id} AND status IN ${liveStatusesSql}`),
    ...promoteWaitlisted(ctx, eventId),
    ctx.db.run(sql`DELETE FROM outbox WHERE registration_id = ${id}`),
    ctx.db.run(sql`DELETE FROM manage_tokens WHERE registration_id = ${id}`),
    // A seat passed on names both people in its audit entry (the previous one as actor).
    ctx.db.run(sql`UPDATE audit_log SET detail = '{}', actor_email = ''
                   WHERE subject_type = 'registration' AND subject_id = ${id} AND action = 'registration.substitute'`),
    // Webhooks: what was written about the person keeps ids and states only, and the
    // erasure itself is told (ids only) before the row it reads goes.
    scrubRegistrationDeliveries(ctx, id),
    erasedDelivery(ctx, id),
    ctx.db.run(sql`DELETE FROM registrations WHERE id = ${id}`),
  ] as const;
}

/**
 * The registrant's right to erasure: their registration, its links and every message to
 * them are deleted in one batch. A seat they held goes to the waitlist in the same write.
 * Nothing more is sent to them (their address is gone), so the calendar entry an invite
 * made stays until they remove it; the page says so.
 */
export async function eraseManagedRegistration({ ctx, input }: { ctx: ServiceContext; input: { token: string } }) {
  const id = await resolveManageToken(ctx, input.token);
  const { registration } = await findRegistration(ctx, id);
  const { event } = await findEvent(ctx, registration.eventId);
  await ctx.db.batch(eraseRegistrationStatements(ctx, { id, eventId: registration.eventId }));
  return { event: { slug: event.slug, title: event.title, language: registration.language } };
}
