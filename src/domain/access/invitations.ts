import { sql } from "drizzle-orm";
import { emailKey } from "../../lib/emailKey";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/secrets";
import { auditEntry, type Actor } from "../audit";
import { eventUrl, type OrgScope, type ServiceContext } from "../context";
import { findEvent, refuseUnlessEditable } from "../events";
import { signingKey } from "../organisations";
import { splitFullName } from "../personNames";
import type { Invitee } from "./invitationInput";
import { invitationToken } from "./invitationLink";
import { queueInvitationMail } from "./invitationMail";
import { registeredThrough, selectInvitations, type InvitationRow } from "./invitationRows";

// D1 takes at most 100 bound values in a statement: 9 rows of 10 values, 40 statements a batch.
const ROWS_PER_STATEMENT = 9;
const STATEMENTS_PER_BATCH = 40;

/** An invitation's state as the organiser follows it: what was done, then what the invitee did. */
export type InvitationState = "created" | "sent" | "visited" | "registered" | "declined" | "revoked";

export interface InvitationView {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  organisation: string | null;
  language: string | null;
  seats: number;
  /** Live registrations (and applications) made through the link. */
  registered: number;
  status: InvitationState;
  url: string;
  sentAt: string | null;
  visitedAt: string | null;
  remindedAt: string | null;
  declinedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}


const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The one rule for an invitation's state: revoked and declined first, then the furthest the invitee went. */
export function invitationState(r: Pick<InvitationRow, "status" | "registered" | "visitedAt">): InvitationState {
  if (r.status === "revoked" || r.status === "declined") return r.status;
  if (r.registered > 0) return "registered";
  if (r.visitedAt !== null) return "visited";
  return r.status;
}

/** The link of an invitation: the event page with its token. */
export const invitationUrl = (ctx: ServiceContext, slug: string, token: string) => `${eventUrl(ctx, slug)}?invitation=${encodeURIComponent(token)}`;


function view(ctx: ServiceContext, keyHex: string, slug: string, r: InvitationRow): InvitationView {
  return {
    id: r.id,
    email: r.email,
    firstName: r.firstName,
    lastName: r.lastName,
    organisation: r.organisation,
    language: r.language,
    seats: r.seats,
    registered: r.registered,
    status: invitationState(r),
    url: invitationUrl(ctx, slug, invitationToken(keyHex, r.id)),
    sentAt: iso(r.sentAt),
    visitedAt: iso(r.visitedAt),
    remindedAt: iso(r.remindedAt),
    declinedAt: iso(r.declinedAt),
    revokedAt: iso(r.revokedAt),
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

/** The same invitee twice in one list is one invitation: the most seats, and the first name, organisation and language given. */
function merged(invitees: Invitee[]) {
  const byKey = new Map<string, Invitee & { key: string; line: number }>();
  for (const [i, a] of invitees.entries()) {
    const names = a.name !== undefined ? splitFullName(a.name) : { firstName: a.firstName ?? "", lastName: a.lastName ?? "" };
    const row = { ...a, ...names, key: emailKey(a.email), line: i + 1, email: a.email.trim() };
    const seen = byKey.get(row.key);
    if (!seen) byKey.set(row.key, row);
    else
      byKey.set(row.key, {
        ...seen,
        seats: Math.max(seen.seats, row.seats),
        firstName: seen.firstName || row.firstName,
        lastName: seen.lastName || row.lastName,
        organisation: seen.organisation ?? row.organisation,
        language: seen.language ?? row.language,
      });
  }
  return [...byKey.values()];
}

/**
 * Invites a list of people to one of the organisation's events. The list is checked
 * whole before anything is written (the route's schema names a bad line); it is written
 * in chunks to a staging table, then made visible by one statement that also merges an
 * invitee already invited (more seats win, names given fill in), so nobody sees half a
 * list. With `send`, every invitation not sent before is queued in the invitee's language
 * in that same final batch.
 */
export async function invite({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: OrgScope & { eventId: string; invitees: Invitee[]; send: boolean };
  actor?: Actor;
}) {
  const { event } = await findEvent(ctx, input.eventId, input.orgId);
  refuseUnlessEditable(event);
  const rows = merged(input.invitees);
  const importId = newId("imp");
  const changeId = newId("chg");
  const now = ctx.now().getTime();
  const inserts = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const values = rows
      .slice(i, i + ROWS_PER_STATEMENT)
      .map((r) => sql`(${importId}, ${r.line}, ${event.id}, ${r.email}, ${r.key}, ${r.firstName}, ${r.lastName}, ${r.organisation ?? null}, ${r.language ?? null}, ${r.seats}, ${now})`);
    inserts.push(
      ctx.db.run(sql`INSERT INTO invitation_imports (import_id, line, event_id, email, email_key, first_name, last_name, organisation, language, seats, created_at)
                     VALUES ${sql.join(values, sql`, `)}`),
    );
  }
  for (let i = 0; i < inserts.length; i += STATEMENTS_PER_BATCH) {
    const chunk = inserts.slice(i, i + STATEMENTS_PER_BATCH);
    await ctx.db.batch(chunk as [(typeof chunk)[0], ...typeof chunk]);
  }
  await ctx.db.batch([
    ctx.db.run(sql`
      INSERT INTO invitations (id, event_id, email, email_key, first_name, last_name, organisation, language, seats, status, change_id, created_at)
      SELECT 'inv_' || lower(hex(randomblob(10))), event_id, email, email_key, first_name, last_name, organisation, language, seats, 'created', ${changeId}, created_at
      FROM invitation_imports WHERE import_id = ${importId} ORDER BY line
      ON CONFLICT (event_id, email_key) DO UPDATE SET
        seats = max(seats, excluded.seats),
        first_name = CASE WHEN excluded.first_name <> '' THEN excluded.first_name ELSE first_name END,
        last_name = CASE WHEN excluded.last_name <> '' THEN excluded.last_name ELSE last_name END,
        organisation = coalesce(excluded.organisation, organisation),
        language = coalesce(excluded.language, language),
        change_id = excluded.change_id`),
    ctx.db.run(sql`DELETE FROM invitation_imports WHERE import_id = ${importId}`),
    ...(input.send ? queueInvitationMail(ctx, { eventId: event.id, which: sql`i.change_id = ${changeId} AND i.status = 'created'`, reminder: false }) : []),
    ...(actor ? [auditEntry(ctx, actor, { action: "invitation.create", subjectType: "event", subjectId: event.id, detail: { invitees: rows.length, send: input.send } })] : []),
  ]);
  const key = await signingKey(ctx, event.id);
  const made = await ctx.db.all<InvitationRow>(selectInvitations(sql`i.event_id = ${event.id} AND i.change_id = ${changeId}`));
  return made.map((r) => view(ctx, key, event.slug, r));
}

/** An event's invitations in the order they were made, with their states. */
export async function listInvitations({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { eventId: string } }) {
  const { event } = await findEvent(ctx, input.eventId, input.orgId);
  const key = await signingKey(ctx, event.id);
  const rows = await ctx.db.all<InvitationRow>(selectInvitations(sql`i.event_id = ${event.id}`));
  return rows.map((r) => view(ctx, key, event.slug, r));
}

/** One invitation of the organisation's, with its event. */
export async function findInvitation(ctx: ServiceContext, id: string, orgId: string) {
  const [row] = await ctx.db.all<InvitationRow>(selectInvitations(sql`i.id = ${id}`));
  if (!row) throw new AppError("invitation_not_found");
  const { event } = await findEvent(ctx, row.eventId, orgId).catch(() => {
    throw new AppError("invitation_not_found");
  });
  return { row, event, view: view(ctx, await signingKey(ctx, event.id), event.slug, row) };
}

/** Revokes an invitation: its link registers nobody more; those registered keep their places. */
export async function revokeInvitation({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string }; actor?: Actor }) {
  const { row } = await findInvitation(ctx, input.id, input.orgId);
  await ctx.db.batch([
    ctx.db.run(sql`UPDATE invitations SET status = 'revoked', revoked_at = ${ctx.now().getTime()} WHERE id = ${row.id} AND status <> 'revoked'`),
    ...(actor ? [auditEntry(ctx, actor, { action: "invitation.revoke", subjectType: "event", subjectId: row.eventId, detail: { invitation: row.id } })] : []),
  ]);
  return (await findInvitation(ctx, input.id, input.orgId)).view;
}

/**
 * Sends an invitation (again), or, with `reminder`, reminds its invitee. A revoked or
 * declined invitation is not sent: 409.
 */
export async function resendInvitation({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string; reminder?: boolean }; actor?: Actor }) {
  const { row } = await findInvitation(ctx, input.id, input.orgId);
  if (row.status === "revoked" || row.status === "declined") throw new AppError("invitation_closed");
  await ctx.db.batch([
    ...queueInvitationMail(ctx, { eventId: row.eventId, which: sql`i.id = ${row.id} AND i.status IN ('created', 'sent')`, reminder: input.reminder ?? false }),
    ...(actor ? [auditEntry(ctx, actor, { action: input.reminder ? "invitation.remind" : "invitation.resend", subjectType: "event", subjectId: row.eventId, detail: { invitation: row.id } })] : []),
  ]);
  return (await findInvitation(ctx, input.id, input.orgId)).view;
}

/** Reminds everyone invited to the event who has neither registered nor declined: how many were reminded. */
export async function remindUnanswered({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { eventId: string }; actor?: Actor }) {
  const { event } = await findEvent(ctx, input.eventId, input.orgId);
  refuseUnlessEditable(event);
  const unanswered = sql`i.event_id = ${event.id} AND i.status = 'sent'
    AND ${registeredThrough(sql`i.id`)} = 0`;
  const [{ n = 0 } = {}] = await ctx.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM invitations i WHERE ${unanswered}`);
  if (!n) return { reminded: 0 };
  await ctx.db.batch([
    ...queueInvitationMail(ctx, { eventId: event.id, which: unanswered, reminder: true }),
    ...(actor ? [auditEntry(ctx, actor, { action: "invitation.remind", subjectType: "event", subjectId: event.id, detail: { reminded: n } })] : []),
  ]);
  return { reminded: n };
}
