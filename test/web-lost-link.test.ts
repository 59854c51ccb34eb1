import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventBody, harness, PUBLIC_URL, type Harness } from "./helpers/harness";

// "Lost your link?" on the event page: the manage link goes again to a live registration
// of the address typed, with the same answer for an address nobody registered, at most
// every ten minutes, under the signup limit, never a 500.
let h: Harness;
beforeAll(async () => {
  h = await harness({ signupRateLimit: { limit: 6, windowMs: 60_000 } });
});
afterAll(() => h.close());

const ask = (slug: string, email: string, { lang = "sv", ip = "198.51.100.7", origin = PUBLIC_URL } = {}) =>
  h.app.request(`/e/${slug}/link?lang=${lang}`, { method: "POST", body: new URLSearchParams({ email }), headers: { origin, "x-test-ip": ip } });
const links = (eventId: string) => h.database.db.all<{ to_email: string }>(sql`SELECT to_email FROM outbox WHERE event_id = ${eventId} AND kind = 'manage_link' ORDER BY rowid`);

describe("lost your link?", () => {
  it("sends the manage link again to the registered address, and answers an unknown one alike", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ slug: "lost-link" }))).body;
    await h.api("POST", `/events/${ev.id}/registrations`, { name: "Kim Berg", email: "Kim.Berg@example.se" }, { token: null });
    const page = await h.app.request("/e/lost-link");
    expect(await page.text()).toContain("Har du tappat bort länken till din anmälan?");

    const known = await ask("lost-link", "  kim.berg@EXAMPLE.se ");
    const unknown = await ask("lost-link", "nobody@example.se");
    expect([known.status, unknown.status]).toEqual([200, 200]);
    const [a, b] = [await known.text(), await unknown.text()];
    expect(a).toContain("Om adressen är anmäld till evenemanget har vi skickat länken dit igen.");
    // The same words for both: nothing tells who is registered.
    const notice = (html: string) => /<p class="notice ok" role="status">([^<]*)<\/p>/.exec(html)?.[1];
    expect(notice(b)).toBe(notice(a));
    expect(await links(ev.id)).toEqual([{ to_email: "Kim.Berg@example.se" }]);
    // Again at once: no second email within ten minutes.
    await ask("lost-link", "kim.berg@example.se");
    expect(await links(ev.id)).toHaveLength(1);
    h.clock.advance(11 * 60_000);
    await ask("lost-link", "kim.berg@example.se", { lang: "en" });
    expect(await links(ev.id)).toHaveLength(2);
  });

  it("never sends to a cancelled registration, and speaks the page's language", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ slug: "lost-link-cancelled" }))).body;
    const signup = await h.api("POST", `/events/${ev.id}/registrations`, { name: "Bo", email: "bo@example.se" }, { token: null });
    await h.api("POST", `/manage/${signup.body.manageUrl.split("/r/")[1]}/cancel`, undefined, { token: null });
    const res = await ask("lost-link-cancelled", "bo@example.se", { lang: "nb", ip: "198.51.100.8" });
    expect(await res.text()).toContain("Hvis adressen er påmeldt arrangementet, har vi sendt lenken dit igjen.");
    expect(await links(ev.id)).toEqual([]);
  });

  it("refuses a malformed address beside the field, a foreign origin, an unknown event and a flood, changing nothing", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ slug: "lost-link-bad" }))).body;
    const bad = await ask("lost-link-bad", "inte-en-adress", { ip: "198.51.100.9" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="lost-email-error"');
    expect(html).toContain('aria-invalid="true"');
    expect((await ask("lost-link-bad", "x@example.se", { origin: "https://evil.example" })).status).toBe(403);
    expect((await ask("no-such-event", "x@example.se")).status).toBe(404);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await ask("lost-link-bad", `p${i}@example.se`, { ip: "198.51.100.10" })).status);
    expect(statuses.slice(0, 6).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(await links(ev.id)).toEqual([]);
  });
});
