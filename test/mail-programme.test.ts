import ICAL from "ical.js";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR, eventTimes, shift } from "./helpers/clock";
import { eventBody } from "./helpers/harness";
import { manageTokenIn, mailHarness, type MailHarness } from "./helpers/mail";
import { invitePart, type Received } from "./helpers/smtp";

// Programmes in email: the reader's sessions in every message about a seat, the three
// session messages, and a course package's dates as calendar entries of their own.
let m: MailHarness;
beforeAll(async () => {
  m = await mailHarness();
});
afterAll(() => m.stop());

/** An instant `hours` after the fixture event's start (18 March 2027 08:30 UTC on the pinned clock). */
const at = (hours: number) => shift(eventTimes(m.clock.now()).startsAt, hours * HOUR);

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
/** The messages one address has received since the last call, after a dispatch. */
const seen = new Map<string, number>();
async function newMail(address: string) {
  await m.dispatch();
  const all = m.inbox(address);
  const fresh = all.slice(seen.get(address) ?? 0);
  seen.set(address, all.length);
  return fresh;
}
const only = async (address: string) => {
  const fresh = await newMail(address);
  expect(fresh.map((r) => r.mail.subject)).toHaveLength(1);
  return fresh[0]!;
};
/** Every VEVENT of a message's calendar part, as ical.js (Thunderbird's parser) reads it. */
function entries(msg: Received) {
  const part = invitePart(msg.raw);
  if (!part) return null;
  const vevents = new ICAL.Component(ICAL.parse(part.text)).getAllSubcomponents("vevent");
  return {
    mimeMethod: part.mimeMethod,
    method: part.method,
    events: vevents.map((v) => ({
      uid: String(v.getFirstPropertyValue("uid")),
      sequence: Number(v.getFirstPropertyValue("sequence")),
      status: String(v.getFirstPropertyValue("status")),
      summary: String(v.getFirstPropertyValue("summary")),
      start: (v.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
      attendees: v.getAllProperties("attendee").map((p) => String(p.getFirstValue()).toLowerCase()),
    })),
  };
}
const calendarParts = (msg: Received) => msg.mail.attachments.filter((a) => a.contentType === "text/calendar");

describe("a programme of chosen sessions", () => {
  let ev: string;
  let talk: string;
  let workshop: string;
  let anna: { id: string; manageUrl: string };
  let bo: { id: string; manageUrl: string };
  let dag: { id: string; manageUrl: string };

  it("the confirmation lists the reader's sessions with day, time, room and place, in sv, en and nb", async () => {
    ev = await programmeEvent("choose", { capacity: 3 });
    talk = await session(ev, "Lean & <Kaizen>", 0, 1);
    workshop = await session(ev, "Workshop 5S", 5, 7, { capacity: 1, venue: "Sal B" });
    anna = (await m.signUp(ev, { name: "Anna Berg", email: "anna@example.se", sessions: [talk, workshop] })).body;
    bo = (await m.signUp(ev, { name: "Bo Ek", email: "bo@example.com", language: "en", sessions: [talk, workshop] })).body;
    dag = (await m.signUp(ev, { name: "Dag Lund", email: "dag@example.se", sessions: [workshop] })).body;
    await m.signUp(ev, { name: "Kari Nordmann", email: "kari@example.no", language: "nb", sessions: [workshop] });

    const sv = (await only("anna@example.se")).mail;
    expect(sv.subject).toBe("Bekräftelse: Leankonferens Blekinge 2027");
    expect(sv.text).toContain("Ditt program\n- torsdag 18 mars 2027 kl. 09.30–10.30: Lean & <Kaizen> (Du har plats)\n- torsdag 18 mars 2027 kl. 14.30–16.30: Workshop 5S, Sal B (Du har plats)");
    expect(sv.html).toContain("Lean &amp; &lt;Kaizen&gt;");
    expect(sv.html).not.toContain("<Kaizen>");
    // The personal feed behind this email's own manage link, and the event's invite as before.
    const token = manageTokenIn(sv.text!)!;
    expect(sv.text).toContain(`Prenumerera på dina pass i din kalender, så följer ändringar med av sig själva:\nhttps://plats.test/r/${token}/sessions.ics`);
    expect(sv.html).toContain(`href="webcal://plats.test/r/${token}/sessions.ics">Öppna i kalenderappen</a>`);
    expect(entries((await m.inbox("anna@example.se"))[0]!)!.events.map((e) => e.uid)).toEqual([`${anna.id}@plats`]);

    const en = (await only("bo@example.com")).mail;
    expect(en.text).toContain("Your programme\n- Thursday 18 March 2027, 09:30–10:30: Lean & <Kaizen> (You have a seat)\n- Thursday 18 March 2027, 14:30–16:30: Workshop 5S, Sal B (Waitlisted, position 1)");
    expect((await only("dag@example.se")).mail.text).toContain("Workshop 5S, Sal B (På väntelistan, plats 2)");

    // Kari has no seat of the event yet: her wish is decided when she gets one, and she has no feed.
    const nb = (await only("kari@example.no")).mail;
    expect(nb.subject).toContain("venteliste");
    expect(nb.text).toContain("Programmet ditt\n- torsdag 18. mars 2027 kl. 14.30–16.30: Workshop 5S, Sal B (Avgjøres når du får plass på arrangementet)");
    expect(nb.text).not.toContain("sessions.ics");
  });

  it("session_promoted names the session given from its waitlist; one whose seat was given up since is skipped", async () => {
    expect((await m.api("POST", `/manage/${anna.manageUrl.split("/r/")[1]}/sessions`, { remove: [workshop] }, { token: null })).status).toBe(200);
    const promoted = await only("bo@example.com");
    expect(promoted.mail.subject).toBe("You have a seat: Workshop 5S");
    expect(promoted.mail.text).toContain("A seat has become free and it is yours. You now have a seat in Workshop 5S. Here is your programme for Leankonferens Blekinge 2027.");
    expect(promoted.mail.text).toContain("14:30–16:30: Workshop 5S, Sal B (You have a seat)");
    expect(calendarParts(promoted)).toEqual([]);

    // Bo gives it up: Dag gets it, but gives it up too before the email goes.
    await m.api("POST", `/manage/${bo.manageUrl.split("/r/")[1]}/sessions`, { remove: [workshop] }, { token: null });
    await m.api("POST", `/manage/${dag.manageUrl.split("/r/")[1]}/sessions`, { remove: [workshop] }, { token: null });
    expect(await newMail("dag@example.se")).toEqual([]);
    const skipped = await m.database.db.all<{ status: string; last_error: string }>(
      sql`SELECT status, last_error FROM outbox WHERE kind = 'session_promoted' AND registration_id = ${dag.id}`,
    );
    expect(skipped).toEqual([{ status: "skipped", last_error: expect.stringContaining("no seat") }]);
  });

  it("session_changed says the new time and place, and that the feed follows; nothing is attached", async () => {
    const moved = await m.api("PATCH", `/sessions/${talk}`, { startsAt: at(1), endsAt: at(2), venue: "Aulan" });
    expect(moved.status).toBe(200);
    const sv = await only("anna@example.se");
    expect(sv.mail.subject).toBe("Ändrat i programmet: Lean & <Kaizen>");
    expect(sv.mail.text).toContain("Passet Lean & <Kaizen> på Leankonferens Blekinge 2027 har ändrats. Så här blir det:\n\nNy tid: torsdag 18 mars 2027 kl. 10.30–11.30\nNy plats: Aulan");
    expect(sv.mail.text).toContain("Prenumererar du på dina pass i kalendern ändras de där av sig själva.");
    expect(calendarParts(sv)).toEqual([]);
    expect((await only("bo@example.com")).mail.text).toContain("New time: Thursday 18 March 2027, 10:30–11:30\nNew place: Aulan");
  });

  it("session_cancelled names the session and when it would have been, in each reader's language", async () => {
    expect((await m.api("POST", `/sessions/${talk}/cancel`)).status).toBe(200);
    const sv = await only("anna@example.se");
    expect(sv.mail.subject).toBe("Inställt pass: Lean & <Kaizen>");
    expect(sv.mail.text).toContain("Tyvärr är passet Lean & <Kaizen> på Leankonferens Blekinge 2027 inställt. Din anmälan till evenemanget gäller som förut.\n\nLean & <Kaizen>: torsdag 18 mars 2027 kl. 10.30–11.30, Aulan");
    // It is gone from her programme.
    expect(sv.mail.text).not.toContain("Ditt program");
    expect(calendarParts(sv)).toEqual([]);
    expect((await only("bo@example.com")).mail.subject).toBe("Session cancelled: Lean & <Kaizen>");
  });
});

describe("a course package: each date its own invite", () => {
  let ev: string;
  let days: string[];
  let eva: { id: string };
  let first: NonNullable<ReturnType<typeof entries>>;
  const uid = (day: number) => `${eva.id}.${days[day]}@plats`;

  it("the confirmation carries one REQUEST with an entry per date, each its own UID", async () => {
    // Three days, 09.30–16.30 Stockholm each.
    ev = await programmeEvent("package", { startsAt: at(0), endsAt: at(2 * 24 + 7) });
    days = [await session(ev, "Dag 1", 0, 7), await session(ev, "Dag 2", 24, 31, { venue: "Verkstaden" }), await session(ev, "Dag 3", 48, 55)];
    eva = (await m.signUp(ev, { name: "Eva Holm", email: "eva@example.se", language: "nb" })).body;
    const msg = await only("eva@example.se");
    expect(msg.mail.text).toContain("Programmet ditt\n- torsdag 18. mars 2027 kl. 09.30–16.30: Dag 1 (Du har plass)\n- fredag 19. mars 2027 kl. 09.30–16.30: Dag 2, Verkstaden (Du har plass)");
    // A package has no session feed: its dates come as invites.
    expect(msg.mail.text).not.toContain("sessions.ics");
    expect(calendarParts(msg)).toHaveLength(1);
    first = entries(msg)!;
    expect(first).toMatchObject({ mimeMethod: "REQUEST", method: "REQUEST" });
    expect(first.events.map((e) => e.uid)).toEqual([uid(0), uid(1), uid(2)]);
    expect(new Set(first.events.map((e) => e.uid)).size).toBe(3);
    expect(first.events.map((e) => e.start)).toEqual([at(0), at(24), at(48)].map((d) => new Date(d).toISOString()));
    expect(first.events.map((e) => e.summary)).toEqual(["Dag 1 – Leankonferens Blekinge 2027", "Dag 2 – Leankonferens Blekinge 2027", "Dag 3 – Leankonferens Blekinge 2027"]);
    expect(first.events.every((e) => e.status === "CONFIRMED" && e.attendees.join() === "mailto:eva@example.se")).toBe(true);
  });

  it("a moved date sends an updated REQUEST for that date: same UID, higher SEQUENCE, new time", async () => {
    expect((await m.api("PATCH", `/sessions/${days[1]}`, { startsAt: at(25), endsAt: at(31) })).status).toBe(200);
    const msg = await only("eva@example.se");
    expect(msg.mail.subject).toBe("Endret i programmet: Dag 2");
    expect(msg.mail.text).toContain("Ny tid: fredag 19. mars 2027 kl. 10.30–16.30");
    const update = entries(msg)!;
    expect(update).toMatchObject({ mimeMethod: "REQUEST", method: "REQUEST" });
    expect(update.events).toEqual([expect.objectContaining({ uid: uid(1), start: new Date(at(25)).toISOString(), status: "CONFIRMED" })]);
    expect(update.events[0]!.sequence).toBeGreaterThan(first.events[1]!.sequence);
  });

  it("a new date comes as a REQUEST of its own", async () => {
    const extra = await session(ev, "Dag 2, kväll", 34, 36);
    const msg = await only("eva@example.se");
    expect(msg.mail.subject).toBe("Ny økt: Dag 2, kväll");
    expect(entries(msg)!.events.map((e) => [e.uid, e.status])).toEqual([[`${eva.id}.${extra}@plats`, "CONFIRMED"]]);
    days.push(extra);
  });

  it("a cancelled date sends a CANCEL for its UID; cancelling the registration withdraws the dates left", async () => {
    expect((await m.api("POST", `/sessions/${days[2]}/cancel`)).status).toBe(200);
    const msg = await only("eva@example.se");
    expect(msg.mail.subject).toBe("Avlyst økt: Dag 3");
    const cancel = entries(msg)!;
    expect(cancel).toMatchObject({ mimeMethod: "CANCEL", method: "CANCEL" });
    expect(cancel.events).toEqual([expect.objectContaining({ uid: uid(2), status: "CANCELLED" })]);
    expect(cancel.events[0]!.sequence).toBeGreaterThan(first.events[2]!.sequence);

    const token = manageTokenIn(msg.mail.text!)!;
    expect((await m.api("POST", `/manage/${token}/cancel`, undefined, { token: null })).status).toBe(200);
    const gone = entries(await only("eva@example.se"))!;
    expect(gone.method).toBe("CANCEL");
    expect(gone.events.map((e) => e.uid).sort()).toEqual([uid(0), uid(1), uid(3)].sort());
    const day1 = gone.events.find((e) => e.uid === uid(0))!;
    expect(day1.sequence).toBeGreaterThan(first.events[0]!.sequence);
  });

  it("a seat passed on withdraws every date from the one who left, and invites the one who came", async () => {
    const frida = (await m.signUp(ev, { name: "Frida Ek", email: "frida@example.se" })).body;
    const invited = entries(await only("frida@example.se"))!;
    expect(invited.events).toHaveLength(3);
    const passed = await m.api("POST", `/manage/${frida.manageUrl.split("/r/")[1]}/substitute`, { name: "Gustav Ek", email: "gustav@example.se" }, { token: null });
    expect(passed.status).toBe(200);
    const withdrawn = entries(await only("frida@example.se"))!;
    expect(withdrawn).toMatchObject({ mimeMethod: "CANCEL", method: "CANCEL" });
    expect(withdrawn.events.map((e) => e.uid)).toEqual(invited.events.map((e) => e.uid));
    expect(withdrawn.events.every((e, i) => e.sequence > invited.events[i]!.sequence && e.attendees.join() === "mailto:frida@example.se")).toBe(true);
    const welcomed = entries(await only("gustav@example.se"))!;
    expect(welcomed.method).toBe("REQUEST");
    expect(welcomed.events.map((e) => e.uid)).toEqual(invited.events.map((e) => e.uid));
    expect(welcomed.events.every((e, i) => e.sequence > invited.events[i]!.sequence && e.attendees.join() === "mailto:gustav@example.se")).toBe(true);
  });
});
