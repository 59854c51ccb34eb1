import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "./helpers/clock";
import { eventBody, harness, person, type Harness } from "./helpers/harness";

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

const newEvent = async (overrides: Record<string, unknown> = {}) =>
  (await h.api("POST", "/events", eventBody(overrides))).body as { id: string };
const signUp = (eventId: string, body: unknown) =>
  h.api("POST", `/events/${eventId}/registrations`, body, { token: null });

describe("signup", () => {
  it("confirms while seats are left, then waitlists with 1-based positions", async () => {
    const ev = await newEvent({ capacity: 2 });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await signUp(ev.id, person()));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => [r.body.status, r.body.position])).toEqual([
      ["confirmed", null],
      ["confirmed", null],
      ["waitlisted", 1],
      ["waitlisted", 2],
    ]);
    expect(results[0]!.body.id).toMatch(/^reg_/);
    expect(results[0]!.body.manageUrl).toMatch(/^https:\/\/plats\.test\/r\/[A-Za-z0-9_-]{22}$/);
    const event = await h.api("GET", `/events/${ev.id}`, undefined, { token: null });
    expect(event.body).toMatchObject({ confirmed: 2, waitlisted: 2, seatsLeft: 0 });
  });

  it("answers 409 event_full when the event is full and has no waitlist", async () => {
    const ev = await newEvent({ capacity: 1, waitlist: false });
    expect((await signUp(ev.id, person())).status).toBe(201);
    const full = await signUp(ev.id, person());
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe("event_full");
  });

  it("treats capacity 0 with a waitlist as 'waitlist only'", async () => {
    const ev = await newEvent({ capacity: 0 });
    const res = await signUp(ev.id, person());
    expect(res.body).toMatchObject({ status: "waitlisted", position: 1 });
  });

  it("refuses the same email twice, trimmed and case-insensitively, and re-sends the link", async () => {
    const ev = await newEvent();
    const first = await signUp(ev.id, person({ email: "Anna.Lind@Example.se" }));
    expect(first.status).toBe(201);
    const again = await signUp(ev.id, person({ email: "  anna.lind@example.SE " }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_registered");
    const [row] = await h.database.db.all<{ n: number; to: string }>(
      sql`SELECT count(*) AS n, max(to_email) AS "to" FROM outbox WHERE registration_id = ${first.body.id} AND kind = 'manage_link'`,
    );
    expect(row).toEqual({ n: 1, to: "Anna.Lind@Example.se" });
    // A third try within minutes does not queue another email (no inbox flooding).
    await signUp(ev.id, person({ email: "anna.lind@example.se" }));
    const [after] = await h.database.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM outbox WHERE registration_id = ${first.body.id} AND kind = 'manage_link'`,
    );
    expect(after!.n).toBe(1);
  });

  it("lets someone sign up again after cancelling", async () => {
    const ev = await newEvent();
    const first = await signUp(ev.id, person({ email: "come.back@example.se" }));
    const token = first.body.manageUrl.split("/r/")[1];
    await h.api("POST", `/manage/${token}/cancel`, undefined, { token: null });
    const again = await signUp(ev.id, person({ email: "come.back@example.se" }));
    expect(again.status).toBe(201);
  });

  it("closes before the window opens, after it closes, at the start and for cancelled events", async () => {
    const now = h.clock.now().getTime();
    const iso = (offset: number) => new Date(now + offset).toISOString();
    const notYet = await newEvent({ registrationOpensAt: iso(DAY) });
    const closed = await newEvent({ registrationClosesAt: iso(-DAY), registrationOpensAt: iso(-2 * DAY) });
    const started = await newEvent({ startsAt: iso(-1000), endsAt: iso(DAY) });
    const cancelled = await newEvent();
    await h.api("POST", `/events/${cancelled.id}/cancel`);
    for (const ev of [notYet, closed, started, cancelled]) {
      const res = await signUp(ev.id, person());
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("registration_closed");
    }
    h.clock.advance(DAY + 1);
    expect((await signUp(notYet.id, person())).status).toBe(201);
    h.clock.set(new Date(now));
  });

  it("checks answers against the event's questions and stores them normalised", async () => {
    const ev = await newEvent({
      questions: [
        { id: "lunch", label: "Lunch", kind: "select", options: ["Kött", "Vegetariskt"], required: true },
        { id: "topics", label: "Ämnen", kind: "multiselect", options: ["5S", "Kaizen"] },
        { id: "invoice", label: "Faktura", kind: "checkbox" },
        { id: "note", label: "Övrigt", kind: "textarea" },
      ],
    });
    const bad = await signUp(ev.id, person({ answers: { lunch: "Fisk", topics: ["TPM"], invoice: "yes", extra: "x" } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({
      "answers.lunch": "Must be one of the options.",
      "answers.topics": "Must be a list of the options.",
      "answers.invoice": "Must be true or false.",
      "answers.extra": "Unknown question.",
    });
    const missing = await signUp(ev.id, person());
    expect(missing.body.error.fields).toEqual({ "answers.lunch": "Required." });

    const ok = await signUp(ev.id, person({ answers: { lunch: "Vegetariskt", topics: ["Kaizen", "Kaizen"], note: "  Hej  " } }));
    expect(ok.status).toBe(201);
    const list = await h.api("GET", `/events/${ev.id}/registrations`);
    expect(list.body.registrations[0].answers).toEqual({ lunch: "Vegetariskt", topics: ["Kaizen"], note: "Hej" });
  });

  it("is not confused by answers keyed like Object's own properties", async () => {
    const reserved = await h.api("POST", "/events", eventBody({ questions: [{ id: "constructor", label: "Q", kind: "text" }] }));
    expect(reserved.status).toBe(400);
    expect(reserved.body.error.fields).toHaveProperty(["questions.0.id"]);
    const ev = await newEvent({ questions: [{ id: "toString", label: "Q", kind: "text" }] });
    expect((await signUp(ev.id, person())).status).toBe(201);
    const odd = await signUp(ev.id, JSON.parse('{"name":"X","email":"x-proto@example.se","constructor":1}'));
    expect(odd.status).toBe(400);
    expect(odd.body.error.fields).toEqual({ constructor: "Unknown field." });
  });

  it("requires consent when the organisation says so", async () => {
    await h.database.db.run(sql`UPDATE organisations SET require_consent = 1 WHERE id = ${h.orgId}`);
    const ev = await newEvent();
    const res = await signUp(ev.id, person());
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty("consent");
    const ok = await signUp(ev.id, person({ consent: true }));
    expect(ok.status).toBe(201);
    const list = await h.api("GET", `/events/${ev.id}/registrations`);
    expect(list.body.registrations[0].consentAt).toBe(h.clock.now().toISOString());
    await h.database.db.run(sql`UPDATE organisations SET require_consent = 0 WHERE id = ${h.orgId}`);
  });

  it("takes the event's language unless the registrant gives one", async () => {
    const ev = await newEvent({ language: "nb" });
    const a = await signUp(ev.id, person());
    const b = await signUp(ev.id, person({ language: "en" }));
    const list = await h.api("GET", `/events/${ev.id}/registrations`);
    const lang = Object.fromEntries(list.body.registrations.map((r: { id: string; language: string }) => [r.id, r.language]));
    expect(lang[a.body.id]).toBe("nb");
    expect(lang[b.body.id]).toBe("en");
  });
});

describe("manage link", () => {
  it("shows the registration, its position, and the join link only once confirmed", async () => {
    const ev = await newEvent({ capacity: 1, onlineUrl: "https://meet.example.com/kickoff" });
    const first = await signUp(ev.id, person());
    const second = await signUp(ev.id, person());
    const t1 = first.body.manageUrl.split("/r/")[1];
    const t2 = second.body.manageUrl.split("/r/")[1];
    const mine = await h.api("GET", `/manage/${t2}`, undefined, { token: null });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: second.body.id, status: "waitlisted", position: 1 });
    expect(mine.body.event.onlineUrl).toBeNull();

    await h.api("POST", `/manage/${t1}/cancel`, undefined, { token: null });
    const promoted = await h.api("GET", `/manage/${t2}`, undefined, { token: null });
    expect(promoted.body).toMatchObject({ status: "confirmed", position: null });
    expect(promoted.body.event.onlineUrl).toBe("https://meet.example.com/kickoff");
  });

  it("answers 404 for unknown, malformed and near-miss tokens", async () => {
    const ev = await newEvent();
    const res = await signUp(ev.id, person());
    const token: string = res.body.manageUrl.split("/r/")[1];
    const nearMiss = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    for (const t of [nearMiss, "short", "x".repeat(500), "%00", token + "x"]) {
      const r = await h.api("GET", `/manage/${encodeURIComponent(t)}`, undefined, { token: null });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe("not_found");
    }
  });

  it("stores only the hash of manage links and API tokens", async () => {
    const ev = await newEvent();
    const res = await signUp(ev.id, person());
    const token: string = res.body.manageUrl.split("/r/")[1];
    const dump = JSON.stringify(await h.database.db.all(sql`SELECT * FROM manage_tokens`)) +
      JSON.stringify(await h.database.db.all(sql`SELECT * FROM api_tokens`)) +
      JSON.stringify(await h.database.db.all(sql`SELECT * FROM registrations`)) +
      JSON.stringify(await h.database.db.all(sql`SELECT * FROM outbox`));
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(h.token);
    expect(dump).toContain(await sha256(token));
  });

  it("cannot cancel once the event has started", async () => {
    const ev = await newEvent({ startsAt: "2026-11-22T08:00:00Z", endsAt: "2026-11-22T16:00:00Z" });
    const res = await signUp(ev.id, person());
    const token = res.body.manageUrl.split("/r/")[1];
    h.clock.set("2026-11-22T08:00:00Z");
    try {
      const late = await h.api("POST", `/manage/${token}/cancel`, undefined, { token: null });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe("registration_closed");
      expect((await h.api("GET", `/manage/${token}`, undefined, { token: null })).body.status).toBe("confirmed");
    } finally {
      h.clock.set("2026-11-21T09:00:00Z");
    }
  });

  it("cancelling twice is harmless and queues one message", async () => {
    const ev = await newEvent();
    const res = await signUp(ev.id, person());
    const token = res.body.manageUrl.split("/r/")[1];
    const a = await h.api("POST", `/manage/${token}/cancel`, undefined, { token: null });
    const b = await h.api("POST", `/manage/${token}/cancel`, undefined, { token: null });
    expect(a.body.status).toBe("cancelled");
    expect(b.body.cancelledAt).toBe(a.body.cancelledAt);
    const [row] = await h.database.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM outbox WHERE registration_id = ${res.body.id} AND kind = 'cancelled'`,
    );
    expect(row!.n).toBe(1);
  });
});

async function sha256(s: string) {
  const d = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s));
  return Buffer.from(d).toString("hex");
}
