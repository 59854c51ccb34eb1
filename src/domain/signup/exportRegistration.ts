import { and, eq, sql } from "drizzle-orm";
import { outbox } from "../../db/schema";
import { emailKey } from "../../lib/emailKey";
import { isoOrNull } from "../../lib/time";
import type { ServiceContext } from "../context";
import { getManagedRegistration } from "./manageLink";

/**
 * Everything Plats holds about one registrant, for "download my data": the registration
 * with its answers, the event and organisation it is for, and each email sent to them
 * (only to them: a seat passed on keeps the emails to the person who held it before).
 */
export async function exportManagedRegistration({ ctx, input }: { ctx: ServiceContext; input: { token: string } }) {
  const view = await getManagedRegistration({ ctx, input });
  const messages = await ctx.db
    .select({ kind: outbox.kind, to: outbox.toEmail, status: outbox.status, createdAt: outbox.createdAt, sentAt: outbox.sentAt })
    .from(outbox)
    .where(and(eq(outbox.registrationId, view.id), sql`lower(trim(${outbox.toEmail})) = ${emailKey(view.email)}`))
    .orderBy(outbox.createdAt);
  const { event, organiser, calendar: _links, manageUrl: _url, ...registration } = view;
  return {
    exportedAt: ctx.now().toISOString(),
    controller: organiser,
    registration,
    event: { title: event.title, url: event.url, startsAt: event.startsAt, endsAt: event.endsAt, venue: event.venue, address: event.address },
    emails: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), sentAt: isoOrNull(m.sentAt) })),
  };
}
