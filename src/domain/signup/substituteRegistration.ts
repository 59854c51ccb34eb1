import { sql } from "drizzle-orm";
import { z } from "zod";
import { isUniqueViolation } from "../../db/errors";
import { liveStatusesSql } from "../../db/schema";
import { companyKey } from "../../lib/companyKey";
import { companySeatsTaken } from "./register";
import { AppError } from "../../lib/errors";
import { emailKey } from "../../lib/emailKey";
import { newId, newSecret, sha256Hex } from "../../lib/secrets";
import { code } from "../../lib/zodIssues";
import { auditIf } from "../audit";
import type { ServiceContext } from "../context";
import { findEvent, hasStarted } from "../events";
import { queueForRegistrations } from "../outbox";
import { findRegistration, registrationSearchText } from "../registrations";
import { language, personName } from "../schemas";
import { withPersonNames } from "../personNames";
import { managedView, resolveManageToken } from "./manageLink";

const line = (max: number) => z.string().trim().max(max).regex(/^[^\u0000-\u001F\u007F]*$/, code("one_line"));

/**
 * Who is sent in one's place: first and last name (or, for a form with one field, `name`
 * alone), email, and optionally organisation and the language of their emails.
 */
export const substituteInput = withPersonNames(
  z.strictObject({
    firstName: personName(100).min(1).optional(),
    lastName: personName(100).min(1).optional(),
    name: personName(200).min(1).optional(),
    email: z.string().trim().max(254).pipe(z.email()),
    organisation: line(200).nullish(),
    language: language.optional(),
  }),
);
export type SubstituteInput = z.input<typeof substituteInput>;
/** Who is sent, as `substituteInput` gives them. */
export type Substitute = z.output<typeof substituteInput>;

const live = liveStatusesSql;

/**
 * The holder of a confirmed seat sends someone in their place. The registration row stays
 * (id, seat, arrival order, check-in history); the person on it changes, and so does the
 * manage link: every old link stops working, the new person gets their own. One batch
 * decides and writes it all, so two substitutions racing on one link end with one winner:
 * the seat must still be confirmed, the event ahead and not cancelled, the link the one
 * presented, and the new address free for this event. The old holder's invite is
 * withdrawn (CANCEL, higher SEQUENCE) and the new one's sent, by two outbox rows in the
 * same batch; the audit log records it with the holder as the actor.
 */
export async function substituteManagedRegistration({ ctx, input }: { ctx: ServiceContext; input: { token: string; person: Substitute } }) {
  const id = await resolveManageToken(ctx, input.token);
  const { person } = input;
  const before = await findRegistration(ctx, id);
  const { registration } = before;
  const { event } = await findEvent(ctx, registration.eventId);
  const newEmail = person.email.trim();
  const newKey = emailKey(newEmail);
  const now = ctx.now().getTime();
  const changeId = newId("chg");
  const token = newSecret();
  const newCompany = companyKey(person.organisation);
  const changed = sql`EXISTS (SELECT 1 FROM registrations x WHERE x.id = ${id} AND x.change_id = ${changeId})`;
  const statements = [
    // The decision: everything a substitution needs, checked by the write itself.
    ctx.db.run(sql`
      UPDATE registrations SET change_id = ${changeId}
      WHERE id = ${id} AND status = 'confirmed' AND email_key = ${registration.emailKey}
        AND EXISTS (SELECT 1 FROM manage_tokens m WHERE m.token_hash = ${sha256Hex(input.token)} AND m.registration_id = ${id})
        AND EXISTS (SELECT 1 FROM events e WHERE e.id = registrations.event_id AND e.status <> 'cancelled' AND e.starts_at > ${now})
        AND NOT EXISTS (SELECT 1 FROM registrations x WHERE x.event_id = registrations.event_id
                        AND x.email_key = ${newKey} AND x.status IN ${live})
        -- Someone of another company comes in only while it has room under the quota.
        AND ${quotaRoom(newCompany, registration.companyKey)}`),
    // Mail still waiting for the old holder would otherwise reach the new one.
    ctx.db.run(sql`UPDATE outbox SET status = 'skipped', last_error = 'the seat was passed on'
                   WHERE registration_id = ${id} AND status = 'pending' AND ${changed}`),
    // Queued while the row still names the old holder: to them, with their copy's CANCEL.
    queueForRegistrations(
      ctx,
      "substitute_replaced",
      sql`r.id = ${id} AND r.change_id = ${changeId}`,
      sql`json_object('sequence', r.invite_sequence + 1, 'hadInvite', r.invite_sent_at IS NOT NULL, 'to', ${person.name}, 'firstName', r.first_name)`,
    ),
    auditIf(
      ctx,
      { orgId: event.orgId, id: null, email: registration.email },
      {
        action: "registration.substitute",
        subjectType: "registration",
        subjectId: id,
        detail: { eventId: event.id, previousName: registration.name, previousEmail: registration.email, newName: person.name, newEmail },
      },
      changed,
    ),
    ctx.db.run(sql`
      UPDATE registrations
      SET substituted_name = name, substituted_email_key = email_key, substituted_at = ${now},
          name = ${person.name}, first_name = ${person.firstName}, last_name = ${person.lastName}, email = ${newEmail}, email_key = ${newKey}, organisation = ${person.organisation ?? null}, company_key = ${companyKey(person.organisation)},
          search_text = ${registrationSearchText({ name: person.name, organisation: person.organisation, email: newEmail })},
          phone = NULL, language = ${person.language ?? event.language},
          invite_sequence = invite_sequence + 1, invite_sent_at = NULL
      WHERE id = ${id} AND change_id = ${changeId}`),
    ctx.db.run(sql`DELETE FROM manage_tokens WHERE registration_id = ${id} AND ${changed}`),
    ctx.db.run(sql`INSERT INTO manage_tokens (token_hash, registration_id, created_at)
                   SELECT ${sha256Hex(token)}, id, ${now} FROM registrations WHERE id = ${id} AND change_id = ${changeId}`),
    queueForRegistrations(ctx, "substitute_confirmed", sql`r.id = ${id} AND r.change_id = ${changeId}`),
  ] as const;
  try {
    await ctx.db.batch(statements as unknown as Parameters<typeof ctx.db.batch>[0]);
  } catch (err) {
    if (!isUniqueViolation(err, "registrations.event_id, registrations.email_key")) throw err;
    throw emailTaken();
  }
  const after = await findRegistration(ctx, id);
  if (after.registration.changeId !== changeId) throw await refusal(ctx, input.token, newKey, newCompany);
  return managedView(ctx, after, token);
}

const emailTaken = () => new AppError("already_has_place", {}, { email: { code: "email_registered" } });

/** Why the write changed nothing, read afterwards: what was written was decided in the batch. */
async function refusal(ctx: ServiceContext, token: string, newKey: string, company: string | null): Promise<AppError> {
  // Someone else's substitution won the race (or the link was never valid): it is gone.
  const id = await resolveManageToken(ctx, token);
  const { registration } = await findRegistration(ctx, id);
  const { event } = await findEvent(ctx, registration.eventId);
  if (registration.status === "cancelled" || registration.status === "expired") return new AppError("registration_cancelled");
  if (registration.status !== "confirmed") return new AppError("substitute_needs_seat");
  if (event.status === "cancelled") return new AppError("event_cancelled");
  if (hasStarted(event, ctx.now())) return new AppError("event_started");
  const [taken] = await ctx.db.all(sql`SELECT 1 FROM registrations WHERE event_id = ${event.id} AND email_key = ${newKey} AND status IN ${live} LIMIT 1`);
  if (taken) return emailTaken();
  if (company !== null && company !== registration.companyKey && event.companyQuota !== null) return new AppError("company_quota");
  return new AppError("changed_meanwhile");
}

/**
 * SQL on `registrations`: a registration may become one of company `key` (null: none)
 * while that company has room under the event's quota; staying with one's own always may.
 */
export function quotaRoom(key: string | null, ownKey: string | null) {
  if (key === null || key === ownKey) return sql`1`;
  return sql`NOT EXISTS (SELECT 1 FROM events e WHERE e.id = registrations.event_id AND e.company_quota IS NOT NULL
                         AND ${companySeatsTaken(sql`e.id`, key)} >= e.company_quota)`;
}
