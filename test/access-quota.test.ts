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
