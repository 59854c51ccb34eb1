import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/lib/secrets";
import { cancelByLink, manage, manageToken, newEvent, outboxFor, person, signUp, type GetTarget } from "./common";

/** The waitlist (fair, derived positions, freed seats at once) and the manage link API. */
export function waitlistBehaviour(target: GetTarget) {
  const positions = async (eventId: string) => {
    const t = target();
    const list = await t.api("GET", `/events/${eventId}/registrations`);
    return list.body.registrations.map((r: { name: string; status: string; position: number | null }) => [r.name, r.status, r.position]);
  };

  describe("waitlist and cancellation", () => {
    it("gives a freed seat to the first waitlisted at once; positions follow by derivation", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 1 });
      const people = [];
      for (const name of ["A", "B", "C", "D"]) people.push((await signUp(t, ev.id, person({ name }))).body);
      expect(people.map((p) => p.position)).toEqual([null, 1, 2, 3]);

      // C leaves the waitlist: D moves up without anyone being renumbered by hand.
      expect((await cancelByLink(t, people[2]!.manageUrl)).body.status).toBe("cancelled");
      expect((await manage(t, people[3]!.manageUrl)).body).toMatchObject({ status: "waitlisted", position: 2 });
      expect(await positions(ev.id)).toEqual([["A", "confirmed", null], ["B", "waitlisted", 1], ["C", "cancelled", null], ["D", "waitlisted", 2]]);

      // A gives up the seat: B has it in the same write, D is first in line.
      expect((await cancelByLink(t, people[0]!.manageUrl)).body.status).toBe("cancelled");
      expect((await manage(t, people[1]!.manageUrl)).body).toMatchObject({ status: "confirmed", position: null });
      expect((await manage(t, people[3]!.manageUrl)).body).toMatchObject({ status: "waitlisted", position: 1 });
      expect((await t.api("GET", `/events/${ev.id}`, undefined, { token: null })).body).toMatchObject({ confirmed: 1, waitlisted: 1, seatsLeft: 0 });
      expect(await t.sql("SELECT name, status FROM registrations WHERE event_id = ? ORDER BY seq", [ev.id])).toEqual([
        { name: "A", status: "cancelled" },
        { name: "B", status: "confirmed" },
        { name: "C", status: "cancelled" },
        { name: "D", status: "waitlisted" },
      ]);
      expect((await outboxFor(t, ev.id)).map((r) => [r.kind, r.registration_id])).toEqual([
        ["confirmed", people[0]!.id],
        ["waitlisted", people[1]!.id],
        ["waitlisted", people[2]!.id],
        ["waitlisted", people[3]!.id],
        ["cancelled", people[2]!.id],
        ["cancelled", people[0]!.id],
        ["promoted", people[1]!.id],
      ]);
    });

    it("a seat freed by cancelling goes to the waitlist before anyone new", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 1 });
      const first = (await signUp(t, ev.id, person())).body;
      const waiting = (await signUp(t, ev.id, person())).body;
      await cancelByLink(t, first.manageUrl);
      const late = await signUp(t, ev.id, person());
      expect(late.body).toMatchObject({ status: "waitlisted", position: 1 });
      expect((await manage(t, waiting.manageUrl)).body.status).toBe("confirmed");
    });

    it("promotes from the waitlist in arrival order when capacity is raised by PATCH", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 1 });
      const people = [];
      for (let i = 0; i < 5; i++) people.push((await signUp(t, ev.id, person({ name: `W${i}` }))).body);
      const raised = await t.api("PATCH", `/events/${ev.id}`, { capacity: 3 });
      expect(raised.status).toBe(200);
      expect(raised.body).toMatchObject({ capacity: 3, confirmed: 3, waitlisted: 2, seatsLeft: 0 });
      expect(await positions(ev.id)).toEqual([
        ["W0", "confirmed", null],
        ["W1", "confirmed", null],
        ["W2", "confirmed", null],
        ["W3", "waitlisted", 1],
        ["W4", "waitlisted", 2],
      ]);
      const promoted = (await outboxFor(t, ev.id)).filter((r) => r.kind === "promoted");
      expect(promoted.map((r) => r.registration_id)).toEqual([people[1]!.id, people[2]!.id]);

      // Raising it past the whole list empties the waitlist and leaves seats.
      const more = await t.api("PATCH", `/events/${ev.id}`, { capacity: 10 });
      expect(more.body).toMatchObject({ confirmed: 5, waitlisted: 0, seatsLeft: 5 });
      expect((await outboxFor(t, ev.id)).filter((r) => r.kind === "promoted")).toHaveLength(4);
    });
  });

  describe("manage link", () => {
    it("shows the registration, its position, and the join link only once confirmed", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 1, onlineUrl: "https://meet.example.com/kickoff" });
      const first = await signUp(t, ev.id, person());
      const second = await signUp(t, ev.id, person());
      const mine = await manage(t, second.body.manageUrl);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ id: second.body.id, status: "waitlisted", position: 1, manageUrl: second.body.manageUrl });
      expect(mine.body.event.onlineUrl).toBeNull();

      await cancelByLink(t, first.body.manageUrl);
      const promoted = await manage(t, second.body.manageUrl);
      expect(promoted.body).toMatchObject({ status: "confirmed", position: null });
      expect(promoted.body.event.onlineUrl).toBe("https://meet.example.com/kickoff");
    });

    it("answers 404 for unknown, malformed and near-miss tokens", async () => {
      const t = target();
      const ev = await newEvent(t);
      const token = manageToken((await signUp(t, ev.id, person())).body.manageUrl);
      const nearMiss = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
      for (const bad of [nearMiss, "short", "x".repeat(500), "%00", token + "x"]) {
        for (const [method, path] of [["GET", ""], ["POST", "/cancel"]] as const) {
          const r = await t.api(method, `/manage/${encodeURIComponent(bad)}${path}`, undefined, { token: null });
          expect(r.status).toBe(404);
          expect(r.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
        }
      }
    });

    it("stores only the hash of manage links and API tokens", async () => {
      const t = target();
      const ev = await newEvent(t);
      const token = manageToken((await signUp(t, ev.id, person())).body.manageUrl);
      let dump = "";
      for (const table of ["manage_tokens", "api_tokens", "registrations", "outbox"]) dump += JSON.stringify(await t.sql(`SELECT * FROM ${table}`));
      expect(dump).not.toContain(token);
      expect(dump).not.toContain(t.orgs[0]!.token);
      expect(dump).toContain(sha256Hex(token));
    });

    it("cancelling twice is harmless and queues one message", async () => {
      const t = target();
      const ev = await newEvent(t);
      const res = await signUp(t, ev.id, person());
      const a = await cancelByLink(t, res.body.manageUrl);
      const b = await cancelByLink(t, res.body.manageUrl);
      expect(a.status).toBe(200);
      expect(a.body.status).toBe("cancelled");
      expect(b.body.cancelledAt).toBe(a.body.cancelledAt);
      const cancelled = (await outboxFor(t, ev.id)).filter((r) => r.kind === "cancelled");
      expect(cancelled.map((r) => r.registration_id)).toEqual([res.body.id]);
    });
  });
}
