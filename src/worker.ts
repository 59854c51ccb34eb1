import type { D1Database, ExportedHandler, RateLimit, SendEmail } from "@cloudflare/workers-types";
import { createApp, type App } from "./app";
import { otherAddressLimit, readConfig, signupRateLimit, turnstileFor } from "./config";
import type { AppContext } from "./http/env";
import { forClient, MAIL_QUEUED_HEADER } from "./http/middleware";
import { serviceContext } from "./domain/context";
import { workerDatabase } from "./runtime/workers/database";
import { workerMailer } from "./runtime/workers/mailers";
import { bindingBudget } from "./runtime/workers/rateLimit";
import { cacheApiPageStore } from "./runtime/workers/pageStore";
import { kickOutbox, runCron, type WorkerJobs } from "./runtime/workers/scheduled";
import { workersFetcher } from "./lib/webhookPost";

export interface WorkerEnv {
  /** D1, unless DATABASE_URL names a remote libSQL database. */
  DB?: D1Database;
  /** Cloudflare Email Service (`[[send_email]]`), one of the mail transports. */
  EMAIL?: SendEmail;
  /** Cloudflare Rate Limiting (`[[ratelimits]]`) for public signups. */
  SIGNUP_LIMITER?: RateLimit;
  [name: string]: unknown;
}

interface Runtime {
  app: App;
  jobs: WorkerJobs;
}

// Built on the first request or cron run: workerd forbids timers and I/O at import time,
// and an isolate serves many invocations, so the app and its jobs are made once per isolate.
let runtime: Runtime | undefined;

function runtimeFor(env: WorkerEnv): Runtime {
  if (runtime) return runtime;
  const config = readConfig(env);
  const { db } = workerDatabase(config, env.DB);
  const { mailer } = workerMailer(config, env.EMAIL);
  if (!mailer)
    console.warn("No mail transport (set SMTP_URL, or bind EMAIL): messages wait in the outbox until one is configured.");
  const clientIp = (c: AppContext) => c.req.header("cf-connecting-ip");
  const app = createApp({
    db,
    publicUrl: config.PUBLIC_URL,
    signupRateLimit: signupRateLimit(config),
    ...(env.SIGNUP_LIMITER ? { signupBudget: bindingBudget(env.SIGNUP_LIMITER) } : {}),
    otherAddressLimit: otherAddressLimit(config),
    clientIp,
    turnstile: turnstileFor(config),
    pages: { store: cacheApiPageStore((caches as unknown as { default: Cache }).default), freshMs: config.PAGE_CACHE_MS },
    allowPrivateWebhooks: config.WEBHOOK_ALLOW_PRIVATE,
  });
  const jobs: WorkerJobs = {
    ctx: serviceContext({ db, publicUrl: config.PUBLIC_URL, allowPrivateWebhooks: config.WEBHOOK_ALLOW_PRIVATE }),
    mailer,
    settings: { from: config.MAIL_FROM },
    reminderLeadMs: config.REMINDER_HOURS * 3_600_000,
    perRun: config.OUTBOX_PER_RUN,
    webhooks: { fetcher: workersFetcher(config.WEBHOOK_ALLOW_PRIVATE), perRun: config.WEBHOOKS_PER_RUN, timeoutMs: config.WEBHOOK_TIMEOUT_MS },
  };
  runtime = { app, jobs };
  return runtime;
}

const changesState = (method: string) => method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
// A refusal (4xx) changed nothing, so it queued nothing (a repeated signup, which queues
// its manage link again, says so): no D1 round trips after it.
const succeeded = (status: number) => status < 400;

export default {
  async fetch(request, env, ctx) {
    const { app, jobs } = runtimeFor(env);
    const response = await app.fetch(request as unknown as Request, env, ctx as never);
    // What the request queued (a confirmation, a sign-in link) goes out within seconds,
    // after the response, instead of at the next cron minute.
    const queuedAnyway = response.headers.has(MAIL_QUEUED_HEADER);
    if (changesState(request.method) && (succeeded(response.status) || queuedAnyway)) ctx.waitUntil(kickOutbox(jobs));
    return forClient(response as unknown as Response) as never;
  },
  scheduled(controller, env, ctx) {
    ctx.waitUntil(runCron(runtimeFor(env).jobs, controller.cron));
  },
} satisfies ExportedHandler<WorkerEnv>;
