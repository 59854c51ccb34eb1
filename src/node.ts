import { serve, type ServerType } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { pathToFileURL } from "node:url";
import { createApp } from "./app";
import { forClient } from "./http/middleware";
import { memoryPageStore } from "./runtime/node/pageStore";
import { ConfigError, otherAddressLimit, readConfig, signupRateLimit, turnstileFor, type Config } from "./config";
import type { AppContext } from "./http/env";
import { migrateDatabase, openDatabase } from "./runtime/node/database";
import { serviceContext } from "./domain/context";
import { isEmpty, seedDemo } from "./domain/demo";
import { mintLoginLink } from "./domain/accounts";
import { startBackground, type Background } from "./runtime/node/background";
import { mailerFor } from "./runtime/node/mailers";
import { xlsxWorker } from "./runtime/node/xlsxWorker";
import { nodeWebhookFetcher } from "./runtime/node/webhookFetch";

export interface RunningServer {
  server: ServerType;
  port: number;
  background: Background;
  close(): Promise<void>;
}

// The demo owner's first sign-in link: a day to get round to it.
const DEMO_LINK_TTL_MS = 24 * 3_600_000;

/** Above this many requests a second, the dispatcher only trickles. */
const CROWD_PER_SECOND = 50;

function clientIp(config: Config) {
  return (c: AppContext) => {
    if (config.TRUST_PROXY) {
      // Our proxy appends the address it saw; anything to the left came from the client.
      const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    return getConnInfo(c).remote.address;
  };
}

/** Opens and migrates the database, seeds the demo on an empty one, and serves. */
export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  const database = await openDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  await migrateDatabase(database.db);
  const ctx = serviceContext({ db: database.db, publicUrl: config.PUBLIC_URL, allowPrivateWebhooks: config.WEBHOOK_ALLOW_PRIVATE });
  if (config.DEMO && (await isEmpty(ctx))) {
    const demo = await seedDemo({ ctx });
    log(`Created the demo organisation "${demo.org.name}" (${demo.org.slug}).`);
    log(`Organiser API token (shown once): ${demo.token}`);
    for (const e of demo.events) log(`  ${e.title}: ${e.url}  (API: ${config.PUBLIC_URL}/api/v1/events/${e.id})`);
    const link = await mintLoginLink(ctx, demo.owner.id, DEMO_LINK_TTL_MS);
    log(`Workspace: sign in as ${demo.owner.email} within 24 hours with ${config.PUBLIC_URL}/admin/login/link/${link}`);
  }
  // XLSX files are read and zipped in a worker thread, away from the signups' event loop.
  const xlsx = xlsxWorker({ database: { url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN } });
  const app = createApp({
    db: database.db,
    publicUrl: config.PUBLIC_URL,
    signupRateLimit: signupRateLimit(config),
    otherAddressLimit: otherAddressLimit(config),
    clientIp: clientIp(config),
    turnstile: turnstileFor(config),
    pages: { store: memoryPageStore(), freshMs: config.PAGE_CACHE_MS },
    buildXlsx: xlsx.build,
    allowPrivateWebhooks: config.WEBHOOK_ALLOW_PRIVATE,
  });
  // While people are arriving in numbers, email waits (see startBackground).
  let arrivals = 0;
  let lookedAt = performance.now();
  const crowded = () => {
    const now = performance.now();
    const perSecond = (arrivals * 1000) / Math.max(now - lookedAt, 1);
    arrivals = 0;
    lookedAt = now;
    return perSecond > CROWD_PER_SECOND;
  };
  // The Node bindings must reach the app: getConnInfo reads the socket from them.
  const fetch = async (request: Request, env?: unknown) => {
    arrivals++;
    // Node's dispatcher runs on its timer: the note for the Worker's kick is not needed.
    return forClient(await app.fetch(request, env));
  };
  const mailer = mailerFor(config);
  const background = startBackground({
    ctx,
    mailer,
    settings: { from: config.MAIL_FROM },
    reminderLeadMs: config.REMINDER_HOURS * 3_600_000,
    isBusy: crowded,
    webhooks: { fetcher: nodeWebhookFetcher({ allowPrivate: config.WEBHOOK_ALLOW_PRIVATE }), timeoutMs: config.WEBHOOK_TIMEOUT_MS },
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  log(`Plats is listening on ${config.PUBLIC_URL} (port ${port}, database ${config.DATABASE_URL}).`);
  log(config.SMTP_URL ? "Sending mail over SMTP." : `No SMTP_URL: messages are written to ${config.MAIL_DIR} as .eml files.`);
  return {
    server,
    port,
    background,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await background.stop();
      mailer.close();
      await xlsx.close();
      database.close();
    },
  };
}

async function main() {
  try {
    const running = await startServer(readConfig(process.env));
    const stop = () => void running.close().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
