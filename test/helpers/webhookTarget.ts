import { createClient } from "@libsql/client";
import { WEBHOOK_MINUTE } from "../../src/runtime/workers/scheduled";
import { nodeServerTarget, targetOn, type ApiTarget } from "./apiTarget";
import { ownWorkerd } from "./workerdInstances";

/** What both runtimes' webhook tests run with: private receivers allowed (the test's own, on loopback), short attempts. */
export const webhookEnv = { WEBHOOK_ALLOW_PRIVATE: "true", WEBHOOK_TIMEOUT_MS: "1500", WEBHOOKS_PER_RUN: "200" };

/**
 * An API target whose dispatcher the test drives: `deliver()` runs it now (Node: the
 * background's kick; workerd: the webhooks' own Cron Trigger), and `elapse()` stands for
 * time passing: every delivery waiting for a retry becomes due (a backoff of minutes or
 * hours would otherwise be waited out for real, on a clock neither runtime lets a test move).
 */
export interface WebhookTarget extends ApiTarget {
  deliver(): Promise<void>;
  elapse(): Promise<void>;
}

const makeDue = "UPDATE webhook_deliveries SET next_attempt_at = 0 WHERE status = 'pending'";

export async function nodeWebhookTarget(): Promise<WebhookTarget> {
  const { target, server, databaseUrl } = await nodeServerTarget(webhookEnv);
  const writer = createClient({ url: databaseUrl });
  await writer.execute("PRAGMA busy_timeout = 5000");
  return {
    ...target,
    deliver: () => server.background.kick(),
    elapse: async () => void (await writer.execute(makeDue)),
    async stop() {
      writer.close();
      await target.stop();
    },
  };
}

export async function workerdWebhookTarget(): Promise<WebhookTarget> {
  const w = await ownWorkerd({ SIGNUP_RATE_LIMIT: "0", SIGNUP_OTHER_ADDRESS_LIMIT: "0", ...webhookEnv });
  const target = await targetOn(w);
  return {
    ...target,
    deliver: async () => {
      const { outcome } = await w.scheduled(WEBHOOK_MINUTE);
      if (outcome !== "ok") throw new Error(`the cron run ended ${outcome}`);
    },
    elapse: async () => void (await w.d1(makeDue)),
  };
}
