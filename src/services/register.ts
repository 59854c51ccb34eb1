import { eq, sql } from "drizzle-orm";
import { events, organisations, type Language, type RegistrationStatus } from "../db/schema";
import { isUniqueViolation } from "../db/errors";
import { prepared } from "../db/prepared";
import { AppError, invalid, notFound } from "../lib/errors";
import { newId, newSecret, sha256Hex } from "../lib/secrets";
import { checkAnswers } from "./answers";
import { manageUrl, type ServiceContext } from "./context";
import { selectEvents } from "./eventView";
import { outboxInsert, queueForRegistrations, waitlistPosition } from "./outboxRows";
import type { RegistrationInput } from "./schemas";
import { hasFreeSeatSql, signupOpenSql, signupRefusal } from "./signupWindow";

export interface RegistrationResult {
  id: string;
  status: Exclude<RegistrationStatus, "cancelled">;
  position: number | null;
  manageUrl: string;
}

// A repeated signup re-sends the manage link, but at most this often, so a signup form
// cannot be used to flood someone's inbox.
const MANAGE_LINK_RESEND_MS = 10 * 60 * 1000;

const emailKey = (email: string) => email.trim().toLowerCase();

// Only what the rules below need, prepared once: this read is on the hottest path of a
// sell-out.
const signupFacts = (ctx: ServiceContext) =>
  prepared(ctx.db, "register.signupFacts", (db) =>
    db
      .select({
        status: events.status,
        startsAt: events.startsAt,
        registrationOpensAt: events.registrationOpensAt,
        registrationClosesAt: events.registrationClosesAt,
        waitlist: events.waitlist,
        capacity: events.capacity,
        language: events.language,
        questions: events.questions,
        requireConsent: organisations.requireConsent,
      })
      .from(events)
      .innerJoin(organisations, eq(organisations.id, events.orgId))
      .where(eq(events.id, sql.placeholder("eventId")))
      .prepare(),
  );

/**
 * Signs someone up: confirmed while seats are left, else waitlisted (or refused when the
 * event has no waitlist). Seat, registration, manage link and outbox message are written
 * in one batch; the seat decision is made by that write, never from a count read here.
 */
export async function register({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RegistrationInput & { eventId: string };
}): Promise<RegistrationResult> {
  const now = ctx.now();
  const [current] = await signupFacts(ctx).all({ eventId: input.eventId });
  if (!current) throw notFound("event");
  const refusal = signupRefusal(current, now);
  if (refusal) throw refusal;

  const { answers, errors } = checkAnswers(current.questions, input.answers);
  if (current.requireConsent && input.consent !== true)
    errors.consent = "Consent to the privacy notice is required.";
  if (Object.keys(errors).length) throw invalid(errors);

  const id = newId("reg");
  const key = emailKey(input.email);
  const token = newSecret();
  const language: Language = input.language ?? current.language;
  const t = now.getTime();
  const mine = sql`r.id = ${id}`;
  try {
    const [, , placed] = await ctx.db.batch([
      ctx.db.run(sql`
        INSERT INTO registrations (id, event_id, name, email, email_key, organisation, phone, language,
                                   answers, consent_at, status, created_at, confirmed_at)
        WITH s AS MATERIALIZED (
          -- Materialized so the seat count runs once, not once per use of s.free.
          SELECT e.id, e.waitlist, ${hasFreeSeatSql} AS free FROM events e
          WHERE e.id = ${input.eventId} AND ${signupOpenSql(t)})
        SELECT ${id}, s.id, ${input.name}, ${input.email.trim()}, ${key}, ${input.organisation ?? null},
               ${input.phone ?? null}, ${language}, ${JSON.stringify(answers)},
               ${input.consent ? t : null},
               CASE WHEN s.free THEN 'confirmed' ELSE 'waitlisted' END, ${t},
               CASE WHEN s.free THEN ${t} END
        FROM s
        WHERE s.free OR s.waitlist`),
      ctx.db.run(sql`
        INSERT INTO manage_tokens (token_hash, registration_id, created_at)
        SELECT ${sha256Hex(token)}, id, ${t} FROM registrations WHERE id = ${id}`),
      // The email's kind and position are the signup's result: read them back here.
      ctx.db.all<{ kind: "confirmed" | "waitlisted"; position: number | null }>(sql`
        ${outboxInsert(
          ctx,
          sql`CASE r.status WHEN 'confirmed' THEN 'confirmed' ELSE 'waitlisted' END`,
          mine,
          sql`CASE r.status WHEN 'waitlisted' THEN json_object('position', ${waitlistPosition}) ELSE '{}' END`,
        )}
        RETURNING kind, json_extract(payload, '$.position') AS position`),
    ]);
    const result = placed[0];
    if (!result) throw await refusalAfterRace(ctx, input.eventId, now);
    return { id, status: result.kind, position: result.position, manageUrl: manageUrl(ctx, token) };
  } catch (err) {
    if (!isUniqueViolation(err, "registrations.event_id, registrations.email_key")) throw err;
    await resendManageLink(ctx, input.eventId, key);
    throw new AppError(
      "already_registered",
      "This email address is already registered for the event. We have sent its manage link there again.",
    );
  }
}

/** The window closed or the last seat went between our read and our write. */
async function refusalAfterRace(ctx: ServiceContext, eventId: string, now: Date): Promise<AppError> {
  const [current] = await selectEvents(ctx, eq(events.id, eventId));
  return (current && signupRefusal(current.event, now, current)) ?? new AppError("event_full", "The event is full.");
}

async function resendManageLink(ctx: ServiceContext, eventId: string, key: string) {
  const since = ctx.now().getTime() - MANAGE_LINK_RESEND_MS;
  await queueForRegistrations(
    ctx,
    "manage_link",
    sql`r.event_id = ${eventId} AND r.email_key = ${key} AND r.status <> 'cancelled'
        AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.registration_id = r.id
                        AND o.kind = 'manage_link' AND o.created_at > ${since})`,
  );
}
