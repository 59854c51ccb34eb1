import { giveWay } from "../../lib/time";
import { dispatchOutbox, heldLine } from "../../mail/dispatcher";
import type { MailSettings } from "../../mail/compose";
import type { Mailer } from "../../mail/mailer";
import { queueReminders } from "../../mail/reminders";
import type { ServiceContext } from "../../domain/context";
import { queueOrganiserActivity, queueOrganiserDigests } from "../../domain/notifications";
import { applyRetention } from "../../domain/privacy";
import { expireOffers } from "../../domain/seats";
import { dispatchWebhooks } from "../../domain/webhooks";
import type { Fetcher } from "../../lib/webhookPost";

/** The Cron Triggers in wrangler.toml; `controller.cron` names the one that fired. */
export const EVERY_MINUTE = "* * * * *";
export const HOURLY_RETENTION = "7 * * * *";
/**
 * The same minute, spelled apart so that it is a Cron Trigger (an invocation) of its own:
 * webhook deliveries get their own D1 queries per invocation and their own time, so mail
 * and webhooks never starve each other.
 */
export const WEBHOOK_MINUTE = "*/1 * * * *";

/** What the Workers scheduler works with: the Workers counterpart of src/runtime/node/background.ts. */
export interface WorkerJobs {
  ctx: ServiceContext;
  /** Null when no transport is configured: messages wait in the outbox. */
  mailer: Mailer | null;
  settings: MailSettings;
  reminderLeadMs: number;
  /** Messages one cron run sends at most (OUTBOX_PER_RUN): D1 counts queries per invocation. */
  perRun: number;
  /** Webhook deliveries, with a budget per run of their own (WEBHOOKS_PER_RUN). */
  webhooks?: { fetcher: Fetcher; perRun: number; timeoutMs: number };
}

/** Messages a request's own follow-up sends: its confirmation or login link, in seconds. */
const KICK_LIMIT = 3;

/**
 * One Cron Trigger. The hourly one applies retention; WEBHOOK_MINUTE sends webhook
 * deliveries; the minute's own ends the
 * offers whose time is up (each seat passed on in the same write), queues reminders
 * that are due and organisers' notifications (activity, and the daily digest), then sends what the outbox holds, so the next person's offer or a
 * reminder goes out in the tick that queued it. A job that fails is logged and the other still runs; the run
 * then fails so the dashboard shows it. Overlapping runs are safe: the dispatcher claims
 * rows with a lease.
 */
export async function runCron(jobs: WorkerJobs, cron: string): Promise<void> {
  const steps: [string, () => Promise<unknown>][] =
    cron === HOURLY_RETENTION
      ? [["retention", () => applyRetention({ ctx: jobs.ctx })]]
      : cron === WEBHOOK_MINUTE
        ? [["webhook dispatcher", () => deliver(jobs, jobs.webhooks?.perRun ?? 0)]]
        : [
          ["offer expiry", () => expireOffers({ ctx: jobs.ctx })],
          ["reminder scheduler", () => (jobs.reminderLeadMs > 0 ? queueReminders({ ctx: jobs.ctx, leadMs: jobs.reminderLeadMs }) : Promise.resolve())],
          ["organiser activity", () => queueOrganiserActivity({ ctx: jobs.ctx })],
          ["organiser digest", () => queueOrganiserDigests({ ctx: jobs.ctx })],
          ["outbox dispatcher", () => send(jobs, jobs.perRun)],
        ];
  let failure: unknown = null;
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (err) {
      console.error(`${name}:`, err);
      failure ??= err;
    }
  }
  if (failure) throw failure;
}

/**
 * After a request that changed something: send what it queued now instead of at the
 * next minute. Runs after the response (waitUntil); a failure waits for the cron.
 */
export async function kickOutbox(jobs: WorkerJobs): Promise<void> {
  try {
    // Once the response has gone: the request's own round trips are its own.
    await giveWay();
    await Promise.all([
      send(jobs, KICK_LIMIT).catch((err) => console.error("outbox dispatcher:", err)),
      deliver(jobs, KICK_LIMIT).catch((err) => console.error("webhook dispatcher:", err)),
    ]);
  } catch (err) {
    console.error("outbox dispatcher:", err);
  }
}

// Webhooks go whatever the mail does: a held mail queue or no mail transport holds none.
async function deliver({ ctx, webhooks }: WorkerJobs, limit: number) {
  if (!webhooks || limit <= 0) return null;
  return dispatchWebhooks({ ctx, fetcher: webhooks.fetcher, timeoutMs: webhooks.timeoutMs, limit });
}

// One claim of at most `limit` rows, not drainOutbox's loop until empty: D1 allows 50
// queries per invocation on the Free plan, and what is left goes in the next run.
async function send(jobs: WorkerJobs, limit: number) {
  if (!jobs.mailer) return null;
  const result = await dispatchOutbox({ ctx: jobs.ctx, mailer: jobs.mailer, settings: jobs.settings, limit });
  if (result.held) console.error(heldLine(result.held));
  return result;
}
