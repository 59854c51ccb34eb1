import type { D1Database, ExportedHandler } from "@cloudflare/workers-types";
import { createApp, type App } from "./app";
import { readConfig, signupRateLimit, turnstileFor } from "./config";
import { drizzleD1 } from "./db/d1";

export interface WorkerEnv {
  DB: D1Database;
  [name: string]: unknown;
}

// Built on the first request: workerd forbids timers and I/O at import time, and an
// isolate serves many requests, so the app is made once per isolate.
let app: App | undefined;

function appFor(env: WorkerEnv): App {
  if (app) return app;
  const config = readConfig(env);
  app = createApp({
    db: drizzleD1(env.DB),
    publicUrl: config.PUBLIC_URL,
    signupRateLimit: signupRateLimit(config),
    clientIp: (c) => c.req.header("cf-connecting-ip"),
    turnstile: turnstileFor(config),
  });
  return app;
}

export default {
  fetch(request, env) {
    return appFor(env).fetch(request as unknown as Request, env) as never;
  },
} satisfies ExportedHandler<WorkerEnv>;
