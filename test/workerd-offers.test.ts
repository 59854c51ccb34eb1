import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveEventBody } from "./helpers/harness";
import { postJson } from "./helpers/server";
import { sharedWorkerd, type Workerd } from "./helpers/workerdInstances";
import { fireCron, seedOrganisation } from "./helpers/workerdSeed";

// Waitlist offers in the Workers build over D1: every answer is one batch there too (D1 has
// no interactive transactions), and the minute's Cron Trigger ends run-out offers and
// passes their seats on. workerd has no clock to move: a run-out offer is made by setting
// its deadline in the past in D1, then the cron is fired as Cloudflare would fire it.
let w: Workerd;
let auth: Record<string, string>;
beforeAll(async () => {
  w = await sharedWorkerd();
  ({ auth } = await seedOrganisation(w, `offers${Date.now().toString(36)}`));
});
afterAll(() => w?.stop());

type Reg = { id: string; token: string };
const api = (path: string) => `${w.url}/api/v1${path}`;
async function signUp(eventId: string, name: string): Promise<Reg & { status: string }> {
  const res = await postJson(api(`/events/${eventId}/registrations`), { name, email: `${name.toLowerCase()}.${eventId}@example.se` });
  expect(res.status).toBe(201);
  return { id: res.body.id, token: res.body.manageUrl.split("/r/")[1], status: res.body.status };
}
const answer = (r: Reg, action: string) => postJson(api(`/manage/${r.token}/${action}`), {});
const view = async (r: Reg) => (await (await fetch(api(`/manage/${r.token}`))).json()) as { status: string; offerExpiresAt: string | null };
const kinds = async (r: Reg) => ((await w.d1(`SELECT kind FROM outbox WHERE registration_id = '${r.id}' ORDER BY rowid`)) as { kind: string }[]).map((o) => o.kind);

describe("offers in workerd on D1", () => {
  it("offer, decline, expiry by the cron and accept, each step one write and one email", async () => {
    const ev = await postJson(api("/events"), liveEventBody({ capacity: 1, waitlistMode: "offer", offerMinutes: 30 }), auth);
    expect(ev.status).toBe(201);
    expect(ev.body).toMatchObject({ waitlistMode: "offer", offerMinutes: 30 });
    const [anna, bo, cia, dan] = [await signUp(ev.body.id, "Anna"), await signUp(ev.body.id, "Bo"), await signUp(ev.body.id, "Cia"), await signUp(ev.body.id, "Dan")];
    expect([anna.status, bo.status, cia.status, dan.status]).toEqual(["confirmed", "waitlisted", "waitlisted", "waitlisted"]);

    // Anna cancels: Bo is offered the seat, held for 30 minutes; nobody new takes it.
    expect((await answer(anna, "cancel")).body.status).toBe("cancelled");
    const offered = await view(bo);
    expect(offered.status).toBe("offered");
    const held = Date.parse(offered.offerExpiresAt!) - Date.now();
    expect(held).toBeGreaterThan(25 * 60_000);
    expect(held).toBeLessThanOrEqual(30 * 60_000);
    expect((await signUp(ev.body.id, "Eva")).status).toBe("waitlisted");

    // Bo declines: Cia is offered the seat in the same write.
    expect((await answer(bo, "decline")).body.status).toBe("cancelled");
    expect((await view(cia)).status).toBe("offered");

    // Cia's time runs out: the minute's cron ends her offer and offers the seat to Dan.
    await w.d1(`UPDATE registrations SET offer_expires_at = ${Date.now() - 1000} WHERE id = '${cia.id}'`);
    const late = await answer(cia, "accept");
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("offer_expired");
    expect((await fireCron(w, "* * * * *")).status).toBe(200);
    expect((await view(cia)).status).toBe("expired");
    expect((await view(dan)).status).toBe("offered");

    // Dan accepts: confirmed, with a confirmation; the event is full again with nothing held.
    expect((await answer(dan, "accept")).body.status).toBe("confirmed");
    const event = await (await fetch(api(`/events/${ev.body.id}`))).json();
    expect(event).toMatchObject({ confirmed: 1, offered: 0, waitlisted: 1, seatsLeft: 0 });

    expect(await kinds(anna)).toEqual(["confirmed", "cancelled"]);
    expect(await kinds(bo)).toEqual(["waitlisted", "offered", "cancelled"]);
    expect(await kinds(cia)).toEqual(["waitlisted", "offered", "expired"]);
    expect(await kinds(dan)).toEqual(["waitlisted", "offered", "confirmed"]);
    // The triggers kept D1's tallies equal to the rows.
    const [tally] = (await w.d1(`SELECT t.confirmed, t.waitlisted, t.offered,
        (SELECT count(*) FROM registrations r WHERE r.event_id = t.event_id AND r.status = 'confirmed') AS c,
        (SELECT count(*) FROM registrations r WHERE r.event_id = t.event_id AND r.status = 'waitlisted') AS w,
        (SELECT count(*) FROM registrations r WHERE r.event_id = t.event_id AND r.status = 'offered') AS o
      FROM event_tallies t WHERE t.event_id = '${ev.body.id}'`)) as { confirmed: number; waitlisted: number; offered: number; c: number; w: number; o: number }[];
    expect([tally!.confirmed, tally!.waitlisted, tally!.offered]).toEqual([tally!.c, tally!.w, tally!.o]);
  });

  it("refuses bad answers in the one error shape", async () => {
    const ev = await postJson(api("/events"), liveEventBody({ capacity: 1, waitlistMode: "offer" }), auth);
    const [anna, bo] = [await signUp(ev.body.id, "Ada"), await signUp(ev.body.id, "Ben")];
    for (const [r, action, status, code] of [[anna, "accept", 200, null], [anna, "decline", 409, "conflict"], [bo, "accept", 409, "conflict"]] as const) {
      const res = await answer(r, action);
      expect(res.status, action).toBe(status);
      if (code) expect(res.body.error.code).toBe(code);
    }
    expect((await postJson(api("/manage/AAAAAAAAAAAAAAAAAAAAAA/accept"), {})).status).toBe(404);
    const bad = await postJson(api("/events"), liveEventBody({ waitlistMode: "later", offerMinutes: 0 }), auth);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["offerMinutes", "waitlistMode"]);
  });
});
