import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMember, type Member } from "../src/domain/accounts";
import {
  clearEventNotifications,
  dueDigest,
  memberPreferences,
  queueOrganiserActivity,
  queueOrganiserDigests,
  setDefaultNotifications,
  setEventNotifications,
} from "../src/domain/notifications";
import { expireOffers } from "../src/domain/seats";
import { AppError } from "../src/lib/errors";
import { HOUR, MINUTE } from "./helpers/clock";
import { eventBody } from "./helpers/harness";
import { mailHarness, type MailHarness } from "./helpers/mail";

// Organisers' notifications on an injected clock: preferences with their checks, the
// minute's activity job and the daily digest, each exactly once, and the emails read back
// from a real SMTP server.
let m: MailHarness;
let n = 0;
beforeAll(async () => {
  m = await mailHarness();
});
afterAll(() => m.stop());
// Every test's members choose afresh: one test's subscribers would hear of the next one's events.
afterEach(() => m.database.db.run(sql`DELETE FROM notification_preferences`));

const member = (role: Member["role"] = "organiser", language: Member["language"] = "sv", orgId = m.orgId) =>
  createMember({ ctx: m.ctx, input: { orgId, email: `arr${++n}@techtank.se`, name: `Arrangör ${n} Ek`, role, language } });
const event = async (overrides: Record<string, unknown> = {}) => (await m.api("POST", "/events", eventBody(overrides))).body.id as string;
const activity = () => queueOrganiserActivity({ ctx: m.ctx });
const digests = () => queueOrganiserDigests({ ctx: m.ctx });
const rowsFor = (userId: string) =>
  m.database.db.all<{ kind: string; event_id: string | null; payload: string; status: string }>(
    sql`SELECT kind, event_id, payload, status FROM outbox WHERE user_id = ${userId} ORDER BY rowid`,
  );
const ALL = ["signup", "cancellation", "expired_offer"];
const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};
/** Clears what earlier tests left queued, so each reads its own mail. */
const settle = async () => {
  await activity();
  await m.dispatch();
};

describe("preferences", () => {
  it("default to nothing; a default, an event's override and clearing it", async () => {
    const ann = await member();
    const ev = await event();
    expect((await memberPreferences(m.ctx, ann.id)).fallback).toEqual({ mode: "none", kinds: [] });
    await setDefaultNotifications({ ctx: m.ctx, member: ann, input: { mode: "digest", kinds: ["signup"] } });
    await setEventNotifications({ ctx: m.ctx, member: ann, input: { eventId: ev, mode: "each", kinds: ["cancellation", "signup"] } });
    await setEventNotifications({ ctx: m.ctx, member: ann, input: { eventId: ev, mode: "each", kinds: ["signup"] } });
    const prefs = await memberPreferences(m.ctx, ann.id);
    // Kinds matter only for `each`; a second choice for the event replaces the first.
    expect(prefs.fallback).toEqual({ mode: "digest", kinds: [] });
    expect([...prefs.byEvent]).toEqual([[ev, { mode: "each", kinds: ["signup"] }]]);
    await clearEventNotifications({ ctx: m.ctx, member: ann, input: { eventId: ev } });
    expect((await memberPreferences(m.ctx, ann.id)).byEvent.size).toBe(0);
  });

  it("refuse a bad mode or kind, `each` without kinds, the door's role and another organisation's event, changing nothing", async () => {
    const bo = await member();
    const ev = await event();
    const snapshot = () => m.database.db.all(sql`SELECT * FROM notification_preferences ORDER BY rowid`);
    const before = await snapshot();
    expect((await refusal(setDefaultNotifications({ ctx: m.ctx, member: bo, input: { mode: "often", kinds: [] } }))).fields).toMatchObject({ mode: { code: "one_of" } });
    expect((await refusal(setDefaultNotifications({ ctx: m.ctx, member: bo, input: { mode: "each", kinds: ["gossip"] } }))).fields).toMatchObject({ kinds: { code: "one_of" } });
    expect((await refusal(setDefaultNotifications({ ctx: m.ctx, member: bo, input: { mode: "each", kinds: [] } }))).fields).toMatchObject({ kinds: { code: "required" } });
    const door = await member("checkin");
    expect((await refusal(setDefaultNotifications({ ctx: m.ctx, member: door, input: { mode: "digest", kinds: [] } }))).reason).toBe("role_not_allowed");
    const other = await m.otherOrg();
    const theirs = await member("owner", "sv", other.orgId);
    for (const eventId of [ev, "evt_nope", 42, "x".repeat(500)])
      expect((await refusal(setEventNotifications({ ctx: m.ctx, member: theirs, input: { eventId, mode: "each", kinds: ["signup"] } }))).reason).toBe("event_not_found");
    expect((await refusal(clearEventNotifications({ ctx: m.ctx, member: theirs, input: { eventId: ev } }))).reason).toBe("event_not_found");
    expect(await snapshot()).toEqual(before);
  });
});

describe("the activity job (an email per batch)", () => {
  it("queues one email per member and event for a burst, nothing on a rerun, nothing for `none`, and an override beats the default", async () => {
    await settle();
    const ev = await event({ title: "Leankonferens", capacity: 2 });
    const quiet = await event({ title: "Tyst seminarium" });
    const each = await member();
    const none = await member();
    const muted = await member();
    const onlyOne = await member();
    const door = await member("checkin");
    await setDefaultNotifications({ ctx: m.ctx, member: each, input: { mode: "each", kinds: ALL } });
    await setDefaultNotifications({ ctx: m.ctx, member: none, input: { mode: "none", kinds: [] } });
    await setDefaultNotifications({ ctx: m.ctx, member: muted, input: { mode: "each", kinds: ALL } });
    await setEventNotifications({ ctx: m.ctx, member: muted, input: { eventId: ev, mode: "none", kinds: [] } });
    await setEventNotifications({ ctx: m.ctx, member: onlyOne, input: { eventId: ev, mode: "each", kinds: ["cancellation"] } });
    // A member moved to the door after choosing hears nothing more.
    await m.database.db.run(sql`INSERT INTO notification_preferences (user_id, org_id, event_id, mode, kinds, updated_at)
      VALUES (${door.id}, ${m.orgId}, NULL, 'each', '["signup"]', 0)`);

    const anna = (await m.signUp(ev, { name: "Anna Andersson", email: "anna@verkstad.se", organisation: "Verkstad AB", phone: "0701234567" })).body;
    await m.signUp(ev, { name: "Bo Ek", email: "bo@ek.se" });
    await m.signUp(ev, { name: "Cia Berg", email: "cia@berg.se" });
    await m.signUp(quiet, { name: "Dan Ås", email: "dan@as.se" });
    // `each` for both events; `muted` for the quiet one only (its override silences the other).
    expect((await activity()).queued).toBe(3);
    expect((await activity()).queued).toBe(0);

    const mine = await rowsFor(each.id);
    expect(mine.map((r) => [r.kind, r.event_id])).toEqual([["organiser_activity", ev], ["organiser_activity", quiet]]);
    expect(JSON.parse(mine[0]!.payload)).toMatchObject({ signup: [anna.id, expect.any(String), expect.any(String)], totals: { signup: 3, cancellation: 0 } });
    expect((await rowsFor(muted.id)).map((r) => r.event_id)).toEqual([quiet]);
    for (const who of [none, onlyOne, door]) expect(await rowsFor(who.id), who.email).toEqual([]);

    // Anna cancels: Cia moves up. One email about it to each who ticked cancellations.
    m.clock.advance(MINUTE);
    await m.api("POST", `/manage/${anna.manageUrl.split("/r/")[1]}/cancel`, undefined, { token: null });
    expect((await activity()).queued).toBe(2);
    expect((await activity()).queued).toBe(0);
    expect(JSON.parse((await rowsFor(onlyOne.id))[0]!.payload)).toMatchObject({ cancellation: [anna.id], totals: { cancellation: 1, signup: 0 } });
    expect((await rowsFor(each.id)).length).toBe(3);
  });

  it("tells of an offer that ran out, not of one the organiser withdrew", async () => {
    await settle();
    const ev = await event({ title: "Kurs i LEAN", capacity: 1, waitlistMode: "offer", offerMinutes: 30 });
    const watcher = await member();
    await setEventNotifications({ ctx: m.ctx, member: watcher, input: { eventId: ev, mode: "each", kinds: ["expired_offer"] } });
    const first = (await m.signUp(ev, { name: "Första Person", email: "forsta@example.se" })).body;
    const second = (await m.signUp(ev, { name: "Andra Person", email: "andra@example.se" })).body;
    await m.signUp(ev, { name: "Tredje Person", email: "tredje@example.se" });
    await m.api("POST", `/manage/${first.manageUrl.split("/r/")[1]}/cancel`, undefined, { token: null });
    m.clock.advance(31 * MINUTE);
    expect((await expireOffers({ ctx: m.ctx })).events).toBe(1);
    expect((await activity()).queued).toBe(1);
    const [row] = await rowsFor(watcher.id);
    expect(JSON.parse(row!.payload)).toMatchObject({ expired_offer: [second.id], totals: { expired_offer: 1 } });
  });

  it("emails read back in Swedish and English: names and organisations only, links to the list and the settings", async () => {
    await settle();
    const ev = await event({ title: "Leankonferens <Blekinge> & co", capacity: 1 });
    const sv = await member("organiser", "sv");
    const en = await member("owner", "en");
    for (const who of [sv, en]) await setDefaultNotifications({ ctx: m.ctx, member: who, input: { mode: "each", kinds: ALL } });
    await m.signUp(ev, { name: "Åsa <b>Öberg</b>", email: "asa@verkstad.se", organisation: "Verkstad & Co", phone: "0701234567" });
    await m.signUp(ev, { name: "Bo Ek", email: "bo@ek.se" });
    expect((await activity()).queued).toBe(2);
    await m.dispatch();
    const [svMail] = m.inbox(sv.email);
    const [enMail] = m.inbox(en.email);
    expect(svMail!.mail.subject).toBe("Leankonferens <Blekinge> & co: 2 nya anmälningar");
    expect(enMail!.mail.subject).toBe("Leankonferens <Blekinge> & co: 2 new registrations");
    // Greeted by first name, split as every name is: all but the last word ("Arrangör 7 Ek").
    expect(svMail!.mail.text).toMatch(/^Hej Arrangör \d+!/);
    expect(svMail!.mail.text).toContain("- Åsa <b>Öberg</b>, Verkstad & Co");
    expect(svMail!.mail.text).toContain("- Bo Ek (på väntelistan)");
    expect(svMail!.mail.text).toContain("Just nu: 1 av 1 platser bekräftade, 1 på väntelistan.");
    expect(enMail!.mail.text).toContain("Right now: 1 of 1 seats confirmed, 1 on the waitlist.");
    for (const mail of [svMail!, enMail!]) {
      expect(mail.mail.html).toContain("Åsa &lt;b&gt;Öberg&lt;/b&gt;, Verkstad &amp; Co");
      expect(mail.mail.html).not.toContain("<b>Öberg");
      expect(mail.raw).not.toContain("asa@verkstad.se");
      expect(mail.raw).not.toContain("0701234567");
      expect(mail.mail.text).toContain(`https://plats.test/admin/events/${ev}`);
      expect(mail.mail.text).toContain("https://plats.test/admin/account#notifications");
      expect(mail.mail.headers.get("auto-submitted")).toBe("auto-generated");
    }
  });

  it("names nobody erased or anonymised by the time the email is sent", async () => {
    await settle();
    const ev = await event({ title: "Glömsk dag" });
    const watcher = await member();
    await setEventNotifications({ ctx: m.ctx, member: watcher, input: { eventId: ev, mode: "each", kinds: ["signup"] } });
    await m.signUp(ev, { name: "Glömd Person", email: "glomd@example.se" });
    expect((await activity()).queued).toBe(1);
    await m.database.db.run(sql`UPDATE registrations SET name = '', email_key = 'anon:' || id WHERE event_id = ${ev}`);
    await m.dispatch();
    expect((await rowsFor(watcher.id)).map((r) => r.status)).toEqual(["skipped"]);
    expect(m.inbox(watcher.email)).toEqual([]);
  });
});

describe("the daily digest", () => {
  it("is due at 07:00 Stockholm time, the day before until then", () => {
    expect(dueDigest(new Date("2026-11-21T05:59:00Z"))).toEqual({ day: "2026-11-20", until: new Date("2026-11-20T06:00:00Z") });
    expect(dueDigest(new Date("2026-11-21T06:00:00Z"))).toEqual({ day: "2026-11-21", until: new Date("2026-11-21T06:00:00Z") });
    // Summer time: 07:00 is 05:00 UTC.
    expect(dueDigest(new Date("2027-06-10T05:30:00Z")).until).toEqual(new Date("2027-06-10T05:00:00Z"));
  });

  it("goes once a day, per member, with the day's activity; skipped when nothing happened; once across reruns", async () => {
    await settle();
    m.clock.set("2026-12-01T12:00:00Z");
    const ev = await event({ title: "Digestdagen", capacity: 1 });
    const sv = await member("organiser", "sv");
    const en = await member("organiser", "en");
    const eachOne = await member();
    for (const who of [sv, en]) await setDefaultNotifications({ ctx: m.ctx, member: who, input: { mode: "digest", kinds: [] } });
    await setEventNotifications({ ctx: m.ctx, member: eachOne, input: { eventId: ev, mode: "digest", kinds: [] } });
    // Today's 07:00 has passed and nothing happened before it: recorded, nothing sent.
    expect(await digests()).toMatchObject({ queued: 0 });
    await m.signUp(ev, { name: "Kim Lind", email: "kim@lind.se", organisation: "Lind AB" });
    await m.signUp(ev, { name: "Li Strand", email: "li@strand.se" });
    expect(await digests()).toMatchObject({ members: 0, queued: 0 });
    m.clock.set("2026-12-02T05:59:00Z");
    expect(await digests()).toMatchObject({ members: 0 });
    m.clock.set("2026-12-02T06:00:00Z");
    expect((await digests()).queued).toBe(3);
    for (let i = 0; i < 3; i++) expect((await digests()).queued).toBe(0);
    m.clock.advance(3 * HOUR);
    expect((await digests()).queued).toBe(0);
    await m.dispatch();
    const [svMail] = m.inbox(sv.email);
    const [enMail] = m.inbox(en.email);
    expect(m.inbox(sv.email)).toHaveLength(1);
    expect(svMail!.mail.subject).toBe("Sammanfattning för Techtank: onsdag 2 december 2026");
    expect(enMail!.mail.subject).toBe("Summary for Techtank: Wednesday 2 December 2026");
    expect(svMail!.mail.text).toContain("sedan tisdag 1 december 2026 kl. 07.00");
    expect(svMail!.mail.text).toContain("== Digestdagen ==");
    expect(svMail!.mail.text).toContain("Nya anmälningar (2)\n- Kim Lind, Lind AB\n- Li Strand (på väntelistan)");
    expect(enMail!.mail.text).toContain("New registrations (2)");
    expect(m.inbox(eachOne.email)).toHaveLength(1);
    // The next day nothing happened: no email.
    m.clock.set("2026-12-03T08:00:00Z");
    expect((await digests()).queued).toBe(0);
    expect(await m.database.db.all(sql`SELECT day FROM notification_digests WHERE user_id = ${sv.id} ORDER BY day`)).toEqual([
      { day: "2026-12-01" },
      { day: "2026-12-02" },
      { day: "2026-12-03" },
    ]);
  });
});
