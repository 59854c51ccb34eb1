import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { updateManagedRegistration } from "../src/domain/signup";
import { eventBody, harness, person, type Harness } from "./helpers/harness";

// A company quota holds also when a registrant changes their organisation, and counts the
// registrations made before the quota was set.
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

const tokenOf = (manageUrl: string) => manageUrl.split("/r/")[1]!;
const signUp = (eventId: string, organisation: string) => h.api("POST", `/events/${eventId}/registrations`, person({ organisation }), { token: null });

describe("a company quota", () => {
  it("refuses a change to a company at its quota, and lets a person stay with their own however spelt", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ companyQuota: 1 }))).body;
    await signUp(ev.id, "Volvo Cars AB");
    const other = (await signUp(ev.id, "Södra Cell")).body;
    const change = (organisation: string) =>
      updateManagedRegistration({ ctx: h.ctx, input: { token: tokenOf(other.manageUrl), changes: { name: "Eva Ek", organisation } } });
    await expect(change("volvo cars")).rejects.toMatchObject({ reason: "company_quota" });
    const [row] = await h.database.db.all<{ organisation: string; company_key: string }>(sql`SELECT organisation, company_key FROM registrations WHERE id = ${other.id}`);
    expect(row).toEqual({ organisation: "Södra Cell", company_key: "sodra cell" });
    // Their own company, spelt otherwise, is still theirs.
    await change("SÖDRA CELL AB");
    const [after] = await h.database.db.all<{ organisation: string; company_key: string }>(sql`SELECT organisation, company_key FROM registrations WHERE id = ${other.id}`);
    expect(after).toEqual({ organisation: "SÖDRA CELL AB", company_key: "sodra cell" });
  });

  it("counts the registrations made before the quota was set", async () => {
    const ev = (await h.api("POST", "/events", eventBody())).body;
    for (let i = 0; i < 2; i++) expect((await signUp(ev.id, "ABB")).status).toBe(201);
    await h.database.db.run(sql`UPDATE registrations SET company_key = NULL WHERE event_id = ${ev.id}`);
    expect((await h.api("PATCH", `/events/${ev.id}`, { companyQuota: 2 })).body.companyQuota).toBe(2);
    const third = await signUp(ev.id, "ABB AB");
    expect([third.status, third.body.error.code]).toEqual([409, "company_quota"]);
  });
});

describe("invitations and personal data", () => {
  it("an erased person's invitation goes; retention keeps an old event's invitation counts without their people", async () => {
    const { erasePersonalData, applyRetention } = await import("../src/domain/privacy");
    const ev = (await h.api("POST", "/events", eventBody({ access: "invitation" }))).body;
    await h.api("POST", `/events/${ev.id}/invitations`, { invitees: [{ email: "glomd@abb.se", name: "Glömd Person" }, { email: "kvar@abb.se", organisation: "ABB" }] });
    const actor = { orgId: h.orgId, id: null, email: "test" };
    await erasePersonalData({ ctx: h.ctx, input: { orgId: h.orgId, email: "Glomd@abb.se" }, actor });
    expect(await h.database.db.all(sql`SELECT email FROM invitations WHERE event_id = ${ev.id}`)).toEqual([{ email: "kvar@abb.se" }]);

    // An event long past, of an organisation keeping data 30 days.
    await h.database.db.run(sql`UPDATE organisations SET retention_days = 30 WHERE id = ${h.orgId}`);
    await h.database.db.run(sql`UPDATE events SET starts_at = 0, ends_at = 1000 WHERE id = ${ev.id}`);
    await applyRetention({ ctx: h.ctx });
    expect(await h.database.db.all(sql`SELECT email, first_name, organisation, seats FROM invitations WHERE event_id = ${ev.id}`)).toEqual([
      { email: "", first_name: "", organisation: null, seats: 1 },
    ]);
    expect(await h.database.db.all(sql`SELECT count(*) AS n FROM outbox WHERE event_id = ${ev.id} AND kind = 'invitation'`)).toEqual([{ n: 0 }]);
  });
});

describe("a group that comes together, and the other limits", () => {
  const volvo = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => ({ name: `Volvo ${tag}${i}`, email: `${tag}${i}@volvocars.com`, organisation: i ? "volvo cars" : "Volvo Cars AB" }));
  it("a company quota takes a group together whole or not at all; as many as fit fills it", async () => {
    const { registerGroup } = await import("../src/domain/signup");
    const ev = (await h.api("POST", "/events", eventBody({ companyQuota: 2, waitlist: false }))).body;
    const together = await registerGroup({ ctx: h.ctx, input: { eventId: ev.id, attendees: volvo(3, "t"), groupMode: "together" } });
    expect(together).toEqual([null, null, null]);
    const some = await registerGroup({ ctx: h.ctx, input: { eventId: ev.id, attendees: volvo(3, "s"), groupMode: "as_many_as_fit" } });
    expect(some.map((r) => r?.status ?? null)).toEqual(["confirmed", "confirmed", null]);
  });

  it("a full workshop without a waitlist takes a group together whole or not at all", async () => {
    const { registerGroup } = await import("../src/domain/signup");
    const ev = (await h.api("POST", "/events", eventBody({ programme: "choose" }))).body;
    const ws = (await h.api("POST", `/events/${ev.id}/sessions`, { title: "5S", startsAt: ev.startsAt, endsAt: ev.endsAt, capacity: 2, waitlist: false })).body;
    const group = volvo(3, "w").map((p) => ({ ...p, organisation: null, sessions: [ws.id] }));
    expect(await registerGroup({ ctx: h.ctx, input: { eventId: ev.id, attendees: group, groupMode: "together" } })).toEqual([null, null, null]);
    expect(await h.database.db.all(sql`SELECT count(*) AS n FROM registrations WHERE event_id = ${ev.id}`)).toEqual([{ n: 0 }]);
    const two = await registerGroup({ ctx: h.ctx, input: { eventId: ev.id, attendees: group.slice(0, 2), groupMode: "together" } });
    expect(two.map((r) => r?.sessions)).toEqual([[{ id: ws.id, status: "confirmed", position: null }], [{ id: ws.id, status: "confirmed", position: null }]]);
  });

  it("someone sent in another's place counts against their company's quota", async () => {
    const { substituteManagedRegistration } = await import("../src/domain/signup");
    const ev = (await h.api("POST", "/events", eventBody({ companyQuota: 1 }))).body;
    await signUp(ev.id, "ABB");
    const seat = (await signUp(ev.id, "Södra")).body;
    await expect(
      substituteManagedRegistration({ ctx: h.ctx, input: { token: tokenOf(seat.manageUrl), person: { name: "Abb Kollega", firstName: "Abb", lastName: "Kollega", email: "k@abb.se", organisation: "ABB AB" } as never } }),
    ).rejects.toMatchObject({ reason: "company_quota" });
  });

  it("in a package, someone added by hand holds every date", async () => {
    const { addAttendee } = await import("../src/domain/attendees");
    const ev = (await h.api("POST", "/events", eventBody({ programme: "package" }))).body;
    for (let i = 0; i < 2; i++) await h.api("POST", `/events/${ev.id}/sessions`, { title: `Tillfälle ${i}`, startsAt: ev.startsAt, endsAt: ev.endsAt });
    const actor = { orgId: h.orgId, id: null, email: "test" };
    await addAttendee({ ctx: h.ctx, input: { orgId: h.orgId, eventId: ev.id, attendee: { name: "Per Hand", email: "per@hand.se" }, override: false, sendEmail: false }, actor });
    expect(await h.database.db.all(sql`SELECT status FROM session_choices WHERE event_id = ${ev.id}`)).toEqual([{ status: "confirmed" }, { status: "confirmed" }]);
  });

  it("applicants are told of a cancelled event, and an application to it cannot be approved", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ access: "approval" }))).body;
    const app = (await h.api("POST", `/events/${ev.id}/registrations`, person(), { token: null })).body;
    await h.api("POST", `/events/${ev.id}/cancel`);
    expect(await h.database.db.all(sql`SELECT kind FROM outbox WHERE registration_id = ${app.id} ORDER BY rowid`)).toEqual([
      { kind: "application_received" },
      { kind: "event_cancelled" },
    ]);
    const approve = await h.api("POST", `/registrations/${app.id}/approve`);
    expect([approve.status, approve.body.error.code]).toEqual([409, "event_cancelled"]);
    expect(await h.database.db.all(sql`SELECT status FROM registrations WHERE id = ${app.id}`)).toEqual([{ status: "pending" }]);
  });
});
