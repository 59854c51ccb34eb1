import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { dispatchOutbox, HOLD_GIVES_UP_MS } from "../src/mail/dispatcher";
import { smtpMailer } from "../src/runtime/node/mailers";
import { DAY, HOUR, MINUTE } from "./helpers/clock";
import { eventBody } from "./helpers/harness";
import { FROM, mailHarness, type MailHarness } from "./helpers/mail";
import { parseMailbox } from "../src/mail/types";
import { startSmtp, type SmtpPolicy } from "./helpers/smtp";

// What a refusal by the real SMTP server (smtp-server) means for the message and for the
// queue: a refused mailbox fails that message with the server's reason; a refused set-up
// (the sender, relaying, the login) holds the whole queue, loses nothing and, once fixed,
// sends every message exactly once; anything else is retried.
let m: MailHarness | undefined;
afterEach(async () => {
  await m?.stop();
  m = undefined;
});

async function threeSignups(policy: SmtpPolicy) {
  m = await mailHarness(policy);
  const ev = (await m.api("POST", "/events", eventBody({ capacity: 100 }))).body.id as string;
  for (const who of ["anna", "bo", "cecilia"]) expect((await m.signUp(ev, { name: who, email: `${who}@example.se` })).status).toBe(201);
  return m;
}

const hold = async (h: MailHarness) =>
  (await h.database.db.all<{ until: number; attempts: number; reason: string }>(sql`SELECT until, attempts, reason FROM mail_hold`))[0];

describe("a refused set-up holds the queue", () => {
  it.each([
    { what: "553 to MAIL FROM (a sender the relay does not accept)", policy: { refuseSender: "553 5.7.1 <noreply@plats.techtank.se>: Sender address rejected: not owned by user" }, says: /Sender address rejected/ },
    { what: "554 relay denied at RCPT (no login)", policy: { refuse: () => "554 5.7.1 <anna@example.se>: Relay access denied" }, says: /Relay access denied/ },
    { what: "a login required and none given (530)", policy: { refuseLogin: true }, says: /[Aa]uthentication/ },
  ])("$what: nothing sent, nothing failed, one try per wait; fixed, each message arrives once", async ({ policy, says }) => {
    const h = await threeSignups(policy);
    const first = await h.dispatch();
    expect(first).toMatchObject({ sent: 0, failed: 0, retrying: 0, held: { reason: expect.stringMatching(says) } });
    let rows = await h.outbox();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([["pending", 1], ["pending", 0], ["pending", 0]]);
    expect(rows[0]!.last_error).toMatch(says);
    expect(await hold(h)).toMatchObject({ attempts: 1, reason: expect.stringMatching(says) });

    // While held, nothing is tried at all; after each wait, one message tries again.
    expect(await h.dispatch()).toEqual({ sent: 0, failed: 0, retrying: 0, skipped: 0 });
    for (let i = 0; i < 4; i++) {
      h.clock.advance(HOUR);
      expect((await h.dispatch()).held).toBeDefined();
    }
    const held = (await hold(h))!;
    expect(held.attempts).toBe(5);
    expect(held.until - h.clock.now().getTime()).toBeGreaterThanOrEqual(15 * MINUTE);
    rows = await h.outbox();
    expect(rows.map((r) => r.attempts)).toEqual([5, 0, 0]);

    // The relay's configuration is fixed: the next try sends everything, once.
    Object.assign(h.smtp.policy, { refuse: undefined, refuseSender: null });
    if (policy.refuseLogin) {
      h.smtp.policy.refuseLogin = false;
      await h.smtp.stop();
      await h.smtp.start();
    }
    h.clock.advance(DAY);
    expect(await h.dispatch()).toMatchObject({ sent: 3, failed: 0 });
    expect(await hold(h)).toBeUndefined();
    expect((await h.outbox()).every((r) => r.status === "sent")).toBe(true);
    for (const who of ["anna", "bo", "cecilia"]) expect(h.inbox(`${who}@example.se`)).toHaveLength(1);
    h.clock.advance(DAY);
    expect(await h.dispatch()).toMatchObject({ sent: 0 });
    expect(h.smtp.received).toHaveLength(3);
  });

  it("after three days of refusals the waiting messages fail with the reason, and can be seen", async () => {
    const h = await threeSignups({ refuseSender: "553 5.7.1 Sender address rejected" });
    await h.dispatch();
    h.clock.advance(HOLD_GIVES_UP_MS + HOUR);
    const result = await h.dispatch();
    expect(result).toMatchObject({ sent: 0, failed: 3 });
    const rows = await h.outbox();
    expect(rows.every((r) => r.status === "failed")).toBe(true);
    expect(rows[0]!.last_error).toMatch(/^the mail server refused the set-up for three days: .*Sender address rejected/);
  });
});

describe("/healthz", () => {
  it("reports what waits, since when, and a hold, without the server's reason; still 200", async () => {
    const h = await threeSignups({ refuseSender: "553 5.7.1 <noreply@plats.techtank.se>: Sender address rejected" });
    const health = async () => {
      const res = await h.app.request("/healthz");
      expect(res.status).toBe(200);
      return (await res.json()) as { ok: boolean; outbox: Record<string, unknown> };
    };
    expect(await health()).toEqual({ ok: true, outbox: { pending: 3, oldestPendingSeconds: 0, held: null } });
    await h.dispatch();
    h.clock.advance(90_000);
    const held = await hold(h);
    const body = await health();
    expect(body).toEqual({
      ok: true,
      outbox: {
        pending: 3,
        oldestPendingSeconds: 90,
        held: { since: new Date(h.clock.now().getTime() - 90_000).toISOString(), until: new Date(held!.until).toISOString() },
      },
    });
    expect(JSON.stringify(body)).not.toContain("noreply@");
    h.smtp.policy.refuseSender = null;
    h.clock.advance(HOUR);
    await h.dispatch();
    expect(await health()).toEqual({ ok: true, outbox: { pending: 0, oldestPendingSeconds: null, held: null } });
  });
});

describe("a refused mailbox fails only its message", () => {
  it("550 at RCPT for one address: that message fails with the reason, the others go, the queue is not held", async () => {
    const h = await threeSignups({ refuse: (a) => (a === "bo@example.se" ? "550 5.1.1 <bo@example.se>: Recipient address rejected: User unknown" : null) });
    expect(await h.dispatch()).toEqual({ sent: 2, failed: 1, retrying: 0, skipped: 0 });
    const bo = (await h.outbox()).find((r) => r.to_email === "bo@example.se")!;
    expect(bo).toMatchObject({ status: "failed", attempts: 1 });
    expect(bo.last_error).toMatch(/User unknown/);
    expect(await hold(h)).toBeUndefined();
  });

  it("451 at RCPT is temporary: retried with backoff, no hold, then sent once", async () => {
    let busy = true;
    const h = await threeSignups({ refuse: (a) => (busy && a === "anna@example.se" ? "451 4.3.0 Try again later" : null) });
    expect(await h.dispatch()).toMatchObject({ sent: 2, retrying: 1 });
    expect(await hold(h)).toBeUndefined();
    busy = false;
    h.clock.advance(MINUTE);
    expect(await h.dispatch()).toMatchObject({ sent: 1 });
    expect(h.inbox("anna@example.se")).toHaveLength(1);
  });
});

describe("a server that never answers", () => {
  it("at RCPT: the send times out and is retried, no hold; once it answers, each message arrives once", async () => {
    let hanging = true;
    const h = await threeSignups({ hang: (a) => hanging && a === "bo@example.se" });
    const impatient = smtpMailer(h.smtp.url, { timeoutSeconds: 1 });
    const dispatch = () => dispatchOutbox({ ctx: h.ctx, mailer: impatient, settings: { from: FROM } });
    try {
      expect(await dispatch()).toMatchObject({ sent: 2, failed: 0, retrying: 1 });
      expect(await hold(h)).toBeUndefined();
      const bo = (await h.outbox()).find((r) => r.to_email === "bo@example.se")!;
      expect(bo).toMatchObject({ status: "pending", attempts: 1 });
      hanging = false;
      h.clock.advance(HOUR);
      expect(await dispatch()).toMatchObject({ sent: 1 });
      for (const who of ["anna", "bo", "cecilia"]) expect(h.inbox(`${who}@example.se`)).toHaveLength(1);
    } finally {
      impatient.close();
    }
  });
});

describe("a refused login", () => {
  it("535 to AUTH is the set-up's, not the message's", async () => {
    const smtp = await startSmtp({ refuseLogin: true });
    const mailer = smtpMailer(`smtp://plats:wrong@127.0.0.1:${smtp.port}`);
    try {
      const outcome = await mailer.send({
        messageId: "<login-test@plats.test>",
        from: parseMailbox(FROM),
        to: { name: "Anna", address: "anna@example.se" },
        subject: "Test",
        text: "Test",
        html: "<p>Test</p>",
        headers: {},
      });
      expect(outcome).toMatchObject({ ok: false, kind: "setup", reason: expect.stringMatching(/535/) });
    } finally {
      mailer.close();
      await smtp.stop();
    }
  });
});
