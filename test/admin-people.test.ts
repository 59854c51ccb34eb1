import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody, person } from "./helpers/harness";
import { newEvent, signUp } from "./admin-attendees-fixture";

// Finding a person in every event of the organisation (/admin/people): the stored search
// text of each registration, the organisation's own events only, a page at a time.
let h: AdminHarness;
let organiser: SignedIn;
let spring: string;
let autumn: string;
beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
  spring = await newEvent(h, { title: "Vårträff" });
  const start = new Date(h.clock.now().getTime() + 200 * 86_400_000);
  autumn = await newEvent(h, { title: "Höstträff", startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() });
  await signUp(h, spring, { name: "Åsa Söderström", email: "asa@verkstad.se", organisation: "Öberg Verkstad AB" });
  await signUp(h, autumn, { name: "Åsa Söderström", email: "asa@verkstad.se", organisation: "Öberg Verkstad AB" });
  await signUp(h, autumn, { name: "Bo Ek", email: "bo@ek.se" });
  const other = await h.otherOrg();
  const theirs = (await h.api("POST", "/events", eventBody({ title: "Deras träff" }), { token: other.token })).body.id as string;
  await h.api("POST", `/events/${theirs}/registrations`, person({ name: "Åsa Söderström", email: "asa@annan.se" }), { token: null });
});
afterAll(() => h.close());

const hits = (html: string) =>
  [...html.matchAll(/<tr><th scope="row">([^<]*)<\/th>[\s\S]*?<\/tr>/g)].map((m) => m[0].replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());

describe("finding a person across events", () => {
  it("finds them in each of our events, the latest first, accents ignored, and links to their row", async () => {
    const res = await organiser.request("/admin/people?q=soderstrom");
    expect(res.status).toBe(200);
    const found = hits(res.text);
    expect(found).toHaveLength(2);
    expect(found[0]).toContain("Höstträff");
    expect(found[1]).toContain("Vårträff");
    expect(res.text).not.toContain("asa@annan.se");
    expect(res.text).toContain("2 matches");
    expect(res.text).toMatch(new RegExp(`href="/admin/events/${autumn}\\?status=all&amp;q=asa%40verkstad.se#reg_[0-9a-z]+"`));
    // The link opens the list with that row on it.
    const link = /href="(\/admin\/events\/[^"]+)"/.exec(res.text.slice(res.text.indexOf("<tbody>")))![1]!.replaceAll("&amp;", "&");
    const [path, id] = link.split("#");
    expect((await organiser.request(path!)).text).toContain(`<tr id="${id}">`);
  });

  it("matches organisation and email too, and says when nobody matches", async () => {
    expect(hits((await organiser.request("/admin/people?q=oberg+verkstad")).text)).toHaveLength(2);
    expect(hits((await organiser.request("/admin/people?q=bo%40ek")).text)).toEqual([expect.stringContaining("Bo Ek")]);
    const none = await organiser.request("/admin/people?q=ingen");
    expect(none.text).toContain("Nobody matches “ingen”.");
  });

  it("searches nothing for an empty query, only shows the form", async () => {
    for (const path of ["/admin/people", "/admin/people?q=", "/admin/people?q=%20%20"]) {
      const res = await organiser.request(path);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain("<table");
      expect(res.text).toContain('<a href="/admin/people" aria-current="page">Attendees</a>');
    }
  });

  it("pages 50 at a time from a cursor, each hit once", async () => {
    const big = await newEvent(h, { title: "Stor kurs", capacity: 200 });
    for (let i = 0; i < 55; i++) await signUp(h, big, { name: `Kursare ${i}`, email: `kursare${i}@lean.se` });
    const first = await organiser.request("/admin/people?q=kursare");
    expect(hits(first.text)).toHaveLength(50);
    expect(first.text).toContain("55 matches · showing 1–50");
    const next = /<a href="([^"]+)" rel="next">/.exec(first.text)![1]!.replaceAll("&amp;", "&");
    const second = await organiser.request(next);
    expect(hits(second.text)).toHaveLength(5);
    expect(second.text).toContain("55 matches · showing 51–55");
    const names = [...hits(first.text), ...hits(second.text)].map((t) => t.split(" kursare")[0]);
    expect(new Set(names).size).toBe(55);
    expect(second.text).not.toContain('rel="next"');
  });

  it("refuses a bad cursor or too many words with a 400, never a 500; the check-in role gets 403", async () => {
    expect((await organiser.request("/admin/people?q=a&after=x")).status).toBe(400);
    const words = Array.from({ length: 21 }, (_, i) => `ord${i}x`).join(" ");
    const tooMany = await organiser.request(`/admin/people?q=${encodeURIComponent(words)}`, { headers: { accept: "application/json" } });
    expect(tooMany.status).toBe(400);
    expect(JSON.parse(tooMany.text).error.fieldCodes.q).toEqual({ code: "search_words", max: 20 });
    const door = await h.signedIn("checkin");
    expect((await door.request("/admin/people?q=asa")).status).toBe(403);
  });

  it("speaks Swedish to a browser naming none of our languages", async () => {
    const sv = await h.signedIn("organiser", h.orgId, "");
    const res = await sv.request("/admin/people?q=soderstrom", { headers: { "accept-language": "" } });
    const text = res.text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    for (const w of ["Sök deltagare i alla evenemang", "Namn, e-post eller organisation", "2 träffar", "Evenemang Datum Status", "Visa i listan"]) expect(text).toContain(w);
    expect(text).not.toContain("matches");
  });
});
