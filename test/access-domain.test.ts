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
