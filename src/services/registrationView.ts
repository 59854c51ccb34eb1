import { eq, sql, type SQL } from "drizzle-orm";
import { events, registrations } from "../db/schema";
import { notFound } from "../lib/errors";
import { isoOrNull } from "../lib/time";
import type { ServiceContext } from "./context";

/** Waitlist position as a column of a select from `registrations`: derived, never stored. */
const position = sql<number | null>`CASE WHEN "registrations"."status" = 'waitlisted' THEN
  (SELECT count(*) FROM registrations w WHERE w.event_id = "registrations"."event_id"
   AND w.status = 'waitlisted' AND w.seq <= "registrations"."seq") END`;

export type RegistrationRow = typeof registrations.$inferSelect;

export async function selectRegistrations(ctx: ServiceContext, where: SQL | undefined) {
  return ctx.db
    .select({ registration: registrations, position, orgId: events.orgId })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(where)
    .orderBy(registrations.seq);
}

export async function findRegistration(ctx: ServiceContext, id: string, orgId?: string) {
  const [row] = await selectRegistrations(ctx, eq(registrations.id, id));
  if (!row || (orgId !== undefined && row.orgId !== orgId)) throw notFound("registration");
  return row;
}

export function registrationView({ registration: r, position }: { registration: RegistrationRow; position: number | null }) {
  return {
    id: r.id,
    eventId: r.eventId,
    status: r.status,
    position,
    name: r.name,
    email: r.email,
    organisation: r.organisation,
    phone: r.phone,
    language: r.language,
    answers: r.answers,
    consentAt: isoOrNull(r.consentAt),
    createdAt: r.createdAt.toISOString(),
    confirmedAt: isoOrNull(r.confirmedAt),
    cancelledAt: isoOrNull(r.cancelledAt),
    checkedInAt: isoOrNull(r.checkedInAt),
  };
}
export type RegistrationView = ReturnType<typeof registrationView>;
