import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueReminders } from "../src/mail/reminders";
import { CLOCK_START, HOUR, eventTimes, shift } from "./helpers/clock";
import { eventBody } from "./helpers/harness";
import { mailHarness, type MailHarness } from "./helpers/mail";

// A programme in people's calendars: the personal feed of chosen sessions, and a
// reminder before each later day of a programme.
let m: MailHarness;
beforeAll(async () => {
  m = await mailHarness();
});
afterAll(() => m.stop());

// The fixture day on the pinned clock, taken once: the reminders move the clock.
const fixture = eventTimes(CLOCK_START).startsAt;
const at = (hours: number) => shift(fixture, hours * HOUR);
const iso = (hours: number) => new Date(at(hours)).toISOString();

async function programmeEvent(programme: "choose" | "package", overrides: Record<string, unknown> = {}) {
  const res = await m.api("POST", "/events", eventBody({ programme, ...overrides }));
  expect(res.status).toBe(201);
  return res.body.id as string;
}
async function session(eventId: string, title: string, from: number, to: number, extra: Record<string, unknown> = {}) {
  const res = await m.api("POST", `/events/${eventId}/sessions`, { title, startsAt: at(from), endsAt: at(to), ...extra });
  expect(res.status).toBe(201);
  return res.body.id as string;
}
const tokenOf = (manageUrl: string) => manageUrl.split("/r/")[1]!;
const feed = (token: string, headers: Record<string, string> = {}) => m.app.request(`/r/${token}/sessions.ics`, { headers });

/** A feed as ical.js (Thunderbird's parser) reads it. */
async function read(token: string) {
  const res = await feed(token);
  expect(res.status).toBe(200);
  const text = await res.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => ({
    uid: String(v.getFirstPropertyValue("uid")),
    sequence: Number(v.getFirstPropertyValue("sequence")),
    summary: String(v.getFirstPropertyValue("summary")),
    location: String(v.getFirstPropertyValue("location") ?? ""),
    start: (v.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
  }));
  return { res, text, calendar, events, etag: res.headers.get("etag")! };
}

describe("the personal session feed (a programme of chosen sessions)", () => {
  let ev: string;
  let opening: string;
  let workshop: string;
  let anna: { id: string; manageUrl: string };
  let bo: { id: string; manageUrl: string };

  it("has one VEVENT per session with a seat, stable UIDs and the event's time zone, and no secret", async () => {
    ev = await programmeEvent("choose");
    opening = await session(ev, "Öppning", 0, 1);
    workshop = await session(ev, "Workshop 5S", 2, 3, { capacity: 1, venue: "Sal B" });
    await session(ev, "Studiebesök", 4, 5);
    anna = (await m.signUp(ev, { name: "Anna Berg", email: "anna@example.se", sessions: [opening, workshop] })).body;
    bo = (await m.signUp(ev, { name: "Bo Ek", email: "bo@example.com", language: "en", sessions: [opening, workshop] })).body;

    const first = await read(tokenOf(anna.manageUrl));
    expect(first.res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(first.res.headers.get("cache-control")).toBe("private, no-cache");
    expect(first.calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(first.calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Europe/Stockholm");
    expect(first.calendar.getFirstPropertyValue("x-wr-calname")).toBe("Mina pass: Leankonferens Blekinge 2027");
    expect(first.events).toEqual([
      { uid: `${anna.id}.${opening}@plats`, sequence: 0, summary: "Öppning – Leankonferens Blekinge 2027", location: "BTH Campus Karlshamn", start: iso(0) },
      { uid: `${anna.id}.${workshop}@plats`, sequence: 0, summary: "Workshop 5S – Leankonferens Blekinge 2027", location: "Sal B, BTH Campus Karlshamn", start: iso(2) },
    ]);
    // The manage link is a secret and calendars get shared: it is nowhere in the feed.
    expect(first.text).not.toContain(tokenOf(anna.manageUrl));
    // Bo waits for the workshop: only his seat is in his feed, in his language.
    const bos = await read(tokenOf(bo.manageUrl));
    expect(bos.events.map((e) => e.uid)).toEqual([`${bo.id}.${opening}@plats`]);
    expect(bos.calendar.getFirstPropertyValue("x-wr-calname")).toBe("My sessions: Leankonferens Blekinge 2027");

    // Read again: the same entries byte for byte, so a calendar app's poll costs a 304.
    const again = await read(tokenOf(anna.manageUrl));
    expect(again.text).toBe(first.text);
    expect((await feed(tokenOf(anna.manageUrl), { "if-none-match": first.etag })).status).toBe(304);
  });

  it("a moved session keeps its UID with a new DTSTART and a higher SEQUENCE", async () => {
    const before = await read(tokenOf(anna.manageUrl));
    expect((await m.api("PATCH", `/sessions/${workshop}`, { startsAt: at(2.5), endsAt: at(3.5) })).status).toBe(200);
    const after = await read(tokenOf(anna.manageUrl));
    expect(after.events[1]).toMatchObject({ uid: `${anna.id}.${workshop}@plats`, start: iso(2.5), sequence: 1 });
    expect(after.etag).not.toBe(before.etag);
    expect((await feed(tokenOf(anna.manageUrl), { "if-none-match": before.etag })).status).toBe(200);
  });

  it("a seat given up drops out, and appears in the feed of the one it went to; a cancelled session drops out", async () => {
    await m.api("POST", `/manage/${tokenOf(anna.manageUrl)}/sessions`, { remove: [workshop] }, { token: null });
    expect((await read(tokenOf(anna.manageUrl))).events.map((e) => e.uid)).toEqual([`${anna.id}.${opening}@plats`]);
    expect((await read(tokenOf(bo.manageUrl))).events.map((e) => e.uid)).toEqual([`${bo.id}.${opening}@plats`, `${bo.id}.${workshop}@plats`]);

    expect((await m.api("POST", `/sessions/${opening}/cancel`)).status).toBe(200);
    expect((await read(tokenOf(anna.manageUrl))).events).toEqual([]);
    expect((await read(tokenOf(bo.manageUrl))).events.map((e) => e.uid)).toEqual([`${bo.id}.${workshop}@plats`]);
  });

  it("a cancelled registration's feed is empty, so a subscribed calendar empties too", async () => {
    await m.api("POST", `/manage/${tokenOf(bo.manageUrl)}/cancel`, undefined, { token: null });
    expect((await read(tokenOf(bo.manageUrl))).events).toEqual([]);
  });

  it("a bad token is 404 in the one error shape for calendar apps, and a page for a browser", async () => {
    for (const token of ["AAAAAAAAAAAAAAAAAAAAAA", "nope"]) {
      const res = await feed(token);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    }
    const page = await feed("AAAAAAAAAAAAAAAAAAAAAA", { accept: "text/html" });
    expect(page.status).toBe(404);
    expect(page.headers.get("content-type")).toContain("text/html");
  });
});

describe("reminders before each later day of a programme (injected clock)", () => {
  const LEAD = 24 * HOUR;
  const remind = async () => (await queueReminders({ ctx: m.ctx, leadMs: LEAD })).queued;
  // Ten days after the fixture day: clear of the events above.
  const day = (n: number, hours = 0) => 240 + n * 24 + hours;

  it("go before each date of a package and each later day with a chosen session, once per person and day", async () => {
    const pack = await programmeEvent("package", { title: "LEAN grundkurs", capacity: 1, startsAt: at(day(0)), endsAt: at(day(2, 7)) });
    for (const n of [0, 1, 2]) await session(pack, `Dag ${n + 1}`, day(n), day(n, 7));
    await m.signUp(pack, { name: "Eva Holm", email: "eva@example.se" });
    // On the waitlist: no seat in any date, no reminder.
    await m.signUp(pack, { name: "Väntar Vik", email: "vantar@example.se" });
    const choose = await programmeEvent("choose", { title: "Industridagarna", startsAt: at(day(0, 1)), endsAt: at(day(1, 7)) });
    const dayOne = await session(choose, "Öppning", day(0, 1), day(0, 2));
    const dayTwo = await session(choose, "Studiebesök", day(1, 1), day(1, 3));
    const afternoon = await session(choose, "Verkstadsbesök", day(1, 4), day(1, 5));
    await m.signUp(choose, { name: "Ola Dahl", email: "ola@example.se", language: "nb", sessions: [dayOne, dayTwo, afternoon] });
    await m.signUp(choose, { name: "Per Sund", email: "per@example.se", sessions: [dayOne] });
    await m.dispatch();
    const before = m.smtp.received.length;

    // A day before the first day: the events' own reminders only (they cover their first day).
    m.clock.set(at(day(-1, 2)));
    expect(await remind()).toBe(3);
    expect(await remind()).toBe(0);
    // A day before the second day: Dag 2 for Eva, day two for Ola (Per chose nothing then);
    // Ola's afternoon session that day is in the same reminder.
    m.clock.set(at(day(0, 2)));
    expect(await remind()).toBe(2);
    expect(await remind()).toBe(0);
    m.clock.advance(HOUR);
    expect(await remind()).toBe(0);
    // Dag 3.
    m.clock.set(at(day(1, 1)));
    expect(await remind()).toBe(1);
    m.clock.advance(2 * HOUR);
    expect(await remind()).toBe(0);

    await m.dispatch();
    const got = m.smtp.received.slice(before).map((r) => [r.rcpt.join(), r.mail.subject]);
    expect(got.sort()).toEqual(
      [
        ["eva@example.se", "Påminnelse: LEAN grundkurs"],
        ["eva@example.se", "Påminnelse: Dag 2, LEAN grundkurs"],
        ["eva@example.se", "Påminnelse: Dag 3, LEAN grundkurs"],
        ["ola@example.se", "Påminnelse: Industridagarna"],
        ["ola@example.se", "Påminnelse: Studiebesök og Verkstadsbesök, Industridagarna"],
        ["per@example.se", "Påminnelse: Industridagarna"],
      ].sort(),
    );
    // Their day's own times, first start to last end, in the reader's language (summer
    // time began the Sunday before).
    const ola = m.inbox("ola@example.se").find((r) => r.mail.subject?.startsWith("Påminnelse: Studiebesök"))!;
    expect(ola.mail.text).toContain("Velkommen til Studiebesök og Verkstadsbesök på Industridagarna!");
    expect(ola.mail.text).toContain("Når: mandag 29. mars 2027 kl. 11.30–15.30");
  });

  it("a session given up before its day is not reminded; one moved by days is reminded again for its new time", async () => {
    const ev = await programmeEvent("choose", { title: "Flyttdagen", startsAt: at(day(5)), endsAt: at(day(9, 7)) });
    const later = await session(ev, "Dag tre", day(7), day(7, 1));
    const given = await session(ev, "Dag fyra", day(8, 3), day(8, 4));
    const ida = (await m.signUp(ev, { name: "Ida Strand", email: "ida@example.se", sessions: [later, given] })).body;
    await m.api("POST", `/manage/${tokenOf(ida.manageUrl)}/sessions`, { remove: [given] }, { token: null });
    m.clock.set(at(day(6, 1)));
    expect(await remind()).toBe(1);
    // Moved by hours inside the window: not twice.
    expect((await m.api("PATCH", `/sessions/${later}`, { startsAt: at(day(7, 2)), endsAt: at(day(7, 3)) })).status).toBe(200);
    expect(await remind()).toBe(0);
    // The day she gave up her only session of: nothing.
    m.clock.set(at(day(7, 4)));
    expect(await remind()).toBe(0);
    // Moved two days on: once more, before its new time.
    expect((await m.api("PATCH", `/sessions/${later}`, { startsAt: at(day(9)), endsAt: at(day(9, 1)) })).status).toBe(200);
    m.clock.set(at(day(8, 1)));
    expect(await remind()).toBe(1);
    expect(await remind()).toBe(0);
  });
});
