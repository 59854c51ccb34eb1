import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { renderInvite, type Invite } from "../src/calendar/invite";
import { readConfig } from "../src/config";
import type { OutgoingMail } from "../src/mail/mailer";
import { buildMime } from "../src/runtime/workers/mime";
import { HOURLY_RETENTION, EVERY_MINUTE, runCron } from "../src/runtime/workers/scheduled";
import { emailServiceOutcome, SmtpReplyError, smtpOutcome } from "../src/runtime/workers/sendOutcome";
import { chooseTransport } from "../src/runtime/workers/transport";
import { eventBody, harness } from "./helpers/harness";
import { invitePart } from "./helpers/smtp";

// The raw message the Workers transports send (Email Service and SMTP over sockets both
// carry it), built without Node and read back by mailparser and ical.js; and how their
// errors are sorted by whose they are: the message's, the set-up's, or the moment's.

const invite = (method: Invite["method"]): Invite => ({
  method,
  uid: "reg_abc@plats",
  sequence: method === "CANCEL" ? 2 : 1,
  stamp: new Date("2027-01-10T09:00:00Z"),
  event: {
    title: "Leankonferens Blekinge – värdeflöden på riktigt",
    description: "Föreläsningar och workshops.\nFika ingår.",
    venue: "BTH Campus Karlshamn",
    address: "Biblioteksgatan 4, 374 35 Karlshamn",
    startsAt: new Date("2027-03-18T08:30:00Z"),
    endsAt: new Date("2027-03-18T15:30:00Z"),
    url: "https://plats.example.se/e/leankonferens",
  },
  organizer: { name: "Techtank", email: "evenemang@techtank.se" },
  attendee: { name: "Åsa Öberg", email: "asa@example.se" },
});

const text = [
  "Hej Åsa!",
  "",
  "Du är anmäld till Leankonferens Blekinge. Den här raden är längre än sjuttiosex tecken, så den måste brytas mjukt.",
  ".En rad som börjar med punkt",
  "Slut med mellanslag   ",
  "=?UTF-8?B?inte-ett-kodat-ord?= = och likhetstecken",
].join("\n");

const mail = (overrides: Partial<OutgoingMail> = {}): OutgoingMail => ({
  messageId: "<msg_0123456789@plats.techtank.se>",
  from: { name: "Techtank Blekinge", address: "noreply@plats.techtank.se" },
  replyTo: "evenemang@techtank.se",
  to: { name: "Åsa Öberg", address: "asa@example.se" },
  subject: "Bekräftelse: Leankonferens Blekinge – värdeflöden på riktigt, torsdag 18 mars 2027 i Karlshamn",
  text,
  html: `<p>Hej Åsa!</p><p>${"Långt stycke utan radbrytning. ".repeat(12)}</p>`,
  calendar: { method: "REQUEST", content: renderInvite(invite("REQUEST")) },
  headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
  ...overrides,
});

describe("the raw MIME message built for Workers", () => {
  it("reads back with every header, the text, the HTML and the invite alternative", async () => {
    const source = mail();
    const raw = buildMime(source, { date: new Date("2027-01-10T09:00:00Z") });
    const parsed = await simpleParser(raw);

    expect(parsed.messageId).toBe(source.messageId);
    expect(parsed.date?.toISOString()).toBe("2027-01-10T09:00:00.000Z");
    expect(parsed.subject).toBe(source.subject);
    expect(parsed.from?.value).toEqual([{ name: "Techtank Blekinge", address: "noreply@plats.techtank.se" }]);
    expect(parsed.replyTo?.value).toEqual([{ name: "", address: "evenemang@techtank.se" }]);
    expect(parsed.to).toMatchObject({ value: [{ name: "Åsa Öberg", address: "asa@example.se" }] });
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(parsed.headers.get("x-auto-response-suppress")).toBe("All");
    expect(parsed.headers.get("mime-version")).toBe("1.0");
    expect(parsed.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    expect(parsed.text?.replace(/\n$/, "")).toBe(text);
    expect(parsed.html).toBe(source.html);

    const part = invitePart(raw)!;
    expect(part.mimeMethod).toBe("REQUEST");
    expect(part.method).toBe("REQUEST");
    expect(part.text).toBe(source.calendar!.content);
    expect(part.uid).toBe("reg_abc@plats");
    expect(raw).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=REQUEST\r$/m);
    // The invite is an alternative, not an attachment (extra attachments blank some clients).
    expect(raw).not.toMatch(/Content-Disposition/i);
    expect(parsed.attachments.map((a) => a.contentType)).toEqual(["text/calendar"]);
  });

  it("keeps to the line rules: CRLF only, no line over 78 characters", () => {
    const raw = buildMime(mail());
    expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const long = raw.split("\r\n").filter((l) => l.length > 78);
    expect(long).toEqual([]);
    // Non-ASCII only ever as encoded words or in encoded bodies.
    expect(raw).toMatch(/^[\x00-\x7f]*$/);
  });

  it("carries a withdrawal with method=CANCEL on the part and inside", async () => {
    const raw = buildMime(mail({ calendar: { method: "CANCEL", content: renderInvite(invite("CANCEL")) } }));
    const part = invitePart(raw)!;
    expect([part.mimeMethod, part.method, part.status, part.sequence]).toEqual(["CANCEL", "CANCEL", "CANCELLED", 2]);
  });

  it("sends text and HTML alone when there is no invite", async () => {
    const raw = buildMime(mail({ calendar: undefined, replyTo: undefined }));
    const parsed = await simpleParser(raw);
    expect(invitePart(raw)).toBeNull();
    expect(parsed.attachments).toEqual([]);
    expect(parsed.replyTo).toBeUndefined();
    expect(raw.match(/^Content-Type: /gm)).toHaveLength(3);
  });

  it("cannot be made to carry another header through a value", async () => {
    const raw = buildMime(
      mail({ subject: "Hej\r\nBcc: victim@example.com", to: { name: 'Eve "x"\r\nCc: a@b.se', address: "eve@example.se" } }),
    );
    const parsed = await simpleParser(raw);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.cc).toBeUndefined();
    expect(parsed.subject).toBe("Hej Bcc: victim@example.com");
    expect(parsed.to).toMatchObject({ value: [{ name: 'Eve "x" Cc: a@b.se', address: "eve@example.se" }] });
  });
});

describe("sorting Workers send errors", () => {
  it("SMTP: a refused mailbox or content is the message's, a refused sender, relay or login the set-up's, the rest temporary", () => {
    const outcome = (code: number, command: string, reply = `${code} reply`) => smtpOutcome(new SmtpReplyError(code, command, reply));
    expect(outcome(550, "RCPT TO")).toEqual({ ok: false, kind: "message", reason: "RCPT TO: 550 reply" });
    for (const code of [551, 552, 553]) expect(outcome(code, "RCPT TO")).toMatchObject({ kind: "message" });
    expect(outcome(554, "DATA (message)")).toMatchObject({ kind: "message" });
    expect(outcome(554, "RCPT TO", "554 5.7.1 <a@b.se>: Relay access denied")).toMatchObject({ kind: "setup" });
    expect(outcome(550, "RCPT TO", "550 5.7.1 Relaying denied")).toMatchObject({ kind: "setup" });
    expect(outcome(553, "MAIL FROM")).toMatchObject({ kind: "setup" });
    expect(outcome(535, "AUTH PLAIN")).toMatchObject({ kind: "setup" });
    expect(outcome(530, "MAIL FROM", "530 5.7.0 Authentication required")).toMatchObject({ kind: "setup" });
    expect(outcome(452, "RCPT TO")).toMatchObject({ kind: "temporary" });
    expect(outcome(451, "MAIL FROM")).toMatchObject({ kind: "temporary" });
    expect(smtpOutcome(new Error("The SMTP server closed the connection."))).toEqual({
      ok: false,
      kind: "temporary",
      reason: "The SMTP server closed the connection.",
    });
  });

  it("Email Service: a refused recipient or content is the message's, a refused sender the set-up's, limits temporary", () => {
    const failure = (code: string) => emailServiceOutcome(Object.assign(new Error(`${code} happened`), { code }));
    for (const code of ["E_RECIPIENT_SUPPRESSED", "E_RECIPIENT_NOT_ALLOWED", "E_DELIVERY_FAILED", "E_CONTENT_TOO_LARGE", "E_VALIDATION_ERROR"])
      expect(failure(code)).toEqual({ ok: false, kind: "message", reason: `${code}: ${code} happened` });
    for (const code of ["E_SENDER_NOT_VERIFIED", "E_SENDER_DOMAIN_NOT_AVAILABLE", "E_HEADER_NOT_ALLOWED"])
      expect(failure(code)).toMatchObject({ ok: false, kind: "setup" });
    for (const code of ["E_RATE_LIMIT_EXCEEDED", "E_DAILY_LIMIT_EXCEEDED", "E_INTERNAL_SERVER_ERROR"])
      expect(failure(code)).toMatchObject({ ok: false, kind: "temporary" });
    expect(emailServiceOutcome(new Error("Network connection lost."))).toMatchObject({ kind: "temporary" });
    // wrangler's local simulation throws plain errors.
    expect(emailServiceOutcome(new Error("email to x@example.se not allowed"))).toMatchObject({ kind: "message" });
  });
});

describe("choosing the Workers mail transport", () => {
  it("takes MAIL_TRANSPORT, else SMTP_URL, else the EMAIL binding, else none", () => {
    const smtp = "smtps://u:p@smtp.example.se:465";
    expect(chooseTransport(readConfig({}), false)).toBe("none");
    expect(chooseTransport(readConfig({}), true)).toBe("email");
    expect(chooseTransport(readConfig({ SMTP_URL: smtp }), true)).toBe("smtp");
    expect(chooseTransport(readConfig({ SMTP_URL: smtp, MAIL_TRANSPORT: "email" }), true)).toBe("email");
    expect(chooseTransport(readConfig({ MAIL_TRANSPORT: "none" }), true)).toBe("none");
  });

  it("names the variable of a bad mail setting", () => {
    expect(() => readConfig({ MAIL_TRANSPORT: "smtp" })).toThrow(/SMTP_URL: MAIL_TRANSPORT=smtp needs SMTP_URL/);
    expect(() => readConfig({ MAIL_TRANSPORT: "pigeon" })).toThrow(/MAIL_TRANSPORT: Must be email, smtp or none/);
    expect(() => readConfig({ OUTBOX_PER_RUN: "0" })).toThrow(/OUTBOX_PER_RUN/);
    expect(readConfig({}).OUTBOX_PER_RUN).toBe(6);
  });

  it("keeps every message queued while no transport is configured", async () => {
    const h = await harness();
    try {
      const ev = await h.api("POST", "/events", eventBody({ capacity: 5 }));
      const reg = await h.api("POST", `/events/${ev.body.id}/registrations`, { name: "Åsa", email: "asa@example.se" }, { token: null });
      expect(reg.status).toBe(201);
      const jobs = { ctx: h.ctx, mailer: null, settings: { from: "Plats <noreply@plats.test>" }, reminderLeadMs: 0, perRun: 6 };
      await runCron(jobs, EVERY_MINUTE);
      await runCron(jobs, HOURLY_RETENTION);
      const rows = await h.database.client.execute("SELECT kind, status, attempts FROM outbox");
      expect(rows.rows.map((r) => ({ ...r }))).toEqual([{ kind: "confirmed", status: "pending", attempts: 0 }]);
    } finally {
      h.close();
    }
  });
});
