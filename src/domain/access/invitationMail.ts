import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";

/**
 * Statements that queue an invitation email for each invitation `which` names (SQL on
 * `i`), in the invitee's language (else the event's), and mark them sent (or reminded),
 * for the batch of the change that sends them. The email is composed at send time from
 * the invitation's state, so a revoked one is not sent.
 */
export function queueInvitationMail(ctx: ServiceContext, { eventId, which, reminder }: { eventId: string; which: SQL; reminder: boolean }) {
  const now = ctx.now().getTime();
  return [
    ctx.db.run(sql`
      INSERT INTO outbox (id, kind, org_id, event_id, to_email, to_name, locale, payload, status, attempts, next_attempt_at, created_at)
      SELECT 'msg_' || lower(hex(randomblob(10))), 'invitation', e.org_id, e.id, i.email, trim(i.first_name || ' ' || i.last_name),
             coalesce(i.language, e.language), json_object('invitation', i.id, 'reminder', json(${reminder ? "true" : "false"})),
             'pending', 0, ${now}, ${now}
      FROM invitations i JOIN events e ON e.id = i.event_id
      WHERE e.id = ${eventId} AND ${which}
      ORDER BY i.created_at, i.rowid`),
    reminder
      ? ctx.db.run(sql`UPDATE invitations AS i SET reminded_at = ${now} WHERE i.event_id = ${eventId} AND ${which}`)
      : ctx.db.run(sql`UPDATE invitations AS i SET status = 'sent', sent_at = ${now} WHERE i.event_id = ${eventId} AND ${which}`),
  ] as const;
}
