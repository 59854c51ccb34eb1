import { inject } from "vitest";
import type { WorkerSpec } from "../setup/workerdHost";

// The workerd instances of the test run, served by the workerd project's globalSetup
// (test/setup/workerd.ts). test/helpers/workerd.ts still starts a real `wrangler dev`
// process, for the benchmark.

export interface Workerd {
  url: string;
  /** The state folder (the local D1 database's SQLite file is below it). */
  dir: string;
  /** Runs SQL against the worker's own D1 binding (split as `wrangler d1 execute` splits it); the rows of the last statement. */
  d1(sql: string): Promise<unknown[]>;
  /** Fires a Cron Trigger, as Cloudflare would on schedule. */
  scheduled(cron: string): Promise<{ outcome: string }>;
  stop(): Promise<void>;
}

/** A request to the run's workerd host (test/setup/workerd.ts, in vitest's own process). */
async function host<T>(path: string, body: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${inject("workerdHost")}${path}`, { method: "POST", body: JSON.stringify(body) });
  const answer = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`workerd host ${path}: ${answer.error}`);
  return answer;
}

function client({ id, url, dir }: { id: string; url: string; dir: string }): Workerd {
  return {
    url,
    dir,
    d1: async (sql) => (await host<{ rows: unknown[] }>("/d1", { id, sql })).rows,
    scheduled: (cron) => host("/scheduled", { id, cron }),
    stop: () => host("/stop", { id }),
  };
}

/**
 * The run's shared Workers build in workerd: wrangler.toml as it ships, SIGNUP_RATE_LIMIT=0 and SIGNUP_OTHER_ADDRESS_LIMIT=0,
 * a local D1 with the real migrations. Every file shares it, so each makes its own
 * organisations, events and slugs; `stop()` leaves it running for the others.
 */
export async function sharedWorkerd(): Promise<Workerd> {
  return client(await host("/shared"));
}

/**
 * A workerd instance of this file's own, for a configuration the shared one lacks:
 * `vars` on top of wrangler.toml's, `extraConfig` TOML appended to it, `tmpdir` for the
 * simulated bindings' files, `port` fixed in advance, or `wranglerSql`: a database made
 * by the real `wrangler d1 migrations apply` and `wrangler d1 execute --file` first.
 */
export async function ownWorkerd(vars: Record<string, string> = {}, spec: Omit<WorkerSpec, "vars" | "dir"> & { wranglerSql?: string } = {}): Promise<Workerd> {
  return client(await host("/start", { ...spec, vars }));
}
