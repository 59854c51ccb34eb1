import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember } from "../src/domain/accounts";
import { startSession } from "../src/domain/accounts";
import { adminHarness, type AdminHarness } from "./helpers/admin";
import { TestClock } from "./helpers/clock";
import { liveEventTimes } from "./helpers/harness";
import { postJson, startTestServer } from "./helpers/server";
import { newEvent, regPath, setCapacity } from "./admin-attendees-fixture";

// Invariant 1 with an organiser in the race: promotions by hand without an override and
// public signups hit the real server at once, and the event is never overbooked.
let h: AdminHarness;
let server: Awaited<ReturnType<typeof startTestServer>>;
let cookie: string;
beforeAll(async () => {
  // The app here shares its database with the real server, which runs on the real clock.
  h = await adminHarness({}, { clock: TestClock.real() });
  server = await startTestServer(h.database.url);
  const member = await createMember({ ctx: h.ctx, input: { orgId: h.orgId, email: "racer@cluster.se", role: "organiser" } });
  // A session opened by the service (signing in is not under test here).
  cookie = `plats_admin=${await startSession(h.ctx, member.id)}`;
});
afterAll(async () => {
  await server.close();
  h.close();
});

const promote = (eventId: string, regId: string) =>
  fetch(`${server.url}${regPath(eventId, regId, "promote")}`, {
    method: "POST",
    redirect: "manual",
    // An English browser: the test reads the English page.
    headers: { origin: server.url, cookie, "content-type": "application/x-www-form-urlencoded", "accept-language": "en" },
    body: "",
  });

const signup = (eventId: string, i: number) =>
  postJson(`${server.url}/api/v1/events/${eventId}/registrations`, { name: `Racer ${i}`, email: `racer${i}-${eventId}@example.se` });

async function fill(eventId: string, n: number) {
  for (let i = 0; i < n; i++) {
    const res = await h.api("POST", `/events/${eventId}/registrations`, { name: `Early ${i}`, email: `early${i}@example.se` }, { token: null });
    expect(res.status).toBe(201);
  }
}

const counts = async (eventId: string) =>
  (
    await h.database.db.all<{ confirmed: number; waitlisted: number; over: number }>(sql`
      SELECT sum(status = 'confirmed') AS confirmed, sum(status = 'waitlisted') AS waitlisted,
             sum(over_capacity) AS over FROM registrations WHERE event_id = ${eventId}`)
  )[0]!;

const waiting = async (eventId: string) =>
  (await h.database.db.all<{ id: string }>(sql`SELECT id FROM registrations WHERE event_id = ${eventId} AND status = 'waitlisted' ORDER BY seq`)).map((r) => r.id);

describe("promoting by hand while the public signs up", () => {
  it("20 promotions for 5 free seats racing 20 signups: exactly 5 promoted, the rest asked for an override, nobody overbooked", async () => {
    const eventId = await newEvent(h, { ...liveEventTimes, capacity: 10 });
    await fill(eventId, 30);
    // Five seats free with twenty waiting: what a raised capacity after the close leaves.
    await setCapacity(h, eventId, 15);
    const queue = await waiting(eventId);
    expect(queue).toHaveLength(20);

    const [promotions, signups] = await Promise.all([
      Promise.all(queue.map((id) => promote(eventId, id))),
      Promise.all(Array.from({ length: 20 }, (_, i) => signup(eventId, i))),
    ]);
    const promoted = promotions.filter((r) => r.status === 303);
    const asked = promotions.filter((r) => r.status === 200);
    expect(promoted).toHaveLength(5);
    expect(promoted.every((r) => r.headers.get("location")!.endsWith("?notice=promoted"))).toBe(true);
    expect(asked).toHaveLength(15);
    for (const r of asked) expect(await r.text()).toContain("Seat beyond capacity?");
    // Someone was waiting all along, so no newcomer took a seat.
    expect(signups.every((r) => r.status === 201 && r.body.status === "waitlisted")).toBe(true);

    expect(await counts(eventId)).toEqual({ confirmed: 15, waitlisted: 35, over: 0 });
    const promotedEmails = await h.database.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM outbox WHERE event_id = ${eventId} AND kind = 'promoted'`,
    );
    expect(promotedEmails[0]!.n).toBe(5);
    const audits = await h.database.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'registration.promote'
      AND json_extract(detail, '$.eventId') = ${eventId}`);
    expect(audits[0]!.n).toBe(5);
  });

  it("3 promotions and 20 signups for 8 free seats: every promotion gets a seat and confirmed never passes capacity", async () => {
    const eventId = await newEvent(h, { ...liveEventTimes, capacity: 2 });
    await fill(eventId, 5);
    await setCapacity(h, eventId, 10);
    const queue = await waiting(eventId);
    expect(queue).toHaveLength(3);

    const [promotions] = await Promise.all([
      Promise.all(queue.map((id) => promote(eventId, id))),
      Promise.all(Array.from({ length: 20 }, (_, i) => signup(eventId, 100 + i))),
    ]);
    expect(promotions.map((r) => r.status)).toEqual([303, 303, 303]);
    const after = await counts(eventId);
    expect(after.confirmed).toBeGreaterThanOrEqual(5);
    expect(after.confirmed).toBeLessThanOrEqual(10);
    expect(after.over).toBe(0);
    expect(after.confirmed + after.waitlisted).toBe(25);
  });
});
