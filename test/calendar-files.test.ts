import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventBody, harness, type Harness } from "./helpers/harness";

let h: Harness;
let orgSlug: string;
beforeAll(async () => {
  h = await harness();
  orgSlug = (await h.database.client.execute({ sql: "SELECT slug FROM organisations WHERE id = ?", args: [h.orgId] })).rows[0]!.slug as string;
});
afterAll(() => h.close());

const get = (path: string, headers: Record<string, string> = {}) => h.app.request(path, { headers });

describe("calendar files", () => {
  it("/e/:slug/calendar.ics publishes the event without attendees or the join link, with ETag/304", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ slug: "ics-test", onlineUrl: "https://meet.example.com/hidden" }))).body;
    await h.api("POST", `/events/${ev.id}/registrations`, { name: "A", email: "a-ics@example.se" }, { token: null });
    const res = await get("/e/ics-test/calendar.ics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await res.text();
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    const vevent = cal.getFirstSubcomponent("vevent")!;
    expect(vevent.getAllProperties("attendee")).toEqual([]);
    expect((vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe("2027-03-18T08:30:00.000Z");
    expect(text).not.toContain("hidden");
    expect(text).not.toContain("a-ics@example.se");

    const etag = res.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect((await get("/e/ics-test/calendar.ics", { "if-none-match": etag })).status).toBe(304);
    await h.api("PATCH", `/events/${ev.id}`, { venue: "Ny plats" });
    h.clock.advance(1000);
    expect((await get("/e/ics-test/calendar.ics", { "if-none-match": etag })).status).toBe(200);
  });

  it("drafts and unknown slugs answer 404 in the one error shape", async () => {
    await h.api("POST", "/events", eventBody({ slug: "draft-ics", status: "draft" }));
    for (const path of ["/e/draft-ics/calendar.ics", "/e/nope/calendar.ics", "/o/nope/calendar.ics"]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });

  it("/o/:org/calendar.ics is a subscription feed of upcoming public events", async () => {
    await h.api("POST", "/events", eventBody({ title: "Kommande", slug: "feed-upcoming" }));
    await h.api("POST", "/events", eventBody({ title: "Utkast", slug: "feed-draft", status: "draft" }));
    await h.api("POST", "/events", eventBody({ title: "Förbi", slug: "feed-past", startsAt: "2026-01-01T08:00:00Z", endsAt: "2026-01-01T09:00:00Z" }));
    const res = await get(`/o/${orgSlug}/calendar.ics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("Test org");
    expect(text).toMatch(/REFRESH-INTERVAL;VALUE=DURATION:PT1H/);
    expect(text).toMatch(/X-PUBLISHED-TTL:PT1H/);
    const titles = cal.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("summary"));
    expect(titles).toContain("Kommande");
    expect(titles).not.toContain("Utkast");
    expect(titles).not.toContain("Förbi");
    const etag = res.headers.get("etag")!;
    expect((await get(`/o/${orgSlug}/calendar.ics`, { "if-none-match": etag })).status).toBe(304);
  });
});

describe("add-to-calendar links on the manage link", () => {
  it("are there for the confirmed (Google, Outlook.com, Microsoft 365, .ics) and not for the waitlisted", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ capacity: 1, slug: "links-test" }))).body;
    const a = await h.api("POST", `/events/${ev.id}/registrations`, { name: "A", email: "a-links@example.se" }, { token: null });
    const b = await h.api("POST", `/events/${ev.id}/registrations`, { name: "B", email: "b-links@example.se" }, { token: null });
    const confirmed = await h.api("GET", `/manage/${a.body.manageUrl.split("/r/")[1]}`, undefined, { token: null });
    const links = confirmed.body.calendar;
    expect(links.ics).toBe(`${a.body.manageUrl}/calendar.ics`);
    const google = new URL(links.google);
    expect(google.host).toBe("calendar.google.com");
    expect(google.searchParams.get("dates")).toBe("20270318T083000Z/20270318T153000Z");
    expect(new URL(links.outlook).host).toBe("outlook.live.com");
    const office = new URL(links.office365);
    expect(office.host).toBe("outlook.office.com");
    expect(office.searchParams.get("startdt")).toBe("2027-03-18T08:30:00Z");
    const waiting = await h.api("GET", `/manage/${b.body.manageUrl.split("/r/")[1]}`, undefined, { token: null });
    expect(waiting.body.calendar).toBeNull();
  });
});
