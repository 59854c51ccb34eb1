import { describe, expect, it } from "vitest";
import { DAY, eventBody, expectStampedBetween, fromNow, newEvent, person, signUp, cancelByLink, type GetTarget } from "./common";

/** Signing up: seats, waitlist places, idempotency, windows, answers, consent, language. */
export function signupBehaviour(target: GetTarget) {
  describe("signup", () => {
    it("confirms while seats are left, then waitlists with 1-based positions", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 2 });
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await signUp(t, ev.id, person()));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(results.map((r) => [r.body.status, r.body.position])).toEqual([
        ["confirmed", null],
        ["confirmed", null],
        ["waitlisted", 1],
        ["waitlisted", 2],
      ]);
      expect(results[0]!.body.id).toMatch(/^reg_/);
      expect(results[0]!.body.manageUrl).toMatch(new RegExp(`^${t.url}/r/[A-Za-z0-9_-]{22}$`));
      const event = await t.api("GET", `/events/${ev.id}`, undefined, { token: null });
      expect(event.body).toMatchObject({ confirmed: 2, waitlisted: 2, seatsLeft: 0 });
      const rows = await t.sql("SELECT id, status FROM registrations WHERE event_id = ? ORDER BY seq", [ev.id]);
      expect(rows).toEqual(results.map((r) => ({ id: r.body.id, status: r.body.status })));
    });

    it("answers 409 event_full when the event is full and has no waitlist", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 1, waitlist: false });
      expect((await signUp(t, ev.id, person())).status).toBe(201);
      const full = await signUp(t, ev.id, person());
      expect(full.status).toBe(409);
      expect(full.body).toEqual({ error: { code: "event_full", message: expect.any(String) } });
      expect(await t.sql("SELECT count(*) AS n FROM registrations WHERE event_id = ?", [ev.id])).toEqual([{ n: 1 }]);
    });

    it("treats capacity 0 with a waitlist as 'waitlist only'", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 0 });
      expect((await signUp(t, ev.id, person())).body).toMatchObject({ status: "waitlisted", position: 1 });
    });

    it("refuses the same email twice, trimmed and case-insensitively, and re-sends the link once", async () => {
      const t = target();
      const ev = await newEvent(t);
      const first = await signUp(t, ev.id, person({ email: "Anna.Lind@Example.se" }));
      expect(first.status).toBe(201);
      const again = await signUp(t, ev.id, person({ email: "  anna.lind@example.SE " }));
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("already_registered");
      // The app's note that mail was queued anyway is for its runtime, not the client.
      expect(again.headers.get("x-plats-mail-queued")).toBe(null);
      const links = `SELECT count(*) AS n, max(to_email) AS "to" FROM outbox WHERE registration_id = ? AND kind = 'manage_link'`;
      expect(await t.sql(links, [first.body.id])).toEqual([{ n: 1, to: "Anna.Lind@Example.se" }]);
      // A third try within minutes does not queue another email (no inbox flooding).
      expect((await signUp(t, ev.id, person({ email: "anna.lind@example.se" }))).status).toBe(409);
      expect(await t.sql(links, [first.body.id])).toEqual([{ n: 1, to: "Anna.Lind@Example.se" }]);
      expect(await t.sql("SELECT count(*) AS n FROM registrations WHERE event_id = ?", [ev.id])).toEqual([{ n: 1 }]);
    });

    it("lets someone sign up again after cancelling", async () => {
      const t = target();
      const ev = await newEvent(t);
      const first = await signUp(t, ev.id, person({ email: "come.back@example.se" }));
      expect((await cancelByLink(t, first.body.manageUrl)).status).toBe(200);
      const again = await signUp(t, ev.id, person({ email: "come.back@example.se" }));
      expect(again.status).toBe(201);
      expect(again.body.id).not.toBe(first.body.id);
    });

    it("closes before the window opens, after it closes, once started and for cancelled events", async () => {
      const t = target();
      const notYet = await newEvent(t, { registrationOpensAt: fromNow(DAY) });
      const closed = await newEvent(t, { registrationOpensAt: fromNow(-2 * DAY), registrationClosesAt: fromNow(-DAY) });
      const started = await newEvent(t, { startsAt: fromNow(-60_000), endsAt: fromNow(DAY) });
      const cancelled = await newEvent(t);
      expect((await t.api("POST", `/events/${cancelled.id}/cancel`)).status).toBe(200);
      for (const ev of [notYet, closed, started, cancelled]) {
        const res = await signUp(t, ev.id, person());
        expect(res.status).toBe(409);
        expect(res.body).toEqual({ error: { code: "registration_closed", message: expect.any(String) } });
      }
      const ids = [notYet, closed, started, cancelled].map((e) => `'${e.id}'`).join(",");
      expect(await t.sql(`SELECT count(*) AS n FROM registrations WHERE event_id IN (${ids})`)).toEqual([{ n: 0 }]);
    });

    it("checks answers against the event's questions and stores them normalised", async () => {
      const t = target();
      const ev = await newEvent(t, {
        questions: [
          { id: "lunch", label: "Lunch", kind: "select", options: ["Kött", "Vegetariskt"], required: true },
          { id: "topics", label: "Ämnen", kind: "multiselect", options: ["5S", "Kaizen"] },
          { id: "invoice", label: "Faktura", kind: "checkbox" },
          { id: "note", label: "Övrigt", kind: "textarea" },
        ],
      });
      const bad = await signUp(t, ev.id, person({ answers: { lunch: "Fisk", topics: ["TPM"], invoice: "yes", extra: "x" } }));
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields).toEqual({
        "answers.lunch": "Must be one of the options.",
        "answers.topics": "Must be a list of the options.",
        "answers.invoice": "Must be true or false.",
        "answers.extra": "Unknown question.",
      });
      const missing = await signUp(t, ev.id, person());
      expect(missing.body.error.fields).toEqual({ "answers.lunch": "Required." });

      const ok = await signUp(t, ev.id, person({ answers: { lunch: "Vegetariskt", topics: ["Kaizen", "Kaizen"], note: "  Hej  " } }));
      expect(ok.status).toBe(201);
      const list = await t.api("GET", `/events/${ev.id}/registrations`);
      expect(list.body.registrations.map((r: { answers: unknown }) => r.answers)).toEqual([
        { lunch: "Vegetariskt", topics: ["Kaizen"], note: "Hej" },
      ]);
      const [row] = await t.sql<{ answers: string }>("SELECT answers FROM registrations WHERE id = ?", [ok.body.id]);
      expect(JSON.parse(row!.answers)).toEqual({ lunch: "Vegetariskt", topics: ["Kaizen"], note: "Hej" });
    });

    it("is not confused by answers keyed like Object's own properties", async () => {
      const t = target();
      const reserved = await t.api("POST", "/events", eventBody({ questions: [{ id: "constructor", label: "Q", kind: "text" }] }));
      expect(reserved.status).toBe(400);
      expect(reserved.body.error.fields).toHaveProperty(["questions.0.id"]);
      const ev = await newEvent(t, { questions: [{ id: "toString", label: "Q", kind: "text" }] });
      expect((await signUp(t, ev.id, person())).status).toBe(201);
      const odd = await signUp(t, ev.id, '{"name":"X","email":"x-proto@example.se","constructor":1}');
      expect(odd.status).toBe(400);
      expect(odd.body.error.fields).toEqual({ constructor: "Unknown field." });
    });

    it("requires consent when the organisation says so (set over the API)", async () => {
      const t = target();
      const org = t.orgs[2]!;
      const on = await t.api("PATCH", "/organisation", { requireConsent: true, privacyUrl: "https://example.se/integritet" }, { token: org.token });
      expect(on.status).toBe(200);
      expect(on.body).toMatchObject({ requireConsent: true, privacyUrl: "https://example.se/integritet" });
      const ev = await newEvent(t, {}, org.token);
      const refused = await signUp(t, ev.id, person());
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields).toHaveProperty("consent");
      expect((await signUp(t, ev.id, person({ consent: false }))).body.error.fields).toHaveProperty("consent");
      const before = Date.now();
      const ok = await signUp(t, ev.id, person({ consent: true }));
      const after = Date.now();
      expect(ok.status).toBe(201);
      const list = await t.api("GET", `/events/${ev.id}/registrations`, undefined, { token: org.token });
      expect(list.body.registrations).toHaveLength(1);
      expectStampedBetween(list.body.registrations[0].consentAt, before, after);
      const off = await t.api("PATCH", "/organisation", { requireConsent: false }, { token: org.token });
      expect(off.body.requireConsent).toBe(false);
      expect((await signUp(t, ev.id, person())).status).toBe(201);
    });

    it("takes the event's language unless the registrant gives one", async () => {
      const t = target();
      const ev = await newEvent(t, { language: "nb" });
      const a = await signUp(t, ev.id, person());
      const b = await signUp(t, ev.id, person({ language: "en" }));
      const list = await t.api("GET", `/events/${ev.id}/registrations`);
      const lang = Object.fromEntries(list.body.registrations.map((r: { id: string; language: string }) => [r.id, r.language]));
      expect(lang).toEqual({ [a.body.id]: "nb", [b.body.id]: "en" });
    });

    it("has a group limit of 5 by default, settable from 1 to 20", async () => {
      const t = target();
      const plain = await t.api("POST", "/events", eventBody());
      expect(plain.body.groupLimit).toBe(5);
      const twenty = await t.api("POST", "/events", eventBody({ groupLimit: 20 }));
      expect(twenty.body.groupLimit).toBe(20);
      expect((await t.api("GET", `/events/${twenty.body.id}`, undefined, { token: null })).body.groupLimit).toBe(20);
      expect((await t.api("PATCH", `/events/${plain.body.id}`, { groupLimit: 3 })).body.groupLimit).toBe(3);
      for (const groupLimit of [0, 21, "x", 2.5, null]) {
        const res = await t.api("POST", "/events", eventBody({ groupLimit }));
        expect(res.status, String(groupLimit)).toBe(400);
        expect(res.body.error.fields).toHaveProperty("groupLimit");
        expect((await t.api("PATCH", `/events/${plain.body.id}`, { groupLimit })).status, String(groupLimit)).toBe(400);
      }
      expect((await t.api("GET", `/events/${plain.body.id}`)).body.groupLimit).toBe(3);
    });
  });
}
