import { and, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import { changedRows } from "../db/client";
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

/** How long a claim holds a row; renewed before each send, so a slow server cannot outlast it. */
const LEASE_MS = 5 * 60 * 1000;

/**
 * Claims due outbox rows with a lease, sends them, and records the outcome. A sender
 * that dies mid-way leaves its rows to come back when the lease ends, so a crash means a
 * later resend (same Message-ID), never a lost message. Each run owns its leases: a run
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
  const claimed = await ctx.db.all<{ id: string }>(sql`
    UPDATE outbox SET status = 'sending', lease_owner = ${owner}, lease_until = ${now + LEASE_MS},
                      attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox
      WHERE ((status = 'pending' AND next_attempt_at <= ${now}) OR (status = 'sending' AND lease_until <= ${now}))
        AND NOT EXISTS (SELECT 1 FROM mail_hold WHERE until > ${now})
      ORDER BY created_at, rowid
      LIMIT ${limit})
    RETURNING id`);
  const result: DispatchResult = { sent: 0, failed: 0, retrying: 0, skipped: 0 };
  if (!claimed.length) return result;
  const rows = await ctx.db
    .select()
    .from(outbox)
    .where(inArray(outbox.id, claimed.map((c) => c.id)))
    .orderBy(outbox.createdAt, sql`rowid`);
  // One at a time, in order: someone's "cancelled" must not overtake their "confirmed".
  for (const row of rows) {
    const outcome = await deliver(ctx, mailer, settings, row, owner);
    if (outcome && typeof outcome === "object") {
      // Every message would meet the same refusal: give back the rest untried.
      result.held = outcome;
      await ctx.db.run(sql`
        UPDATE outbox SET status = 'pending', lease_owner = NULL, lease_until = NULL, attempts = attempts - 1
        WHERE lease_owner = ${owner} AND status = 'sending'`);
      break;
    }
    if (outcome) result[outcome]++;
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
): Promise<"sent" | "failed" | "retrying" | "skipped" | { reason: string; until: Date } | null> {
  const mine = and(eq(outbox.id, row.id), eq(outbox.status, "sending"), eq(outbox.leaseOwner, owner));
  // Renew the lease just before sending; if another run took the row over, leave it.
  const renewed = await ctx.db
    .update(outbox)
    .set({ leaseUntil: new Date(ctx.now().getTime() + LEASE_MS) })
    .where(and(mine, gt(outbox.leaseUntil, ctx.now())));
  if (!changedRows(renewed)) return null;

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
  // Anything but a refused set-up means the set-up works again.
  if (outcome.ok || outcome.kind !== "setup") await ctx.db.delete(mailHold).where(eq(mailHold.id, HOLD));
  if (outcome.ok) {
    await finish("sent", null);
    // Remember that their calendar now holds the event: only then is a CANCEL due.
    if (invite === "REQUEST" && row.registrationId)
      await ctx.db.update(registrations).set({ inviteSentAt: ctx.now() }).where(eq(registrations.id, row.registrationId));
    return "sent";
  }
  const now = ctx.now().getTime();
  if (outcome.kind === "setup" && now - row.createdAt.getTime() < HOLD_GIVES_UP_MS) return hold(ctx, row, outcome.reason, mine);
  if (outcome.kind !== "temporary" || row.attempts >= MAX_ATTEMPTS) {
    const reason =
      outcome.kind === "message" ? outcome.reason
      : outcome.kind === "setup" ? `the mail server refused the set-up for three days: ${outcome.reason}`
      : `gave up after ${row.attempts} attempts: ${outcome.reason}`;
    await finish("failed", reason.slice(0, 1000));
    return "failed";
  }
  await ctx.db
    .update(outbox)
    .set({
      status: "pending",
      leaseUntil: null,
      leaseOwner: null,
      lastError: outcome.reason.slice(0, 1000),
      nextAttemptAt: new Date(ctx.now().getTime() + backoff(row.attempts)),
    })
    .where(mine);
  return "retrying";
}

/**
 * Holds the queue after the mail server refused our set-up: this message waits, with the
 * reason, until the hold ends; the hold's wait grows with each refusal in a row.
 */
async function hold(ctx: ServiceContext, row: OutboxRow, reason: string, mine: SQL | undefined) {
  const now = ctx.now().getTime();
  const [held] = await ctx.db.select().from(mailHold).where(eq(mailHold.id, HOLD));
  const attempts = (held?.attempts ?? 0) + 1;
  const until = new Date(now + backoff(attempts));
  const why = reason.slice(0, 1000);
  await ctx.db.batch([
    ctx.db
      .insert(mailHold)
      .values({ id: HOLD, since: new Date(now), until, attempts, reason: why })
      .onConflictDoUpdate({ target: mailHold.id, set: { until, attempts, reason: why } }),
    ctx.db
      .update(outbox)
      .set({ status: "pending", leaseUntil: null, leaseOwner: null, lastError: why, nextAttemptAt: until })
      .where(mine),
  ]);
  return { reason: why, until };
}
