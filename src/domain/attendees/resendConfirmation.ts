import { sql } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import type { Actor } from "../audit";
import { auditIf } from "../audit";
import { listStillOpenSql, refuseUnlessListOpen, registrationOfEvent } from "./attendeeRules";
import type { OrgScope, ServiceContext } from "../context";
import { outboxInsert } from "../outbox";

/**
 * Sends a person the email that fits where they stand now: a confirmation with the
 * calendar invite, or their waitlist place. The kind is chosen by the INSERT from the
 * registration's status at that moment; a cancelled registration gets nothing. Audited.
 */
export async function resendConfirmation({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: OrgScope & { eventId: string; registrationId: string };
  actor: Actor;
}): Promise<{ kind: "confirmed" | "waitlisted" | "offered" }> {
  const { orgId, eventId, registrationId: id } = input;
  const found = await registrationOfEvent(ctx, orgId, eventId, id);
  refuseUnlessListOpen(found.event);
  if (found.registration.status === "cancelled" || found.registration.status === "expired")
    throw new AppError("nothing_to_resend");
  const live = sql`r.id = ${id} AND r.status IN ('confirmed', 'waitlisted', 'offered') AND ${listStillOpenSql(eventId)}`;
  const [queued] = await ctx.db.batch([
    ctx.db.all<{ kind: "confirmed" | "waitlisted" | "offered" }>(sql`
      ${outboxInsert(ctx, sql`CASE r.status WHEN 'confirmed' THEN 'confirmed' WHEN 'offered' THEN 'offered' ELSE 'waitlisted' END`, live, sql`'{}'`)}
      RETURNING kind`),
    auditIf(
      ctx,
      actor,
      {
        action: "registration.resend",
        subjectType: "registration",
        subjectId: id,
        detail: sql`json_object('eventId', ${eventId}, 'kind', (SELECT status FROM registrations WHERE id = ${id}))`,
      },
      sql`EXISTS (SELECT 1 FROM registrations r WHERE ${live})`,
    ),
  ]);
  const row = queued[0];
  if (!row) throw new AppError("changed_meanwhile");
  return { kind: row.kind };
}
