import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventBody } from "./helpers/harness";
import { ORGANISER, manageTokenIn, mailHarness, type MailHarness } from "./helpers/mail";
import { invitePart } from "./helpers/smtp";

let m: MailHarness;
beforeAll(async () => {
  m = await mailHarness();
});
afterAll(() => m.stop());

const newEvent = async (overrides: Record<string, unknown> = {}) =>
  (await m.api("POST", "/events", eventBody(overrides))).body as { id: string; slug: string };

describe("confirmation with a calendar invite", () => {
  it("reaches the registrant alone, in Swedish, with text, HTML and a REQUEST invite", async () => {
    const ev = await newEvent({ onlineUrl: "https://meet.example.com/lean", capacity: 5 });
    const res = await m.signUp(ev.id, { firstName: "Anna <script>alert(1)</script>", lastName: "Berg", email: "anna@example.se" });
    expect(await m.dispatch()).toMatchObject({ sent: 1, failed: 0 });
    const [msg] = m.inbox("anna@example.se");
    expect(msg!.rcpt).toEqual(["anna@example.se"]);
    const mail = msg!.mail;
    expect(mail.subject).toBe("Bekräftelse: Leankonferens Blekinge 2027");
    expect(mail.from?.text).toContain("noreply@plats.techtank.se");
    expect(mail.replyTo?.text).toBe(ORGANISER);
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(String(mail.messageId)).toMatch(/^<msg_[0-9a-f]{20}@plats\.techtank\.se>$/);
    // Times in the event's zone, the reader's language.
    expect(mail.text).toContain("När: torsdag 18 mars 2027 kl. 09.30–16.30");
    expect(mail.text).toContain("https://meet.example.com/lean");
    expect(mail.text).toContain("https://calendar.google.com/calendar/render?action=TEMPLATE");
    expect(mail.html).toContain("outlook.office.com");
    // Every value is escaped in the HTML.
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    // The manage link in the email works (its own token).
    const token = manageTokenIn(mail.text!)!;
    const managed = await m.api("GET", `/manage/${token}`, undefined, { token: null });
    expect(managed.body.id).toBe(res.body.id);

    const invite = invitePart(msg!.raw)!;
    expect(invite).toMatchObject({
      mimeMethod: "REQUEST",
      method: "REQUEST",
      uid: `${res.body.id}@plats`,
      sequence: 0,
      status: "CONFIRMED",
      organizer: `mailto:${ORGANISER}`,
    });
    expect(invite.attendees.map((a) => [a.address.toLowerCase(), a.partstat])).toEqual([["mailto:anna@example.se", "ACCEPTED"]]);
    expect(invite.start.toISOString()).toBe("2027-03-18T08:30:00.000Z");
    expect(invite.end.toISOString()).toBe("2027-03-18T15:30:00.000Z");
    expect(invite.text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    expect(invite.text).not.toContain("TZID");
    expect(invite.description).toContain("https://meet.example.com/lean");
    expect(invite.text).not.toContain(token);
    // Only text, HTML and the invite: no extra attachment.
    expect(mail.attachments.filter((a) => a.contentType !== "text/calendar")).toEqual([]);
  });

  it("speaks English and Norwegian to those who chose them", async () => {
    const ev = await newEvent({ title: "Lean Leadership" });
    await m.signUp(ev.id, { firstName: "Ola", lastName: "Nordmann", email: "ola@example.no", language: "nb" });
    await m.signUp(ev.id, { name: "Jane Mary Smith", email: "jane@example.com", language: "en" });
    await m.dispatch();
    const ola = m.inbox("ola@example.no")[0]!.mail;
    const jane = m.inbox("jane@example.com")[0]!.mail;
    expect(ola.subject).toBe("Bekreftelse: Lean Leadership");
    expect(ola.text).toContain("Når: torsdag 18. mars 2027 kl. 09.30–16.30");
    expect(jane.subject).toBe("Confirmed: Lean Leadership");
    expect(jane.text).toContain("When: Thursday 18 March 2027, 09:30–16:30");
    // Greeted by first name; addressed by the full name.
    expect(ola.text).toMatch(/^Hei Ola!/);
    expect([ola.to].flat()[0]?.text).toContain("Ola Nordmann");
    expect(jane.text).toMatch(/^Hello Jane Mary,/);
  });
});

describe("names that calendar parsers trip over", () => {
  it("a double quote in a name leaves the attendee's address intact", async () => {
    const ev = await newEvent({ title: 'Kurs "Lean, enkelt; snabbt" 🚀' });
    await m.signUp(ev.id, { name: 'Anna "Nisse" Öberg', email: "nisse@example.se" });
    await m.dispatch();
    const invite = invitePart(m.inbox("nisse@example.se")[0]!.raw)!;
    expect(invite.attendees.map((a) => a.address.toLowerCase())).toEqual(["mailto:nisse@example.se"]);
    expect(invite.text.replace(/\r?\n /g, "")).toContain("CN=\"Anna 'Nisse' Öberg\"");
  });
});

describe("waitlist, promotion and cancellation", () => {
  it("waitlisted: position, no invite, no join link; promoted: REQUEST; cancelled: CANCEL with the same UID", async () => {
    const ev = await newEvent({ capacity: 1, onlineUrl: "https://meet.example.com/secret-room" });
    const first = await m.signUp(ev.id, { name: "Först", email: "forst@example.se" });
    const second = await m.signUp(ev.id, { name: "Väntar", email: "vantar@example.se" });
    await m.dispatch();
    const waiting = m.inbox("vantar@example.se")[0]!;
    expect(waiting.mail.subject).toBe("Du står på väntelistan: Leankonferens Blekinge 2027");
    expect(waiting.mail.text).toContain("nummer 1");
    expect(waiting.mail.text).not.toContain("secret-room");
    expect(waiting.mail.text).not.toContain("calendar.google.com");
    expect(invitePart(waiting.raw)).toBeNull();

    await m.api("POST", `/manage/${first.body.manageUrl.split("/r/")[1]}/cancel`, undefined, { token: null });
    await m.dispatch();
    const cancelled = m.inbox("forst@example.se").at(-1)!;
    expect(cancelled.mail.subject).toBe("Avbokad: Leankonferens Blekinge 2027");
    const withdrawal = invitePart(cancelled.raw)!;
    const original = invitePart(m.inbox("forst@example.se")[0]!.raw)!;
    expect(withdrawal).toMatchObject({ mimeMethod: "CANCEL", method: "CANCEL", status: "CANCELLED", uid: original.uid });
    expect(withdrawal.sequence).toBeGreaterThan(original.sequence);

    const promoted = m.inbox("vantar@example.se").at(-1)!;
    expect(promoted.mail.subject).toBe("Du har fått en plats: Leankonferens Blekinge 2027");
    expect(promoted.mail.text).toContain("secret-room");
    expect(invitePart(promoted.raw)).toMatchObject({ method: "REQUEST", uid: `${second.body.id}@plats`, sequence: 0 });
  });

  it("a waitlisted person who cancels gets no calendar withdrawal (they never had an invite)", async () => {
    const ev = await newEvent({ capacity: 0 });
    const res = await m.signUp(ev.id, { name: "Bara väntar", email: "bara@example.se" });
    await m.dispatch();
    await m.api("POST", `/manage/${res.body.manageUrl.split("/r/")[1]}/cancel`, undefined, { token: null });
    await m.dispatch();
    const inbox = m.inbox("bara@example.se");
    expect(inbox.map((x) => x.mail.subject)).toEqual([
      "Du står på väntelistan: Leankonferens Blekinge 2027",
      "Avbokad: Leankonferens Blekinge 2027",
    ]);
    expect(inbox.map((x) => invitePart(x.raw))).toEqual([null, null]);
  });
});

describe("changes to the event", () => {
  it("a new time re-sends the invite (same UID, higher SEQUENCE); cancelling the event withdraws it", async () => {
    const ev = await newEvent({ capacity: 1 });
    const conf = await m.signUp(ev.id, { name: "Karin", email: "karin@example.se" });
    await m.signUp(ev.id, { name: "Per", email: "per@example.se" });
    await m.dispatch();
    await m.api("PATCH", `/events/${ev.id}`, { startsAt: "2027-03-18T09:00:00Z", endsAt: "2027-03-18T16:00:00Z", venue: "Väggahallen" });
    await m.dispatch();
    const updated = m.inbox("karin@example.se").at(-1)!;
    expect(updated.mail.subject).toBe("Ändrat: Leankonferens Blekinge 2027");
    expect(updated.mail.text).toContain("kl. 10.00–17.00");
    const update = invitePart(updated.raw)!;
    expect(update).toMatchObject({ method: "REQUEST", uid: `${conf.body.id}@plats`, sequence: 1 });
    expect(update.start.toISOString()).toBe("2027-03-18T09:00:00.000Z");
    // The waitlisted hear of it too, without an invite.
    const perUpdate = m.inbox("per@example.se").at(-1)!;
    expect(perUpdate.mail.subject).toBe("Ändrat: Leankonferens Blekinge 2027");
    expect(invitePart(perUpdate.raw)).toBeNull();

    // Two quick edits: one email, with the final details.
    const before = m.inbox("karin@example.se").length;
    await m.api("PATCH", `/events/${ev.id}`, { venue: "Sal A" });
    await m.api("PATCH", `/events/${ev.id}`, { venue: "Sal B" });
    await m.dispatch();
    const edits = m.inbox("karin@example.se").slice(before);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.mail.text).toContain("Sal B");
    expect(invitePart(edits[0]!.raw)!.sequence).toBe(3);

    await m.api("POST", `/events/${ev.id}/cancel`);
    await m.dispatch();
    const cancelled = m.inbox("karin@example.se").at(-1)!;
    expect(cancelled.mail.subject).toBe("Inställt: Leankonferens Blekinge 2027");
    expect(invitePart(cancelled.raw)).toMatchObject({ method: "CANCEL", mimeMethod: "CANCEL", sequence: 4, uid: update.uid });
    expect(m.inbox("per@example.se").at(-1)!.mail.subject).toBe("Inställt: Leankonferens Blekinge 2027");
  });
});

describe("the server's own time zone", () => {
  it("is the one this test project set (the suite runs under UTC and under New York)", () => {
    expect(["UTC", "America/New_York"]).toContain(process.env.TZ);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
  });

  it("changes nothing: the same instants and wording under TZ=UTC and TZ=America/New_York", async () => {
    const original = process.env.TZ;
    const render = async (tz: string) => {
      process.env.TZ = tz;
      const ev = await newEvent({ title: `Zon ${tz}`, startsAt: "2027-06-10T07:00:00Z", endsAt: "2027-06-10T11:00:00Z" });
      await m.signUp(ev.id, { name: "Zon", email: `zon-${tz.replace("/", "-")}@example.se` });
      await m.dispatch();
      const msg = m.inbox(`zon-${tz.replace("/", "-")}@example.se`)[0]!;
      const invite = invitePart(msg.raw)!;
      return {
        offset: new Date("2027-06-10T07:00:00Z").getTimezoneOffset(),
        when: /När: .*/.exec(msg.mail.text!)![0],
        start: invite.start.toISOString(),
        lines: invite.text.split(/\r?\n/).filter((l) => /^DT(START|END)/.test(l)),
      };
    };
    try {
      const utc = await render("UTC");
      const ny = await render("America/New_York");
      expect(utc.offset).not.toBe(ny.offset); // the zone really changed
      expect({ ...ny, offset: 0 }).toEqual({ ...utc, offset: 0 });
      expect(utc.when).toBe("När: torsdag 10 juni 2027 kl. 09.00–13.00");
      expect(utc.lines).toEqual(["DTSTART:20270610T070000Z", "DTEND:20270610T110000Z"]);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
