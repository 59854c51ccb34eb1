import { createClient } from "@libsql/client";
import { rmSync } from "node:fs";
import { d1File, readOnly, requester, seedOrganisations, sqlReader, type ApiTarget } from "./apiTarget";
import { freshDatabase } from "./db";
import { startTestServer } from "./server";
import { ownWorkerd } from "./workerdInstances";
import { WEBHOOK_MINUTE } from "../../src/runtime/workers/scheduled";

/** What both runtimes' webhook tests run with: private receivers allowed (the test's own, on loopback), short attempts. */
export const webhookEnv = { WEBHOOK_ALLOW_PRIVATE: "true", WEBHOOK_TIMEOUT_MS: "1500", WEBHOOKS_PER_RUN: "200" };

/**
 * An API target whose dispatcher the test drives: `deliver()` runs it now (Node: the
 * background's kick; workerd: the webhooks' own Cron Trigger), and `elapse()` stands for time
 * passing: every delivery waiting for a retry becomes due (a backoff of minutes or hours
 * would otherwise be waited out for real, on a clock neither runtime lets a test move).
 */
export interface WebhookTarget extends ApiTarget {
  deliver(): Promise<void>;
  elapse(): Promise<void>;
}

const makeDue = "UPDATE webhook_deliveries SET next_attempt_at = 0 WHERE status = 'pending'";

export async function nodeWebhookTarget(): Promise<WebhookTarget> {
  const database = await freshDatabase();
  const seed = seedOrganisations();
  await database.client.executeMultiple(seed.sql);
  database.close();
  const server = await startTestServer(database.url, webhookEnv);
  const path = database.url.slice("file:".length);
  const reader = await readOnly(path);
  const writer = createClient({ url: database.url });
  await writer.execute("PRAGMA busy_timeout = 5000");
  return {
    runtime: "node",
    url: server.url,
    orgs: seed.orgs,
    ...requester(server.url, () => seed.orgs[0]!.token),
    sql: sqlReader(reader),
    deliver: () => server.background.kick(),
    elapse: async () => void (await writer.execute(makeDue)),
    async stop() {
      reader.close();
      writer.close();
      await server.close();
      rmSync(database.dir, { recursive: true, force: true });
    },
  };
}

export async function workerdWebhookTarget(): Promise<WebhookTarget> {
  const w = await ownWorkerd({ SIGNUP_RATE_LIMIT: "0", SIGNUP_OTHER_ADDRESS_LIMIT: "0", ...webhookEnv });
  try {
    const seed = seedOrganisations();
    await w.d1(seed.sql);
    const reader = await readOnly(d1File(w.dir));
    return {
      runtime: "workerd",
      url: w.url,
      orgs: seed.orgs,
      ...requester(w.url, () => seed.orgs[0]!.token),
      sql: sqlReader(reader),
      deliver: async () => {
        const { outcome } = await w.scheduled(WEBHOOK_MINUTE);
        if (outcome !== "ok") throw new Error(`the cron run ended ${outcome}`);
      },
      elapse: async () => void (await w.d1(makeDue)),
      async stop() {
        reader.close();
        await w.stop();
      },
    };
  } catch (err) {
    await w.stop();
    throw err;
  }
}
