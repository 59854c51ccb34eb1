import { createApp, type AppDeps } from "../../src/app";
import { splitFullName } from "../../src/domain/personNames";
import type { ServiceContext } from "../../src/domain/context";
import { createApiToken, createOrganisation } from "../../src/domain/organisations";
import { CLOCK_START, eventTimes, TestClock } from "./clock";
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

/**
 * A fresh database, an organisation with a token, and the app over them. The app's clock
 * is pinned at CLOCK_START unless `clock` says otherwise (TestClock.real() when a real
 * server shares the database and decides by the real clock).
 */
export async function harness(deps: Partial<AppDeps> = {}, { clock = TestClock.pinned() }: { clock?: TestClock } = {}): Promise<Harness> {
  const database = await freshDatabase();
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

/**
 * A valid event body with the given fields changed: in Karlshamn, on the pinned clock's
 * fixture day (18 March 2027, 08:30–15:30 UTC). For an app on a TestClock.pinned().
 */
export function eventBody(overrides: Record<string, unknown> = {}) {
  return {
    title: "Leankonferens Blekinge 2027",
    ...eventTimes(CLOCK_START),
    capacity: 50,
    venue: "BTH Campus Karlshamn",
    ...overrides,
  };
}

/** The fixture event's times on the real clock, taken once, so a file's expectations match its events. */
export const liveEventTimes = eventTimes(Date.now());

/** The same event for a server on the real clock: FIXTURE_LEAD_DAYS from now, whatever the date. */
export const liveEventBody = (overrides: Record<string, unknown> = {}) => eventBody({ ...liveEventTimes, ...overrides });

let personCounter = 0;
export const person = (overrides: Record<string, unknown> = {}) => {
  const n = ++personCounter;
  return { name: `Person ${n}`, email: `person${n}@example.se`, ...overrides };
};

/**
 * Fields as the web forms take them: a full name ("name", or "attendees.1.name" for a
 * colleague) is typed into the first and last name fields, as a person would; the rest
 * stays. For the API, `name` alone is fine.
 */
export const formFields = <V>(fields: Record<string, V>): Record<string, V | string> => {
  const out: Record<string, V | string> = {};
  for (const [k, v] of Object.entries(fields)) {
    const m = /^(.*?)name$/.exec(k);
    if (m && typeof v === "string") {
      const { firstName, lastName } = splitFullName(v);
      out[`${m[1]}firstName`] = firstName;
      out[`${m[1]}lastName`] = lastName;
    } else out[k] = v;
  }
  return out;
};
