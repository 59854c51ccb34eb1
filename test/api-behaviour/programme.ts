import { describe, expect, it } from "vitest";
import type { ApiTarget } from "../helpers/apiTarget";
import { eventTimes, manage, manageToken, newEvent, person, shift, signUp, type GetTarget } from "./common";

const HOUR = 3_600_000;
const at = (hours: number) => shift(eventTimes.startsAt, hours * HOUR);

/** A session of the fixture event (08:30–15:30 UTC) from `from` to `to` hours after its start. */
export async function newSession(t: ApiTarget, eventId: string, from: number, to: number, extra: Record<string, unknown> = {}) {
  const body = { title: `Pass ${from}–${to}`, startsAt: at(from), endsAt: at(to), ...extra };
  const { data, error, response } = await t.client.POST("/events/{id}/sessions", { params: { path: { id: eventId } }, body });
  if (response.status !== 201 || !data) throw new Error(`creating the session failed: ${response.status} ${JSON.stringify(error)}`);
  return data;
}

const changeChoices = (t: ApiTarget, manageUrl: string, change: { add?: string[]; remove?: string[] }) =>
  t.api("POST", `/manage/${manageToken(manageUrl)}/sessions`, change, { token: null });

/** Session tallies that differ from a count of the choices: none, after any mix of writes. */
const tallyDrift = (t: ApiTarget, eventId: string) =>
  t.sql(
    `SELECT s.id FROM event_sessions s LEFT JOIN session_tallies t ON t.session_id = s.id
     WHERE s.event_id = ? AND (coalesce(t.confirmed, 0) <> (SELECT count(*) FROM session_choices c WHERE c.session_id = s.id AND c.status = 'confirmed')
        OR coalesce(t.waitlisted, 0) <> (SELECT count(*) FROM session_choices c WHERE c.session_id = s.id AND c.status = 'waitlisted'))`,
    [eventId],
  );

/** Programmes: sessions with seats of their own, chosen or booked as a package. */
export function programmeBehaviour(target: GetTarget) {
  describe("programme: sessions of an event", () => {
    it("adds, lists, changes and cancels sessions; the event carries them with their counts", async () => {
      const t = target();
      const ev = await newEvent(t, { programme: "choose", maxSessions: 2 });
      const talk = await newSession(t, ev.id, 0, 1, { track: "Stora salen" });
      const workshop = await newSession(t, ev.id, 4, 6, { capacity: 25, venue: "Sal B", description: "5S i praktiken" });
      const got = await t.api("GET", `/events/${ev.id}`, undefined, { token: null });
      expect(got.body).toMatchObject({ programme: "choose", maxSessions: 2 });
      expect(got.body.sessions).toEqual([
        expect.objectContaining({ id: talk.id, track: "Stora salen", capacity: null, confirmed: 0, waitlisted: 0, seatsLeft: null, status: "scheduled" }),
        expect.objectContaining({ id: workshop.id, capacity: 25, seatsLeft: 25, status: "scheduled", startsAt: at(4), endsAt: at(6) }),
      ]);
      const moved = await t.api("PATCH", `/sessions/${workshop.id}`, { capacity: 30, startsAt: at(3) });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ capacity: 30, seatsLeft: 30, startsAt: at(3) });
      const cancelled = await t.api("POST", `/sessions/${talk.id}/cancel`);
      expect(cancelled.body).toMatchObject({ status: "cancelled", told: 0 });
    });

    it("refuses bad sessions with the one error shape and changes nothing", async () => {
      const t = target();
      const ev = await newEvent(t, { programme: "choose" });
      const other = await newEvent(t, { programme: "choose" }, t.orgs[1]!.token);
      const plain = await newEvent(t);
      const s = await newSession(t, ev.id, 0, 1);
      const before = await t.sql("SELECT * FROM event_sessions WHERE event_id = ? ORDER BY id", [ev.id]);
      const cases: [string, string, unknown, number, string, string?][] = [
        ["POST", `/events/${ev.id}/sessions`, { title: "Före", startsAt: at(-2), endsAt: at(1) }, 400, "invalid_request", "startsAt"],
        ["POST", `/events/${ev.id}/sessions`, { title: "Efter", startsAt: at(6), endsAt: at(9) }, 400, "invalid_request", "endsAt"],
        ["POST", `/events/${ev.id}/sessions`, { title: "Baklänges", startsAt: at(2), endsAt: at(1) }, 400, "invalid_request", "endsAt"],
        ["POST", `/events/${ev.id}/sessions`, { title: "Minus", startsAt: at(1), endsAt: at(2), capacity: -1 }, 400, "invalid_request", "capacity"],
        ["POST", `/events/${ev.id}/sessions`, { title: "", startsAt: at(1), endsAt: at(2) }, 400, "invalid_request", "title"],
        ["POST", `/events/${ev.id}/sessions`, { title: "X", startsAt: at(1), endsAt: at(2), colour: "red" }, 400, "invalid_request", "colour"],
        ["PATCH", `/sessions/${s.id}`, { capacity: -5 }, 400, "invalid_request", "capacity"],
        ["PATCH", `/sessions/${s.id}`, { endsAt: at(12) }, 400, "invalid_request", "endsAt"],
        ["PATCH", `/sessions/${s.id}`, {}, 400, "invalid_request"],
        ["PATCH", `/sessions/ses_nope`, { title: "Y" }, 404, "not_found"],
        ["POST", `/events/${other.id}/sessions`, { title: "Fel org", startsAt: at(1), endsAt: at(2) }, 404, "not_found"],
        ["GET", `/sessions/${s.id}/registrations?x=1`, undefined, 400, "invalid_request", "x"],
        ["POST", `/events/${plain.id}/sessions`, { title: "Utan program", startsAt: at(1), endsAt: at(2) }, 409, "conflict"],
      ];
      for (const [method, path, body, status, code, field] of cases) {
        const res = await t.api(method, path, body);
        expect([path, res.status, res.body.error?.code]).toEqual([path, status, code]);
        if (field) expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
      }
      // Another organisation's token sees no session of ours.
      expect((await t.api("PATCH", `/sessions/${s.id}`, { title: "Z" }, { token: t.orgs[1]!.token })).status).toBe(404);
      expect((await t.api("POST", `/sessions/${s.id}/cancel`, undefined, { token: t.orgs[1]!.token })).status).toBe(404);
      expect((await t.api("GET", `/sessions/${s.id}/registrations`, undefined, { token: null })).status).toBe(401);
      expect(await t.sql("SELECT * FROM event_sessions WHERE event_id = ? ORDER BY id", [ev.id])).toEqual(before);
    });

    it("checks choices: overlapping, too many, unknown, another event's, cancelled, on an event without a programme", async () => {
      const t = target();
      const ev = await newEvent(t, { programme: "choose", maxSessions: 2 });
      const plain = await newEvent(t);
      const other = await newEvent(t, { programme: "choose" });
      const [a, b, c, d] = [await newSession(t, ev.id, 0, 2), await newSession(t, ev.id, 1, 3), await newSession(t, ev.id, 3, 4), await newSession(t, ev.id, 4, 5)];
      const foreign = await newSession(t, other.id, 0, 1);
      await t.api("POST", `/sessions/${d.id}/cancel`);
      const refused: [string, string[], string][] = [
        [ev.id, [a.id, b.id], "overlapping"],
        [ev.id, [a.id, c.id, d.id], "session_cancelled"],
        [ev.id, [a.id, c.id, "ses_x"], "unknown_session"],
        [ev.id, [foreign.id], "unknown_session"],
        [ev.id, [a.id, a.id], "duplicate"],
        [plain.id, [a.id], "no_choices"],
      ];
      for (const [eventId, sessions, code] of refused) {
        const res = await signUp(t, eventId, person({ sessions }));
        expect([res.status, res.body.error.code, res.body.error.fieldCodes?.sessions?.code]).toEqual([400, "invalid_request", code]);
      }
      const tooMany = await newSession(t, ev.id, 5, 6);
      const res = await signUp(t, ev.id, person({ sessions: [a.id, c.id, tooMany.id] }));
      expect(res.body.error.fieldCodes.sessions).toMatchObject({ code: "too_many", max: 2 });
      expect(await t.sql("SELECT count(*) AS n FROM registrations WHERE event_id IN (?, ?)", [ev.id, plain.id])).toEqual([{ n: 0 }]);
      const ok = await signUp(t, ev.id, person({ sessions: [a.id, c.id] }));
      expect(ok.status).toBe(201);
      expect(ok.body.sessions).toEqual([
        { id: a.id, status: "confirmed", position: null },
        { id: c.id, status: "confirmed", position: null },
      ]);
    });

    it("a full session without a waitlist refuses the whole signup with session_full", async () => {
      const t = target();
      const ev = await newEvent(t, { programme: "choose" });
      const small = await newSession(t, ev.id, 0, 1, { capacity: 1, waitlist: false });
      expect((await signUp(t, ev.id, person({ sessions: [small.id] }))).body.sessions).toEqual([{ id: small.id, status: "confirmed", position: null }]);
      const second = await signUp(t, ev.id, person({ sessions: [small.id] }));
      expect([second.status, second.body.error.code]).toEqual([409, "session_full"]);
      expect(await t.sql("SELECT count(*) AS n FROM registrations WHERE event_id = ?", [ev.id])).toEqual([{ n: 1 }]);
    });
  });

  describe("programme: a crowd choosing a workshop", () => {
    it("200 at once for 300 seats, a workshop of 25 and a talk: 25 seated, 175 waiting at 1..175, 200 in the talk", async () => {
      const t = target();
      const ev = await newEvent(t, { programme: "choose", capacity: 300 });
      const talk = await newSession(t, ev.id, 0, 1);
      const workshop = await newSession(t, ev.id, 4, 6, { capacity: 25 });
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => signUp(t, ev.id, { name: `Deltagare ${i}`, email: `ws${i}-${ev.id}@example.se`, sessions: [talk.id, workshop.id] })),
      );
      expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
      expect(results.every((r) => r.body.status === "confirmed")).toBe(true);
      const inWorkshop = results.map((r) => r.body.sessions.find((s: { id: string }) => s.id === workshop.id));
      expect(inWorkshop.filter((s) => s.status === "confirmed")).toHaveLength(25);
      const positions = inWorkshop.filter((s) => s.status === "waitlisted").map((s) => s.position as number).sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: 175 }, (_, i) => i + 1));
      expect(results.every((r) => r.body.sessions.find((s: { id: string }) => s.id === talk.id).status === "confirmed")).toBe(true);
      const event = (await t.api("GET", `/events/${ev.id}`)).body;
      expect(event.sessions.map((s: { confirmed: number; waitlisted: number }) => [s.confirmed, s.waitlisted])).toEqual([[200, 0], [25, 175]]);

      // The session's list is in arrival order, and each answer's position is the list's.
      const list = (await t.client.GET("/sessions/{id}/registrations", { params: { path: { id: workshop.id } } })).data!.registrations;
      const waiting = list.filter((r) => r.status === "waitlisted");
      expect(waiting.map((r) => r.position)).toEqual(positions);
      for (const [i, r] of results.entries()) if (inWorkshop[i].status === "waitlisted") expect(waiting.find((w) => w.registrationId === r.body.id)!.position).toBe(inWorkshop[i].position);

      // Giving up a workshop seat from the manage link seats the first waiting in the same write.
      const seated = results.find((_, i) => inWorkshop[i].status === "confirmed")!;
      const left = await changeChoices(t, seated.body.manageUrl, { remove: [workshop.id] });
      expect(left.status).toBe(200);
      expect(left.body.sessions.map((s: { id: string }) => s.id)).toEqual([talk.id]);
      const first = results.find((r) => r.body.id === waiting[0]!.registrationId)!;
      expect((await manage(t, first.body.manageUrl)).body.sessions).toEqual([
        expect.objectContaining({ id: talk.id, status: "confirmed" }),
        expect.objectContaining({ id: workshop.id, status: "confirmed", position: null }),
      ]);
      const second = results.find((r) => r.body.id === waiting[1]!.registrationId)!;
      expect((await manage(t, second.body.manageUrl)).body.sessions[1]).toMatchObject({ status: "waitlisted", position: 1 });
      expect(await t.sql("SELECT kind, registration_id FROM outbox WHERE event_id = ? AND kind = 'session_promoted'", [ev.id])).toEqual([
        { kind: "session_promoted", registration_id: first.body.id },
      ]);

      // Cancelling the whole registration frees its workshop seat the same way.
      const another = results.find((r, i) => inWorkshop[i].status === "confirmed" && r.body.id !== seated.body.id)!;
      await t.api("POST", `/manage/${manageToken(another.body.manageUrl)}/cancel`, undefined, { token: null });
      expect((await manage(t, second.body.manageUrl)).body.sessions[1]).toMatchObject({ status: "confirmed" });
      const after = (await t.api("GET", `/events/${ev.id}`)).body.sessions;
      expect(after.map((s: { confirmed: number; waitlisted: number }) => [s.confirmed, s.waitlisted])).toEqual([[199, 0], [25, 173]]);
      expect(await tallyDrift(t, ev.id)).toEqual([]);
    });
  });

  describe("programme: a course package", () => {
    it("three dates, 20 seats, 60 at once: 20 hold all three dates, 40 wait; a freed seat brings all three", async () => {
      const t = target();
      const ev = await newEvent(t, { programme: "package", capacity: 20 });
      const dates = [await newSession(t, ev.id, 0, 1), await newSession(t, ev.id, 2, 3), await newSession(t, ev.id, 5, 6)];
      const results = await Promise.all(Array.from({ length: 60 }, (_, i) => signUp(t, ev.id, { name: `Kursdeltagare ${i}`, email: `pk${i}-${ev.id}@example.se` })));
      expect(results.every((r) => r.status === 201)).toBe(true);
      const seated = results.filter((r) => r.body.status === "confirmed");
      const waiting = results.filter((r) => r.body.status === "waitlisted");
      expect([seated.length, waiting.length]).toEqual([20, 40]);
      for (const r of seated) expect(r.body.sessions).toEqual(dates.map((d) => ({ id: d.id, status: "confirmed", position: null })));
      for (const r of waiting) expect(r.body.sessions.map((s: { status: string }) => s.status)).toEqual(["pending", "pending", "pending"]);
      const event = (await t.api("GET", `/events/${ev.id}`)).body;
      expect(event.sessions.map((s: { confirmed: number; capacity: number | null }) => [s.confirmed, s.capacity])).toEqual([[20, null], [20, null], [20, null]]);

      const next = waiting.map((r) => r.body).sort((a, b) => a.position - b.position)[0];
      await t.api("POST", `/manage/${manageToken(seated[0]!.body.manageUrl)}/cancel`, undefined, { token: null });
      const promoted = (await manage(t, next.manageUrl)).body;
      expect(promoted.status).toBe("confirmed");
      expect(promoted.sessions.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual(dates.map((d) => [d.id, "confirmed"]));
      expect(await tallyDrift(t, ev.id)).toEqual([]);
      // A package takes no choices.
      const chose = await signUp(t, ev.id, person({ sessions: [dates[0]!.id] }));
      expect(chose.body.error.fieldCodes.sessions.code).toBe("no_choices");
    });
  });

  describe("programme: choices on the manage link and at the door", () => {
    it("changes choices, refuses overlaps and full sessions whole, checks in to a session", async () => {
      const t = target();
      const ev = await newEvent(t, { programme: "choose", maxSessions: 3 });
      const a = await newSession(t, ev.id, 0, 1);
      const b = await newSession(t, ev.id, 0, 1, { title: "Parallellt" });
      const c = await newSession(t, ev.id, 2, 3, { capacity: 0, waitlist: false });
      const d = await newSession(t, ev.id, 4, 5, { capacity: 1 });
      const me = (await signUp(t, ev.id, person({ sessions: [a.id] }))).body;
      expect((await changeChoices(t, me.manageUrl, { add: [b.id] })).body.error.fieldCodes.add.code).toBe("overlapping");
      const full = await changeChoices(t, me.manageUrl, { add: [d.id, c.id] });
      expect([full.status, full.body.error.code]).toEqual([409, "session_full"]);
      expect((await manage(t, me.manageUrl)).body.sessions.map((s: { id: string }) => s.id)).toEqual([a.id]);
      expect((await changeChoices(t, me.manageUrl, { remove: ["ses_none"] })).body.error.fieldCodes.remove.code).toBe("unknown_session");
      expect((await changeChoices(t, me.manageUrl, {})).status).toBe(400);
      const swapped = await changeChoices(t, me.manageUrl, { add: [b.id, d.id], remove: [a.id] });
      expect(swapped.body.sessions.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([[b.id, "confirmed"], [d.id, "confirmed"]]);

      const arrive = await t.api("POST", `/registrations/${me.id}/check-in?session=${d.id}`);
      expect(arrive.status).toBe(200);
      expect(arrive.body.session.id).toBe(d.id);
      expect(arrive.body.checkedInAt).not.toBeNull();
      const list = (await t.api("GET", `/sessions/${d.id}/registrations`)).body;
      expect(list.registrations).toEqual([expect.objectContaining({ registrationId: me.id, status: "confirmed", checkedInAt: arrive.body.session.checkedInAt })]);
      const notThere = await t.api("POST", `/registrations/${me.id}/check-in?session=${a.id}`);
      expect([notThere.status, notThere.body.error.code]).toEqual([409, "not_confirmed"]);
      // Refused at a session, someone is not checked in to the event either.
      const other = (await signUp(t, ev.id, person({ sessions: [a.id] }))).body;
      expect((await t.api("POST", `/registrations/${other.id}/check-in?session=${d.id}`)).status).toBe(409);
      expect(await t.sql("SELECT checked_in_at FROM registrations WHERE id = ?", [other.id])).toEqual([{ checked_in_at: null }]);
      const undo = await t.api("DELETE", `/registrations/${me.id}/check-in?session=${d.id}`);
      expect(undo.body.session.checkedInAt).toBeNull();

      // Cancelling a session tells those who had it, and counts them.
      const cancelled = await t.api("POST", `/sessions/${d.id}/cancel`);
      expect(cancelled.body).toMatchObject({ status: "cancelled", told: 1 });
      expect((await manage(t, me.manageUrl)).body.sessions.map((s: { id: string }) => s.id)).toEqual([b.id]);
      expect((await t.api("POST", `/sessions/${d.id}/cancel`)).body.told).toBe(0);
      expect((await t.api("PATCH", `/sessions/${d.id}`, { title: "Igen" })).body.error.code).toBe("conflict");
      expect(await tallyDrift(t, ev.id)).toEqual([]);
    });

    it("a waitlisted person's choices wait for the event's seat and are decided when it comes", async () => {
      const t = target();
      const ev = await newEvent(t, { programme: "choose", capacity: 1 });
      const w = await newSession(t, ev.id, 0, 1, { capacity: 1 });
      const first = (await signUp(t, ev.id, person({ sessions: [w.id] }))).body;
      const second = (await signUp(t, ev.id, person({ sessions: [w.id] }))).body;
      expect(second).toMatchObject({ status: "waitlisted", sessions: [{ id: w.id, status: "pending", position: null }] });
      await t.api("POST", `/manage/${manageToken(first.manageUrl)}/cancel`, undefined, { token: null });
      expect((await manage(t, second.manageUrl)).body).toMatchObject({ status: "confirmed", sessions: [expect.objectContaining({ id: w.id, status: "confirmed" })] });
      // Two more wait for the workshop (the event grown); lifting its limit seats the whole waitlist.
      await t.api("PATCH", `/events/${ev.id}`, { capacity: 5 });
      const third = (await signUp(t, ev.id, person({ sessions: [w.id] }))).body;
      const fourth = (await signUp(t, ev.id, person({ sessions: [w.id] }))).body;
      expect(third.sessions).toEqual([{ id: w.id, status: "waitlisted", position: 1 }]);
      expect(fourth.sessions).toEqual([{ id: w.id, status: "waitlisted", position: 2 }]);
      expect((await t.api("PATCH", `/sessions/${w.id}`, { capacity: null })).body).toMatchObject({ confirmed: 3, waitlisted: 0, seatsLeft: null });
      expect((await manage(t, fourth.manageUrl)).body.sessions[0]).toMatchObject({ status: "confirmed", position: null });
      expect(await t.sql("SELECT count(*) AS n FROM outbox WHERE event_id = ? AND kind = 'session_promoted'", [ev.id])).toEqual([{ n: 2 }]);
      // The programme cannot change under registered people.
      const locked = await t.api("PATCH", `/events/${ev.id}`, { programme: "package" });
      expect([locked.status, locked.body.error.code]).toEqual([409, "conflict"]);
      expect(await tallyDrift(t, ev.id)).toEqual([]);
    });
  });
}
