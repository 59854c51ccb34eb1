import { sql } from "drizzle-orm";
import { newId } from "../../lib/secrets";
import { postWebhook, type Fetcher, type PostOutcome } from "../../lib/webhookPost";
import type { ServiceContext } from "../context";
import { organisationKey } from "../organisations";
import { endpointSecret, signedHeaders } from "./secret";
import { RETRY_FOR_MS } from "./types";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
// The waits after each failed attempt (Standard Webhooks' own schedule), then ten hours
// until three days have passed since the first attempt.
const STEPS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR];
export const webhookBackoff = (attempts: number) => STEPS[Math.min(Math.max(attempts, 1), STEPS.length) - 1]!;

/** At most this long per attempt, headers and body together. */
export const MAX_TIMEOUT_MS = 10_000;

export interface WebhookRun {
  ctx: ServiceContext;
  /** How requests leave: on Node through a connection pinned to the checked address. */
  fetcher: Fetcher;
  /** Deliveries this run takes at most (on Workers: its own budget, apart from the mail's). */
  limit?: number;
  timeoutMs?: number;
  /** Attempts in flight at once. */
  concurrency?: number;
}

export interface WebhookRunResult {
  delivered: number;
  retrying: number;
  failed: number;
}

interface Due {
  id: string;
  endpointId: string;
  orgId: string;
  url: string;
  salt: string;
  previousSalt: string | null;
  previousUntil: number | null;
}

const dueSql = (now: number) => sql`((d.status = 'pending' AND d.next_attempt_at <= ${now}) OR (d.status = 'sending' AND d.lease_until <= ${now}))`;

/**
 * Sends the due deliveries of enabled endpoints, each claimed with a lease just before
 * its attempt. A process that dies mid-attempt leaves the lease to run out, and the
 * delivery goes again with the same `webhook-id`: nothing is lost, and receivers
 * deduplicate by that id. An endpoint that did not answer in this run (a timeout, a
 * refused connection) gets nothing more in it, so one slow receiver costs at most one
 * timeout per run and per worker.
 */
export async function dispatchWebhooks({ ctx, fetcher, limit = 50, timeoutMs = MAX_TIMEOUT_MS, concurrency = 4 }: WebhookRun): Promise<WebhookRunResult> {
  const timeout = Math.min(timeoutMs, MAX_TIMEOUT_MS);
  const owner = newId("run");
  const now = ctx.now().getTime();
  // Two index range reads, each in index order (no sort of the backlog): what is due, and
  // the attempts whose process died. A paused or disabled endpoint's messages are held,
  // not pending, so a backlog there costs nothing here.
  const columns = sql`d.id, d.endpoint_id AS endpointId, w.org_id AS orgId, w.url, w.secret_salt AS salt,
                      w.previous_salt AS previousSalt, w.previous_until AS previousUntil`;
  const [due, stalled] = await ctx.db.batch([
    ctx.db.all<Due>(sql`
      SELECT ${columns} FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id
      WHERE d.status = 'pending' AND d.next_attempt_at <= ${now} AND w.disabled_at IS NULL
      ORDER BY d.status, d.next_attempt_at LIMIT ${limit}`),
    ctx.db.all<Due>(sql`
      SELECT ${columns} FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id
      WHERE d.status = 'sending' AND d.lease_until <= ${now} AND w.disabled_at IS NULL
      LIMIT ${limit}`),
  ]);
  due.push(...stalled.slice(0, Math.max(0, limit - due.length)));
  const result: WebhookRunResult = { delivered: 0, retrying: 0, failed: 0 };
  const keys = new Map<string, Promise<string>>();
  const down = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const item = due[next++]!;
      if (down.has(item.endpointId)) continue;
      if (!keys.has(item.orgId)) keys.set(item.orgId, organisationKey(ctx, item.orgId));
      const outcome = await attempt(ctx, fetcher, item, await keys.get(item.orgId)!, owner, timeout);
      if (!outcome) continue;
      result[outcome.result]++;
      if (outcome.unanswered) down.add(item.endpointId);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return result;
}

async function attempt(ctx: ServiceContext, fetcher: Fetcher, item: Due, orgKey: string, owner: string, timeout: number) {
  const now = ctx.now();
  const [claimed] = await ctx.db.all<{ payload: string; attempts: number; firstAttemptAt: number }>(sql`
    UPDATE webhook_deliveries AS d SET status = 'sending', lease_owner = ${owner}, lease_until = ${now.getTime() + 2 * timeout + SECOND},
           attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, ${now.getTime()}), last_attempt_at = ${now.getTime()}
    WHERE d.id = ${item.id} AND ${dueSql(now.getTime())}
    RETURNING payload, attempts, first_attempt_at AS firstAttemptAt`);
  if (!claimed) return null;
  const secrets = [endpointSecret(orgKey, item.salt)];
  if (item.previousSalt && item.previousUntil && item.previousUntil > now.getTime()) secrets.push(endpointSecret(orgKey, item.previousSalt));
  const headers = {
    "content-type": "application/json",
    "user-agent": "Plats-Webhooks/1",
    ...signedHeaders(secrets, item.id, now, claimed.payload),
  };
  const outcome = await postWebhook(fetcher, item.url, headers, claimed.payload, { timeoutMs: timeout, now: () => ctx.now().getTime() });
  return { result: await record(ctx, item, owner, claimed, outcome), unanswered: outcome.status === null };
}

async function record(ctx: ServiceContext, item: Due, owner: string, claimed: { attempts: number; firstAttemptAt: number }, outcome: PostOutcome) {
  const now = ctx.now().getTime();
  const mine = sql`id = ${item.id} AND status = 'sending' AND lease_owner = ${owner}`;
  // The outcome is recorded only by the run that still holds the lease (a run that stalled
  // past it changes nothing): the endpoint's statements check the row is still this run's,
  // and the last statement lets go of it.
  const stillMine = sql`EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = ${item.id} AND lease_owner = ${owner})`;
  const last = sql`last_status_code = ${outcome.status}, last_duration_ms = ${Math.round(outcome.durationMs)}, last_response = ${outcome.body.slice(0, 4096)}`;
  const letGo = ctx.db.run(sql`UPDATE webhook_deliveries SET lease_until = NULL, lease_owner = NULL WHERE id = ${item.id} AND lease_owner = ${owner}`);
  if (outcome.ok) {
    await ctx.db.batch([
      ctx.db.run(sql`UPDATE webhook_deliveries SET status = 'delivered', delivered_at = ${now}, last_error = NULL, ${last} WHERE ${mine}`),
      ctx.db.run(sql`UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ${item.endpointId} AND failing_since IS NOT NULL AND ${stillMine}`),
      letGo,
    ]);
    return "delivered" as const;
  }
  const giveUp = now - claimed.firstAttemptAt >= RETRY_FOR_MS;
  const error = (outcome.error ?? "failed").slice(0, 500);
  await ctx.db.batch([
    ctx.db.run(sql`UPDATE webhook_deliveries SET status = ${giveUp ? "failed" : "pending"}, next_attempt_at = ${now + webhookBackoff(claimed.attempts)},
                   last_error = ${error}, ${last} WHERE ${mine}`),
    ctx.db.run(sql`UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, ${now}) WHERE id = ${item.endpointId} AND ${stillMine}`),
    // Nothing got through for three days: the endpoint is disabled, what waits for it is
    // held, and its owners are told once (one message id per owner and disabling, so a
    // second failure recorded in the same instant adds nothing).
    ctx.db.run(sql`UPDATE webhook_endpoints SET disabled_at = ${now}, disabled_reason = 'failing'
                   WHERE id = ${item.endpointId} AND disabled_at IS NULL AND failing_since <= ${now - RETRY_FOR_MS} AND ${stillMine}`),
    ctx.db.run(sql`UPDATE webhook_deliveries SET status = 'held'
                   WHERE endpoint_id = ${item.endpointId} AND status = 'pending'
                     AND EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.id = ${item.endpointId} AND w.disabled_at IS NOT NULL)`),
    ctx.db.run(sql`
      INSERT OR IGNORE INTO outbox (id, kind, org_id, user_id, to_email, to_name, locale, payload, status, attempts, next_attempt_at, created_at)
      SELECT 'whd_' || w.id || '_' || u.id || '_' || w.disabled_at, 'webhook_disabled', u.org_id, u.id, u.email, u.name, u.language,
             json_object('endpointId', w.id, 'url', w.url, 'failingSince', w.failing_since), 'pending', 0, ${now}, ${now}
      FROM webhook_endpoints w JOIN users u ON u.org_id = w.org_id AND u.role = 'owner' AND u.disabled_at IS NULL
      WHERE w.id = ${item.endpointId} AND w.disabled_at = ${now} AND w.disabled_reason = 'failing' AND ${stillMine}`),
    letGo,
  ]);
  return giveUp ? ("failed" as const) : ("retrying" as const);
}

/** Runs until a run comes back short; while `isBusy()` (a crowd signing up) one small run and no more. */
export async function drainWebhooks({ isBusy = () => false, batch = 20, ...run }: WebhookRun & { batch?: number; isBusy?: () => boolean }) {
  const total: WebhookRunResult = { delivered: 0, retrying: 0, failed: 0 };
  for (;;) {
    const limit = isBusy() ? 2 : batch;
    const r = await dispatchWebhooks({ ...run, limit });
    for (const k of ["delivered", "retrying", "failed"] as const) total[k] += r[k];
    if (isBusy() || r.delivered + r.retrying + r.failed < limit) return total;
  }
}
