import { and, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { auditLog, events, registrations, users, webhookEndpoints } from "../../db/schema";
import { invalid } from "../../lib/errors";
import { code, zodFieldErrors } from "../../lib/zodIssues";
import type { OrgScope, ServiceContext } from "../context";

export const AUDIT_PAGE_SIZE = 50;

const query = z.object({
  before: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, code("whole_number"))
    .transform(Number)
    .optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.-]{0,64}$/, code("action_prefix"))
    .optional(),
});

/** Where a subject can be seen now; null once it is gone (erased, removed). */
export type SubjectLink = { href: string } | null;

/**
 * One page of the organisation's audit log, newest first, optionally only actions that
 * start with a prefix (`member.`), with a link to each subject that still exists.
 * `before` is the last sequence number of the previous page.
 */
export async function readAuditLog({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { before?: string; action?: string } }) {
  const parsed = query.safeParse({ before: input.before || undefined, action: input.action });
  if (!parsed.success) throw invalid(zodFieldErrors(parsed.error, { depth: 1 }));
  const { before, action } = parsed.data;
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, input.orgId),
        before ? lt(auditLog.seq, before) : undefined,
        // Compared as text, not LIKE: "_" in a prefix is a letter here, not a wildcard.
        action ? sql`substr(${auditLog.action}, 1, ${action.length}) = ${action}` : undefined,
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(AUDIT_PAGE_SIZE + 1);
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const links = await subjectLinks(ctx, input.orgId, page);
  return {
    action: action ?? "",
    entries: page.map((r) => ({ ...r, link: (r.subjectId && links.get(`${r.subjectType}:${r.subjectId}`)) || null })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.seq : null,
  };
}

async function subjectLinks(ctx: ServiceContext, orgId: string, rows: { subjectType: string | null; subjectId: string | null }[]) {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.subjectType === type && r.subjectId).map((r) => r.subjectId!))];
  const links = new Map<string, SubjectLink>([[`organisation:${orgId}`, { href: "/admin/settings" }]]);
  const eventIds = ids("event");
  if (eventIds.length)
    for (const e of await ctx.db.select({ id: events.id }).from(events).where(and(eq(events.orgId, orgId), inArray(events.id, eventIds))))
      links.set(`event:${e.id}`, { href: `/admin/events/${e.id}` });
  const regIds = ids("registration");
  if (regIds.length)
    for (const r of await ctx.db
      .select({ id: registrations.id, eventId: registrations.eventId })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .where(and(eq(events.orgId, orgId), inArray(registrations.id, regIds))))
      links.set(`registration:${r.id}`, { href: `/admin/events/${r.eventId}#${r.id}` });
  const userIds = ids("user");
  if (userIds.length)
    for (const u of await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.orgId, orgId), isNull(users.disabledAt), inArray(users.id, userIds))))
      links.set(`user:${u.id}`, { href: `/admin/members` });
  const webhookIds = ids("webhook");
  if (webhookIds.length)
    for (const w of await ctx.db
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.orgId, orgId), inArray(webhookEndpoints.id, webhookIds))))
      links.set(`webhook:${w.id}`, { href: `/admin/webhooks/${w.id}` });
  return links;
}

export type AuditLogPage = Awaited<ReturnType<typeof readAuditLog>>;
