import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { OutboxKind } from "../../db/schema";
import { AppError, invalid } from "../../lib/errors";
import { fromLocalInput } from "../../lib/localTime";
import { code, zodFieldErrors } from "../../lib/zodIssues";
import { auditEntry, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { mailHeld } from "./health";
import { requeue } from "./resend";

export const MAIL_PAGE_SIZE = 50;

/**
 * Messages that did not reach their reader: `failed` gave up (a refused mailbox, or three
 * days of refusals), `waiting` was tried and refused and will be tried again.
 */
export type MailProblemState = "failed" | "waiting";

export interface MailProblem {
  id: string;
  seq: number;
  kind: OutboxKind;
  state: MailProblemState;
  toEmail: string;
  toName: string | null;
  eventId: string | null;
  eventTitle: string | null;
  registrationId: string | null;
  attempts: number;
  /** The mail server's own words, as the dispatcher kept them. */
  reason: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
}

export interface MailProblemsByEvent {
  eventId: string | null;
  title: string | null;
  failed: number;
  waiting: number;
}

const ids = {
  event: z.string().regex(/^evt_[A-Za-z0-9_-]{1,40}$/, code("invalid")),
  message: z.string().regex(/^msg_[A-Za-z0-9_-]{1,40}$/, code("invalid")),
};

// Pending rows with a reason were tried and refused; the status index finds both kinds
// without reading the (many) sent ones.
const problem = sql`o.status IN ('failed', 'pending', 'sending') AND (o.status = 'failed' OR o.last_error IS NOT NULL)`;

const listQuery = z.object({
  event: ids.event.optional(),
  before: z.string().regex(/^[1-9]\d{0,15}$/, code("whole_number")).transform(Number).optional(),
});

/**
 * The organisation's mail that did not arrive: a count per event (and for messages of no
 * event, such as sign-in links), and one page of the messages themselves, newest first,
 * optionally of one event. `before` is the last `seq` of the previous page.
 */
export async function readMailHealth({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { event?: string; before?: string } }) {
  const parsed = listQuery.safeParse({ event: input.event || undefined, before: input.before || undefined });
  if (!parsed.success) throw invalid(zodFieldErrors(parsed.error, { depth: 1 }));
  const { event, before } = parsed.data;
  const byEvent = await ctx.db.all<{ event_id: string | null; title: string | null; failed: number; waiting: number }>(sql`
    SELECT o.event_id, e.title, sum(o.status = 'failed') AS failed, sum(o.status <> 'failed') AS waiting
    FROM outbox o LEFT JOIN events e ON e.id = o.event_id
    WHERE ${problem} AND o.org_id = ${input.orgId}
    GROUP BY o.event_id ORDER BY max(o.created_at) DESC`);
  const where: SQL[] = [problem, sql`o.org_id = ${input.orgId}`];
  if (event) where.push(sql`o.event_id = ${event}`);
  if (before) where.push(sql`o.rowid < ${before}`);
  const rows = await ctx.db.all<{
    id: string; seq: number; kind: OutboxKind; status: string; to_email: string; to_name: string | null; event_id: string | null;
    title: string | null; registration_id: string | null; attempts: number; last_error: string | null; created_at: number; next_attempt_at: number;
  }>(sql`
    SELECT o.id, o.rowid AS seq, o.kind, o.status, o.to_email, o.to_name, o.event_id, e.title, o.registration_id,
           o.attempts, o.last_error, o.created_at, o.next_attempt_at
    FROM outbox o LEFT JOIN events e ON e.id = o.event_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY o.rowid DESC LIMIT ${MAIL_PAGE_SIZE + 1}`);
  const page = rows.slice(0, MAIL_PAGE_SIZE);
  return {
    held: await mailHeld(ctx),
    event: event ?? null,
    byEvent: byEvent.map((r): MailProblemsByEvent => ({ eventId: r.event_id, title: r.title, failed: r.failed, waiting: r.waiting })),
    messages: page.map(
      (r): MailProblem => ({
        id: r.id,
        seq: r.seq,
        kind: r.kind,
        state: r.status === "failed" ? "failed" : "waiting",
        toEmail: r.to_email,
        toName: r.to_name,
        eventId: r.event_id,
        eventTitle: r.title,
        registrationId: r.registration_id,
        attempts: r.attempts,
        reason: r.last_error,
        createdAt: new Date(r.created_at),
        nextAttemptAt: new Date(r.next_attempt_at),
      }),
    ),
    nextBefore: rows.length > MAIL_PAGE_SIZE ? page[page.length - 1]!.seq : null,
  };
}

export type MailHealthPage = Awaited<ReturnType<typeof readMailHealth>>;

/** How many failed messages the organisation has: the dashboard's reason to link here. */
export async function failedMailCount(ctx: ServiceContext, orgId: string): Promise<number> {
  const [row] = await ctx.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE status = 'failed' AND org_id = ${orgId}`);
  return row?.n ?? 0;
}

const resendQuery = {
  message: ids.message,
  event: ids.event,
  since: z.string().trim().min(1, code("required")),
} as const;

/** Which messages "send again" means: one (failed or waiting), all failed of an event, or all failed since a moment (UTC). */
export type ResendScope = { message: string } | { event: string } | { since: string };

/**
 * Sends failed mail again at once, with a fresh count of attempts: one message, all of an
 * event's, or all written since a moment (given as UTC wall-clock time, as the page shows
 * times). A waiting message asked for by itself is tried now rather than at its next turn.
 * Recorded in the audit log; returns how many were queued.
 */
export async function resendMail({ ctx, input, actor }: { ctx: ServiceContext; input: ResendScope; actor: Actor }): Promise<number> {
  // Exactly one of the three, each in its own shape.
  const given = Object.keys(input) as (keyof typeof resendQuery)[];
  if (given.length !== 1 || !Object.hasOwn(resendQuery, given[0]!)) throw invalid({ scope: { code: "invalid" } });
  const parsed = z.object({ [given[0]!]: resendQuery[given[0]!] }).strict().safeParse(input);
  if (!parsed.success) throw invalid(zodFieldErrors(parsed.error, { depth: 1 }));
  const scope = parsed.data as ResendScope;
  const which: SQL[] = [sql`org_id = ${actor.orgId}`];
  if ("message" in scope) which.push(sql`id = ${scope.message}`, sql`(status = 'failed' OR (status = 'pending' AND last_error IS NOT NULL))`);
  else which.push(sql`status = 'failed'`);
  if ("event" in scope) which.push(sql`event_id = ${scope.event}`);
  if ("since" in scope) {
    const since = fromLocalInput(scope.since, "UTC");
    if (!(since instanceof Date)) throw invalid({ since: { code: "local_date_time" } });
    which.push(sql`created_at >= ${since.getTime()}`);
  }
  const queued = await requeue(ctx, which);
  if ("message" in scope && !queued.length) throw new AppError("message_not_found");
  if (queued.length)
    await auditEntry(ctx, actor, {
      action: "mail.resend",
      ...("event" in scope ? { subjectType: "event" as const, subjectId: scope.event } : {}),
      detail: { messages: queued.length, ...("message" in scope ? { message: scope.message } : {}), ...("since" in scope ? { since: scope.since } : {}) },
    });
  return queued.length;
}
