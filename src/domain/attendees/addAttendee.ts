import { sql } from "drizzle-orm";
import type { Language } from "../../db/schema";
import { isUniqueViolation } from "../../db/errors";
import { AppError, invalid, type FieldErrors } from "../../lib/errors";
import { emailKey } from "../../lib/emailKey";
import { companyKey } from "../../lib/companyKey";
import { newId } from "../../lib/secrets";
import { checkAnswers } from "../signup";
import type { Actor } from "../audit";
import { auditIf } from "../audit";
import { openEvent } from "./attendeeRules";
import type { OrgScope, ServiceContext } from "../context";
import { outboxInsert } from "../outbox";
import { takenSeats, waitlistPosition, choiceInsert } from "../seats";
import { registrationSearchText } from "../registrations";
import type { RegistrationInput } from "../schemas";
import { personNames } from "../personNames";
import { newRegistrationDeliveries } from "../webhooks";

export interface AddAttendeeInput extends OrgScope {
  eventId: string;
  attendee: Omit<RegistrationInput, "consent">;
  /** Seat the person even if the event is full (recorded as over capacity). */
  override: boolean;
  /** Queue the confirmation (or waitlist) email. */
  sendEmail: boolean;
  /**
   * Someone at the door: checked in as they are added, and never put on the waitlist (a
   * full event seats them only with the override, recorded as over capacity).
   */
  walkIn?: boolean;
}

export interface AddAttendeeResult {
  id: string;
  status: "confirmed" | "waitlisted";
  overCapacity: boolean;
}

/**
 * Adds someone by hand (a phone call, a speaker, a late guest), also when registration is
 * closed. A free seat makes them confirmed; a full event puts them on the waitlist, or,
 * with the organiser's explicit override, seats them beyond capacity. The choice is made
 * by the INSERT itself, so it holds whatever committed a moment before; the email and the
 * audit entry go in the same batch. One live registration per email still holds.
 */
export async function addAttendee({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: AddAttendeeInput;
  actor: Actor;
}): Promise<AddAttendeeResult> {
  const { event } = await openEvent(ctx, input.orgId, input.eventId);
  const a = input.attendee;
  const { answers, errors: answerErrors } = checkAnswers(event.questions, a.answers);
  // The public form's required questions bind the attendee, not the organiser: someone
  // added on the phone may not have said what they want for lunch.
  const errors: FieldErrors = Object.fromEntries(Object.entries(answerErrors).filter(([, issue]) => issue.code !== "required"));
  if (Object.keys(errors).length) throw invalid(errors);

  const id = newId("reg");
  const t = ctx.now().getTime();
  const override = input.override ? 1 : 0;
  const walkIn = input.walkIn ? 1 : 0;
  const language: Language = a.language ?? event.language;
  const names = personNames(a);
  const statements = [
    ctx.db.all<{ status: "confirmed" | "waitlisted"; over: number }>(sql`
      INSERT INTO registrations (id, event_id, name, first_name, last_name, email, email_key, organisation, company_key, search_text, phone,
                                 language, answers, status, created_at, confirmed_at, added_by, over_capacity, checked_in_at)
      WITH s AS MATERIALIZED (
        SELECT e.id, e.waitlist,
               ${takenSeats(sql`e.id`)} < e.capacity AS free
        FROM events e
        WHERE e.id = ${event.id} AND e.org_id = ${input.orgId} AND e.status <> 'cancelled' AND e.anonymised_at IS NULL)
      SELECT ${id}, s.id, ${names.name}, ${names.firstName}, ${names.lastName}, ${a.email.trim()}, ${emailKey(a.email)}, ${a.organisation ?? null}, ${companyKey(a.organisation)},
             ${registrationSearchText({ ...a, email: a.email.trim() })}, ${a.phone ?? null}, ${language}, ${JSON.stringify(answers)},
             CASE WHEN s.free OR ${override} THEN 'confirmed' ELSE 'waitlisted' END, ${t},
             CASE WHEN s.free OR ${override} THEN ${t} END, ${actor.id},
             NOT s.free AND ${override}, CASE WHEN ${walkIn} THEN ${t} END
      FROM s
      WHERE s.free OR ${override} OR (s.waitlist AND NOT ${walkIn})
      RETURNING status, over_capacity AS over`),
    // In a course package a registration is a place in every date: someone added by hand
    // or at the door too (does nothing for other programmes, or when nobody was added).
    choiceInsert(ctx, { registrationId: id, which: "all", at: t }),
    // With a programme, webhooks tell the new registration once its places are written.
    newRegistrationDeliveries(ctx, id),
    ...(input.sendEmail
      ? [
          ctx.db.run(
            outboxInsert(
              ctx,
              sql`CASE r.status WHEN 'confirmed' THEN 'confirmed' ELSE 'waitlisted' END`,
              sql`r.id = ${id}`,
              sql`CASE r.status WHEN 'waitlisted' THEN json_object('position', ${waitlistPosition}) ELSE '{}' END`,
            ),
          ),
        ]
      : []),
    auditIf(
      ctx,
      actor,
      {
        action: "registration.add",
        subjectType: "registration",
        subjectId: id,
        detail: sql`(SELECT json_object('eventId', r.event_id, 'status', r.status,
                       'overCapacity', json(CASE WHEN r.over_capacity THEN 'true' ELSE 'false' END),
                       'emailed', json(${input.sendEmail ? "true" : "false"}), 'walkIn', json(${walkIn ? "true" : "false"}))
                     FROM registrations r WHERE r.id = ${id})`,
      },
      sql`EXISTS (SELECT 1 FROM registrations r WHERE r.id = ${id})`,
    ),
  ];
  let placed: { status: "confirmed" | "waitlisted"; over: number } | undefined;
  try {
    const results = await ctx.db.batch(statements as unknown as Parameters<typeof ctx.db.batch>[0]);
    placed = (results[0] as { status: "confirmed" | "waitlisted"; over: number }[])[0];
  } catch (err) {
    if (!isUniqueViolation(err, "registrations.event_id, registrations.email_key")) throw err;
    throw new AppError("already_has_place", {}, { email: { code: "already_registered" } });
  }
  if (placed) return { id, status: placed.status, overCapacity: Boolean(placed.over) };
  // Nothing was inserted: the event is full without a waitlist (or, for a walk-in, full),
  // or it changed meanwhile.
  await openEvent(ctx, input.orgId, input.eventId);
  throw new AppError(walkIn ? "walk_in_full" : "full_no_waitlist");
}
