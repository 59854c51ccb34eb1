import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventBody, harness, person, type Harness } from "./helpers/harness";

// Invariant 3: every change that must be told to someone writes its outbox row in the
// same atomic batch, complete enough for the dispatcher to send it.
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

interface Row {
  kind: string;
  org_id: string;
  event_id: string;
  registration_id: string;
  to_email: string;
  to_name: string;
  locale: string;
  payload: string;
  status: string;
  next_attempt_at: number;
}
const outboxFor = (eventId: string) =>
  h.database.db.all<Row>(sql`SELECT * FROM outbox WHERE event_id = ${eventId} ORDER BY rowid`);
const sequences = (eventId: string) =>
  h.database.db.all<{ email: string; invite_sequence: number }>(
    sql`SELECT email, invite_sequence FROM registrations WHERE event_id = ${eventId} ORDER BY seq`,
  );

describe("outbox rows", () => {
  it("are written for confirmed, waitlisted, cancelled and promoted, complete", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ capacity: 1, language: "en" }))).body;
    const a = await h.api("POST", `/events/${ev.id}/registrations`, person({ name: "Anna", email: "anna@example.se", language: "sv" }), { token: null });
    const b = await h.api("POST", `/events/${ev.id}/registrations`, person({ name: "Bo", email: "bo@example.no", language: "nb" }), { token: null });
    await h.api("POST", `/manage/${a.body.manageUrl.split("/r/")[1]}/cancel`, undefined, { token: null });

    const rows = await outboxFor(ev.id);
    expect(rows.map((r) => [r.kind, r.to_email, r.to_name, r.locale, r.registration_id, JSON.parse(r.payload)])).toEqual([
      ["confirmed", "anna@example.se", "Anna", "sv", a.body.id, {}],
      ["waitlisted", "bo@example.no", "Bo", "nb", b.body.id, { position: 1 }],
      ["cancelled", "anna@example.se", "Anna", "sv", a.body.id, {}],
      ["promoted", "bo@example.no", "Bo", "nb", b.body.id, {}],
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ org_id: h.orgId, event_id: ev.id, status: "pending", next_attempt_at: h.clock.now().getTime() });
    }
    // Anna's withdrawn invite needs a higher sequence than the one she was sent.
    expect(await sequences(ev.id)).toEqual([
      { email: "anna@example.se", invite_sequence: 1 },
      { email: "bo@example.no", invite_sequence: 0 },
    ]);
  });

  it("tells everyone live when title, time or place changes, and raises confirmed invites' sequence", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ capacity: 1 }))).body;
    await h.api("POST", `/events/${ev.id}/registrations`, person({ email: "c1@example.se" }), { token: null });
    await h.api("POST", `/events/${ev.id}/registrations`, person({ email: "w1@example.se" }), { token: null });
    const gone = await h.api("POST", `/events/${ev.id}/registrations`, person({ email: "gone@example.se" }), { token: null });
    await h.api("POST", `/manage/${gone.body.manageUrl.split("/r/")[1]}/cancel`, undefined, { token: null });

    // A change that moves no calendar tells nobody.
    await h.api("PATCH", `/events/${ev.id}`, { description: "Mer info" });
    expect((await outboxFor(ev.id)).filter((r) => r.kind === "event_updated")).toEqual([]);

    await h.api("PATCH", `/events/${ev.id}`, { startsAt: "2027-03-18T09:00:00Z", venue: "Ny lokal", title: "Nytt namn" });
    const updated = (await outboxFor(ev.id)).filter((r) => r.kind === "event_updated");
    expect(updated.map((r) => [r.to_email, JSON.parse(r.payload)])).toEqual([
      ["c1@example.se", { changed: ["title", "startsAt", "venue"] }],
      ["w1@example.se", { changed: ["title", "startsAt", "venue"] }],
    ]);
    expect(await sequences(ev.id)).toEqual([
      { email: "c1@example.se", invite_sequence: 1 },
      { email: "w1@example.se", invite_sequence: 0 },
      { email: "gone@example.se", invite_sequence: 0 },
    ]);

    // Setting the same time again is no change.
    await h.api("PATCH", `/events/${ev.id}`, { startsAt: "2027-03-18T09:00:00+00:00" });
    expect((await outboxFor(ev.id)).filter((r) => r.kind === "event_updated")).toHaveLength(2);
  });

  it("tells everyone live once when the event is cancelled and withdraws confirmed invites", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ capacity: 1 }))).body;
    await h.api("POST", `/events/${ev.id}/registrations`, person({ email: "c2@example.se" }), { token: null });
    await h.api("POST", `/events/${ev.id}/registrations`, person({ email: "w2@example.se" }), { token: null });
    await h.api("POST", `/events/${ev.id}/cancel`);
    await h.api("POST", `/events/${ev.id}/cancel`);
    const cancelled = (await outboxFor(ev.id)).filter((r) => r.kind === "event_cancelled");
    expect(cancelled.map((r) => r.to_email)).toEqual(["c2@example.se", "w2@example.se"]);
    expect((await sequences(ev.id)).map((r) => r.invite_sequence)).toEqual([1, 0]);
  });

  it("a refused signup leaves no outbox row behind", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ capacity: 0, waitlist: false }))).body;
    const res = await h.api("POST", `/events/${ev.id}/registrations`, person(), { token: null });
    expect(res.status).toBe(409);
    expect(await outboxFor(ev.id)).toEqual([]);
  });
});

describe("check-in", () => {
  it("marks a confirmed attendee once, undoes, and refuses the waitlisted", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ capacity: 1 }))).body;
    const c = await h.api("POST", `/events/${ev.id}/registrations`, person(), { token: null });
    const w = await h.api("POST", `/events/${ev.id}/registrations`, person(), { token: null });
    const first = await h.api("POST", `/registrations/${c.body.id}/check-in`);
    expect(first.status).toBe(200);
    expect(first.body.checkedInAt).toBe(h.clock.now().toISOString());
    h.clock.advance(60_000);
    const again = await h.api("POST", `/registrations/${c.body.id}/check-in`);
    expect(again.body.checkedInAt).toBe(first.body.checkedInAt);
    const undone = await h.api("DELETE", `/registrations/${c.body.id}/check-in`);
    expect(undone.body.checkedInAt).toBeNull();
    const refused = await h.api("POST", `/registrations/${w.body.id}/check-in`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("not_confirmed");
  });
});
