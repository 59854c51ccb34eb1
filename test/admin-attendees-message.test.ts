import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchOutbox } from "../src/mail/dispatcher";
import { smtpMailer } from "../src/runtime/node/mailers";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { startSmtp, type Smtp } from "./helpers/smtp";
import { auditRows, listPath, newEvent, outboxRows, signUp, snapshot } from "./admin-attendees-fixture";

// A message to everyone confirmed (or waiting): one outbox row per person, one audit
// entry, and real emails through a real SMTP server with the organiser's words intact.
let h: AdminHarness;
let organiser: SignedIn;
let smtp: Smtp;
let mailer: ReturnType<typeof smtpMailer>;
beforeAll(async () => {
  h = await adminHarness();
  await h.database.db.run(sql`UPDATE organisations SET name = 'Techtank', contact_email = 'evenemang@techtank.se' WHERE id = ${h.orgId}`);
  organiser = await h.signedIn("organiser");
  smtp = await startSmtp();
  mailer = smtpMailer(smtp.url);
});
afterAll(async () => {
  mailer.close();
  await smtp.stop();
  h.close();
});

const dispatch = () => dispatchOutbox({ ctx: h.ctx, mailer, settings: { from: "Techtank <noreply@plats.techtank.se>" } });
const inbox = (address: string) => smtp.received.filter((m) => m.rcpt.includes(address));
const message = (ev: string, form: Record<string, string>) => organiser.request(`${listPath(ev)}/message`, { form });
/** The one-time draft id the preview puts beside its send button. */
async function draftOf(ev: string, form: Record<string, string>) {
  const preview = await message(ev, { ...form, step: "preview" });
  expect(preview.status).toBe(200);
  return /<input type="hidden" name="draft" value="(draft_[0-9a-z]{20})"/.exec(preview.text)![1]!;
}
/** Preview, then send what the preview carries, as the page's button does. */
const send = async (ev: string, form: Record<string, string>) => message(ev, { ...form, step: "send", draft: await draftOf(ev, form) });

const subject = "Parking & lunch <update>";
const body = "Hello all,\r\n\r\nParking is at the <b>north</b> entrance.\r\nLunch at 12 & coffee at 15.\r\n\r\n/Techtank";

describe("messaging the attendees of an event", () => {
  let ev: string;
  beforeAll(async () => {
    ev = await newEvent(h, { capacity: 2 });
    await signUp(h, ev, { name: "Anna", email: "anna@example.se" });
    await signUp(h, ev, { name: "Bertil", email: "bertil@example.se", language: "en" });
    await signUp(h, ev, { name: "Cissi", email: "cissi@example.se" });
    await dispatch();
    smtp.received.length = 0;
  });

  it("shows a form with how many each audience has", async () => {
    const res = await organiser.request(`${listPath(ev)}/message`);
    expect(res.status).toBe(200);
    expect(res.text).toContain("everyone confirmed (2 people)");
    expect(res.text).toContain("everyone on the waitlist (1 person)");
  });

  it("previews first, saying how many will receive it, and sends nothing yet", async () => {
    const before = await snapshot(h);
    const res = await message(ev, { step: "preview", audience: "confirmed", subject, body });
    expect(res.status).toBe(200);
    expect(res.text).toContain("It goes to everyone confirmed: 2 people, each in their own email.");
    expect(res.text).toContain("Parking &amp; lunch &lt;update&gt;");
    expect(res.text).toContain("Parking is at the &lt;b&gt;north&lt;/b&gt; entrance.");
    expect(res.text).toContain("Send to 2 people");
    expect(await snapshot(h)).toEqual(before);
  });

  it("sends one email per confirmed person through the outbox, with the text escaped in HTML, and audits it", async () => {
    const before = (await outboxRows(h)).length;
    const res = await send(ev, { audience: "confirmed", subject, body });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${listPath(ev)}?notice=messaged&n=2`);
    expect((await organiser.request(res.location!)).text).toContain("Your message is queued for 2 people.");

    const queued = (await outboxRows(h)).slice(before);
    expect(queued.map((q) => [q.kind, q.to_email])).toEqual([
      ["organiser_message", "anna@example.se"],
      ["organiser_message", "bertil@example.se"],
    ]);
    const normalised = body.replace(/\r\n/g, "\n");
    for (const q of queued) expect(JSON.parse(q.payload)).toEqual({ subject, body: normalised });
    const audit = (await auditRows(h)).at(-1)!;
    expect(audit).toMatchObject({ action: "event.message", subject_id: ev, user_id: organiser.member.id });
    expect(JSON.parse(audit.detail)).toEqual({ audience: "confirmed", subject, recipients: 2, draft: expect.stringMatching(/^draft_/) });

    expect(await dispatch()).toMatchObject({ sent: 2 });
    expect(inbox("cissi@example.se")).toHaveLength(0);
    for (const address of ["anna@example.se", "bertil@example.se"]) {
      const [mail] = inbox(address);
      expect(mail, address).toBeDefined();
      expect(mail!.mail.subject).toBe(subject);
      expect(mail!.mail.text).toContain("Parking is at the <b>north</b> entrance.");
      expect(mail!.mail.text).toContain("Lunch at 12 & coffee at 15.");
      const html = String(mail!.mail.html);
      expect(html).toContain("Parking is at the &lt;b&gt;north&lt;/b&gt; entrance.");
      expect(html).not.toContain("<b>north</b>");
      expect(html).toMatch(/Lunch at 12 &amp;(amp;)? coffee at 15\./);
      expect(html).not.toMatch(/&amp;amp;/);
    }
    expect(inbox("bertil@example.se")[0]!.mail.text).toContain("A message from Techtank about");
  });

  it("reaches the waitlist alone when asked to", async () => {
    smtp.received.length = 0;
    const res = await send(ev, { audience: "waitlisted", subject: "Still waiting", body: "We hope to have a seat for you." });
    expect(res.location).toBe(`${listPath(ev)}?notice=messaged&n=1`);
    await dispatch();
    expect(smtp.received.map((m) => m.rcpt)).toEqual([["cissi@example.se"]]);
    expect(smtp.received[0]!.mail.subject).toBe("Still waiting");
  });

  it("'change the message' shows the form again with the text kept", async () => {
    const res = await message(ev, { step: "edit", audience: "waitlisted", subject: "Draft", body: "Some <text>" });
    expect(res.status).toBe(200);
    expect(res.text).toContain('value="Draft"');
    expect(res.text).toContain("Some &lt;text&gt;</textarea>");
    expect(res.text).toMatch(/value="waitlisted" checked/);
  });

  it("refuses bad input with a 400 page and sends nothing", async () => {
    const before = await snapshot(h);
    const bad: [Record<string, string>, string][] = [
      [{ step: "send", audience: "confirmed", subject: "", body: "x" }, "subject"],
      [{ step: "send", audience: "confirmed", subject: "x".repeat(201), body: "x" }, "subject"],
      [{ step: "send", audience: "confirmed", subject: "Two\r\nlines", body: "x" }, "subject"],
      [{ step: "send", audience: "confirmed", subject: "x", body: "  " }, "body"],
      [{ step: "send", audience: "confirmed", subject: "x", body: "y".repeat(10_001) }, "body"],
      [{ step: "send", audience: "confirmed", subject: "x", body: "bell\u0007" }, "body"],
      [{ step: "send", audience: "everyone", subject: "x", body: "y" }, "audience"],
      [{ step: "preview", audience: "", subject: "x", body: "y" }, "audience"],
    ];
    for (const [form, field] of bad) {
      const res = await message(ev, form);
      expect(res.status, JSON.stringify(form).slice(0, 80)).toBe(400);
      expect(res.text).toContain(`href="#f-${field}"`);
    }
    expect((await message(ev, { step: "launch", audience: "confirmed", subject: "x", body: "y" })).status).toBe(400);
    expect(await snapshot(h)).toEqual(before);
  });

  it("refuses a message nobody would receive", async () => {
    const empty = await newEvent(h, { capacity: 2 });
    const before = await snapshot(h);
    const preview = await message(empty, { step: "preview", audience: "confirmed", subject: "x", body: "y" });
    expect(preview.text).toContain("Nobody would receive it");
    expect(preview.text).not.toContain('value="send"');
    const res = await message(empty, { step: "send", audience: "confirmed", subject: "x", body: "y", draft: "draft_00000000000000000000" });
    expect(res.status).toBe(400);
    expect(res.text).toContain("Nobody is confirmed on this event.");
    expect(await snapshot(h)).toEqual(before);
  });

  it("sends a draft once: a double click or a resubmitted form queues nothing more and answers the same", async () => {
    const form = { audience: "confirmed", subject: "Room change", body: "We are in room B." };
    const draft = await draftOf(ev, form);
    const outboxBefore = (await outboxRows(h)).length;
    const auditBefore = (await auditRows(h)).length;
    const [first, second] = await Promise.all([
      message(ev, { ...form, step: "send", draft }),
      message(ev, { ...form, step: "send", draft }),
    ]);
    const third = await message(ev, { ...form, step: "send", draft });
    for (const res of [first, second, third]) {
      expect(res.status).toBe(303);
      expect(res.location).toBe(`${listPath(ev)}?notice=messaged&n=2`);
    }
    const queued = (await outboxRows(h)).slice(outboxBefore);
    expect(queued.map((q) => q.to_email).sort()).toEqual(["anna@example.se", "bertil@example.se"]);
    const audited = (await auditRows(h)).slice(auditBefore);
    expect(audited.map((a) => [a.action, JSON.parse(a.detail).draft])).toEqual([["event.message", draft]]);

    // A new preview is a new draft: sending the same words again is a deliberate second message.
    expect((await send(ev, form)).location).toBe(`${listPath(ev)}?notice=messaged&n=2`);
    expect((await outboxRows(h)).length).toBe(outboxBefore + 4);
  });

  it("refuses a send without the draft id its preview gave, sending nothing", async () => {
    const before = await snapshot(h);
    for (const draft of [undefined, "", "draft_x", "evt_00000000000000000000"]) {
      const form: Record<string, string> = { step: "send", audience: "confirmed", subject: "x", body: "y" };
      if (draft !== undefined) form.draft = draft;
      const res = await message(ev, form);
      expect(res.status, String(draft)).toBe(400);
      expect(res.text).toContain("preview the message again");
    }
    expect(await snapshot(h)).toEqual(before);
  });

  it("counts a Windows line break as one character", async () => {
    const text = "a\r\n".repeat(4_999) + "a";
    expect(text.replace(/\r\n/g, "\n").length).toBeLessThanOrEqual(10_000);
    const res = await message(ev, { step: "preview", audience: "confirmed", subject: "Long", body: text });
    expect(res.status).toBe(200);
  });
});
