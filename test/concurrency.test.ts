import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchTextDrift, talliesDrift } from "./helpers/db";
import { createApiToken } from "../src/domain/organisations";
import { HOUR, TestClock } from "./helpers/clock";
import { harness, liveEventBody, type Harness } from "./helpers/harness";
import { postJson, spawnServer, startTestServer } from "./helpers/server";

// Invariants 1 and 2 under real concurrency: the real HTTP server over a real libSQL
// file, and a second server process writing to the same file at the same time.
let h: Harness;
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  // The app here shares its database with the real server, which runs on the real clock.
  h = await harness({}, { clock: TestClock.real() });
  server = await startTestServer(h.database.url);
});
afterAll(async () => {
  await server.close();
  h.close();
});

async function createEvent(capacity: number) {
  const res = await h.api("POST", "/events", liveEventBody({ capacity }));
  return res.body.id as string;
}

const signup = (base: string, eventId: string, i: number) =>
  postJson(`${base}/api/v1/events/${eventId}/registrations`, { name: `Deltagare ${i}`, email: `d${i}-${eventId}@example.se` });

async function statusCounts(eventId: string) {
  return h.database.db.all<{ status: string; n: number }>(
    sql`SELECT status, count(*) AS n FROM registrations WHERE event_id = ${eventId} GROUP BY status ORDER BY status`,
  );
}

/** Waitlist positions as the API reports them, in arrival order. */
async function waitlistInOrder(eventId: string) {
  const res = await h.api("GET", `/events/${eventId}/registrations?status=waitlisted&limit=1000`);
  return res.body.registrations as { id: string; position: number; email: string }[];
}

describe("a flash crowd", () => {
  it("500 concurrent signups for 50 seats: exactly 50 confirmed, 450 waitlisted at 1..450", async () => {
    const eventId = await createEvent(50);
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => signup(server.url, eventId, i)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const confirmed = results.filter((r) => r.body.status === "confirmed");
    const waitlisted = results.filter((r) => r.body.status === "waitlisted");
    expect(confirmed).toHaveLength(50);
    expect(waitlisted).toHaveLength(450);
    const positions = waitlisted.map((r) => r.body.position as number).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(500);

    expect(await statusCounts(eventId)).toEqual([
      { status: "confirmed", n: 50 },
      { status: "waitlisted", n: 450 },
    ]);
    const list = await waitlistInOrder(eventId);
    expect(list.map((r) => r.position)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    // Every response's position is the one the list shows for that person.
    const byId = new Map(list.map((r) => [r.id, r.position]));
    for (const r of waitlisted) expect(byId.get(r.body.id)).toBe(r.body.position);

    // Cancelling 10 confirmed (concurrently) promotes exactly the 10 earliest waitlisted.
    const tokens = confirmed.slice(0, 10).map((r) => r.body.manageUrl.split("/r/")[1]);
    const earliest = list.slice(0, 10).map((r) => r.id);
    const cancels = await Promise.all(tokens.map((t) => postJson(`${server.url}/api/v1/manage/${t}/cancel`, {})));
    expect(cancels.every((c) => c.status === 200 && c.body.status === "cancelled")).toBe(true);
    const confirmedNow = await h.api("GET", `/events/${eventId}/registrations?status=confirmed&limit=1000`);
    const confirmedIds = new Set(confirmedNow.body.registrations.map((r: { id: string }) => r.id));
    expect(confirmedIds.size).toBe(50);
    for (const id of earliest) expect(confirmedIds.has(id)).toBe(true);
    const rest = await waitlistInOrder(eventId);
    expect(rest.map((r) => r.position)).toEqual(Array.from({ length: 440 }, (_, i) => i + 1));
    expect(rest.map((r) => r.id)).toEqual(list.slice(10).map((r) => r.id));
    const [promotedMail] = await h.database.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM outbox WHERE event_id = ${eventId} AND kind = 'promoted'`,
    );
    expect(promotedMail!.n).toBe(10);
  });

  it("concurrent cancels and signups never exceed capacity and keep the order fair", async () => {
    const eventId = await createEvent(20);
    const first = await Promise.all(Array.from({ length: 60 }, (_, i) => signup(server.url, eventId, i)));
    const confirmedTokens = first.filter((r) => r.body.status === "confirmed").map((r) => r.body.manageUrl.split("/r/")[1]);
    const ops = [
      ...confirmedTokens.slice(0, 15).map((t) => () => postJson(`${server.url}/api/v1/manage/${t}/cancel`, {})),
      ...Array.from({ length: 40 }, (_, i) => () => signup(server.url, eventId, 1000 + i)),
    ].sort(() => Math.random() - 0.5);
    await Promise.all(ops.map((op) => op()));
    const counts = Object.fromEntries((await statusCounts(eventId)).map((r) => [r.status, r.n]));
    expect(counts).toEqual({ confirmed: 20, waitlisted: 40 + 40 - 15, cancelled: 15 });
    // Fairness: everyone confirmed arrived before everyone still waiting.
    const rows = await h.database.db.all<{ status: string; seq: number }>(
      sql`SELECT status, seq FROM registrations WHERE event_id = ${eventId} AND status <> 'cancelled' ORDER BY seq`,
    );
    const lastConfirmed = Math.max(...rows.filter((r) => r.status === "confirmed").map((r) => r.seq));
    const firstWaiting = Math.min(...rows.filter((r) => r.status === "waitlisted").map((r) => r.seq));
    expect(lastConfirmed).toBeLessThan(firstWaiting);
  });

  it("concurrent duplicates fail alone: the others in the same group commit still land", async () => {
    // Signups that arrive together share one transaction (group commit); a duplicate
    // email among them must get its 409 without undoing anyone else's signup.
    const eventId = await createEvent(5);
    const emails = Array.from({ length: 40 }, (_, i) => `dup${i % 25}-${eventId}@example.se`);
    const results = await Promise.all(
      emails.map((email, i) => postJson(`${server.url}/api/v1/events/${eventId}/registrations`, { name: `P${i}`, email })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(25);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(15);
    expect(refused.every((r) => r.status === 409 && r.body.error.code === "already_registered")).toBe(true);
    expect(await statusCounts(eventId)).toEqual([
      { status: "confirmed", n: 5 },
      { status: "waitlisted", n: 20 },
    ]);
    expect((await waitlistInOrder(eventId)).map((r) => r.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  // The second process (tsx) takes seconds to start, more on a busy machine: a longer timeout.
  it("two server processes on one database file still never overbook", async () => {
    const eventId = await createEvent(30);
    const second = await spawnServer({ DATABASE_URL: h.database.url, DEMO: "false", SIGNUP_RATE_LIMIT: "0" });
    try {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => signup(i % 2 ? second.url : server.url, eventId, i)),
      );
      expect(results.filter((r) => r.status !== 201)).toEqual([]);
      expect(await statusCounts(eventId)).toEqual([
        { status: "confirmed", n: 30 },
        { status: "waitlisted", n: 170 },
      ]);
      const list = await waitlistInOrder(eventId);
      expect(list.map((r) => r.position)).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));
    } finally {
      await second.stop();
    }
  }, 90_000);
});

describe("capacity changes", () => {
  it("raising capacity promotes at once as many as fit, earliest first", async () => {
    const eventId = await createEvent(2);
    for (let i = 0; i < 7; i++) await signup(server.url, eventId, i);
    const waiting = await waitlistInOrder(eventId);
    const res = await h.api("PATCH", `/events/${eventId}`, { capacity: 5 });
    expect(res.body).toMatchObject({ capacity: 5, confirmed: 5, waitlisted: 2, seatsLeft: 0 });
    const confirmed = await h.api("GET", `/events/${eventId}/registrations?status=confirmed&limit=1000`);
    const ids = confirmed.body.registrations.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(waiting.slice(0, 3).map((r) => r.id)));
    expect((await waitlistInOrder(eventId)).map((r) => [r.id, r.position])).toEqual([
      [waiting[3]!.id, 1],
      [waiting[4]!.id, 2],
    ]);
  });

  it("lowering capacity removes nobody; seats free up only below the new capacity", async () => {
    const eventId = await createEvent(4);
    const people: Awaited<ReturnType<typeof signup>>[] = [];
    for (let i = 0; i < 6; i++) people.push(await signup(server.url, eventId, i));
    const lowered = await h.api("PATCH", `/events/${eventId}`, { capacity: 2 });
    expect(lowered.body).toMatchObject({ capacity: 2, confirmed: 4, waitlisted: 2, seatsLeft: 0 });
    const cancel = (i: number) => postJson(`${server.url}/api/v1/manage/${people[i]!.body.manageUrl.split("/r/")[1]}/cancel`, {});
    await cancel(0);
    await cancel(1);
    expect((await h.api("GET", `/events/${eventId}`)).body).toMatchObject({ confirmed: 2, waitlisted: 2 });
    await cancel(2);
    expect((await h.api("GET", `/events/${eventId}`)).body).toMatchObject({ confirmed: 2, waitlisted: 1 });
  });

  it("a new signup never takes a free seat while someone is waiting", async () => {
    const eventId = await createEvent(1);
    await signup(server.url, eventId, 1);
    const waiting = await signup(server.url, eventId, 2);
    // Free a seat behind the service's back: the waitlist must still come first.
    await h.database.db.run(sql`UPDATE events SET capacity = 2 WHERE id = ${eventId}`);
    const newcomer = await signup(server.url, eventId, 3);
    expect(newcomer.body).toMatchObject({ status: "waitlisted", position: 2 });
    expect(waiting.body.position).toBe(1);
  });
});

describe("promotion window", () => {
  it("keeps promoting after the start while registration is still open", async () => {
    // An event an hour from now; the app's clock is then moved past its start.
    const start = Date.now() + HOUR;
    const at = (ms: number) => new Date(start + ms).toISOString();
    const res = await h.api("POST", "/events", liveEventBody({
      capacity: 1,
      startsAt: at(0),
      endsAt: at(6 * HOUR),
      registrationClosesAt: at(5 * HOUR),
    }));
    const eventId = res.body.id;
    await h.api("POST", `/events/${eventId}/registrations`, { name: "A", email: "a-late@example.se" }, { token: null });
    const b = await h.api("POST", `/events/${eventId}/registrations`, { name: "B", email: "b-late@example.se" }, { token: null });
    expect(b.body.position).toBe(1);
    h.clock.set(at(HOUR));
    try {
      const raised = await h.api("PATCH", `/events/${eventId}`, { capacity: 3 });
      expect(raised.body).toMatchObject({ confirmed: 2, waitlisted: 0, seatsLeft: 1 });
      const c = await h.api("POST", `/events/${eventId}/registrations`, { name: "C", email: "c-late@example.se" }, { token: null });
      expect(c.body.status).toBe("confirmed");
      // After registration has closed (and the event has started) nobody is promoted.
      h.clock.set(at(5.5 * HOUR));
      await h.api("PATCH", `/events/${eventId}`, { capacity: 0 });
      await h.api("PATCH", `/events/${eventId}`, { capacity: 10 });
      expect((await h.api("GET", `/events/${eventId}`)).body).toMatchObject({ confirmed: 3, waitlisted: 0 });
    } finally {
      h.clock.set(new Date());
    }
  });
});

describe("API tokens", () => {
  it("a token minted while the server runs works at once (looked up by hash)", async () => {
    const token = await createApiToken({ ctx: h.ctx, input: { orgId: h.orgId } });
    const res = await fetch(`${server.url}/api/v1/events`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });
});

describe("group signups from the form in a crowd", () => {
  it("never overbook, and each group's people arrive together and in their order", async () => {
    const eventId = await createEvent(10);
    const { slug } = (await h.api("GET", `/events/${eventId}`)).body;
    const groups = 15;
    const results = await Promise.all(
      Array.from({ length: groups }, (_, g) => {
        const form = new URLSearchParams({ firstName: `G${g}`, lastName: "Lead", email: `g${g}-lead@example.se` });
        for (const i of [1, 2]) {
          form.set(`attendees.${i}.firstName`, `G${g}`);
          form.set(`attendees.${i}.lastName`, `Colleague ${i}`);
          form.set(`attendees.${i}.email`, `g${g}-c${i}@example.se`);
        }
        return fetch(`${server.url}/e/${slug}`, { method: "POST", body: form, headers: { origin: server.url } });
      }),
    );
    expect(results.map((r) => r.status)).toEqual(Array(groups).fill(200));
    expect(await statusCounts(eventId)).toEqual([
      { status: "confirmed", n: 10 },
      { status: "waitlisted", n: groups * 3 - 10 },
    ]);
    const waiting = await waitlistInOrder(eventId);
    expect(waiting.map((r) => r.position)).toEqual(Array.from({ length: groups * 3 - 10 }, (_, i) => i + 1));
    // Arrival order: each group is three consecutive registrations, lead first.
    const all = await h.api("GET", `/events/${eventId}/registrations?limit=1000`);
    const order = (all.body.registrations as { email: string }[]).map((r) => r.email);
    for (let i = 0; i < order.length; i += 3) {
      const g = /^g(\d+)-lead@/.exec(order[i]!)?.[1];
      expect(g, `position ${i}`).toBeDefined();
      expect(order.slice(i, i + 3)).toEqual([`g${g}-lead@example.se`, `g${g}-c1@example.se`, `g${g}-c2@example.se`]);
    }
  });
});

describe("the tallies", () => {
  it("equal the registrations' own counts after every change above", async () => {
    expect(await talliesDrift(h.database.db)).toEqual([]);
  });
});

describe("the search texts", () => {
  it("are what the domain makes of each name, organisation and email after every change above", async () => {
    expect(await searchTextDrift(h.database.db)).toEqual([]);
  });
});
