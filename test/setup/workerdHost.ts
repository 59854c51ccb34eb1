import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { Miniflare } from "miniflare";
import { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from "wrangler";
import { freePort, projectRoot } from "../helpers/server";

/** The worker's D1, reached through the helper worker beside it (see HELPER_WORKER). */
export interface D1Access {
  /** Runs the statements as one D1 batch; the rows of the last. */
  batch(statements: string[]): Promise<unknown[]>;
}

/**
 * The Workers build in workerd, run through Miniflare's API (what `wrangler dev` runs
 * underneath) in this one process: the bundle `wrangler deploy --dry-run` makes (the very
 * code a deploy uploads) with the bindings wrangler derives from wrangler.toml. Miniflare
 * holds the local D1 itself and hands us its binding, so seeding and reading go through
 * D1 in the same process that serves the worker: no `wrangler d1 execute` per seed, and no
 * second process writing the SQLite file under workerd's feet (that gave SQLITE_BUSY).
 */

const wranglerBin = join(projectRoot, "node_modules", "wrangler", "bin", "wrangler.js");
const wranglerEnv = (dir: string) => ({ ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", WRANGLER_LOG_PATH: join(dir, "logs") });

/** Runs wrangler in a child process without blocking this one (vitest's own process). */
export function wrangler(args: string[], dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin, ...args], { cwd: projectRoot, env: wranglerEnv(dir), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`wrangler ${args.join(" ")} failed (${code}):\n${out}`))));
  });
}

/** The Worker as a deploy would upload it, in a temporary folder. */
export async function bundleWorker(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "plats-worker-bundle-"));
  await wrangler(["deploy", "--dry-run", "--outdir", dir], dir);
  return dir;
}

/** The real migrations/ folder applied in order, each file as one batch of wrangler's own statement split. */
export async function applyMigrations(db: D1Access) {
  const folder = join(projectRoot, "migrations");
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".sql")).sort()) await db.batch(unstable_splitSqlQuery(readFileSync(join(folder, file), "utf8")));
}

/** SQL as `wrangler d1 execute --command` runs it (split, one batch); the rows of the last statement. */
export async function executeSql(db: D1Access, sql: string): Promise<unknown[]> {
  const statements = unstable_splitSqlQuery(sql);
  return statements.length === 0 ? [] : db.batch(statements);
}

export interface WorkerSpec {
  /** Variables on top of wrangler.toml's [vars] (as `wrangler dev --var`). */
  vars?: Record<string, string>;
  /** TOML appended to wrangler.toml, e.g. a binding a deployment would uncomment. */
  extraConfig?: string;
  /** A state folder prepared beforehand (already migrated); otherwise a fresh one, migrated here. */
  dir?: string;
  /** The port to listen on (when PUBLIC_URL had to be known first); otherwise a free one. */
  port?: number;
  /** TMPDIR for Miniflare's simulated bindings (send_email keeps each message as a file there). */
  tmpdir?: string;
  /** Count D1 round trips (see COUNTING_ENTRY). */
  countD1?: boolean;
}

/**
 * An entry module around the bundle that counts the Worker's D1 round trips: each
 * statement run alone and each batch is one. A response says how many its request made
 * (`x-d1-round-trips`); `GET /__d1-round-trips` answers all since the last time it was
 * asked, including work after responses (waitUntil). Plain JavaScript beside worker.js,
 * so the bundle under test stays the one a deploy uploads.
 */
const COUNTING_ENTRY = `
import plats from "./worker.js";
let trips = 0;
const real = new WeakMap();
const passOn = (t, k) => { const v = Reflect.get(t, k); return typeof v === "function" ? v.bind(t) : v; };
function statement(s) {
  const p = new Proxy(s, { get(t, k) {
    if (k === "bind") return (...a) => statement(t.bind(...a));
    if (k === "all" || k === "run" || k === "raw" || k === "first") return (...a) => { trips++; return t[k](...a); };
    return passOn(t, k);
  } });
  real.set(p, s);
  return p;
}
let counted;
const counting = (db) => (counted ??= new Proxy(db, { get(t, k) {
  if (k === "prepare") return (q) => statement(t.prepare(q));
  if (k === "batch") return (list) => { trips++; return t.batch(list.map((s) => real.get(s) ?? s)); };
  if (k === "exec") return (q) => { trips++; return t.exec(q); };
  return passOn(t, k);
} }));
export default {
  async fetch(request, env, ctx) {
    if (new URL(request.url).pathname === "/__d1-round-trips") { const n = trips; trips = 0; return Response.json({ trips: n }); }
    const before = trips;
    const res = await plats.fetch(request, { ...env, DB: counting(env.DB) }, ctx);
    const out = new Response(res.body, res);
    out.headers.set("x-d1-round-trips", String(trips - before));
    return out;
  },
  scheduled: (controller, env, ctx) => plats.scheduled(controller, { ...env, DB: counting(env.DB) }, ctx),
};
`;

/**
 * A second worker in the same workerd, bound to the same D1 database: the harness seeds
 * and reads through plain HTTP requests to it (and fires Cron Triggers through Miniflare's
 * /cdn-cgi/handler/scheduled, as `wrangler dev --test-scheduled` does). Not Miniflare's
 * getD1Database()/getWorker() proxies: their synchronous calls block on
 * Atomics.wait, and the helper thread's store-then-notify lets a late notify of one call
 * wake the next before its answer exists ("false == true" in fetch-sync), after which
 * every later call of that instance reads the wrong answer.
 */
const HELPER_WORKER = `
export default {
  async fetch(request, env) {
    try {
      const { statements } = await request.json();
      const results = await env.DB.batch(statements.map((s) => env.DB.prepare(s)));
      return Response.json({ rows: results.at(-1)?.results ?? [] });
    } catch (err) {
      return Response.json({ error: String(err?.stack ?? err) }, { status: 500 });
    }
  },
};
`;
const HELPER = "plats-test-helper";

export interface HostedWorker {
  url: string;
  /** The state folder: the local D1 database is below it, as `wrangler dev --persist-to` keeps it. */
  dir: string;
  db: D1Access;
  scheduled(cron: string): Promise<{ outcome: string }>;
  stop(): Promise<void>;
}

/** wrangler.toml with its paths made absolute, plus `extra`, in a temporary folder. */
function configWith(extra: string): string {
  const shipped = readFileSync(join(projectRoot, "wrangler.toml"), "utf8");
  const absolute = shipped
    .replace(/^main = "(.*)"$/m, (_, p: string) => `main = ${JSON.stringify(join(projectRoot, p))}`)
    .replace(/^migrations_dir = "(.*)"$/m, (_, p: string) => `migrations_dir = ${JSON.stringify(join(projectRoot, p))}`);
  const file = join(mkdtempSync(join(tmpdir(), "plats-wrangler-")), "wrangler.toml");
  writeFileSync(file, `${absolute}\n${extra}\n`);
  return file;
}

/** Starts one worker from the bundle. */
export async function startWorker(bundleDir: string, spec: WorkerSpec = {}): Promise<HostedWorker> {
  // The free port is found before workerd binds it, so another process can take it in
  // between (ERR_ADDRESS_IN_USE): then try again on another one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startWorkerOnce(bundleDir, spec);
    } catch (err) {
      const taken = /ERR_ADDRESS_IN_USE|Address already in use/.test(`${(err as { code?: string }).code ?? ""} ${String(err)}`);
      if (!taken || spec.port !== undefined || attempt >= 3) throw err;
    }
  }
}

async function startWorkerOnce(bundleDir: string, spec: WorkerSpec): Promise<HostedWorker> {
  const config = spec.extraConfig ? configWith(spec.extraConfig) : join(projectRoot, "wrangler.toml");
  const { workerOptions } = unstable_getMiniflareWorkerOptions(config);
  const dir = spec.dir ?? mkdtempSync(join(tmpdir(), "plats-workerd-"));
  const port = spec.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const quiet = !process.env.WORKERD_LOG;
  const previousTmp = process.env.TMPDIR;
  // Miniflare picks its folder for simulated bindings' files in its constructor, from TMPDIR.
  if (spec.tmpdir) process.env.TMPDIR = spec.tmpdir;
  let mf: Miniflare;
  try {
    mf = new Miniflare({
      d1Persist: join(dir, "v3", "d1"),
      host: "127.0.0.1",
      port,
      // No network: Request.cf is not fetched from Cloudflare.
      cf: false,
      unsafeTriggerHandlers: true,
      ...(quiet ? { handleRuntimeStdio: (stdout: Readable, stderr: Readable) => (stdout.resume(), stderr.resume()) } : {}),
      // The first worker answers every request that does not name another (MF-Route-Override).
      workers: [
        {
          ...(workerOptions as object),
          name: "plats",
          modules: [
            ...(spec.countD1 ? [{ type: "ESModule", path: join(bundleDir, "counting.js"), contents: COUNTING_ENTRY }] : []),
            { type: "ESModule", path: join(bundleDir, "worker.js") },
          ],
          modulesRoot: bundleDir,
          // Pages checked on every view unless a test asks otherwise: a test that signs up and
          // then looks must see its own signup.
          bindings: { ...workerOptions.bindings, PUBLIC_URL: url, PAGE_CACHE_MS: "0", ...spec.vars },
        },
        {
          name: HELPER,
          compatibilityDate: workerOptions.compatibilityDate,
          modules: [{ type: "ESModule", path: join(bundleDir, "helper.js"), contents: HELPER_WORKER }],
          modulesRoot: bundleDir,
          d1Databases: workerOptions.d1Databases,
        },
      ],
    } as ConstructorParameters<typeof Miniflare>[0]);
  } finally {
    if (spec.tmpdir) {
      if (previousTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmp;
    }
  }
  try {
    await mf.ready;
    const helper = async <T>(body: object): Promise<T> => {
      const res = await mf.dispatchFetch(url, { method: "POST", headers: { "MF-Route-Override": HELPER }, body: JSON.stringify(body) });
      const answer = (await res.json()) as T & { error?: string };
      if (!res.ok) throw new Error(answer.error);
      return answer;
    };
    const db: D1Access = { batch: async (statements) => (await helper<{ rows: unknown[] }>({ statements })).rows };
    if (!spec.dir) await applyMigrations(db);
    return {
      url,
      dir,
      db,
      async scheduled(cron) {
        const res = await mf.dispatchFetch(`${url}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(cron)}`);
        return { outcome: await res.text() };
      },
      async stop() {
        await mf.dispose();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await mf.dispose();
    if (!spec.dir) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * A state folder made the way an operator makes a new D1 database's first rows: the real
 * `wrangler d1 migrations apply`, then `wrangler d1 execute --file` with `sql`.
 */
export async function stateFromWrangler(sql: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "plats-workerd-"));
  const file = join(dir, "first.sql");
  writeFileSync(file, sql);
  await wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", dir], dir);
  await wrangler(["d1", "execute", "DB", "--local", "--persist-to", dir, "--file", file], dir);
  return dir;
}
