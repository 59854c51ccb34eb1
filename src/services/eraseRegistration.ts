import { sql } from "drizzle-orm";
import type { ServiceContext } from "./context";
import { findEvent } from "./eventView";
import { resolveManageToken } from "./manageLink";
import { promoteWaitlisted } from "./promote";
import { findRegistration } from "./registrationView";

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
  const now = ctx.now().getTime();
  await ctx.db.batch([
    // Cancelled first, so the promotion below sees the free seat.
    ctx.db.run(sql`UPDATE registrations SET status = 'cancelled', cancelled_at = ${now}
                   WHERE id = ${id} AND status <> 'cancelled'`),
    ...promoteWaitlisted(ctx, registration.eventId),
    ctx.db.run(sql`DELETE FROM outbox WHERE registration_id = ${id}`),
    ctx.db.run(sql`DELETE FROM manage_tokens WHERE registration_id = ${id}`),
    ctx.db.run(sql`DELETE FROM registrations WHERE id = ${id}`),
  ]);
  return { event: { slug: event.slug, title: event.title, language: registration.language } };
}
