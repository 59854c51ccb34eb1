import { and, eq, sql, type SQL } from "drizzle-orm";
import { mailHold, outbox, registrations } from "../db/schema";
import { newId } from "../lib/secrets";
import type { ServiceContext } from "../domain/context";
import { MAX_ATTEMPTS, backoff } from "./backoff";
import { compose, type MailSettings, type OutboxRow } from "./compose";
import type { Mailer } from "./mailer";

export interface DispatchResult {
  sent: number;
  failed: number;
  retrying: number;
  skipped: number;
  /** Set when this run found the mail server refusing our set-up and held the queue. */
  held?: { reason: string; until: Date };
}

/** The log line of a held queue: what was refused, until when, and what to check. */
export const heldLine = (held: { reason: string; until: Date }) =>
  `mail held: the mail server refused our set-up (${held.reason}); nothing is sent before ${held.until.toISOString()}. Check SMTP_URL and MAIL_FROM.`;

/** A set-up refused this long (a sender, a login, TLS) fails the messages it holds. */
export const HOLD_GIVES_UP_MS = 3 * 24 * 60 * 60 * 1000;
const HOLD = "queue";

/** How long a claim holds a row: taken just before its send, so a slow server cannot outlast it. */
const LEASE_MS = 5 * 60 * 1000;

/** A row that is due: pending and its time has come, or its sender's lease ran out. */
const dueSql = (table: SQL, now: number) => sql`
  ((${table}.status = 'pending' AND ${table}.next_attempt_at <= ${now}) OR (${table}.status = 'sending' AND ${table}.lease_until <= ${now}))`;
/** Nothing is due while the queue is held. */
const notHeldSql = (now: number) => sql`NOT EXISTS (SELECT 1 FROM mail_hold WHERE until > ${now})`;
/** What a row keeps of a server's reason. */
const clip = (reason: string) => reason.slice(0, 1000);

/**
 * Sends the due outbox rows, each claimed with a lease just before its send, and records
 * the outcome. A sender that dies mid-send leaves that row to come back when the lease
 * ends, so a crash means a later resend (same Message-ID), never a lost message. Each run owns its leases: a run
 * whose lease was taken over (it stalled) neither sends nor records that row.
 */
export async function dispatchOutbox({
  ctx,
  mailer,
  settings,
  limit = 50,
}: {
  ctx: ServiceContext;
  mailer: Mailer;
  settings: MailSettings;
  limit?: number;
}): Promise<DispatchResult> {
  const now = ctx.now().getTime();
  const owner = newId("run");
  // Read, then claim each message just before sending it: a run that dies mid-send
  // leaves only that message leased, and the rest are due for the next run at once.
  const due = await ctx.db.all<{ id: string; registrationId: string | null; held: number }>(sql`
    SELECT o.id, o.registration_id AS registrationId, EXISTS (SELECT 1 FROM mail_hold) AS held FROM outbox o
    WHERE ${dueSql(sql`o`, now)} AND ${notHeldSql(now)}
      -- Someone's messages go in order: none while an earlier one of theirs waits for a
      -- retry or is another run's (an earlier one that is due comes first in this run).
      AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.registration_id = o.registration_id AND p.rowid < o.rowid
                      AND p.status IN ('pending', 'sending') AND NOT ${dueSql(sql`p`, now)})
    ORDER BY o.created_at, o.rowid
    LIMIT ${limit}`);
  const result: DispatchResult = { sent: 0, failed: 0, retrying: 0, skipped: 0 };
  // Whose earlier message did not go in this run: their later ones wait too.
  const waiting = new Set<string>();
  // A hold whose wait is over: the first send that gets past the set-up ends it.
  let holdOver = due[0]?.held === 1;
  for (const { id, registrationId } of due) {
    if (registrationId && waiting.has(registrationId)) continue;
    const [row] = await ctx.db
      .update(outbox)
      .set({ status: "sending", leaseOwner: owner, leaseUntil: new Date(ctx.now().getTime() + LEASE_MS), attempts: sql`attempts + 1` })
      .where(and(eq(outbox.id, id), dueSql(sql`outbox`, ctx.now().getTime()), notHeldSql(ctx.now().getTime())))
      .returning();
    const outcome = row ? await deliver(ctx, mailer, settings, row, owner) : null;
    if (outcome && typeof outcome === "object") {
      // Every message would meet the same refusal: the rest stay queued, untried.
      result.held = outcome;
      break;
    }
    if (outcome) result[outcome]++;
    if (outcome && holdOver) {
      await ctx.db.delete(mailHold).where(eq(mailHold.id, HOLD));
      holdOver = false;
    }
    // Not claimed (another run took it) or to be retried: keep the person's order.
    if ((!outcome || outcome === "retrying") && registrationId) waiting.add(registrationId);
  }
  return result;
}

/**
 * Sends what is due in batches until a batch comes back short. While `isBusy()` says the
 * process has better things to do, it sends a single message and stops; the caller's
 * next tick goes on.
 */
export async function drainOutbox({
  isBusy = () => false,
  batch = 50,
  ...run
}: {
  ctx: ServiceContext;
  mailer: Mailer;
  settings: MailSettings;
  batch?: number;
  isBusy?: () => boolean;
}): Promise<DispatchResult> {
  const total: DispatchResult = { sent: 0, failed: 0, retrying: 0, skipped: 0 };
  for (;;) {
    const limit = isBusy() ? 1 : batch;
    const r = await dispatchOutbox({ ...run, limit });
    for (const k of ["sent", "failed", "retrying", "skipped"] as const) total[k] += r[k];
    if (r.held) total.held = r.held;
    if (r.held || limit === 1 || r.sent + r.failed + r.retrying + r.skipped < limit) return total;
  }
}

async function deliver(
  ctx: ServiceContext,
  mailer: Mailer,
  settings: MailSettings,
  row: OutboxRow,
  owner: string,
): Promise<"sent" | "failed" | "retrying" | "skipped" | { reason: string; until: Date }> {
  const mine = and(eq(outbox.id, row.id), eq(outbox.status, "sending"), eq(outbox.leaseOwner, owner));

  const finish = (status: "sent" | "failed" | "skipped", lastError: string | null) =>
    ctx.db
      .update(outbox)
      .set({ status, lastError, leaseUntil: null, leaseOwner: null, sentAt: status === "sent" ? ctx.now() : null })
      .where(mine);
  let outcome;
  let invite: "REQUEST" | "CANCEL" | undefined;
  try {
    const composed = await compose(ctx, row, settings);
    if ("skip" in composed) {
      await finish("skipped", composed.skip);
      return "skipped";
    }
    invite = composed.mail.calendar?.method;
    outcome = await mailer.send(composed.mail);
  } catch (err) {
    // A bug or a database hiccup while composing: retry like a temporary failure.
    outcome = { ok: false as const, kind: "temporary" as const, reason: err instanceof Error ? err.message : String(err) };
  }
  if (outcome.ok) {
    await finish("sent", null);
    // Remember that their calendar now holds the event: only then is a CANCEL due.
    if (invite === "REQUEST" && row.registrationId)
      await ctx.db.update(registrations).set({ inviteSentAt: ctx.now() }).where(eq(registrations.id, row.registrationId));
    return "sent";
  }
  const now = ctx.now().getTime();
  if (outcome.kind === "setup" && now - row.createdAt.getTime() < HOLD_GIVES_UP_MS) return hold(ctx, outcome.reason, mine);
  if (outcome.kind !== "temporary" || row.attempts >= MAX_ATTEMPTS) {
    const reason =
      outcome.kind === "message" ? outcome.reason
      : outcome.kind === "setup" ? `the mail server refused the set-up for three days: ${outcome.reason}`
      : `gave up after ${row.attempts} attempts: ${outcome.reason}`;
    await finish("failed", clip(reason));
    return "failed";
  }
  await putBack(ctx, mine, outcome.reason, new Date(now + backoff(row.attempts)));
  return "retrying";
}

/** The claimed row back in the queue, with why it did not go and when it tries again. */
const putBack = (ctx: ServiceContext, mine: SQL | undefined, reason: string, at: Date) =>
  ctx.db.update(outbox).set({ status: "pending", leaseUntil: null, leaseOwner: null, lastError: clip(reason), nextAttemptAt: at }).where(mine);

/**
 * Holds the queue after the mail server refused our set-up: this message waits, with the
 * reason, until the hold ends; the hold's wait grows with each refusal in a row.
 */
async function hold(ctx: ServiceContext, reason: string, mine: SQL | undefined) {
  const now = ctx.now().getTime();
  const [held] = await ctx.db.select().from(mailHold).where(eq(mailHold.id, HOLD));
  const attempts = (held?.attempts ?? 0) + 1;
  const until = new Date(now + backoff(attempts));
  const why = clip(reason);
  await ctx.db.batch([
    ctx.db
      .insert(mailHold)
      .values({ id: HOLD, since: new Date(now), until, attempts, reason: why })
      .onConflictDoUpdate({ target: mailHold.id, set: { until, attempts, reason: why } }),
    putBack(ctx, mine, why, until),
  ]);
  return { reason: why, until };
}
