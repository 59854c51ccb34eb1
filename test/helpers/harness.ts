import { createApp, type AppDeps } from "../../src/app";
import type { ServiceContext } from "../../src/domain/context";
import { createApiToken, createOrganisation } from "../../src/domain/organisations";
import { TestClock } from "./clock";
import { freshDatabase, type TestDatabase } from "./db";

export const PUBLIC_URL = "https://plats.test";

export interface Harness {
  database: TestDatabase;
  clock: TestClock;
  ctx: ServiceContext;
  app: ReturnType<typeof createApp>;
  orgId: string;
  token: string;
  /** A JSON request to the app; `token: null` sends no Authorization header. */
  api(method: string, path: string, body?: unknown, opts?: { token?: string | null; ip?: string }): Promise<ApiResponse>;
  /** Another organisation with its own token, for isolation tests. */
  otherOrg(): Promise<{ orgId: string; token: string }>;
  close(): void;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Tests read fields freely; the assertions are the type check.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

let orgCounter = 0;

/** A fresh database, an organisation with a token, and the app over them. */
export async function harness(deps: Partial<AppDeps> = {}): Promise<Harness> {
  const database = await freshDatabase();
  const clock = new TestClock();
  const ctx: ServiceContext = { db: database.db, now: clock.now, publicUrl: PUBLIC_URL };
  const app = createApp({
    db: database.db,
    publicUrl: PUBLIC_URL,
    now: clock.now,
    signupRateLimit: null,
    clientIp: (c) => c.req.header("x-test-ip"),
    ...deps,
  });
  const makeOrg = async () => {
    const org = await createOrganisation({ ctx, input: { slug: `org-${++orgCounter}`, name: "Test org" } });
    return { orgId: org.id, token: await createApiToken({ ctx, input: { orgId: org.id } }) };
  };
  const { orgId, token } = await makeOrg();

  const api: Harness["api"] = async (method, path, body, opts = {}) => {
    const headers: Record<string, string> = {};
    const auth = opts.token === undefined ? token : opts.token;
    if (auth) headers.authorization = `Bearer ${auth}`;
    if (opts.ip) headers["x-test-ip"] = opts.ip;
    let payload: string | undefined;
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = typeof body === "string" ? body : JSON.stringify(body);
    }
    const res = await app.request(`/api/v1${path}`, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Non-JSON bodies (CSV) stay text.
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };

  return { database, clock, ctx, app, orgId, token, api, otherOrg: makeOrg, close: () => database.destroy() };
}

/** A valid event body (18 March 2027, Karlshamn) with the given fields changed. */
export function eventBody(overrides: Record<string, unknown> = {}) {
  return {
    title: "Leankonferens Blekinge 2027",
    startsAt: "2027-03-18T08:30:00Z",
    endsAt: "2027-03-18T15:30:00Z",
    capacity: 50,
    venue: "BTH Campus Karlshamn",
    ...overrides,
  };
}

let personCounter = 0;
export const person = (overrides: Record<string, unknown> = {}) => {
  const n = ++personCounter;
  return { name: `Person ${n}`, email: `person${n}@example.se`, ...overrides };
};
