import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { auditLog, events, outbox, registrations, users } from "../../db/schema";
import { invalid } from "../../lib/errors";
import { issueCode } from "../../lib/zodIssues";
import { sha256Hex } from "../../lib/secrets";
import { auditEntry, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { eraseRegistrationStatements } from "../signup";
import { scrubInvitationDeliveries, scrubRegistrationDeliveries } from "../webhooks";
import { emailKey } from "../../lib/emailKey";

// A data-subject request names one address; the search is for exactly it, any case.
const emailInput = z.email().max(254);

export function subjectEmail(raw: string) {
  const parsed = emailInput.safeParse(raw.trim());
  if (!parsed.success) throw invalid({ email: issueCode(parsed.error.issues[0]!) });
  return emailKey(parsed.data);
}

/** An address as the audit log may hold it: its SHA-256, never the address itself. */
export const emailHash = (emailKey: string) => sha256Hex(emailKey);

/**
 * Everything this organisation holds about one email address: registrations across its
 * events, messages in the outbox, member accounts, and audit entries about those
 * registrations and accounts. Other organisations' data is never read.
 */
export async function findPersonalData({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { email: string } }) {
  const key = subjectEmail(input.email);
  const regs = await ctx.db
    .select({
      id: registrations.id,
      eventId: events.id,
      eventTitle: events.title,
      eventStartsAt: events.startsAt,
      timezone: events.timezone,
      status: registrations.status,
      name: registrations.name,
      email: registrations.email,
      organisation: registrations.organisation,
      phone: registrations.phone,
      language: registrations.language,
      answers: registrations.answers,
      consentAt: registrations.consentAt,
      createdAt: registrations.createdAt,
      confirmedAt: registrations.confirmedAt,
      cancelledAt: registrations.cancelledAt,
      checkedInAt: registrations.checkedInAt,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(eq(events.orgId, input.orgId), eq(registrations.emailKey, key)))
    .orderBy(asc(registrations.createdAt), asc(registrations.seq));
  const regIds = regs.map((r) => r.id);

  const messages = await ctx.db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      status: outbox.status,
      toEmail: outbox.toEmail,
      eventId: outbox.eventId,
      registrationId: outbox.registrationId,
      userId: outbox.userId,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(
      and(
        eq(outbox.orgId, input.orgId),
        or(sql`lower(trim(${outbox.toEmail})) = ${key}`, regIds.length ? inArray(outbox.registrationId, regIds) : undefined),
      ),
    )
    .orderBy(asc(outbox.createdAt));

  const members = (
    await ctx.db
      .select()
      .from(users)
      .where(and(eq(users.orgId, input.orgId), eq(users.emailKey, key)))
  ).map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, language: u.language, passwordSet: !!u.passwordHash, createdAt: u.createdAt, removedAt: u.disabledAt }));

  const subjects = [...regIds, ...members.map((m) => m.id)];
  const audit = subjects.length
    ? await ctx.db
        .select({ seq: auditLog.seq, action: auditLog.action, actorEmail: auditLog.actorEmail, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId, detail: auditLog.detail, createdAt: auditLog.createdAt })
        .from(auditLog)
        .where(and(eq(auditLog.orgId, input.orgId), inArray(auditLog.subjectId, subjects)))
        .orderBy(desc(auditLog.seq))
    : [];

  return { email: key, registrations: regs, messages, members, audit };
}

export type PersonalData = Awaited<ReturnType<typeof findPersonalData>>;

/** The same as JSON for the person (Art. 15/20): dates as ISO 8601 instants. Audited without the address. */
export async function exportPersonalData({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { email: string }; actor: Actor }) {
  const found = await findPersonalData({ ctx, input });
  await auditEntry(ctx, actor, {
    action: "person.export",
    subjectType: "person",
    subjectId: emailHash(found.email),
    detail: { emailSha256: emailHash(found.email), registrations: found.registrations.length, messages: found.messages.length },
  });
  return { exportedAt: ctx.now().toISOString(), ...found };
}

/** What erasing would delete (for the confirmation step) — the same rules as `erasePersonalData`. */
export function erasurePlan(found: PersonalData) {
  // A member's login links stay: the account is kept (members are removed under Members).
  const messages = found.messages.filter((m) => m.userId === null);
  return { registrations: found.registrations, messages, members: found.members };
}

/**
 * Erases one address from the organisation in one batch: each registration as the
 * registrant's own erasure does it (a held seat goes to the waitlist), every message to
 * the address, and the details of audit entries about those registrations. The audit
 * entry of the erasure holds the address's SHA-256 and counts, not the address.
 */
export async function erasePersonalData({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { email: string }; actor: Actor }) {
  const found = await findPersonalData({ ctx, input });
  const plan = erasurePlan(found);
  const counts = { registrations: plan.registrations.length, messages: plan.messages.length };
  const passedOn = await seatsPassedOn(ctx, input.orgId, found.email);
  if (!counts.registrations && !counts.messages && !passedOn) return counts;
  const regIds = plan.registrations.map((r) => r.id);
  const hash = emailHash(found.email);
  await ctx.db.batch([
    auditEntry(ctx, actor, { action: "person.erase", subjectType: "person", subjectId: hash, detail: { emailSha256: hash, ...counts } }),
    ...plan.registrations.flatMap((r) => eraseRegistrationStatements(ctx, { id: r.id, eventId: r.eventId })),
    ctx.db.delete(outbox).where(and(eq(outbox.orgId, input.orgId), isNull(outbox.userId), sql`lower(trim(${outbox.toEmail})) = ${found.email}`)),
    ...(regIds.length
      ? [ctx.db.update(auditLog).set({ detail: {} }).where(and(eq(auditLog.orgId, input.orgId), eq(auditLog.subjectType, "registration"), inArray(auditLog.subjectId, regIds)))]
      : []),
    ...forgetPassedOnSeats(ctx, input.orgId, found.email),
    // An invitation names its invitee: erased with them (the registrations made through
    // it keep their places, without the link's name).
    // What webhooks said of those invitations (a decline) names the invitee too.
    scrubInvitationDeliveries(ctx, sql`(SELECT id FROM invitations WHERE email_key = ${found.email} AND event_id IN (SELECT id FROM events WHERE org_id = ${input.orgId}))`),
    ctx.db.run(sql`DELETE FROM invitations WHERE email_key = ${found.email} AND event_id IN (SELECT id FROM events WHERE org_id = ${input.orgId})`),
  ]);
  return counts;
}

/** How many seats this address passed on to someone else (the registrations now hold other people). */
async function seatsPassedOn(ctx: ServiceContext, orgId: string, key: string) {
  const [row] = await ctx.db.all<{ n: number }>(sql`
    SELECT count(*) AS n FROM registrations r JOIN events e ON e.id = r.event_id
    WHERE e.org_id = ${orgId} AND r.substituted_email_key = ${key}`);
  return row?.n ?? 0;
}

/**
 * What a seat passed on keeps of the people on either side of it: the previous holder's
 * name and key on the registration, and both addresses in the audit entry (the previous
 * holder as its actor). Erasing either person removes them there too.
 */
function forgetPassedOnSeats(ctx: ServiceContext, orgId: string, key: string) {
  return [
    // Webhook messages from before the seat was passed on carry the previous holder.
    scrubRegistrationDeliveries(ctx, sql`(SELECT id FROM registrations WHERE substituted_email_key = ${key} AND event_id IN (SELECT id FROM events WHERE org_id = ${orgId}))`),
    ctx.db.run(sql`
      UPDATE registrations SET substituted_name = NULL, substituted_email_key = NULL
      WHERE substituted_email_key = ${key} AND event_id IN (SELECT id FROM events WHERE org_id = ${orgId})`),
    ctx.db.run(sql`
      UPDATE audit_log SET detail = '{}', actor_email = ''
      WHERE org_id = ${orgId} AND action = 'registration.substitute'
        AND (lower(trim(actor_email)) = ${key} OR lower(trim(json_extract(detail, '$.newEmail'))) = ${key})`),
  ] as const;
}
