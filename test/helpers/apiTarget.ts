import { createClient, type Client } from "@libsql/client";
import { readdirSync } from "node:fs";
import { rmSync } from "node:fs";
import { join } from "node:path";
import createFetchClient, { type Client as FetchClient } from "openapi-fetch";
import { afterAll, beforeAll } from "vitest";
import { sha256Hex } from "../../src/lib/secrets";
import type { paths } from "./api.gen";
import type { ApiResponse } from "./harness";
import { freshDatabase } from "./db";
import { startTestServer } from "./server";
import { ownWorkerd, sharedWorkerd, type Workerd } from "./workerdInstances";

export type { ApiResponse };

/** The API's own client, typed by its description (test/helpers/api.gen.ts, `npm run api:types`). */
export type ApiClient = FetchClient<paths>;

/** Headers for a typed call as another caller: a token, or none at all (null). */
export const bearer = (token: string | null) => ({ authorization: token === null ? null : `Bearer ${token}` });

export interface TargetOrg {
  id: string;
  slug: string;
  token: string;
}

export interface ApiOptions {
  /** The API token to send; null sends none. Default: the first organisation's. */
  token?: string | null;
  /** Headers added last (they win over the defaults, e.g. a different content type). */
  headers?: Record<string, string>;
}

/**
 * One running build of the service, reached over HTTP, with read access to its database.
 * The behavioural suite is written against this alone, so it runs unchanged on Node
 * (libSQL file) and in workerd (wrangler dev, local D1).
 */
export interface ApiTarget {
  runtime: "node" | "workerd";
  /** The server's base URL (also its PUBLIC_URL, so links in responses start with it). */
  url: string;
  /** Organisations made for the suite, each with its own token; orgs[0] is the default caller. */
  orgs: TargetOrg[];
  /** A JSON request to `/api/v1<path>`; a string body is sent as is (malformed JSON tests). */
  api(method: string, path: string, body?: unknown, opts?: ApiOptions): Promise<ApiResponse>;
  /**
   * The same API through openapi-fetch, typed by the description: paths, bodies and answers
   * are checked by tsc. orgs[0]'s token unless a call says otherwise (`headers: bearer(…)`).
   */
  client: ApiClient;
  /** Every API answer so far (both ways of calling), for checking them against the description. */
  answers: SeenAnswer[];
  /** Any request to the server, for non-API paths and byte-level checks. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Reads the database the server writes (read-only connection). */
  sql<T = Record<string, unknown>>(query: string, args?: (string | number | null)[]): Promise<T[]>;
  stop(): Promise<void>;
}

export interface SeenAnswer {
  method: string;
  /** The path under /api/v1, without the query. */
  path: string;
  status: number;
  /** `error.code` of a refusal. */
  code?: string;
}

/** How many organisations each target starts with. */
export const ORG_COUNT = 4;

let targetCounter = 0;

/** Organisations and tokens as rows: there is no public API that creates an organisation. */
export function seedOrganisations(): { orgs: TargetOrg[]; sql: string } {
  const run = `${process.pid}x${++targetCounter}`;
  const orgs = Array.from({ length: ORG_COUNT }, (_, i) => {
    const random = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
    return { id: `org_t${run}_${i}`, slug: `test-org-${run}-${i}`, token: `plats_${random}` };
  });
  const sql = orgs
    .map(
      (o, i) =>
        `INSERT INTO organisations (id, slug, name) VALUES ('${o.id}', '${o.slug}', 'Test org');
         INSERT INTO api_tokens (id, org_id, name, token_hash, created_at) VALUES ('tok_${o.id}_${i}', '${o.id}', 'test', '${sha256Hex(o.token)}', 0);`,
    )
    .join("\n");
  return { orgs, sql };
}

/** A read-only libSQL connection: query_only refuses any write, so a test cannot change what it checks. */
export async function readOnly(path: string): Promise<Client> {
  const client = createClient({ url: `file:${path}` });
  await client.execute("PRAGMA query_only = ON");
  await client.execute("PRAGMA busy_timeout = 5000");
  return client;
}

export function sqlReader(client: Client): ApiTarget["sql"] {
  return async <T>(query: string, args: (string | number | null)[] = []) => {
    const res = await client.execute({ sql: query, args });
    // Plain objects: libSQL's rows also carry index keys, which toEqual would compare.
    return res.rows.map((row) => Object.fromEntries(res.columns.map((c, i) => [c, row[i]]))) as T[];
  };
}

export function requester(url: string, defaultToken: () => string) {
  const fetchPath = (path: string, init?: RequestInit) => fetch(`${url}${path}`, init);
  // The API's answers are noted (t.api and t.client); t.fetch stays a plain fetch, since
  // its byte-level requests are not the API's answers.
  const answers: SeenAnswer[] = [];
  const note = async (request: Request, res: Response) => {
    const path = new URL(request.url).pathname;
    if (!path.startsWith("/api/v1/")) return;
    const seen: SeenAnswer = { method: request.method, path: path.slice("/api/v1".length), status: res.status };
    if (res.status >= 400) seen.code = ((await res.clone().json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code;
    answers.push(seen);
  };
  const api: ApiTarget["api"] = async (method, path, body, opts = {}) => {
    const headers: Record<string, string> = {};
    const auth = opts.token === undefined ? defaultToken() : opts.token;
    if (auth) headers.authorization = `Bearer ${auth}`;
    let payload: string | undefined;
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = typeof body === "string" ? body : JSON.stringify(body);
    }
    const res = await fetchPath(`/api/v1${path}`, { method, headers: { ...headers, ...opts.headers }, body: payload });
    await note(new Request(`${url}/api/v1${path}`, { method }), res);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // CSV and other non-JSON bodies stay text.
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
  // A call's own headers are merged over these; `authorization: null` (bearer(null)) removes the token.
  const noted = async (request: Request) => {
    const res = await fetch(request);
    await note(request, res);
    return res;
  };
  const client = createFetchClient<paths>({ baseUrl: `${url}/api/v1`, headers: bearer(defaultToken()), fetch: noted });
  return { api, fetch: fetchPath, client, answers };
}

/** The real Node server (`startServer`) on a fresh libSQL file with the suite's organisations; `env` on top of the test server's defaults. */
export async function nodeServerTarget(env: Record<string, string> = {}) {
  const database = await freshDatabase();
  // The server opens the file itself; the harness's own connection only seeds and goes.
  const seed = seedOrganisations();
  await database.client.executeMultiple(seed.sql);
  database.close();
  const server = await startTestServer(database.url, env);
  const reader = await readOnly(database.url.slice("file:".length));
  const target: ApiTarget = {
    runtime: "node",
    url: server.url,
    orgs: seed.orgs,
    ...requester(server.url, () => seed.orgs[0]!.token),
    sql: sqlReader(reader),
    async stop() {
      reader.close();
      await server.close();
      rmSync(database.dir, { recursive: true, force: true });
    },
  };
  return { target, server, databaseUrl: database.url };
}

/**
 * The real Node server (`startServer`, the code `npm start` runs) over HTTP on a fresh
 * libSQL file. Its background dispatcher is stopped: in workerd nothing drains the outbox
 * between requests either (no cron fires under `wrangler dev`), so outbox rows stay as
 * the request wrote them on both runtimes.
 */
export async function nodeTarget(): Promise<ApiTarget> {
  const { target, server } = await nodeServerTarget();
  await server.background.stop();
  return target;
}

/** The SQLite file miniflare keeps the local D1 database in (`<dir>/v3/d1/miniflare-D1DatabaseObject/<hash>.sqlite`). */
export function d1File(dir: string): string {
  const folder = join(dir, "v3", "d1", "miniflare-D1DatabaseObject");
  const files = readdirSync(folder).filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (files.length !== 1) throw new Error(`expected one D1 database file in ${folder}, found: ${files.join(", ")}`);
  return join(folder, files[0]!);
}

/**
 * The Workers build in workerd (local D1 with the real migrations, SIGNUP_RATE_LIMIT=0)
 * over HTTP, with organisations of its own: on the run's shared instance, or on one of its
 * own (`own`) for a suite that checks whole tables are unchanged, as the API suite does.
 */
export async function workerdTarget({ own = false }: { own?: boolean } = {}): Promise<ApiTarget> {
  return targetOn(own ? await ownWorkerd({ SIGNUP_RATE_LIMIT: "0", SIGNUP_OTHER_ADDRESS_LIMIT: "0" }) : await sharedWorkerd());
}

/** A target over a running workerd instance: the suite's organisations seeded in its D1, which is read beside it. */
export async function targetOn(w: Workerd): Promise<ApiTarget> {
  try {
    const seed = seedOrganisations();
    await w.d1(seed.sql);
    // D1 local is SQLite in WAL mode: a second process reads committed writes at once.
    const reader = await readOnly(d1File(w.dir));
    return {
      runtime: "workerd",
      url: w.url,
      orgs: seed.orgs,
      ...requester(w.url, () => seed.orgs[0]!.token),
      sql: sqlReader(reader),
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

/**
 * Starts a target before the file's tests and stops it after; the suites take the
 * returned getter, since vitest collects tests before beforeAll runs.
 */
export function useTarget(start: () => Promise<ApiTarget>): () => ApiTarget {
  let target: ApiTarget | undefined;
  beforeAll(async () => {
    target = await start();
  }, 180_000);
  afterAll(async () => {
    await target?.stop();
  });
  return () => {
    if (!target) throw new Error("the target has not started");
    return target;
  };
}
