import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody } from "./helpers/harness";

// The account page's notifications: choosing for all events and per event, in the
// member's language; refusals show the form again (or the error page) and change nothing.
let h: AdminHarness;
let organiser: SignedIn;
let eventId: string;
beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
  eventId = (await h.api("POST", "/events", eventBody({ title: "Leankonferens" }))).body.id;
});
afterAll(() => h.close());

const prefs = () => h.database.db.all(sql`SELECT user_id, event_id, mode, kinds FROM notification_preferences ORDER BY rowid`);

describe("notifications on the account page", () => {
  it("starts at no emails, and saves a choice for all events", async () => {
    const page = await organiser.request("/admin/account");
    expect(page.text).toContain('id="notifications"');
    expect(page.text).toMatch(/<input type="radio" name="mode" value="none" checked=""/);
    const saved = await organiser.request("/admin/account/notifications", { form: { mode: "each", kinds: ["signup", "expired_offer"] } });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe("/admin/account?notice=notifications#notifications");
    expect(await prefs()).toEqual([{ user_id: organiser.member.id, event_id: null, mode: "each", kinds: '["signup","expired_offer"]' }]);
    const after = await organiser.request("/admin/account?notice=notifications");
    expect(after.text).toContain("Your notifications are saved.");
    expect(after.text).toMatch(/value="expired_offer" checked=""/);
  });

  it("chooses for one event and removes the choice again", async () => {
    const added = await organiser.request("/admin/account/notifications/events", { form: { event: eventId, mode: "none" } });
    expect(added.status).toBe(303);
    const page = await organiser.request("/admin/account");
    expect(page.text).toContain(`action="/admin/account/notifications/events/${eventId}/remove"`);
    expect(page.text).toContain("No emails");
    // An event with a choice is no longer offered in the form.
    expect(page.text).not.toContain(`<option value="${eventId}"`);
    const removed = await organiser.request(`/admin/account/notifications/events/${eventId}/remove`, { form: {} });
    expect(removed.location).toBe("/admin/account?notice=notification-removed#notifications");
    expect((await prefs()).filter((p) => (p as { event_id: string | null }).event_id)).toEqual([]);
  });

  it("refuses a bad mode or kind, `each` without kinds, and another organisation's event; nothing changes", async () => {
    const before = await prefs();
    const bad = await organiser.request("/admin/account/notifications", { form: { mode: "hourly", kinds: "gossip" } });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('class="error-summary"');
    expect(bad.text).toContain('href="#f-mode"');
    const none = await organiser.request("/admin/account/notifications/events", { form: { event: eventId, mode: "each" } });
    expect(none.status).toBe(400);
    expect(none.text).toContain('href="#f-event-kinds"');
    const theirs = (await h.otherOrg()).token;
    const otherEvent = (await h.api("POST", "/events", eventBody({ title: "Deras" }), { token: theirs })).body.id;
    expect((await organiser.request("/admin/account/notifications/events", { form: { event: otherEvent, mode: "digest" } })).status).toBe(404);
    expect((await organiser.request(`/admin/account/notifications/events/${otherEvent}/remove`, { form: {} })).status).toBe(404);
    const script = await organiser.request("/admin/account/notifications", { json: { mode: 3 } });
    expect(script.status).toBe(400);
    expect(await prefs()).toEqual(before);
  });

  it("tells the door's role the emails are for organisers, with no form", async () => {
    const door = await h.signedIn("checkin");
    const page = await door.request("/admin/account");
    expect(page.text).toContain("Email notifications are for organisers and owners.");
    expect(page.text).not.toContain('action="/admin/account/notifications"');
  });

  it("speaks Swedish and Norwegian", async () => {
    for (const [lang, words] of [
      ["sv", ["Aviseringar via e-post", "Ett mejl när något händer", "Nya anmälningar"]],
      ["nb", ["Varsler på e-post", "En e-post når noe skjer", "Nye påmeldinger"]],
    ] as const) {
      const page = await organiser.request("/admin/account", { headers: { "accept-language": lang } });
      for (const w of words) expect(page.text, lang).toContain(w);
    }
  });
});
