import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventBody, harness, person, type Harness } from "./helpers/harness";

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

describe("events", () => {
  it("creates an event with defaults, a Nordic slug and live counts", async () => {
    const res = await h.api("POST", "/events", eventBody({ title: "Värdeflödesanalys för små företag", capacity: 12 }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      slug: "vardeflodesanalys-for-sma-foretag",
      url: "https://plats.test/e/vardeflodesanalys-for-sma-foretag",
      title: "Värdeflödesanalys för små företag",
      startsAt: "2027-03-18T08:30:00.000Z",
      endsAt: "2027-03-18T15:30:00.000Z",
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
  });

  it("keeps instants exact whatever offset they were given in", async () => {
    const res = await h.api("POST", "/events", eventBody({ startsAt: "2027-06-10T09:00:00+02:00", endsAt: "2027-06-10T12:00:00+02:00" }));
    expect(res.body.startsAt).toBe("2027-06-10T07:00:00.000Z");
  });

  it("makes a second event with the same title a distinct slug", async () => {
    const a = await h.api("POST", "/events", eventBody({ title: "Medlemsfrukost" }));
    const b = await h.api("POST", "/events", eventBody({ title: "Medlemsfrukost" }));
    expect(a.body.slug).toBe("medlemsfrukost");
    expect(b.body.slug).toMatch(/^medlemsfrukost-[a-z0-9]{5}$/);
  });

  it("refuses a slug that is taken with 409 slug_taken", async () => {
    await h.api("POST", "/events", eventBody({ slug: "kick-off-2027" }));
    const res = await h.api("POST", "/events", eventBody({ slug: "kick-off-2027" }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("slug_taken");
  });

  it("gives concurrent events with the same title distinct slugs", async () => {
    const made = await Promise.all(Array.from({ length: 8 }, () => h.api("POST", "/events", eventBody({ title: "Frukostmöte" }))));
    expect(made.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(made.map((r) => r.body.slug)).size).toBe(8);
  });

  it("normalises the time zone's spelling and refuses control characters", async () => {
    const ev = await h.api("POST", "/events", eventBody({ timezone: "europe/oslo" }));
    expect(ev.body.timezone).toBe("Europe/Oslo");
    const nul = await h.api("POST", "/events", eventBody({ title: "a\u0000b" }));
    expect(nul.body.error.fields).toHaveProperty("title");
    const multi = await h.api("POST", "/events", eventBody({ description: "Rad ett\nRad två", address: "Box 1\n371 75 Karlskrona" }));
    expect(multi.body.description).toBe("Rad ett\nRad två");
  });

  it("the database itself refuses an event that ends before it starts", async () => {
    const ev = await h.api("POST", "/events", eventBody());
    await expect(h.database.client.execute({ sql: "UPDATE events SET ends_at = starts_at WHERE id = ?", args: [ev.body.id] })).rejects.toThrow(
      /CHECK constraint failed: events_ends_after_start/,
    );
  });

  it("lists only the organisation's own events, with counts", async () => {
    const other = await h.otherOrg();
    await h.api("POST", "/events", eventBody({ title: "Annan organisation" }), { token: other.token });
    const res = await h.api("GET", "/events");
    expect(res.status).toBe(200);
    expect(res.body.events.length).toBeGreaterThan(0);
    expect(res.body.events.every((e: { title: string }) => e.title !== "Annan organisation")).toBe(true);
    expect(res.body.events[0]).toHaveProperty("seatsLeft");
  });

  it("shows a published event publicly without the join link, and hides drafts", async () => {
    const pub = await h.api("POST", "/events", eventBody({ onlineUrl: "https://meet.example.com/secret" }));
    const anon = await h.api("GET", `/events/${pub.body.id}`, undefined, { token: null });
    expect(anon.status).toBe(200);
    expect(anon.body.onlineUrl).toBeUndefined();
    expect(anon.body.online).toBe(true);
    const own = await h.api("GET", `/events/${pub.body.id}`);
    expect(own.body.onlineUrl).toBe("https://meet.example.com/secret");

    const draft = await h.api("POST", "/events", eventBody({ status: "draft" }));
    expect((await h.api("GET", `/events/${draft.body.id}`, undefined, { token: null })).status).toBe(404);
    expect((await h.api("GET", `/events/${draft.body.id}`)).status).toBe(200);
    const other = await h.otherOrg();
    expect((await h.api("GET", `/events/${draft.body.id}`, undefined, { token: other.token })).status).toBe(404);
  });

  it("updates fields and validates the merged result", async () => {
    const ev = await h.api("POST", "/events", eventBody());
    const ok = await h.api("PATCH", `/events/${ev.body.id}`, { title: "Nytt namn", description: "Mer text" });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: "Nytt namn", description: "Mer text", venue: "BTH Campus Karlshamn" });
    const bad = await h.api("PATCH", `/events/${ev.body.id}`, { endsAt: "2027-03-18T07:00:00Z" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("endsAt");
    const cleared = await h.api("PATCH", `/events/${ev.body.id}`, { venue: null });
    expect(cleared.body.venue).toBeNull();
  });

  it("publishes a draft, after which people can sign up", async () => {
    const ev = await h.api("POST", "/events", eventBody({ status: "draft" }));
    expect((await h.api("POST", `/events/${ev.body.id}/registrations`, person(), { token: null })).status).toBe(404);
    await h.api("PATCH", `/events/${ev.body.id}`, { status: "published" });
    expect((await h.api("POST", `/events/${ev.body.id}/registrations`, person(), { token: null })).status).toBe(201);
  });

  it("cancels an event once; it cannot be changed afterwards and takes no signups", async () => {
    const ev = await h.api("POST", "/events", eventBody());
    const first = await h.api("POST", `/events/${ev.body.id}/cancel`);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe("cancelled");
    expect(first.body.cancelledAt).toBe(h.clock.now().toISOString());
    const again = await h.api("POST", `/events/${ev.body.id}/cancel`);
    expect(again.body.cancelledAt).toBe(first.body.cancelledAt);
    const patch = await h.api("PATCH", `/events/${ev.body.id}`, { title: "x" });
    expect(patch.status).toBe(409);
    expect(patch.body.error.code).toBe("event_cancelled");
    const signup = await h.api("POST", `/events/${ev.body.id}/registrations`, person(), { token: null });
    expect(signup.body.error.code).toBe("registration_closed");
  });
});
