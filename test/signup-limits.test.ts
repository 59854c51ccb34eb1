import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseBudget } from "../src/domain/limits";
import { memoryBudget } from "../src/http/signupLimits";
import { HOUR } from "./helpers/clock";
import { PUBLIC_URL, eventBody, harness, person, type Harness } from "./helpers/harness";

// The signup limits count people and other people's inboxes, not form posts: a group of
// six spends six, on the web form and the API alike, from one budget per client address.
let events = 0;
const newEvent = async (on: Harness, overrides: Record<string, unknown> = {}) => {
  const res = await on.api("POST", "/events", eventBody({ slug: `limits-${++events}`, capacity: 100, groupLimit: 10, ...overrides }));
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string };
};

let people = 0;
/** A form with the submitter and `size - 1` colleagues, each at their own address. */
const groupForm = (size: number) => {
  const fields: Record<string, string> = {};
  for (let i = 0; i < size; i++) {
    const n = ++people;
    fields[i === 0 ? "firstName" : `attendees.${i}.firstName`] = "Person";
    fields[i === 0 ? "lastName" : `attendees.${i}.lastName`] = `${n}`;
    fields[i === 0 ? "email" : `attendees.${i}.email`] = `limits${n}@example.se`;
  }
  return fields;
};
const post = (on: Harness, slug: string, fields: Record<string, string>, ip: string) =>
  on.app.request(`/e/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: PUBLIC_URL, "x-test-ip": ip },
    body: new URLSearchParams(fields).toString(),
  });
const count = async (on: Harness, eventId: string) =>
  (await on.database.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM registrations WHERE event_id = ${eventId}`))[0]!.n;
const outboxCount = async (on: Harness) => (await on.database.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM outbox`))[0]!.n;

describe("the people limit", () => {
  it("counts a group by its people: with ten a minute, six pass, six more are refused and write nothing", async () => {
    const h = await harness({ signupRateLimit: { limit: 10, windowMs: 60_000 } });
    try {
      const ev = await newEvent(h);
      expect((await post(h, ev.slug, groupForm(6), "198.51.100.10")).status).toBe(303);
      const mails = await outboxCount(h);
      const refused = await post(h, ev.slug, groupForm(6), "198.51.100.10");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.text()).toContain("<h1>För många försök</h1>");
      expect(await count(h, ev.id)).toBe(6);
      expect(await outboxCount(h)).toBe(mails);

      // The refused group spent nothing: the four left go to the API, one at a time.
      const api = () => h.api("POST", `/events/${ev.id}/registrations`, person(), { token: null, ip: "198.51.100.10" });
      for (let i = 0; i < 4; i++) expect((await api()).status).toBe(201);
      const viaApi = await api();
      expect(viaApi.status).toBe(429);
      expect(viaApi.body.error.code).toBe("rate_limited");
      expect(Number(viaApi.headers.get("retry-after"))).toBeGreaterThan(0);
      // Another address has its own ten.
      expect((await post(h, ev.slug, groupForm(10), "198.51.100.11")).status).toBe(303);
      expect(await count(h, ev.id)).toBe(20);
    } finally {
      h.close();
    }
  });

  it("spends the API's and the form's signups from one budget, and nothing for a form that is refused as invalid", async () => {
    const h = await harness({ signupRateLimit: { limit: 5, windowMs: 60_000 } });
    try {
      const ev = await newEvent(h);
      for (let i = 0; i < 3; i++) expect((await h.api("POST", `/events/${ev.id}/registrations`, person(), { token: null, ip: "198.51.100.20" })).status).toBe(201);
      // A bad address and a bad body: clear errors, nothing spent.
      const bad = { ...groupForm(2), "attendees.1.email": "not an address" };
      expect((await post(h, ev.slug, bad, "198.51.100.20")).status).toBe(400);
      const badApi = await h.api("POST", `/events/${ev.id}/registrations`, { name: "X" }, { token: null, ip: "198.51.100.20" });
      expect(badApi.status).toBe(400);
      expect((await post(h, ev.slug, groupForm(3), "198.51.100.20")).status).toBe(429);
      expect((await post(h, ev.slug, groupForm(2), "198.51.100.20")).status).toBe(303);
      expect((await h.api("POST", `/events/${ev.id}/registrations`, person(), { token: null, ip: "198.51.100.20" })).status).toBe(429);
      expect(await count(h, ev.id)).toBe(5);
    } finally {
      h.close();
    }
  });
});

describe("the limit on other people's addresses", () => {
  it("refuses a group whose colleagues would pass the hourly limit, with a page of its own, and lets people sign up themselves", async () => {
    const h = await harness({ otherAddressLimit: { limit: 4, windowMs: HOUR } });
    try {
      const ev = await newEvent(h);
      const ip = "198.51.100.30";
      expect((await post(h, ev.slug, groupForm(3), ip)).status).toBe(303);
      expect((await post(h, ev.slug, groupForm(3), ip)).status).toBe(303);
      const mails = await outboxCount(h);
      const refused = await post(h, ev.slug, groupForm(2), ip);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBe(3600);
      const page = await refused.text();
      expect(page).toContain("<h1>För många försök</h1>");
      expect(page).toContain("Du har anmält många kollegor på kort tid.");
      const english = await h.app.request(`/e/${ev.slug}?lang=en`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: PUBLIC_URL, "x-test-ip": ip },
        body: new URLSearchParams(groupForm(2)).toString(),
      });
      expect(await english.text()).toContain("You have signed up many colleagues in a short time.");
      expect(await count(h, ev.id)).toBe(6);
      expect(await outboxCount(h)).toBe(mails);

      // Signing oneself up sends no one else an email: the form alone and the API still work.
      expect((await post(h, ev.slug, groupForm(1), ip)).status).toBe(303);
      expect((await h.api("POST", `/events/${ev.id}/registrations`, person(), { token: null, ip })).status).toBe(201);
      // Another address has its own budget; the hour passes and this one's comes back.
      expect((await post(h, ev.slug, groupForm(5), "198.51.100.31")).status).toBe(303);
      h.clock.advance(HOUR);
      expect((await post(h, ev.slug, groupForm(5), ip)).status).toBe(303);
      expect(await count(h, ev.id)).toBe(18);
      // Client addresses are not kept readable.
      const keys = await h.database.db.all<{ key: string }>(sql`SELECT key FROM rate_budgets`);
      expect(keys.map((k) => k.key).join(" ")).not.toContain("198.51");
    } finally {
      h.close();
    }
  });

  it("counts charges sent all at once one after the other", async () => {
    const h = await harness();
    try {
      const budget = databaseBudget(h.ctx, "test", { limit: 10, windowMs: HOUR });
      const results = await Promise.all(Array.from({ length: 8 }, () => budget.charge("203.0.113.1", 3)));
      expect(results.filter((r) => r.ok)).toHaveLength(3);
      expect(await budget.charge("203.0.113.1", 1)).toEqual({ ok: true });
      expect(await budget.charge("203.0.113.1", 11)).toEqual({ ok: false, retryAfterSeconds: 3600 });
      expect(await budget.charge("203.0.113.1", 0)).toEqual({ ok: true });
    } finally {
      h.close();
    }
  });
});

describe("the in-memory budget", () => {
  it("takes back a charge that does not fit and says when the window ends", async () => {
    const budget = memoryBudget({ limit: 5, windowMs: 60_000 });
    expect(await budget.charge("a", 4)).toEqual({ ok: true });
    const refused = await budget.charge("a", 2);
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await budget.charge("a", 1)).toEqual({ ok: true });
    expect((await budget.charge("a", 1)).ok).toBe(false);
    expect(await budget.charge("b", 5)).toEqual({ ok: true });
  });
});
