import { drainOutbox, heldLine } from "../../mail/dispatcher";
import type { MailSettings } from "../../mail/compose";
import type { Mailer } from "../../mail/mailer";
import { queueReminders } from "../../mail/reminders";
import type { ServiceContext } from "../../domain/context";
import { queueOrganiserActivity, queueOrganiserDigests } from "../../domain/notifications";
import { applyRetention } from "../../domain/privacy";
import { expireOffers } from "../../domain/seats";
import { drainWebhooks } from "../../domain/webhooks";
import type { Fetcher } from "../../lib/webhookPost";

export interface Background {
  /** Runs the dispatcher now (after a write, or from a test) instead of waiting. */
  kick(): Promise<void>;
  stop(): Promise<void>;
}


/**
 * The in-process dispatcher and scheduler of `npm start`: every two seconds it sends what
 * is due (mail and, apart from it, webhooks), every 20 seconds it ends the offers of freed seats whose time is up (passing each
 * seat on, so within a minute), every minute it queues reminders and organisers'
 * notifications (activity, and the daily digest when its hour has come), and every hour it applies
 * retention (personal data of past events, expired sessions and links). Runs never overlap; errors are logged and
 * the next tick tries again (the outbox keeps everything).
 *
 * Signups come first: while requests are waiting (`isBusy`, a sell-out), each tick sends
 * a single message; otherwise it drains the outbox in small batches, looking again after
 * each. Measured with `npm run bench`: draining during the crowd cost the signup path a
 * third of its speed.
 */
export function startBackground({
  ctx,
  mailer,
  settings,
  reminderLeadMs,
  isBusy = () => false,
  dispatchEveryMs = 2000,
  batch = 10,
  remindEveryMs = 60_000,
  notifyEveryMs = 60_000,
  retainEveryMs = 3_600_000,
  sweepEveryMs = 20_000,
  webhooks,
}: {
  ctx: ServiceContext;
  mailer: Mailer;
  settings: MailSettings;
  reminderLeadMs: number;
  isBusy?: () => boolean;
  dispatchEveryMs?: number;
  batch?: number;
  remindEveryMs?: number;
  notifyEveryMs?: number;
  retainEveryMs?: number;
  sweepEveryMs?: number;
  /** Webhook deliveries: sent on the same tick as mail, apart from it (a held mail queue holds no webhook). */
  webhooks?: { fetcher: Fetcher; timeoutMs: number };
}): Background {
  let running: Promise<void> | null = null;
  const dispatch = () => {
    running ??= (async () => {
      try {
        const { held } = await drainOutbox({ ctx, mailer, settings, batch, isBusy });
        if (held) console.error(heldLine(held));
      } catch (err) {
        console.error("outbox dispatcher:", err);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  let delivering: Promise<void> | null = null;
  const deliver = () => {
    if (!webhooks) return Promise.resolve();
    delivering ??= (async () => {
      try {
        await drainWebhooks({ ctx, ...webhooks, isBusy });
      } catch (err) {
        console.error("webhook dispatcher:", err);
      } finally {
        delivering = null;
      }
    })();
    return delivering;
  };
  const remind = async () => {
    if (reminderLeadMs <= 0) return;
    try {
      await queueReminders({ ctx, leadMs: reminderLeadMs });
    } catch (err) {
      console.error("reminder scheduler:", err);
    }
  };
  let notifying: Promise<void> | null = null;
  const notify = () => {
    notifying ??= (async () => {
      // Each job on its own: a failing digest must not hold up the activity emails.
      for (const [name, job] of [
        ["organiser activity", queueOrganiserActivity],
        ["organiser digest", queueOrganiserDigests],
      ] as const) {
        try {
          await job({ ctx });
        } catch (err) {
          console.error(`${name}:`, err);
        }
      }
      notifying = null;
    })();
    return notifying;
  };
  let sweeping: Promise<void> | null = null;
  const sweep = () => {
    sweeping ??= (async () => {
      try {
        // The seat went on in the same write: send its offer (or confirmation) now.
        if ((await expireOffers({ ctx })).events > 0) await dispatch();
      } catch (err) {
        console.error("offer expiry:", err);
      } finally {
        sweeping = null;
      }
    })();
    return sweeping;
  };
  let retaining: Promise<void> | null = null;
  const retain = () => {
    retaining ??= (async () => {
      try {
        await applyRetention({ ctx });
      } catch (err) {
        console.error("retention:", err);
      } finally {
        retaining = null;
      }
    })();
    return retaining;
  };
  const timers = [
    setInterval(dispatch, dispatchEveryMs),
    setInterval(deliver, dispatchEveryMs),
    setInterval(sweep, sweepEveryMs),
    setInterval(remind, remindEveryMs),
    setInterval(notify, notifyEveryMs),
    setInterval(retain, retainEveryMs),
  ];
  void remind();
  void retain();
  return {
    kick: async () => {
      await Promise.all([dispatch(), deliver()]);
    },
    async stop() {
      timers.forEach(clearInterval);
      await Promise.all([running, delivering, sweeping, notifying, retaining]);
    },
  };
}
