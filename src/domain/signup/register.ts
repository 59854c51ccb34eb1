import { eq, sql, type SQL } from "drizzle-orm";
import { events, organisations, type Language, type RegistrationStatus, liveStatusesSql } from "../../db/schema";
import { isUniqueViolation } from "../../db/errors";
import { prepared } from "../../db/prepared";
import { AppError, invalid, type FieldErrors } from "../../lib/errors";
import { newId, newSecret, sha256Hex } from "../../lib/secrets";
import { emailKey } from "../../lib/emailKey";
import { checkSignup } from "./signupRules";
import { personNames } from "../personNames";
import { manageUrl, type ServiceContext } from "../context";
import { selectEvents } from "../events";
import { outboxInsert } from "../outbox";
import { hasFreeSeatSql, hasFreeSeatsSql, newcomerPosition } from "../seats";
import { registrationSearchText } from "../registrations";
import { defaultGroupMode, type GroupMode, type RegistrationInput } from "../schemas";
import { signupOpenSql, signupRefusal } from "../events";
import { choiceErrors, type ChoosableSession } from "../programme";
import { openInvitation, registeredThrough } from "../access";
import { companyKey } from "../../lib/companyKey";
import { choiceInsert, fullWithoutWaitlistSql, placedChoices, type PlacedChoice } from "../seats";
import { newRegistrationDeliveries } from "../webhooks";

export interface RegistrationResult {
  id: string;
  /** `pending`: an application to an event by approval, waiting for the organiser. */
  status: Extract<RegistrationStatus, "confirmed" | "waitlisted" | "pending">;
  position: number | null;
  manageUrl: string;
  /** Their places in the event's sessions (empty without a programme). */
  sessions: PlacedChoice[];
}

// A repeated signup re-sends the manage link, but at most this often, so a signup form
// cannot be used to flood someone's inbox.
const MANAGE_LINK_RESEND_MS = 10 * 60 * 1000;

/**
 * SQL true when registration `r` may get its manage link again at `now`: none queued in
 * the last MANAGE_LINK_RESEND_MS. The one rule for a repeated signup and "lost your link?".
 */
export const manageLinkDue = (now: number) =>
  sql`NOT EXISTS (SELECT 1 FROM outbox o WHERE o.registration_id = r.id
                  AND o.kind = 'manage_link' AND o.created_at > ${now - MANAGE_LINK_RESEND_MS})`;

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
        groupLimit: events.groupLimit,
        requireConsent: organisations.requireConsent,
        programme: events.programme,
        maxSessions: events.maxSessions,
        access: events.access,
        // The sessions' times, to check a choice before the write (which decides the seats).
        sessions: sql<string | null>`CASE WHEN ${events.programme} = 'choose' THEN
          (SELECT json_group_array(json_object('id', s.id, 'status', s.status, 'startsAt', s.starts_at, 'endsAt', s.ends_at))
           FROM event_sessions s WHERE s.event_id = ${events.id}) END`,
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
  const [placed] = await registerGroup({ ctx, input: { eventId: input.eventId, attendees: [input] } });
  if (!placed) throw await refusalAfterRace(ctx, input.eventId, ctx.now(), input);
  return placed;
}

/**
 * Signs up several people in the given order, in one batch: each gets their own
 * registration, manage link and email, and each takes a seat or a waitlist place as if
 * they had arrived one after the other. Field errors of attendee i are keyed
 * `attendees.i.<field>` when there is more than one. An attendee who found neither a
 * seat nor a waitlist place comes back as null: without a waitlist, in `together` mode
 * (the default) that is everyone unless the whole group fits, in `as_many_as_fit` those
 * after the last seat. The first attendee is the submitter: the others' emails name them.
 */
export async function registerGroup({
  ctx,
  input: { eventId, attendees, groupMode = defaultGroupMode, invitation },
}: {
  ctx: ServiceContext;
  input: { eventId: string; attendees: RegistrationInput[]; groupMode?: GroupMode; invitation?: string };
}): Promise<(RegistrationResult | null)[]> {
  const now = ctx.now();
  const [current] = await signupFacts(ctx).all({ eventId });
  if (!current) throw new AppError("event_not_found");
  const refusal = signupRefusal(current, now);
  if (refusal) throw refusal;
  // An event by invitation takes signups through an invitation's link only; a link on
  // another event counts its seats too. How many are left is for the write to decide.
  const token = invitation ?? attendees[0]?.invitation;
  if (current.access === "invitation" && !token) throw new AppError("invitation_required");
  const invited = token ? await openInvitation(ctx, token, eventId) : null;
  const keys = attendees.map((a) => emailKey(a.email));
  const names = attendees.map(personNames);
  const prefix = (i: number) => (attendees.length > 1 ? `attendees.${i}.` : "");

  const { answers: checked, errors } = checkSignup(current, attendees);
  const sessions: ChoosableSession[] = current.sessions ? JSON.parse(current.sessions) : [];
  for (const [i, a] of attendees.entries()) Object.assign(errors, choiceErrors(current, sessions, a.sessions ?? [], `${prefix(i)}sessions`));
  if (Object.keys(errors).length) throw invalid(errors);
  const withProgramme = current.programme !== "none";

  const t = now.getTime();
  const tokens = attendees.map(() => newSecret());
  const ids = attendees.map(() => newId("reg"));
  // Someone else's live registration under one of these emails (this batch's own rows
  // excepted): if there is one, nobody of the group is signed up, the holders get their
  // manage links again and the refusal names the emails. All decided in the write, so a
  // double click finds the first click's row, without an exception or a second trip.
  const takenBy = (r: SQL, emailKeys = keys) =>
    sql`${r}.event_id = ${eventId} AND ${r}.email_key IN ${emailKeys} AND ${r}.status IN ${liveStatusesSql} AND ${r}.id NOT IN ${ids}`;
  const statements = attendees.flatMap((a, i) => {
    const id = ids[i]!;
    const language: Language = a.language ?? current.language;
    const mine = sql`r.id = ${id}`;
    // All or nothing, decided by each INSERT on the seats free as it runs: the first
    // member needs seats for the whole group, and each after it that the one before was
    // written (which leaves it a seat), so one refused means all refused.
    const previous = i > 0 ? sql`EXISTS (SELECT 1 FROM registrations p WHERE p.id = ${ids[i - 1]!})` : sql`1`;
    const together = groupMode === "together" && attendees.length > 1;
    const fits = together ? sql`(e.waitlist OR (${previous} AND ${hasFreeSeatsSql(attendees.length - i)}))` : sql`1`;
    // Every other limit of a group that comes together is decided the same way: member i
    // needs room for itself and everyone after it, and the member before it written.
    const rest = together ? attendees.slice(i) : [a];
    const after = (needs: (b: RegistrationInput) => boolean) => rest.filter(needs).length;
    const inTurn = together ? previous : sql`1`;
    // A seat of the event comes with a seat or a waitlist place in every chosen session.
    const chosen = current.programme === "choose" ? [...new Set(a.sessions ?? [])] : [];
    const sessionsFit = chosen.length
      ? sql`(${inTurn} AND ${sql.join(chosen.map((s) => sql`NOT ${fullWithoutWaitlistSql([s], after((b) => (b.sessions ?? []).includes(s)))}`), sql` AND `)})`
      : sql`1`;
    const company = companyKey(a.organisation);
    // An invitation's link registers up to its seats, the group all or none; a company at
    // most the event's quota. Both counted here, in the write; the count only where there
    // is a quota (CASE, not OR: the count must not run on every signup of every event).
    const invitationFits = invited
      ? sql`(${i > 0 ? previous : sql`1`} AND ${registeredThrough(sql`${invited.id}`)} + ${attendees.length - i} <= coalesce((SELECT v.seats FROM invitations v WHERE v.id = ${invited.id} AND v.status <> 'revoked'), 0))`
      : sql`1`;
    const quotaFits = company
      ? sql`(${inTurn} AND CASE WHEN e.company_quota IS NULL THEN 1
              ELSE ${companySeatsTaken(sql`e.id`, company)} + ${after((b) => companyKey(b.organisation) === company)} <= e.company_quota END)`
      : sql`1`;
    const position = sql`CASE WHEN r.status = 'waitlisted' THEN json_object('position', ${newcomerPosition}) ELSE '{}' END`;
    // A colleague's email says who signed them up; the submitter's own says nothing more.
    const payload = i === 0 ? position : sql`json_patch(json_object('registeredBy', ${names[0]!.name}), ${position})`;
    return [
      ctx.db.run(sql`
        INSERT INTO registrations (id, event_id, name, first_name, last_name, email, email_key, organisation, company_key, invitation_id, search_text, phone,
                                   language, answers, consent_at, status, created_at, confirmed_at)
        WITH s AS MATERIALIZED (
          -- Materialized so the seat decision runs once, not once per use of s.free. An
          -- application (an event by approval) takes no seat: the organiser decides.
          SELECT e.id, e.waitlist, e.access = 'approval' AS applying, ${hasFreeSeatSql} AS free, ${fits} AS fits, ${sessionsFit} AS sessionsFit,
                 ${invitationFits} AS invitationFits, ${quotaFits} AS quotaFits
          FROM events e
          WHERE e.id = ${eventId} AND ${signupOpenSql(t)})
        SELECT ${id}, s.id, ${names[i]!.name}, ${names[i]!.firstName}, ${names[i]!.lastName}, ${a.email.trim()}, ${keys[i]}, ${a.organisation ?? null},
               ${company}, ${invited?.id ?? null},
               ${registrationSearchText({ ...a, email: a.email.trim() })}, ${a.phone ?? null}, ${language}, ${JSON.stringify(checked[i])},
               ${a.consent ? t : null},
               CASE WHEN s.applying THEN 'pending' WHEN s.free THEN 'confirmed' ELSE 'waitlisted' END, ${t},
               CASE WHEN s.free AND NOT s.applying THEN ${t} END
        FROM s
        WHERE (s.applying OR ((s.free OR s.waitlist) AND s.fits AND (s.sessionsFit OR NOT s.free)))
          AND s.invitationFits AND s.quotaFits AND NOT EXISTS (SELECT 1 FROM registrations x WHERE ${takenBy(sql`x`)})`),
      ...(withProgramme
        ? [
            choiceInsert(ctx, { registrationId: id, which: current.programme === "package" ? "all" : chosen.length ? chosen : [""], at: t }),
            placedChoices(ctx, id),
            // Webhooks tell a registration with a programme once its places are written.
            newRegistrationDeliveries(ctx, id),
          ]
        : []),
      ctx.db.run(sql`
        INSERT INTO manage_tokens (token_hash, registration_id, created_at)
        SELECT ${sha256Hex(tokens[i]!)}, id, ${t} FROM registrations WHERE id = ${id}`),
      // One email, and the signup's result read back from it: the new registration's
      // confirmation or waitlist place, or else, when this email is someone's already,
      // their manage link again (at most every MANAGE_LINK_RESEND_MS, so a form cannot
      // flood an inbox). One statement for both keeps a signup's batch short.
      ctx.db.all<Outcome>(sql`
        ${outboxInsert(
          ctx,
          sql`CASE WHEN ${mine} THEN (CASE r.status WHEN 'confirmed' THEN 'confirmed' WHEN 'pending' THEN 'application_received' ELSE 'waitlisted' END) ELSE 'manage_link' END`,
          sql`(${mine} OR (${takenBy(sql`r`, [keys[i]!])} AND ${manageLinkDue(t)}))`,
          sql`CASE WHEN ${mine} THEN ${payload} ELSE '{}' END`,
        )}
        RETURNING kind, json_extract(payload, '$.position') AS position`),
    ] as const;
  });
  let results: readonly unknown[];
  try {
    results = await ctx.db.batch(statements as unknown as Parameters<typeof ctx.db.batch>[0]);
  } catch (err) {
    // The check above leaves the UNIQUE index nothing to catch; should it ever, the
    // answer is the same.
    if (!isUniqueViolation(err, "registrations.event_id, registrations.email_key")) throw err;
    throw new AppError("already_registered");
  }
  const perAttendee = statements.length / attendees.length;
  const outcomes = attendees.map((_, i) => (results[(i + 1) * perAttendee - 1] as Outcome[])[0]);
  const placedIn = (i: number) => (withProgramme ? (results[i * perAttendee + 2] as PlacedChoice[]) : []);
  const taken = new Set(keys.filter((_, i) => outcomes[i]?.kind === "manage_link"));
  // Someone got nothing: a seat or place was not to be had, or an email was taken and its
  // link sent lately (or, in a group, another's was). Which it was is read afterwards;
  // what was written was decided in the batch.
  if (outcomes.some((o) => !o)) for (const key of await takenKeys(ctx, takenBy(sql`x`))) taken.add(key);
  if (taken.size) throw alreadyRegistered(keys, taken, prefix);
  return outcomes.map((placed, i) =>
    placed
      ? { id: ids[i]!, status: statusOf[placed.kind], position: placed.position, manageUrl: manageUrl(ctx, tokens[i]!), sessions: placedIn(i) }
      : null,
  );
}

type Outcome = { kind: "confirmed" | "waitlisted" | "application_received" | "manage_link"; position: number | null };
const statusOf = { confirmed: "confirmed", waitlisted: "waitlisted", application_received: "pending", manage_link: "confirmed" } as const;


/** SQL: the live registrations (and applications) of one company at event `eventId`, as its quota counts them. */
export const companySeatsTaken = (eventId: SQL, key: string) =>
  sql`(SELECT count(*) FROM registrations x WHERE x.event_id = ${eventId} AND x.company_key = ${key} AND x.status IN ${liveStatusesSql})`;

/** The emails among a signup's that someone else's live registration holds. */
async function takenKeys(ctx: ServiceContext, takenByX: SQL) {
  const rows = await ctx.db.all<{ key: string }>(sql`SELECT DISTINCT x.email_key AS key FROM registrations x WHERE ${takenByX}`);
  return rows.map((r) => r.key);
}

/** The refusal of a signup whose emails (some of them) already hold a live registration. */
function alreadyRegistered(keys: string[], taken: Set<string>, prefix: (i: number) => string) {
  const fields: FieldErrors = {};
  for (const [i, key] of keys.entries()) if (taken.has(key)) fields[`${prefix(i)}email`] = { code: "already_registered" };
  return new AppError("already_registered", {}, keys.length > 1 ? fields : undefined);
}

/** The window closed or the last seat went between our read and our write. */
export async function refusalAfterRace(ctx: ServiceContext, eventId: string, now: Date, input: Pick<RegistrationInput, "sessions" | "invitation" | "organisation">): Promise<AppError> {
  const chosen = input.sessions ?? [];
  const [current] = await selectEvents(ctx, eq(events.id, eventId));
  const refusal = current && signupRefusal(current.event, now, current);
  if (refusal) return refusal;
  // The invitation's seats or the company's quota ran out before this signup's write.
  if (input.invitation) {
    const invited = await openInvitation(ctx, input.invitation, eventId);
    if (invited.registered >= invited.seats) return new AppError("invitation_used");
  }
  const company = companyKey(input.organisation);
  if (company && current?.event.companyQuota != null) {
    const [row] = await ctx.db.all<{ n: number }>(sql`SELECT ${companySeatsTaken(sql`${eventId}`, company)} AS n`);
    if ((row?.n ?? 0) >= current.event.companyQuota) return new AppError("company_quota");
  }
  // A seat of the event was free, but not one in a chosen session without a waitlist.
  if (chosen.length && current?.event.programme === "choose") {
    const [full] = await ctx.db.all<{ full: number }>(sql`SELECT ${fullWithoutWaitlistSql(chosen)} AS full`);
    if (full?.full) return new AppError("session_full");
  }
  return new AppError("event_full");
}
