import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { changedRows } from "../../db/client";
import { liveStatuses, registrations } from "../../db/schema";
import { AppError, invalid } from "../../lib/errors";
import { checkAnswers } from "./answers";
import type { ServiceContext } from "../context";
import { findEvent } from "../events";
import { getManagedRegistration, resolveManageToken } from "./manageLink";
import { findRegistration, registrationSearchText } from "../registrations";
import { registrationFields } from "../schemas";
import { personNames, withPersonNames, type PersonNames } from "../personNames";
import { companyKey } from "../../lib/companyKey";
import { quotaRoom } from "./substituteRegistration";
import { isLive } from "./signupRules";

/** What a registrant may change themselves. The email is their identity and stays. */
export const registrationChanges = withPersonNames(
  registrationFields.pick({
    firstName: true,
    lastName: true,
    name: true,
    organisation: true,
    phone: true,
    language: true,
    answers: true,
  }),
);
export type RegistrationChanges = Omit<z.output<typeof registrationChanges>, "firstName" | "lastName"> & Partial<Omit<PersonNames, "name">>;

/**
 * The holder of a manage link corrects their details and answers. The answers are checked
 * against the event's questions as at signup; a cancelled registration, or one of a
 * cancelled event, stays as it was.
 */
export async function updateManagedRegistration({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { token: string; changes: RegistrationChanges };
}) {
  const id = await resolveManageToken(ctx, input.token);
  const { registration } = await findRegistration(ctx, id);
  const { event } = await findEvent(ctx, registration.eventId);
  const { answers, errors } = checkAnswers(event.questions, input.changes.answers);
  if (Object.keys(errors).length) throw invalid(errors);
  const company = companyKey(input.changes.organisation);
  const changed = await ctx.db
    .update(registrations)
    .set({
      ...personNames(input.changes),
      organisation: input.changes.organisation ?? null,
      companyKey: company,
      // The email is not changed here, so the one read above is the row's.
      searchText: registrationSearchText({ ...input.changes, email: registration.email }),
      phone: input.changes.phone ?? null,
      language: input.changes.language ?? registration.language,
      answers,
    })
    // Decided by the write: the registration still live and its event still going ahead.
    .where(
      and(
        eq(registrations.id, id),
        inArray(registrations.status, [...liveStatuses]),
        sql`NOT EXISTS (SELECT 1 FROM events e WHERE e.id = ${registrations.eventId} AND e.status = 'cancelled')`,
        // A new company must have room under the event's quota; staying with one's own
        // company (however spelt) always may.
        quotaRoom(company, registration.companyKey),
      ),
    );
  if (changedRows(changed) === 0) {
    const { event: now } = await findEvent(ctx, registration.eventId);
    if (now.status === "cancelled") throw new AppError("event_cancelled");
    const { registration: after } = await findRegistration(ctx, id);
    throw new AppError(isLive(after) ? "company_quota" : "registration_cancelled");
  }
  return getManagedRegistration({ ctx, input: { token: input.token } });
}
