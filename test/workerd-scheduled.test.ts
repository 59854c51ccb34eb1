import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../src/lib/secrets";
import { liveEventBody } from "./helpers/harness";
import { postJson } from "./helpers/server";
import { invitePart, startSmtp, type Smtp } from "./helpers/smtp";
import { ownWorkerd, type Workerd } from "./helpers/workerdInstances";
import { d1 as sqlIn, eventually, fireCron, seedOrganisation } from "./helpers/workerdSeed";

// The Workers build's scheduler and mail in workerd: Cron Triggers (fired through
// Miniflare, as Cloudflare fires them) drain the outbox, queue reminders and apply retention;
// mail goes over SMTP through cloudflare:sockets to a real SMTP server in this process.
let w: Workerd;
let smtp: Smtp;
let auth: Record<string, string>;
const refusing = new Set(["refused@example.se"]);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PER_RUN = 6;

beforeAll(async () => {
  smtp = await startSmtp({
    refuse: (a) => (refusing.has(a) ? "550 5.1.1 No such user here" : a.startsWith("later") ? "451 4.3.0 Try again later" : null),
  });
  // An instance of its own: its cron drains the whole outbox, and its mail goes to this file's SMTP server.
  w = await ownWorkerd({ SMTP_URL: smtp.url, MAIL_FROM: "Plats <noreply@plats.test>", SIGNUP_RATE_LIMIT: "0", REMINDER_HOURS: "24", OUTBOX_PER_RUN: String(PER_RUN) });
  ({ auth } = await seedOrganisation(w, "cron"));
});
afterAll(async () => {
  await w?.stop();
  await smtp?.stop();
});

const received = (messageId: string) => smtp.received.find((m) => m.mail.messageId === messageId);
const d1 = (query: string) => sqlIn(w, query);
const outbox = async (where: string) =>
  (await d1(`SELECT id, kind, status, attempts, last_error FROM outbox WHERE ${where} ORDER BY rowid`)) as {
    id: string;
    kind: string;
    status: string;
    attempts: number;
    last_error: string | null;
  }[];

async function signUp(eventId: string, email: string) {
  const res = await postJson(`${w.url}/api/v1/events/${eventId}/registrations`, { name: "Åsa Öberg", email });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe("mail from workerd", () => {
  it("sends a signup's confirmation within seconds, with the invite as a calendar alternative", async () => {
    const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ capacity: 5 }), auth);
    const started = Date.now();
    const reg = await signUp(ev.body.id, "asa@example.se");
    // Sent by the request's own follow-up (waitUntil), no cron involved.
    const mail = await eventually(() => smtp.received.find((m) => m.rcpt.includes("asa@example.se")), "the message at the SMTP server");
    console.log(`confirmation delivered ${Date.now() - started} ms after the signup was sent`);
    const row = await eventually(async () => (await outbox(`registration_id = '${reg}' AND status = 'sent'`))[0], "the row marked sent");
    expect(mail.mail.messageId).toBe(`<${row.id}@plats.test>`);

    expect(row.kind).toBe("confirmed");
    expect(mail.rcpt).toEqual(["asa@example.se"]);
    expect(mail.mail.to).toMatchObject({ value: [{ name: "Åsa Öberg", address: "asa@example.se" }] });
    expect(mail.mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.mail.text).toContain("Leankonferens");
    expect(mail.mail.html).toContain("Leankonferens");
    const invite = invitePart(mail.raw)!;
    expect(invite.mimeMethod).toBe("REQUEST");
    expect(invite.method).toBe(invite.mimeMethod);
    expect(invite.uid).toBe(`${reg}@plats`);
    expect(invite.attendees.map((a) => [a.address.toLowerCase(), a.partstat])).toEqual([["mailto:asa@example.se", "ACCEPTED"]]);
    // text, html and the invite as alternatives of one another, nothing attached.
    expect(mail.mail.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    expect(mail.mail.attachments.map((a) => [a.contentType, a.contentDisposition])).toEqual([["text/calendar", undefined]]);
    expect(mail.raw).not.toMatch(/Content-Disposition/i);
  });

  it("drains what waits in the outbox on the minute cron, a bounded number per run", async () => {
    const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ capacity: 5 }), auth);
    const reg = await signUp(ev.body.id, "bo@example.se");
    await eventually(async () => (await outbox(`registration_id = '${reg}' AND status = 'sent'`))[0], "the confirmation");
    // Messages queued without a request to send them (as a crashed run would leave them).
    const ids = Array.from({ length: PER_RUN + 2 }, (_, i) => `msg_cron${i}`);
    await d1(
      ids
        .map(
          (id, i) => `INSERT INTO outbox (id, kind, org_id, event_id, registration_id, to_email, to_name, locale, payload, status, attempts, next_attempt_at, created_at)
                      VALUES ('${id}', 'event_updated', 'org_cron', '${ev.body.id}', '${reg}', 'bo@example.se', 'Bo', 'sv', '{}', 'pending', 0, 0, ${i});`,
        )
        .join("\n"),
    );
    expect((await fireCron(w, "* * * * *")).status).toBe(200);
    // Older duplicates of an update are skipped in favour of the last: all are settled.
    await eventually(async () => (await outbox(`id LIKE 'msg_cron%' AND status IN ('sent', 'skipped')`)).length === PER_RUN, `${PER_RUN} settled`);
    expect(await outbox(`id LIKE 'msg_cron%' AND status = 'pending'`)).toHaveLength(2);
    await fireCron(w, "* * * * *");
    await eventually(async () => (await outbox(`id LIKE 'msg_cron%' AND status IN ('sent', 'skipped')`)).length === ids.length, "all settled");
    const last = ids.at(-1)!;
    expect((await outbox(`id = '${last}'`))[0]!.status).toBe("sent");
    const mail = await eventually(() => received(`<${last}@plats.test>`), "the update at the SMTP server");
    expect(invitePart(mail.raw)).toMatchObject({ mimeMethod: "REQUEST", method: "REQUEST" });
  });

  it("queues and sends a reminder for an event within REMINDER_HOURS on the cron", async () => {
    const soon = Date.now() + 3 * HOUR;
    const ev = await postJson(
      `${w.url}/api/v1/events`,
      liveEventBody({ capacity: 5, startsAt: new Date(soon).toISOString(), endsAt: new Date(soon + 2 * HOUR).toISOString() }),
      auth,
    );
    const later = await postJson(`${w.url}/api/v1/events`, liveEventBody({ capacity: 5 }), auth);
    const reg = await signUp(ev.body.id, "cia@example.se");
    const notYet = await signUp(later.body.id, "cia@example.se");
    await eventually(async () => (await outbox(`registration_id = '${reg}' AND status = 'sent'`))[0], "the confirmation");

    await fireCron(w, "* * * * *");
    const reminder = await eventually(async () => (await outbox(`registration_id = '${reg}' AND kind = 'reminder' AND status = 'sent'`))[0], "the reminder");
    const mail = await eventually(() => received(`<${reminder.id}@plats.test>`), "the reminder at the SMTP server");
    expect(mail.rcpt).toEqual(["cia@example.se"]);
    expect(await outbox(`registration_id = '${notYet}' AND kind = 'reminder'`)).toEqual([]);
    // Once per registration: the next minute queues none again.
    await fireCron(w, "* * * * *");
    expect(await outbox(`registration_id = '${reg}' AND kind = 'reminder'`)).toHaveLength(1);
  });

  it("ends a message the server refuses and retries one it defers; the owner sends the refused one again", async () => {
    const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ capacity: 5 }), auth);
    const refused = await signUp(ev.body.id, "refused@example.se");
    const deferred = await signUp(ev.body.id, "later@example.se");
    const failed = await eventually(async () => (await outbox(`registration_id = '${refused}' AND status = 'failed'`))[0], "the refusal");
    expect(failed.last_error).toMatch(/RCPT TO: 550 5\.1\.1 No such user/);
    const waiting = await eventually(async () => (await outbox(`registration_id = '${deferred}' AND last_error IS NOT NULL`))[0], "the deferral");
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.last_error).toMatch(/451 4\.3\.0/);

    // The owner sees the refusal on the mail page, the mailbox is fixed, and the page's
    // button is the way to send it again on Workers: it arrives once.
    // The shape the service mints: 44 URL-safe characters.
    const session = "workerd-mail-owner-session-0123456789abcdefg";
    const far = Date.now() + DAY;
    await d1(`INSERT INTO users (id, org_id, email, email_key, role, created_at) VALUES ('usr_cron', 'org_cron', 'o@cron.se', 'o@cron.se', 'owner', 0);
      INSERT INTO sessions (token_hash, user_id, created_at, expires_at, absolute_expires_at) VALUES ('${sha256Hex(session)}', 'usr_cron', 0, ${far}, ${far});`);
    const admin = (path: string, form?: Record<string, string>) =>
      fetch(`${w.url}${path}`, {
        method: form ? "POST" : "GET",
        redirect: "manual",
        headers: { cookie: `plats_admin=${session}`, ...(form ? { origin: w.url, "content-type": "application/x-www-form-urlencoded" } : {}) },
        body: form ? new URLSearchParams(form) : undefined,
      });
    const pageRes = await admin(`/admin/mail?event=${ev.body.id}`);
    const page = await pageRes.text();
    expect([pageRes.status, pageRes.headers.get("location")]).toEqual([200, null]);
    expect(page).toContain("refused@example.se");
    expect(page).toContain("No such user here");
    refusing.delete("refused@example.se");
    const resent = await admin("/admin/mail/resend", { message: failed.id });
    expect([resent.status, resent.headers.get("location")]).toEqual([303, "/admin/mail?resent=1"]);
    await fireCron(w, "* * * * *");
    await eventually(async () => (await outbox(`id = '${failed.id}' AND status = 'sent'`))[0], "the re-sent message");
    expect(smtp.received.filter((m) => m.rcpt.includes("refused@example.se"))).toHaveLength(1);
  });

  it("holds the queue while the relay refuses the sender (553 to MAIL FROM); fixed, each message goes once", async () => {
    smtp.policy.refuseSender = "553 5.7.1 <noreply@plats.test>: Sender address rejected: not owned by user";
    let where = "";
    try {
      const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ capacity: 5 }), auth);
      const regs = [await signUp(ev.body.id, "hold1@example.se"), await signUp(ev.body.id, "hold2@example.se")];
      where = `registration_id IN ('${regs.join("','")}')`;
      const hold = await eventually(async () => (await d1("SELECT reason, attempts FROM mail_hold"))[0], "the hold");
      expect(hold).toMatchObject({ reason: expect.stringContaining("Sender address rejected") });
      await fireCron(w, "* * * * *");
      expect((await outbox(where)).map((r) => r.status)).toEqual(["pending", "pending"]);
    } finally {
      smtp.policy.refuseSender = null;
    }
    // The relay is fixed, and the hold's wait is over (this workerd runs on the real clock).
    await d1("UPDATE mail_hold SET until = 0");
    await d1(`UPDATE outbox SET next_attempt_at = 0 WHERE ${where} AND status = 'pending'`);
    await fireCron(w, "* * * * *");
    await eventually(async () => ((await d1("SELECT count(*) AS n FROM mail_hold")) as { n: number }[])[0]?.n === 0 || undefined, "the hold ended");
    for (const address of ["hold1@example.se", "hold2@example.se"])
      expect(await eventually(() => smtp.received.filter((m) => m.rcpt.includes(address)).length || undefined, address)).toBe(1);
  });
});

describe("retention on the hourly cron", () => {
  it("anonymises an event past its organisation's period, and only on the hourly cron", async () => {
    await seedOrganisation(w, "keep30", { retention_days: 30 });
    const ended = Date.now() - 60 * DAY;
    await d1(
      `INSERT INTO events (id, org_id, slug, title, starts_at, ends_at, capacity, created_at, updated_at)
         VALUES ('ev_old', 'org_keep30', 'old-seminar', 'Gammalt seminarium', ${ended - 2 * HOUR}, ${ended}, 10, ${ended - 9 * DAY}, ${ended - 9 * DAY});
       INSERT INTO registrations (id, event_id, name, email, email_key, language, status, created_at, confirmed_at)
         VALUES ('reg_old', 'ev_old', 'Dag Ek', 'dag@example.se', 'dag@example.se', 'sv', 'confirmed', ${ended - 9 * DAY}, ${ended - 9 * DAY});`,
    );
    const person = async () => (await d1(`SELECT name, email, email_key FROM registrations WHERE id = 'reg_old'`))[0];

    await fireCron(w, "* * * * *");
    expect(await person()).toEqual({ name: "Dag Ek", email: "dag@example.se", email_key: "dag@example.se" });

    expect((await fireCron(w, "7 * * * *")).status).toBe(200);
    await eventually(async () => ((await person()) as { name: string }).name === "", "the anonymisation");
    expect(await person()).toEqual({ name: "", email: "", email_key: "anon:reg_old" });
    expect(await d1(`SELECT anonymised_at IS NOT NULL AS done FROM events WHERE id = 'ev_old'`)).toEqual([{ done: 1 }]);
  });
});
