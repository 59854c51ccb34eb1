import { dispatchOutbox } from "../mail/dispatcher";
import type { MailSettings } from "../mail/compose";
import type { Mailer } from "../mail/mailer";
import { queueReminders } from "../mail/reminders";
import type { ServiceContext } from "../services/context";

export interface Background {
  /** Runs the dispatcher now (after a write, or from a test) instead of waiting. */
  kick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The in-process dispatcher and scheduler of `npm start`: sends what is due every few
 * seconds and queues reminders every minute. Runs never overlap; errors are logged and
 * the next tick tries again (the outbox keeps everything).
 */
export function startBackground({
  ctx,
  mailer,
  settings,
  reminderLeadMs,
  dispatchEveryMs = 2000,
  remindEveryMs = 60_000,
}: {
  ctx: ServiceContext;
  mailer: Mailer;
  settings: MailSettings;
  reminderLeadMs: number;
  dispatchEveryMs?: number;
  remindEveryMs?: number;
}): Background {
  let running: Promise<void> | null = null;
  const dispatch = () => {
    running ??= (async () => {
      try {
        // Drain: a flash crowd queues more than one run takes.
        for (;;) {
          const r = await dispatchOutbox({ ctx, mailer, settings });
          if (r.sent + r.failed + r.retrying + r.skipped === 0) break;
        }
      } catch (err) {
        console.error("outbox dispatcher:", err);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const remind = async () => {
    if (reminderLeadMs <= 0) return;
    try {
      await queueReminders({ ctx, leadMs: reminderLeadMs });
    } catch (err) {
      console.error("reminder scheduler:", err);
    }
  };
  const timers = [setInterval(dispatch, dispatchEveryMs), setInterval(remind, remindEveryMs)];
  void remind();
  return {
    kick: dispatch,
    async stop() {
      timers.forEach(clearInterval);
      await running;
    },
  };
}
