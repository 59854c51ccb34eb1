import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireOffers } from "../src/domain/seats";
import { startBackground } from "../src/runtime/node/background";
import { HOUR, MINUTE } from "./helpers/clock";
import { talliesDrift } from "./helpers/db";
import { eventBody, PUBLIC_URL } from "./helpers/harness";
import { FROM, mailHarness, manageTokenIn, type MailHarness } from "./helpers/mail";

// Waitlist offers on Node, in process, on the injected clock: a freed seat is held for the
// first waitlisted person; they accept or decline; the sweep ends what runs out and offers
// the seat on. Mail goes through a real SMTP server and is read back with mailparser.
let h: MailHarness;
beforeAll(async () => {
  h = await mailHarness();
});
afterAll(() => h?.stop());

let n = 0;
type Reg = { id: string; status: string; token: string; email: string };

async function offerEvent(overrides: Record<string, unknown> = {}) {
  const res = await h.api("POST", "/events", eventBody({ slug: `offers-${++n}`, capacity: 2, waitlistMode: "offer", offerMinutes: 60, ...overrides }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; startsAt: string };
}
async function signUp(eventId: string, name: string): Promise<Reg> {
  const email = `${name.toLowerCase()}.${++n}@example.se`;
  const res = await h.signUp(eventId, { name, email });
  expect(res.status).toBe(201);
  return { id: res.body.id, status: res.body.status, token: res.body.manageUrl.split("/r/")[1], email };
}
const manage = (token: string, action = "") => h.api(action ? "POST" : "GET", `/manage/${token}${action}`, undefined, { token: null });
const statusOf = async (r: Reg) => (await manage(r.token)).body.status as string;
const kindsFor = async (r: Reg) =>
  (await h.database.db.all<{ kind: string }>(sql`SELECT kind FROM outbox WHERE registration_id = ${r.id} ORDER BY rowid`)).map((o) => o.kind);
/** Sends what is queued and returns the subjects each of these people received, oldest first. */
async function mailOf(...people: Reg[]) {
  await h.dispatch();
  return people.map((p) => h.inbox(p.email).map((m) => m.mail.subject));
}
const lastMail = (r: Reg) => h.inbox(r.email).at(-1)!.mail;

/** A full event: two confirmed, then `waiting` people on the waitlist, in that order. */
async function fullEvent(waiting: number, overrides: Record<string, unknown> = {}) {
  const ev = await offerEvent(overrides);
  const seated = [await signUp(ev.id, "Anna"), await signUp(ev.id, "Bo")];
  const queue: Reg[] = [];
  for (let i = 0; i < waiting; i++) queue.push(await signUp(ev.id, ["Cecilia", "David", "Eva", "Frida"][i]!));
  expect(seated.map((s) => s.status)).toEqual(["confirmed", "confirmed"]);
  expect(queue.every((q) => q.status === "waitlisted")).toBe(true);
  await mailOf(...seated, ...queue);
  return { ev, seated, queue };
}

describe("an event in offer mode", () => {
  it("offers a freed seat to the first waitlisted and holds it against the rest and newcomers", async () => {
    const { ev, seated, queue } = await fullEvent(2);
    const [c, d] = queue as [Reg, Reg];
    expect((await manage(seated[0]!.token, "/cancel")).body.status).toBe("cancelled");
    const offered = (await manage(c.token)).body;
    expect(offered.status).toBe("offered");
    expect(offered.offerExpiresAt).toBe(new Date(h.clock.now().getTime() + HOUR).toISOString());
    expect(offered.position).toBeNull();
    expect(await statusOf(d)).toBe("waitlisted");

    // Held: someone new waits behind everyone, and the event shows no seat left.
    const late = await signUp(ev.id, "Gustav");
    expect(late.status).toBe("waitlisted");
    const view = (await h.api("GET", `/events/${ev.id}`)).body;
    expect(view).toMatchObject({ waitlistMode: "offer", offerMinutes: 60, confirmed: 1, offered: 1, waitlisted: 2, seatsLeft: 0 });

    // One email each: the cancellation, and the offer with its deadline and the accept page.
    expect(await mailOf(seated[0]!, c, d)).toEqual([
      ["Bekräftelse: Leankonferens Blekinge 2027", "Avbokad: Leankonferens Blekinge 2027"],
      ["Du står på väntelistan: Leankonferens Blekinge 2027", "Erbjudande om plats: Leankonferens Blekinge 2027"],
      ["Du står på väntelistan: Leankonferens Blekinge 2027"],
    ]);
    const mail = lastMail(c);
    // 21 November 2026 09:00 UTC + 1 hour, on Stockholm's clock.
    expect(mail.text).toContain("Vi håller den åt dig till lördag 21 november 2026 kl. 11.00.");
    expect(mail.text).toMatch(new RegExp(`Ja, jag tar platsen:\\n${PUBLIC_URL}/r/[A-Za-z0-9_-]{22}/accept`));
    expect(mail.html).toContain("/accept");
    expect(mail.attachments).toEqual([]);
    // The waitlist email said what offer mode does, not "it is yours automatically".
    expect(h.inbox(d.email)[0]!.mail.text).toContain("erbjuds du den i ett mejl");
    expect(await talliesDrift(h.database.db)).toEqual([]);
  });

  it("accept: confirmed with the confirmation and its invite, once however often it is clicked", async () => {
    const { seated, queue } = await fullEvent(1);
    const c = queue[0]!;
    await manage(seated[1]!.token, "/cancel");
    await mailOf(c);
    const token = manageTokenIn(lastMail(c).text!)!;
    const accepted = await manage(token, "/accept");
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: "confirmed", offerExpiresAt: null });
    expect((await manage(token, "/accept")).status).toBe(200);
    expect(await kindsFor(c)).toEqual(["waitlisted", "offered", "confirmed"]);
    await mailOf(c);
    const confirmation = lastMail(c);
    expect(confirmation.subject).toBe("Bekräftelse: Leankonferens Blekinge 2027");
    expect(confirmation.attachments.map((a) => a.contentType)).toEqual(["text/calendar"]);
    expect(await talliesDrift(h.database.db)).toEqual([]);
  });

  it("decline: cancelled, and the seat is offered to the next person in the same write", async () => {
    const { seated, queue } = await fullEvent(2);
    const [c, d] = queue as [Reg, Reg];
    await manage(seated[0]!.token, "/cancel");
    const declined = await manage(c.token, "/decline");
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe("cancelled");
    expect(await statusOf(d)).toBe("offered");
    expect((await manage(c.token, "/decline")).status).toBe(200);
    expect(await kindsFor(c)).toEqual(["waitlisted", "offered", "cancelled"]);
    expect(await kindsFor(d)).toEqual(["waitlisted", "offered"]);
    const [cMail, dMail] = await mailOf(c, d);
    expect(cMail!.at(-1)).toBe("Avbokad: Leankonferens Blekinge 2027");
    expect(dMail!.at(-1)).toBe("Erbjudande om plats: Leankonferens Blekinge 2027");
  });

  it("expiry: the sweep ends a run-out offer as expired and offers the seat on, one email each", async () => {
    const { ev, seated, queue } = await fullEvent(2);
    const [c, d] = queue as [Reg, Reg];
    await manage(seated[0]!.token, "/cancel");
    await mailOf(c, d);
    h.clock.advance(HOUR - MINUTE);
    await expireOffers({ ctx: h.ctx });
    expect(await statusOf(c)).toBe("offered");

    h.clock.advance(MINUTE);
    // Run out but not yet swept: no longer accepted, and nothing changes.
    const late = await manage(c.token, "/accept");
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("offer_expired");
    expect(await statusOf(c)).toBe("offered");

    // Other tests' offers in this database run out too: at least this event's.
    expect((await expireOffers({ ctx: h.ctx })).events).toBeGreaterThanOrEqual(1);
    expect(await statusOf(c)).toBe("expired");
    expect(await statusOf(d)).toBe("offered");
    expect((await manage(c.token, "/accept")).body.error.code).toBe("offer_expired");
    expect(await expireOffers({ ctx: h.ctx })).toEqual({ events: 0 });
    expect(await kindsFor(c)).toEqual(["waitlisted", "offered", "expired"]);
    expect(await kindsFor(d)).toEqual(["waitlisted", "offered"]);
    const [cMail, dMail] = await mailOf(c, d);
    expect(cMail).toHaveLength(3);
    expect(cMail!.at(-1)).toBe("Erbjudandet har gått ut: Leankonferens Blekinge 2027");
    expect(lastMail(c).text).toContain("platsen är inte längre reserverad för dig");
    expect(dMail!.at(-1)).toBe("Erbjudande om plats: Leankonferens Blekinge 2027");

    // An offer not taken no longer holds the address: the person may sign up again, at the back.
    const again = await h.signUp(ev.id, { name: "Cecilia", email: c.email });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: "waitlisted", position: 1 });
    expect(await talliesDrift(h.database.db)).toEqual([]);
  });

  it("expiry runs in Node's background loop too", async () => {
    const { seated, queue } = await fullEvent(2);
    const [c, d] = queue as [Reg, Reg];
    await manage(seated[0]!.token, "/cancel");
    h.clock.advance(HOUR);
    const background = startBackground({ ctx: h.ctx, mailer: h.mailer, settings: { from: FROM }, reminderLeadMs: 0, dispatchEveryMs: 3_600_000, retainEveryMs: 3_600_000, sweepEveryMs: 20 });
    try {
      await expect.poll(() => statusOf(d), { timeout: 5000 }).toBe("offered");
      expect(await statusOf(c)).toBe("expired");
      // The loop sent the new offer at once, not at the next dispatch tick.
      await expect.poll(() => h.inbox(d.email).map((m) => m.mail.subject).at(-1), { timeout: 5000 }).toBe("Erbjudande om plats: Leankonferens Blekinge 2027");
    } finally {
      await background.stop();
    }
  });

  it("ends every offer an hour before the start, and confirms a seat freed within that hour at once", async () => {
    const { ev, seated, queue } = await fullEvent(2, { offerMinutes: 1440 });
    const [c, d] = queue as [Reg, Reg];
    const start = Date.parse(ev.startsAt);
    h.clock.set(new Date(start - 3 * HOUR));
    await manage(seated[0]!.token, "/cancel");
    expect((await manage(c.token)).body.offerExpiresAt).toBe(new Date(start - HOUR).toISOString());

    h.clock.set(new Date(start - 30 * MINUTE));
    await manage(seated[1]!.token, "/cancel");
    expect(await statusOf(d)).toBe("confirmed");
    expect(await kindsFor(d)).toEqual(["waitlisted", "promoted"]);
    // The sweep ends c's offer, and with nobody waiting the seat is simply free.
    await expireOffers({ ctx: h.ctx });
    expect(await statusOf(c)).toBe("expired");
    expect((await h.api("GET", `/events/${ev.id}`)).body).toMatchObject({ confirmed: 1, offered: 0, seatsLeft: 1 });
    h.clock.set("2026-11-21T09:00:00Z");
  });

  it("refuses an answer once the event is cancelled or has started, changing nothing", async () => {
    const { ev, seated, queue } = await fullEvent(1);
    const c = queue[0]!;
    await manage(seated[0]!.token, "/cancel");
    expect((await h.api("POST", `/events/${ev.id}/cancel`)).status).toBe(200);
    for (const action of ["/accept", "/decline"]) {
      const res = await manage(c.token, action);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("registration_closed");
    }
    expect(await statusOf(c)).toBe("offered");
    // The sweep ends it later without an email: the event's cancellation said it all.
    h.clock.advance(HOUR);
    await expireOffers({ ctx: h.ctx });
    expect(await statusOf(c)).toBe("expired");
    expect(await kindsFor(c)).toEqual(["waitlisted", "offered", "event_cancelled"]);
    h.clock.set("2026-11-21T09:00:00Z");

    const started = await fullEvent(1, { offerMinutes: 10_080 });
    await manage(started.seated[0]!.token, "/cancel");
    await h.api("PATCH", `/events/${started.ev.id}`, { startsAt: new Date(h.clock.now().getTime() + 90 * MINUTE).toISOString() });
    h.clock.advance(2 * HOUR);
    const res = await manage(started.queue[0]!.token, "/accept");
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("registration_closed");
    h.clock.set("2026-11-21T09:00:00Z");
  });

  it("answers only an open offer: others get 409 or 404 in the one error shape, never a change", async () => {
    const { seated, queue } = await fullEvent(1);
    const counts = async () => h.database.db.all(sql`SELECT status, count(*) AS n FROM registrations GROUP BY status ORDER BY status`);
    const before = await counts();
    const outboxBefore = (await h.outbox()).length;
    const cases: [string, string, number, string][] = [
      [queue[0]!.token, "/accept", 409, "conflict"],
      [queue[0]!.token, "/decline", 409, "conflict"],
      [seated[0]!.token, "/decline", 409, "conflict"],
      ["x".repeat(22), "/accept", 404, "not_found"],
      ["not-a-token", "/decline", 404, "not_found"],
    ];
    for (const [token, action, status, code] of cases) {
      const res = await manage(token, action);
      expect(res.status, `${token} ${action}`).toBe(status);
      expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
    }
    expect((await manage(seated[0]!.token, "/accept")).body.status).toBe("confirmed");
    expect(await counts()).toEqual(before);
    expect((await h.outbox()).length).toBe(outboxBefore);
  });

  it("checks waitlistMode and offerMinutes on create and update", async () => {
    const ev = await offerEvent();
    const bad: [Record<string, unknown>, string, string][] = [
      [{ waitlistMode: "sometimes" }, "waitlistMode", "one_of"],
      [{ waitlistMode: null }, "waitlistMode", "one_of"],
      [{ offerMinutes: 0 }, "offerMinutes", "too_small"],
      [{ offerMinutes: 10_081 }, "offerMinutes", "too_big"],
      [{ offerMinutes: 1.5 }, "offerMinutes", "whole_number"],
      [{ offerMinutes: "60" }, "offerMinutes", "number"],
    ];
    for (const [patch, field, code] of bad) {
      for (const res of [await h.api("POST", "/events", eventBody({ slug: `bad-${++n}`, ...patch })), await h.api("PATCH", `/events/${ev.id}`, patch)]) {
        expect(res.status, JSON.stringify(patch)).toBe(400);
        expect(res.body.error.code).toBe("invalid_request");
        expect(res.body.error.fieldCodes[field].code, JSON.stringify(res.body)).toBe(code);
      }
    }
    expect((await h.api("GET", `/events/${ev.id}`)).body).toMatchObject({ waitlistMode: "offer", offerMinutes: 60 });
    const auto = await h.api("POST", "/events", eventBody({ slug: `auto-${++n}` }));
    expect(auto.body).toMatchObject({ waitlistMode: "auto", offerMinutes: 1440 });
    expect((await h.api("PATCH", `/events/${ev.id}`, { waitlistMode: "auto", offerMinutes: 10_080 })).body).toMatchObject({ waitlistMode: "auto", offerMinutes: 10_080 });
  });
});
