import type { D1Database, ExportedHandler } from "@cloudflare/workers-types";
import { drizzle } from "drizzle-orm/d1";
import { createApp, type App } from "./app";
import { readConfig, signupRateLimit } from "./config";
import type { Db } from "./db/client";
import * as schema from "./db/schema";

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
  // drizzle's D1 and libSQL databases build the same SQLite queries and both batch
  // atomically; services use the libSQL type for both (see src/db/client.ts).
  const db = drizzle(env.DB, { schema }) as unknown as Db;
  app = createApp({
    db,
    publicUrl: config.PUBLIC_URL,
    signupRateLimit: signupRateLimit(config),
    clientIp: (c) => c.req.header("cf-connecting-ip"),
  });
  return app;
}

export default {
  fetch(request, env) {
    return appFor(env).fetch(request as unknown as Request, env) as never;
  },
} satisfies ExportedHandler<WorkerEnv>;
