import { sql } from "drizzle-orm";
import type { Language, NotificationKind, NotificationMode, Role } from "../../db/schema";
import type { ServiceContext } from "../context";
import { groupPreferences, type MemberPreferences } from "./preferences";

export interface Recipient {
  id: string;
  orgId: string;
  email: string;
  name: string | null;
  language: Language;
  prefs: MemberPreferences;
}

/**
 * The members of these organisations who may get notifications (organisers and owners,
 * not removed) and have chosen something other than nothing, with their choices. The
 * role is checked here, when mail is queued, so a member moved to the door hears no more.
 */
export async function recipientsIn(ctx: ServiceContext, orgIds: string[], mode?: Exclude<NotificationMode, "none">): Promise<Recipient[]> {
  if (!orgIds.length) return [];
  const rows = await ctx.db.all<{
    userId: string; orgId: string; email: string; name: string | null; language: Language; role: Role;
    eventId: string | null; mode: NotificationMode; kinds: string;
  }>(sql`
    SELECT u.id AS userId, u.org_id AS orgId, u.email, u.name, u.language, u.role, p.event_id AS eventId, p.mode, p.kinds
    FROM notification_preferences p JOIN users u ON u.id = p.user_id
    WHERE p.org_id IN (SELECT value FROM json_each(${JSON.stringify(orgIds)}))
      AND u.disabled_at IS NULL AND u.role IN ('owner', 'organiser')
      AND EXISTS (SELECT 1 FROM notification_preferences q WHERE q.user_id = u.id AND q.mode ${mode ? sql`= ${mode}` : sql`<> 'none'`})`);
  const prefs = groupPreferences(rows.map((r) => ({ ...r, kinds: JSON.parse(r.kinds) as NotificationKind[] })));
  const seen = new Map<string, Recipient>();
  for (const r of rows)
    if (!seen.has(r.userId)) seen.set(r.userId, { id: r.userId, orgId: r.orgId, email: r.email, name: r.name, language: r.language, prefs: prefs.get(r.userId)! });
  return [...seen.values()];
}

/** The outbox row of one notification to a member, as JSON for `insertMemberMail`. */
export interface MemberMail {
  kind: "organiser_activity" | "organiser_digest";
  orgId: string;
  eventId: string | null;
  to: Recipient;
  payload: Record<string, unknown>;
}

/**
 * One INSERT of many member notifications (one bound parameter, a JSON array, so D1's
 * 100-parameter limit never bites), written only if `guard` holds in the same batch: the
 * job's claim of the period, so a rerun or a second runner queues nothing twice.
 */
export function insertMemberMail(ctx: ServiceContext, mails: MemberMail[], guard: ReturnType<typeof sql>) {
  const now = ctx.now().getTime();
  const rows = mails.map((m) => ({
    kind: m.kind,
    org: m.orgId,
    event: m.eventId,
    user: m.to.id,
    email: m.to.email,
    name: m.to.name,
    locale: m.to.language,
    payload: JSON.stringify(m.payload),
  }));
  return ctx.db.run(sql`
    INSERT INTO outbox (id, kind, org_id, event_id, user_id, registration_id, to_email, to_name, locale, payload, status, attempts, next_attempt_at, created_at)
    SELECT 'msg_' || lower(hex(randomblob(10))), json_extract(value, '$.kind'), json_extract(value, '$.org'), json_extract(value, '$.event'), json_extract(value, '$.user'), NULL,
           json_extract(value, '$.email'), json_extract(value, '$.name'), json_extract(value, '$.locale'), json_extract(value, '$.payload'), 'pending', 0, ${now}, ${now}
    FROM json_each(${JSON.stringify(rows)})
    WHERE ${guard}`);
}
