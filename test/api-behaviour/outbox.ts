import { describe, expect, it } from "vitest";
import { cancelByLink, eventTimes, newEvent, outboxFor, person, shift, signUp, type GetTarget } from "./common";

/** Invariant 3: each change writes the messages it causes in the same write, complete enough to send. */
export function outboxBehaviour(target: GetTarget) {
  const sequences = (eventId: string) =>
    target().sql("SELECT email, invite_sequence FROM registrations WHERE event_id = ? ORDER BY seq", [eventId]);

  describe("/healthz", () => {
    it("answers 200 with the outbox's state for monitoring: what waits, its age, a hold", async () => {
      const res = await target().fetch("/healthz");
      expect(res.status).toBe(200);
      const body = (await res.json()) as { ok: boolean; outbox: { pending: number; oldestPendingSeconds: number | null; held: unknown } };
      expect(body).toMatchObject({ ok: true, outbox: { held: null } });
      expect(body.outbox.pending).toBeGreaterThanOrEqual(0);
      if (body.outbox.pending) expect(body.outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(0);
      else expect(body.outbox.oldestPendingSeconds).toBeNull();
    });
  });

  describe("outbox rows", () => {
    it("are written for confirmed, waitlisted, cancelled and promoted, complete", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 1, language: "en" });
      const before = Date.now();
      const a = await signUp(t, ev.id, person({ name: "Anna", email: "anna@example.se", language: "sv" }));
      const b = await signUp(t, ev.id, person({ name: "Bo", email: "bo@example.no", language: "nb" }));
      await cancelByLink(t, a.body.manageUrl);
      const after = Date.now();

      const rows = await outboxFor(t, ev.id);
      expect(rows.map((r) => [r.kind, r.to_email, r.to_name, r.locale, r.registration_id, JSON.parse(r.payload)])).toEqual([
        ["confirmed", "anna@example.se", "Anna", "sv", a.body.id, {}],
        ["waitlisted", "bo@example.no", "Bo", "nb", b.body.id, { position: 1 }],
        ["cancelled", "anna@example.se", "Anna", "sv", a.body.id, {}],
        ["promoted", "bo@example.no", "Bo", "nb", b.body.id, {}],
      ]);
      for (const r of rows) {
        expect(r).toMatchObject({ org_id: t.orgs[0]!.id, event_id: ev.id, status: "pending" });
        // Due at once: written with the server's own clock during the request.
        expect(r.next_attempt_at).toBeGreaterThanOrEqual(before - 1000);
        expect(r.next_attempt_at).toBeLessThanOrEqual(after + 1000);
      }
      // Anna's withdrawn invite needs a higher sequence than the one she was sent.
      expect(await sequences(ev.id)).toEqual([
        { email: "anna@example.se", invite_sequence: 1 },
        { email: "bo@example.no", invite_sequence: 0 },
      ]);
    });

    it("tells everyone live when title, time or place changes, and raises confirmed invites' sequence", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 1 });
      await signUp(t, ev.id, person({ email: "c1@example.se" }));
      await signUp(t, ev.id, person({ email: "w1@example.se" }));
      const gone = await signUp(t, ev.id, person({ email: "gone@example.se" }));
      await cancelByLink(t, gone.body.manageUrl);

      // A change that moves no calendar tells nobody.
      expect((await t.api("PATCH", `/events/${ev.id}`, { description: "Mer info" })).status).toBe(200);
      const later = shift(eventTimes.startsAt, 30 * 60_000);
      expect((await outboxFor(t, ev.id)).filter((r) => r.kind === "event_updated")).toEqual([]);

      await t.api("PATCH", `/events/${ev.id}`, { startsAt: later, venue: "Ny lokal", title: "Nytt namn" });
      const updated = (await outboxFor(t, ev.id)).filter((r) => r.kind === "event_updated");
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
      await t.api("PATCH", `/events/${ev.id}`, { startsAt: later.replace(".000Z", "+00:00") });
      expect((await outboxFor(t, ev.id)).filter((r) => r.kind === "event_updated")).toHaveLength(2);
    });

    it("tells everyone live once when the event is cancelled and withdraws confirmed invites", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 1 });
      await signUp(t, ev.id, person({ email: "c2@example.se" }));
      await signUp(t, ev.id, person({ email: "w2@example.se" }));
      await t.api("POST", `/events/${ev.id}/cancel`);
      await t.api("POST", `/events/${ev.id}/cancel`);
      const cancelled = (await outboxFor(t, ev.id)).filter((r) => r.kind === "event_cancelled");
      expect(cancelled.map((r) => r.to_email)).toEqual(["c2@example.se", "w2@example.se"]);
      expect((await sequences(ev.id)).map((r) => r.invite_sequence)).toEqual([1, 0]);
    });

    it("a refused signup leaves no outbox row behind", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 0, waitlist: false });
      const res = await signUp(t, ev.id, person());
      expect(res.status).toBe(409);
      expect(await outboxFor(t, ev.id)).toEqual([]);
    });
  });

  describe("check-in", () => {
    it("marks a confirmed attendee once, undoes, and refuses the waitlisted", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 1 });
      const c = await signUp(t, ev.id, person());
      const w = await signUp(t, ev.id, person());
      const before = Date.now();
      const first = await t.api("POST", `/registrations/${c.body.id}/check-in`);
      const after = Date.now();
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id: c.body.id, status: "confirmed" });
      const stamped = new Date(first.body.checkedInAt).getTime();
      expect(stamped).toBeGreaterThanOrEqual(before - 1000);
      expect(stamped).toBeLessThanOrEqual(after + 1000);
      const again = await t.api("POST", `/registrations/${c.body.id}/check-in`);
      expect(again.body.checkedInAt).toBe(first.body.checkedInAt);
      expect(await t.sql("SELECT checked_in_at FROM registrations WHERE id = ?", [c.body.id])).toEqual([{ checked_in_at: stamped }]);

      const undone = await t.api("DELETE", `/registrations/${c.body.id}/check-in`);
      expect(undone.status).toBe(200);
      expect(undone.body.checkedInAt).toBeNull();
      expect(await t.sql("SELECT checked_in_at FROM registrations WHERE id = ?", [c.body.id])).toEqual([{ checked_in_at: null }]);

      const refused = await t.api("POST", `/registrations/${w.body.id}/check-in`);
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({ error: { code: "not_confirmed", message: expect.any(String) } });
      const audit = await t.sql("SELECT action FROM audit_log WHERE subject_id = ? ORDER BY seq", [c.body.id]);
      expect(audit).toEqual([{ action: "registration.check_in" }, { action: "registration.check_in_undo" }]);
    });
  });
}
