import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { remindUnanswered, resendInvitation } from "../src/domain/access";
import { PUBLIC_URL, eventBody } from "./helpers/harness";
import { ORGANISER, manageTokenIn, mailHarness, type MailHarness } from "./helpers/mail";
import { invitePart } from "./helpers/smtp";

// The emails of events by invitation and by approval, read back through a real SMTP
// server: the invitation in each language with a working link and a decline link, its
// reminder, an application's receipt, the approval with its invite, the polite no.
let m: MailHarness;
beforeAll(async () => {
  m = await mailHarness();
});
afterAll(() => m.stop());

let slugs = 0;
const newEvent = async (overrides: Record<string, unknown> = {}) => {
  const res = await m.api("POST", "/events", eventBody({ slug: `mail-access-${++slugs}`, title: "Industriforum Kronoberg 2027", ...overrides }));
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string; title: string };
};
const inviteAll = async (eventId: string, invitees: Record<string, unknown>[], send = true) => {
  const res = await m.api("POST", `/events/${eventId}/invitations`, { invitees, send });
  expect(res.status).toBe(201);
  return res.body.invitations as { id: string; email: string; url: string }[];
};
const only = (address: string) => {
  const mails = m.inbox(address);
  expect(mails).toHaveLength(1);
  return mails[0]!;
};
const linkIn = (text: string, pattern: RegExp) => pattern.exec(text)?.[0];
const invitationLink = /https:\/\/plats\.test\/e\/[a-z0-9-]+\?invitation=[A-Za-z0-9_.%]+/;
const declineLink = /https:\/\/plats\.test\/i\/[A-Za-z0-9_.%]+\/decline/;
const page = async (url: string, init?: RequestInit) => {
  const res = await m.app.request(url.replace(PUBLIC_URL, ""), init);
  return { status: res.status, html: await res.text() };
};

describe("the invitation email", () => {
  it("reaches each invitee in their language, with a personal link that opens the prefilled form and a decline link", async () => {
    const ev = await newEvent({ access: "invitation" });
    await inviteAll(ev.id, [
      { email: "karin@saab.example", name: "Karin Lund", organisation: "Saab", seats: 3 },
      { email: "james@abb.example", name: "James Cole", language: "en" },
      { email: "ola@hydro.example", name: "Ola Nordmann", organisation: "Hydro", language: "nb", seats: 2 },
    ]);
    expect(await m.dispatch()).toMatchObject({ sent: 3, failed: 0 });

    const sv = only("karin@saab.example").mail;
    expect(sv.subject).toBe("Inbjudan: Industriforum Kronoberg 2027");
    expect(sv.text).toContain("Hej Karin!");
    expect(sv.text).toContain("Techtank bjuder in dig till Industriforum Kronoberg 2027.");
    expect(sv.text).toContain("Inbjudan gäller 3 platser");
    expect(sv.text).toContain("När: torsdag 18 mars 2027 kl. 09.30–16.30");
    expect(sv.from?.text).toContain("Techtank");
    expect(sv.replyTo?.text).toBe(ORGANISER);
    expect(sv.headers.get("auto-submitted")).toBe("auto-generated");
    expect(sv.html).toContain('<html lang="sv">');
    // No tracking pixel, no image at all without a logo, no attachment.
    expect(sv.html).not.toContain("<img");
    expect(sv.attachments).toEqual([]);

    const en = only("james@abb.example").mail;
    expect(en.subject).toBe("Invitation: Industriforum Kronoberg 2027");
    expect(en.text).toContain("Techtank invites you to Industriforum Kronoberg 2027.");
    expect(en.text).toContain("The invitation is personal and for one seat.");
    expect(en.text).toContain("When: Thursday 18 March 2027");
    const nb = only("ola@hydro.example").mail;
    expect(nb.subject).toBe("Invitasjon: Industriforum Kronoberg 2027");
    expect(nb.text).toContain("Hei Ola!");
    expect(nb.text).toContain("Invitasjonen gjelder 2 plasser");

    // The personal link opens the form filled in for the invitee.
    const link = linkIn(nb.text!, invitationLink)!;
    expect(nb.html).toContain(link.replace(/&/g, "&amp;"));
    const form = await page(link);
    expect(form.status).toBe(200);
    expect(form.html).toContain("Velkommen, Ola Nordmann!");
    expect(form.html).toContain('value="ola@hydro.example"');
    expect(form.html).toContain('value="Hydro"');

    // The decline link opens a page with one button; only its POST declines.
    const decline = linkIn(en.text!, declineLink)!;
    expect(en.html).toContain(decline);
    const ask = await page(decline);
    expect(ask.html).toContain("Decline the invitation?");
    const [before] = await m.database.db.all<{ status: string }>(sql`SELECT status FROM invitations WHERE email = 'james@abb.example'`);
    expect(before!.status).toBe("sent");
    const done = await page(decline, { method: "POST", headers: { origin: PUBLIC_URL, "content-type": "application/x-www-form-urlencoded" }, body: "" });
    expect(done.html).toContain("You have declined the invitation to Industriforum Kronoberg 2027.");
    const [after] = await m.database.db.all<{ status: string }>(sql`SELECT status FROM invitations WHERE email = 'james@abb.example'`);
    expect(after!.status).toBe("declined");
  });

  it("says a reminder in its subject, and reminds nobody who registered, declined or was revoked", async () => {
    const ev = await newEvent({ access: "invitation" });
    const [waiting, registered, declined, revoked] = await inviteAll(ev.id, [
      { email: "lisa@volvo.example", name: "Lisa Ek" },
      { email: "per@volvo.example", name: "Per Ek" },
      { email: "siv@volvo.example", name: "Siv Ek" },
      { email: "tor@volvo.example", name: "Tor Ek" },
    ]);
    await m.dispatch();
    const token = (url: string) => new URL(url).searchParams.get("invitation")!;
    const signup = await m.signUp(ev.id, { name: "Per Ek", email: "per@volvo.example", invitation: token(registered!.url) });
    expect(signup.status).toBe(201);
    await page(`/i/${token(declined!.url)}/decline`, { method: "POST", headers: { origin: PUBLIC_URL } });
    // One reminder queued while Tor's invitation was open, then revoked before it is sent.
    await resendInvitation({ ctx: m.ctx, input: { orgId: m.orgId, id: revoked!.id, reminder: true } });
    await m.api("POST", `/invitations/${revoked!.id}/revoke`);
    expect(await remindUnanswered({ ctx: m.ctx, input: { orgId: m.orgId, eventId: ev.id } })).toEqual({ reminded: 1 });
    await m.dispatch();

    const reminders = m.inbox("lisa@volvo.example");
    expect(reminders.map((r) => r.mail.subject)).toEqual(["Inbjudan: Industriforum Kronoberg 2027", "Påminnelse om inbjudan: Industriforum Kronoberg 2027"]);
    expect(reminders[1]!.mail.text).toContain("Vi vill påminna om inbjudan från Techtank");
    expect(linkIn(reminders[1]!.mail.text!, invitationLink)).toBe(waiting!.url);
    expect(m.inbox("tor@volvo.example").map((r) => r.mail.subject)).toEqual(["Inbjudan: Industriforum Kronoberg 2027"]);
    expect(m.inbox("siv@volvo.example")).toHaveLength(1);
    expect(m.inbox("per@volvo.example").map((r) => r.mail.subject)).toEqual(["Inbjudan: Industriforum Kronoberg 2027", "Bekräftelse: Industriforum Kronoberg 2027"]);
    const skipped = await m.database.db.all<{ last_error: string | null }>(
      sql`SELECT last_error FROM outbox WHERE kind = 'invitation' AND status = 'skipped' AND to_email = 'tor@volvo.example'`,
    );
    expect(skipped).toHaveLength(1);
  });
});

describe("applications", () => {
  it("acknowledge an application, send the approval with its REQUEST invite, and decline politely", async () => {
    const ev = await newEvent({ access: "approval", capacity: 5 });
    const apply = async (email: string, firstName: string, language = "sv") => {
      const res = await m.signUp(ev.id, { firstName, lastName: "Holm", email, language });
      expect(res.status).toBe(201);
      expect(res.body.status).toBe("pending");
      return res.body.id as string;
    };
    const approved = await apply("ulla@example.se", "Ulla");
    const declined = await apply("vera@example.no", "Vera", "nb");
    await m.dispatch();

    const received = only("ulla@example.se");
    expect(received.mail.subject).toBe("Vi har tagit emot din ansökan: Industriforum Kronoberg 2027");
    expect(received.mail.text).toContain("Arrangören går igenom ansökningarna");
    expect(received.mail.text).toContain("Här ser du din ansökan och kan dra tillbaka den:");
    expect(invitePart(received.raw)).toBeNull();
    // Its link opens the applicant's page, which says the application is being reviewed.
    const mine = await page(`/r/${manageTokenIn(received.mail.text!)!}`);
    expect(mine.html).toContain("Din ansökan behandlas av arrangören.");
    expect(only("vera@example.no").mail.subject).toBe("Vi har mottatt søknaden din: Industriforum Kronoberg 2027");

    expect((await m.api("POST", `/registrations/${approved}/approve`)).body).toMatchObject({ status: "confirmed" });
    expect((await m.api("POST", `/registrations/${declined}/decline`)).body).toMatchObject({ status: "declined" });
    await m.dispatch();

    const [, confirmation] = m.inbox("ulla@example.se");
    expect(confirmation!.mail.subject).toBe("Bekräftelse: Industriforum Kronoberg 2027");
    expect(invitePart(confirmation!.raw)).toMatchObject({ mimeMethod: "REQUEST", method: "REQUEST", uid: `${approved}@plats`, status: "CONFIRMED" });

    const [, no] = m.inbox("vera@example.no");
    expect(no!.mail.subject).toBe("Svar på søknaden din: Industriforum Kronoberg 2027");
    expect(no!.mail.text).toContain("Hei Vera!");
    expect(no!.mail.text).toContain("Dessverre kan vi ikke tilby deg plass denne gangen.");
    expect(no!.mail.text).not.toMatch(/\/r\/[A-Za-z0-9_-]{22}/);
    expect(invitePart(no!.raw)).toBeNull();
  });
});
