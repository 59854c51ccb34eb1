import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markArrival } from "../src/domain/checkin";
import { arrivedAt, auditFor, makeEvent, signUp } from "./admin-checkin-fixture";
import { adminHarness, type AdminHarness } from "./helpers/admin";

let h: AdminHarness;
beforeAll(async () => {
  h = await adminHarness();
});
afterAll(() => h.close());

describe("two devices at the door", () => {
  it("tapping the same person at once checks them in once, with one audit entry", async () => {
    const eventId = await makeEvent(h, { capacity: 5 });
    const { id } = await signUp(h, eventId, { name: "Tva Tryck", email: "tva@example.se" });
    const a = await h.signedIn("checkin");
    const b = await h.signedIn("checkin");
    const results = await Promise.all([a, b, a, b].map((m) => markArrival({ ctx: h.ctx, input: { id, orgId: h.orgId, eventId, via: "search" }, actor: m.member })));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await arrivedAt(h, id)).not.toBeNull();
    expect((await auditFor(h, id)).map((e) => e.action)).toEqual(["registration.check_in"]);
  });

  it("a tap on someone cancelled meanwhile says so and records nothing", async () => {
    const eventId = await makeEvent(h, { capacity: 5 });
    const { id, token } = await signUp(h, eventId, { name: "Sen Avbokning", email: "sen@example.se" });
    const door = await h.signedIn("checkin");
    await h.api("POST", `/manage/${token}/cancel`, undefined, { token: null });
    await expect(markArrival({ ctx: h.ctx, input: { id, orgId: h.orgId, eventId, via: "search" }, actor: door.member })).rejects.toMatchObject({ code: "not_confirmed" });
    expect(await arrivedAt(h, id)).toBeNull();
    expect(await auditFor(h, id)).toEqual([]);
  });
});
