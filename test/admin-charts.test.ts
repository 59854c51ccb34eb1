import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signupCurve } from "../src/domain/attendees";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody, person } from "./helpers/harness";

// The pictures of the workspace: an event's signups over time against its capacity, and
// the dashboard's fill rates. Each is SVG from the server with its numbers as a table.
let h: AdminHarness;
let organiser: SignedIn;
beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
});
afterAll(() => h.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A signup at a moment of the harness clock's choosing. */
async function signUpAt(eventId: string, at: number, overrides: Record<string, unknown> = {}) {
  h.clock.set(new Date(at));
  const res = await h.api("POST", `/events/${eventId}/registrations`, person(overrides), { token: null });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string; manageUrl: string };
}

describe("signups over time", () => {
  it("sums those confirmed and waiting now by the day they signed up, on the event's calendar, every day drawn", async () => {
    const start = h.clock.now().getTime();
    const ev = (await h.api("POST", "/events", eventBody({ title: "Lean-kurs <3>", capacity: 2 }))).body;
    // 23:30 UTC is already the next day in Stockholm (00:30, winter time).
    const day0 = Date.parse("2026-11-21T23:30:00Z");
    await signUpAt(ev.id, start);
    await signUpAt(ev.id, day0);
    await signUpAt(ev.id, day0 + 10 * 60_000);
    const gone = await signUpAt(ev.id, day0 + 2 * DAY);
    h.clock.set(new Date(day0 + 3 * DAY));
    expect((await h.api("POST", `/manage/${gone.manageUrl.split("/r/")[1]}/cancel`, undefined, { token: null })).status).toBe(200);

    const curve = await signupCurve({ ctx: h.ctx, input: { orgId: h.orgId, eventId: ev.id } });
    expect(curve.days).toEqual(["2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25"]);
    expect(curve.confirmed).toEqual([1, 2, 2, 2, 2]);
    expect(curve.waitlisted).toEqual([0, 1, 1, 1, 1]);

    // Signed in now, days after the others' sessions began.
    const page = await (await h.signedIn("organiser")).request(`/admin/events/${ev.id}/signups`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<svg class="chart"[^>]*role="img" aria-labelledby="signups-title signups-desc"/);
    expect(page.text).toContain('<title id="signups-title">Signups to Lean-kurs &lt;3&gt;</title>');
    expect(page.text).toContain("2 confirmed of 2 seats and 1 waitlisted");
    expect(page.text).toContain("Capacity (2)");
    expect(page.text).toContain('<line class="level"');
    expect(page.text).toMatch(/<th scope="row">2026-11-22<\/th><td class="num">2<\/td><td class="num">1<\/td>/);
    h.clock.set(new Date(start));
  });

  it("says so when nobody has signed up, and keeps to the organisation and its members", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ title: "Tomt" }))).body;
    expect((await organiser.request(`/admin/events/${ev.id}`)).text).toContain(`href="/admin/events/${ev.id}/signups"`);
    const page = await organiser.request(`/admin/events/${ev.id}/signups`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Nobody has signed up yet.");
    expect(page.text).not.toContain("<svg");
    const other = await h.otherOrg();
    const theirs = (await h.api("POST", "/events", eventBody(), { token: other.token })).body.id;
    expect((await organiser.request(`/admin/events/${theirs}/signups`)).status).toBe(404);
    expect((await organiser.request("/admin/events/evt_nope/signups")).status).toBe(404);
    expect((await (await h.signedIn("checkin")).request(`/admin/events/${ev.id}/signups`)).status).toBe(403);
  });

  it("reads a row per quarter hour with signups, not per person", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ title: "Frukost", capacity: 500 }))).body;
    await h.database.db.run(sql`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
      INSERT INTO registrations (id, event_id, name, email, email_key, language, answers, status, created_at, confirmed_at)
      SELECT 'reg_bulk' || i, ${ev.id}, 'P' || i, 'p' || i || '@x.se', 'p' || i || '@x.se', 'sv', '{}', 'confirmed',
             ${h.clock.now().getTime()} + i * 1000, ${h.clock.now().getTime()} FROM n`);
    const curve = await signupCurve({ ctx: h.ctx, input: { orgId: h.orgId, eventId: ev.id } });
    expect(curve.confirmed.at(-1)).toBe(400);
    expect(curve.days).toHaveLength(1);
  });
});

describe("the dashboard's fill rates", () => {
  it("draws how full each event now and to come is, with the numbers", async () => {
    const page = await organiser.request("/admin");
    expect(page.text).toMatch(/<svg class="chart"[^>]*aria-labelledby="fill-rates-title fill-rates-desc"/);
    expect(page.text).toContain("<title>Lean-kurs &lt;3&gt;, Seats filled: 100%</title>");
    expect(page.text).toMatch(/<th scope="row">Lean-kurs &lt;3&gt;<\/th><td class="num">100<\/td>/);
  });
});
