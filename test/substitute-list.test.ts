import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness } from "./helpers/admin";
import { listPath, newEvent, tableRows } from "./admin-attendees-fixture";

// The workspace sees a seat passed on: a note on the new person's row of the attendance
// list, in each member's language, and the entry in the audit log.
let h: AdminHarness;
beforeAll(async () => {
  h = await adminHarness();
});
afterAll(() => h?.close());

describe("a seat passed on, in the workspace", () => {
  it("notes on the row whom the person replaced, and logs it", async () => {
    const eventId = await newEvent(h, { slug: "subst-list" });
    const anna = await h.api("POST", `/events/${eventId}/registrations`, { name: "Anna Andersson", email: "anna@example.se" }, { token: null });
    const token = anna.body.manageUrl.split("/r/")[1];
    const res = await h.api("POST", `/manage/${token}/substitute`, { firstName: "Bo", lastName: "Berg", email: "bo@example.se" }, { token: null });
    expect(res.status).toBe(200);

    for (const [browser, note] of [
      ["en", "replaced Anna Andersson"],
      ["sv", "ersatte Anna Andersson"],
      ["nb", "erstattet Anna Andersson"],
    ] as const) {
      const member = await h.signedIn("organiser", h.orgId, browser);
      const rows = tableRows((await member.request(listPath(eventId), { headers: { "accept-language": browser } })).text);
      expect(rows.map((r) => r.id)).toEqual([anna.body.id]);
      expect(rows[0]!.text, browser).toContain("Bo Berg");
      expect(rows[0]!.text, browser).toContain(note);
    }

    const owner = await h.signedIn("owner", h.orgId, "sv");
    const log = (await owner.request("/admin/audit", { headers: { "accept-language": "sv" } })).text;
    expect(log).toContain("Plats överlämnad till en kollega");
    expect(log).toContain("anna@example.se");
  });
});
