import { describe, expect, it } from "vitest";
import { bearer } from "../helpers/apiTarget";
import { eventBody, eventTimes, expectStampedBetween, newEvent, person, shift, signUp, type GetTarget } from "./common";

/** Creating, reading, changing, publishing and cancelling events. */
export function eventBehaviour(target: GetTarget) {
  describe("events", () => {
    it("creates an event with defaults, a Nordic slug and live counts", async () => {
      const t = target();
      const res = await t.api("POST", "/events", eventBody({ title: "Värdeflödesanalys för små företag", capacity: 12 }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        slug: "vardeflodesanalys-for-sma-foretag",
        url: `${t.url}/e/vardeflodesanalys-for-sma-foretag`,
        title: "Värdeflödesanalys för små företag",
        startsAt: eventTimes.startsAt,
        endsAt: eventTimes.endsAt,
        timezone: "Europe/Stockholm",
        language: "sv",
        capacity: 12,
        confirmed: 0,
        waitlisted: 0,
        seatsLeft: 12,
        waitlist: true,
        status: "published",
        questions: [],
      });
      expect(res.body.id).toMatch(/^evt_/);
      const [row] = await t.sql("SELECT org_id, slug, capacity, starts_at FROM events WHERE id = ?", [res.body.id]);
      expect(row).toEqual({ org_id: t.orgs[0]!.id, slug: res.body.slug, capacity: 12, starts_at: Date.parse(eventTimes.startsAt) });
    });

    it("keeps instants exact whatever offset they were given in", async () => {
      const t = target();
      // The fixture day, 09:00–12:00 at UTC+02:00 (as Stockholm in summer).
      const day = eventTimes.startsAt.slice(0, 10);
      const res = await t.api("POST", "/events", eventBody({ startsAt: `${day}T09:00:00+02:00`, endsAt: `${day}T12:00:00+02:00` }));
      expect(res.body.startsAt).toBe(`${day}T07:00:00.000Z`);
    });

    it("makes a second event with the same title a distinct slug, and refuses a taken slug", async () => {
      const t = target();
      const a = await t.api("POST", "/events", eventBody({ title: "Medlemsfrukost" }));
      const b = await t.api("POST", "/events", eventBody({ title: "Medlemsfrukost" }));
      expect(a.body.slug).toBe("medlemsfrukost");
      expect(b.body.slug).toMatch(/^medlemsfrukost-[a-z0-9]{5}$/);
      expect((await t.api("POST", "/events", eventBody({ slug: "kick-off-2027" }))).status).toBe(201);
      const taken = await t.api("POST", "/events", eventBody({ slug: "kick-off-2027" }));
      expect(taken.status).toBe(409);
      expect(taken.body).toEqual({ error: { code: "slug_taken", message: expect.any(String), fields: { slug: expect.any(String) }, fieldCodes: { slug: { code: "taken" } } } });
      // Slugs are public addresses: another organisation cannot take one either.
      const foreign = await t.api("POST", "/events", eventBody({ slug: "kick-off-2027" }), { token: t.orgs[1]!.token });
      expect(foreign.status).toBe(409);
    });

    it("gives concurrent events with the same title distinct slugs", async () => {
      const t = target();
      const made = await Promise.all(Array.from({ length: 8 }, () => t.api("POST", "/events", eventBody({ title: "Frukostmöte" }))));
      expect(made.map((r) => r.status)).toEqual(Array(8).fill(201));
      expect(new Set(made.map((r) => r.body.slug)).size).toBe(8);
    });

    it("normalises the time zone's spelling and refuses control characters", async () => {
      const t = target();
      expect((await t.api("POST", "/events", eventBody({ timezone: "europe/oslo" }))).body.timezone).toBe("Europe/Oslo");
      const nul = await t.api("POST", "/events", eventBody({ title: "a\u0000b" }));
      expect(nul.status).toBe(400);
      expect(nul.body.error.fields).toHaveProperty("title");
      const multi = await t.api("POST", "/events", eventBody({ description: "Rad ett\nRad två", address: "Box 1\n371 75 Karlskrona" }));
      expect(multi.body.description).toBe("Rad ett\nRad två");
    });

    it("lists only the organisation's own events, with counts", async () => {
      const t = target();
      await t.api("POST", "/events", eventBody({ title: "Annan organisation" }), { token: t.orgs[1]!.token });
      // Through the typed client: the answer's type is the description's.
      const { data, response } = await t.client.GET("/events");
      expect(response.status).toBe(200);
      const events = data!.events;
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.title !== "Annan organisation")).toBe(true);
      expect(events[0]).toHaveProperty("seatsLeft");
      const own = await t.sql<{ n: number }>("SELECT count(*) AS n FROM events WHERE org_id = ?", [t.orgs[0]!.id]);
      expect(events).toHaveLength(own[0]!.n);
    });

    it("shows a published event publicly without the join link, and hides drafts", async () => {
      const t = target();
      const pub = await newEvent(t, { onlineUrl: "https://meet.example.com/secret" });
      const byId = (id: string, token?: string | null) =>
        t.client.GET("/events/{id}", { params: { path: { id } }, ...(token === undefined ? {} : { headers: bearer(token) }) });
      const anon = await byId(pub.id, null);
      expect(anon.response.status).toBe(200);
      expect(anon.data!.onlineUrl).toBeUndefined();
      expect(anon.data!.online).toBe(true);
      expect(JSON.stringify(anon.data)).not.toContain("meet.example.com/secret");
      expect((await byId(pub.id)).data!.onlineUrl).toBe("https://meet.example.com/secret");

      const draft = await newEvent(t, { status: "draft" });
      const hidden = await byId(draft.id, null);
      expect([hidden.response.status, hidden.error?.error.code]).toEqual([404, "not_found"]);
      expect((await byId(draft.id)).response.status).toBe(200);
      expect((await byId(draft.id, t.orgs[1]!.token)).response.status).toBe(404);
    });

    it("updates fields and validates the merged result", async () => {
      const t = target();
      const ev = await newEvent(t);
      const ok = await t.api("PATCH", `/events/${ev.id}`, { title: "Nytt namn", description: "Mer text" });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ title: "Nytt namn", description: "Mer text", venue: "BTH Campus Karlshamn" });
      const bad = await t.api("PATCH", `/events/${ev.id}`, { endsAt: shift(eventTimes.startsAt, -90 * 60_000) });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields).toHaveProperty("endsAt");
      expect((await t.api("PATCH", `/events/${ev.id}`, { venue: null })).body.venue).toBeNull();
      expect(await t.sql("SELECT title, venue, ends_at FROM events WHERE id = ?", [ev.id])).toEqual([
        { title: "Nytt namn", venue: null, ends_at: Date.parse(eventTimes.endsAt) },
      ]);
    });

    it("publishes a draft, after which people can sign up", async () => {
      const t = target();
      const ev = await newEvent(t, { status: "draft" });
      expect((await signUp(t, ev.id, person())).status).toBe(404);
      expect((await t.api("PATCH", `/events/${ev.id}`, { status: "published" })).status).toBe(200);
      expect((await signUp(t, ev.id, person())).status).toBe(201);
    });

    it("cancels an event once; it cannot be changed afterwards and takes no signups", async () => {
      const t = target();
      const ev = await newEvent(t);
      const before = Date.now();
      const first = await t.api("POST", `/events/${ev.id}/cancel`);
      const after = Date.now();
      expect(first.status).toBe(200);
      expect(first.body.status).toBe("cancelled");
      expectStampedBetween(first.body.cancelledAt, before, after);
      const again = await t.api("POST", `/events/${ev.id}/cancel`);
      expect(again.body.cancelledAt).toBe(first.body.cancelledAt);
      const patch = await t.api("PATCH", `/events/${ev.id}`, { title: "x" });
      expect(patch.status).toBe(409);
      expect(patch.body.error.code).toBe("event_cancelled");
      expect((await signUp(t, ev.id, person())).body.error.code).toBe("registration_closed");
    });
  });
}
