import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { DAY, eventTimes, fromNow, manage, newEvent, signUp, type GetTarget } from "./common";

/** The public calendar files and the add-to-calendar links on the manage link. */
export function calendarBehaviour(target: GetTarget) {
  const get = (path: string, headers: Record<string, string> = {}) => target().fetch(path, { headers });

  describe("calendar files", () => {
    it("/e/:slug/calendar.ics publishes the event without attendees or the join link, with ETag/304", async () => {
      const t = target();
      const ev = await newEvent(t, { slug: "ics-test", onlineUrl: "https://meet.example.com/hidden" });
      await signUp(t, ev.id, { name: "A", email: "a-ics@example.se" });
      const res = await get("/e/ics-test/calendar.ics");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      const text = await res.text();
      const cal = new ICAL.Component(ICAL.parse(text));
      expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
      const vevent = cal.getFirstSubcomponent("vevent")!;
      expect(vevent.getAllProperties("attendee")).toEqual([]);
      expect((vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe(eventTimes.startsAt);
      expect(text).not.toContain("hidden");
      expect(text).not.toContain("a-ics@example.se");

      const etag = res.headers.get("etag")!;
      expect(etag).toBeTruthy();
      const cached = await get("/e/ics-test/calendar.ics", { "if-none-match": etag });
      expect(cached.status).toBe(304);
      expect(await cached.text()).toBe("");
      expect((await t.api("PATCH", `/events/${ev.id}`, { venue: "Ny plats" })).status).toBe(200);
      const changed = await get("/e/ics-test/calendar.ics", { "if-none-match": etag });
      expect(changed.status).toBe(200);
      expect(await changed.text()).toContain("Ny plats");
    });

    it("drafts and unknown slugs answer 404 in the one error shape", async () => {
      const t = target();
      await newEvent(t, { slug: "draft-ics", status: "draft" });
      for (const path of ["/e/draft-ics/calendar.ics", "/e/nope/calendar.ics", "/o/nope/calendar.ics"]) {
        const res = await get(path);
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
      }
    });

    it("/o/:org/calendar.ics is a subscription feed of upcoming public events", async () => {
      const t = target();
      const org = t.orgs[3]!;
      await newEvent(t, { title: "Kommande", slug: "feed-upcoming" }, org.token);
      await newEvent(t, { title: "Utkast", slug: "feed-draft", status: "draft" }, org.token);
      await newEvent(t, { title: "Förbi", slug: "feed-past", startsAt: fromNow(-30 * DAY), endsAt: fromNow(-30 * DAY + 3_600_000) }, org.token);
      await newEvent(t, { title: "Någon annans", slug: "feed-foreign" });
      const res = await get(`/o/${org.slug}/calendar.ics`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      const text = await res.text();
      const cal = new ICAL.Component(ICAL.parse(text));
      expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
      expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("Test org");
      expect(text).toMatch(/REFRESH-INTERVAL;VALUE=DURATION:PT1H/);
      expect(text).toMatch(/X-PUBLISHED-TTL:PT1H/);
      const titles = cal.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("summary"));
      expect(titles).toContain("Kommande");
      for (const hidden of ["Utkast", "Förbi", "Någon annans"]) expect(titles).not.toContain(hidden);
      const etag = res.headers.get("etag")!;
      expect(etag).toBeTruthy();
      expect((await get(`/o/${org.slug}/calendar.ics`, { "if-none-match": etag })).status).toBe(304);
      await newEvent(t, { title: "Ännu ett", slug: "feed-new" }, org.token);
      const grown = await get(`/o/${org.slug}/calendar.ics`, { "if-none-match": etag });
      expect(grown.status).toBe(200);
      expect(await grown.text()).toContain("Ännu ett");
    });
  });

  describe("add-to-calendar links on the manage link", () => {
    it("are there for the confirmed (Google, Outlook.com, Microsoft 365, .ics) and not for the waitlisted", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 1, slug: "links-test" });
      const a = await signUp(t, ev.id, { name: "A", email: "a-links@example.se" });
      const b = await signUp(t, ev.id, { name: "B", email: "b-links@example.se" });
      const links = (await manage(t, a.body.manageUrl)).body.calendar;
      expect(links.ics).toBe(`${a.body.manageUrl}/calendar.ics`);
      const google = new URL(links.google);
      expect(google.host).toBe("calendar.google.com");
      const compact = (iso: string) => iso.replace(/[-:]|\.000/g, "");
      expect(google.searchParams.get("dates")).toBe(`${compact(eventTimes.startsAt)}/${compact(eventTimes.endsAt)}`);
      expect(new URL(links.outlook).host).toBe("outlook.live.com");
      const office = new URL(links.office365);
      expect(office.host).toBe("outlook.office.com");
      expect(office.searchParams.get("startdt")).toBe(eventTimes.startsAt.replace(".000Z", "Z"));
      expect((await manage(t, b.body.manageUrl)).body.calendar).toBeNull();

      // The personal file behind the manage link is a real calendar for the confirmed one.
      const own = await t.fetch(new URL(links.ics).pathname);
      expect(own.status).toBe(200);
      expect(own.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      const vevent = new ICAL.Component(ICAL.parse(await own.text())).getFirstSubcomponent("vevent")!;
      expect((vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString()).toBe(eventTimes.startsAt);
    });
  });
}
