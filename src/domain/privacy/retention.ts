import { and, eq, isNotNull, lt, ne, or, sql } from "drizzle-orm";
import { pruneDeliveryLog, scrubEventDeliveries } from "../webhooks";
import { changedRows } from "../../db/client";
import { knownDevices, loginFailures, loginLinks, outbox, rateBudgets, sessions } from "../../db/schema";
import type { ServiceContext } from "../context";
import { DEVICE_KEPT_MS } from "../accounts";
import { BUDGETS_KEPT_MS } from "../limits";

const DAY_MS = 86_400_000;
// Sign-in throttling forgets failures after an hour; a day of rows is plenty to keep.
const FAILURES_KEPT_MS = DAY_MS;
const LOGIN_MAILS_KEPT_MS = DAY_MS;

export interface RetentionResult {
  /** Events whose attendees' personal data was removed in this run. */
  events: number;
  registrations: number;
  sessions: number;
  loginLinks: number;
  loginMails: number;
  loginFailures: number;
}

/** Registrations still holding personal data: retention marks the rest with this key. */
const ANON_PREFIX = "anon:";

/**
 * Events of organisations with a retention setting whose period has passed and which
 * still hold personal data. Includes an anonymised event that got a registration later
 * (an organiser adding someone by hand), so nothing outlives the period.
 */
async function dueEvents(ctx: ServiceContext) {
  const now = ctx.now().getTime();
  return ctx.db.all<{ id: string; people: number }>(sql`
    SELECT e.id, (SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.email_key NOT LIKE ${ANON_PREFIX + "%"}) AS people
    FROM events e JOIN organisations o ON o.id = e.org_id
    WHERE o.retention_days IS NOT NULL
      AND e.ends_at + o.retention_days * ${DAY_MS} <= ${now}
      AND (e.anonymised_at IS NULL OR EXISTS (
        SELECT 1 FROM registrations r WHERE r.event_id = e.id AND r.email_key NOT LIKE ${ANON_PREFIX + "%"}))
    ORDER BY e.ends_at`);
}

/**
 * Statements that remove the personal data of one event's attendees, for one batch. What
 * counts needs stays: status, signup, confirmation, cancellation and check-in times. The
 * manage links, every message about the event (they name people and addresses) and the
 * details of audit entries about these registrations go.
 */
function anonymiseEvent(ctx: ServiceContext, eventId: string) {
  const now = ctx.now().getTime();
  const ofEvent = sql`(SELECT id FROM registrations WHERE event_id = ${eventId})`;
  return [
    // A substitution's actor is the registrant who passed the seat on: their address goes too.
    ctx.db.run(sql`UPDATE audit_log SET detail = '{}', actor_email = CASE WHEN action = 'registration.substitute' THEN '' ELSE actor_email END
                   WHERE subject_type = 'registration' AND subject_id IN ${ofEvent}`),
    // Every message about an event names its registration: the registration index finds them.
    ctx.db.run(sql`DELETE FROM outbox WHERE registration_id IN ${ofEvent}`),
    ctx.db.run(sql`DELETE FROM manage_tokens WHERE registration_id IN ${ofEvent}`),
    // The key stays unique among live registrations, as the one-per-email index needs.
    ctx.db.run(sql`
      UPDATE registrations
      SET name = '', first_name = '', last_name = '', email = '', email_key = ${ANON_PREFIX} || id, organisation = NULL, company_key = NULL, phone = NULL,
          answers = '{}', consent_at = NULL, search_text = '', substituted_name = NULL, substituted_email_key = NULL
      WHERE event_id = ${eventId} AND email_key NOT LIKE ${ANON_PREFIX + "%"}`),
    // Invitations name their invitees: their counts stay, their people go.
    ctx.db.run(sql`
      UPDATE invitations SET email = '', email_key = ${ANON_PREFIX} || id, first_name = '', last_name = '', organisation = NULL
      WHERE event_id = ${eventId} AND email_key NOT LIKE ${ANON_PREFIX + "%"}`),
    ctx.db.run(sql`DELETE FROM outbox WHERE event_id = ${eventId} AND kind = 'invitation'`),
    // Webhook payloads named them too, sent or not: ids and states stay.
    scrubEventDeliveries(ctx, eventId),
    ctx.db.run(sql`UPDATE events SET anonymised_at = coalesce(anonymised_at, ${now}) WHERE id = ${eventId}`),
  ] as const;
}

/**
 * The retention run: anonymises each event whose organisation's period has passed (one
 * atomic batch per event), then drops expired sessions, spent login links and old
 * sign-in failures. Running it again changes nothing. Free of Node APIs: the Node
 * scheduler, the CLI and (later) Workers Cron call the same function.
 */
export async function applyRetention({ ctx }: { ctx: ServiceContext }): Promise<RetentionResult> {
  const result: RetentionResult = { events: 0, registrations: 0, sessions: 0, loginLinks: 0, loginFailures: 0, loginMails: 0 };
  for (const event of await dueEvents(ctx)) {
    await ctx.db.batch(anonymiseEvent(ctx, event.id));
    result.events++;
    result.registrations += Number(event.people);
  }
  const now = ctx.now();
  const [ended, links, failures, mails] = await ctx.db.batch([
    ctx.db.delete(sessions).where(lt(sessions.expiresAt, now)),
    ctx.db.delete(loginLinks).where(or(isNotNull(loginLinks.usedAt), lt(loginLinks.expiresAt, now))),
    ctx.db.delete(loginFailures).where(lt(loginFailures.lastFailureAt, new Date(now.getTime() - FAILURES_KEPT_MS))),
    // Sent login-link messages name a member and their address, and are of no use a day on.
    ctx.db
      .delete(outbox)
      .where(and(eq(outbox.kind, "login_link"), ne(outbox.status, "sending"), lt(outbox.createdAt, new Date(now.getTime() - LOGIN_MAILS_KEPT_MS)))),
    // Spent signup budgets of windows long ended (their keys are hashed client addresses).
    ctx.db.delete(rateBudgets).where(lt(rateBudgets.windowStart, new Date(now.getTime() - BUDGETS_KEPT_MS))),
    // Browsers that have not signed in for as long as their device cookie lasts.
    ctx.db.delete(knownDevices).where(lt(knownDevices.lastSignInAt, new Date(now.getTime() - DEVICE_KEPT_MS))),
    // The webhook delivery log keeps a month of what is done with.
    pruneDeliveryLog(ctx),
  ]);
  result.sessions = changedRows(ended);
  result.loginLinks = changedRows(links);
  result.loginFailures = changedRows(failures);
  result.loginMails = changedRows(mails);
  return result;
}

/** One line for logs and the CLI. */
export const describeRetention = (r: RetentionResult) =>
  `Anonymised ${r.events} event(s) (${r.registrations} registration(s)); removed ${r.sessions} expired session(s), ${r.loginLinks} login link(s) and ${r.loginMails} login-link message(s), ${r.loginFailures} sign-in failure record(s).`;
