import { readdirSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";
import { dispatchOutbox } from "../src/mail/dispatcher";
import { startBackground } from "../src/runtime/node/background";
import type { Mailer } from "../src/mail/mailer";
import { fileMailer, smtpMailer } from "../src/runtime/node/mailers";
import { HOUR, MINUTE } from "./helpers/clock";
import { eventBody } from "./helpers/harness";
import { FROM, mailHarness, type MailHarness } from "./helpers/mail";
import { invitePart } from "./helpers/smtp";

// Invariant 3: nothing lost, nothing sent twice by design.
let m: MailHarness | undefined;
afterEach(async () => {
  await m?.stop();
  m = undefined;
});

const event = async (h: MailHarness, overrides: Record<string, unknown> = {}) =>
  (await h.api("POST", "/events", eventBody({ capacity: 100, ...overrides }))).body.id as string;

describe("an SMTP outage", () => {
  it("loses nothing: signups succeed while it is down and every message arrives exactly once after", async () => {
    m = await mailHarness();
    const ev = await event(m);
    await m.smtp.stop();
    for (let i = 0; i < 5; i++) expect((await m.signUp(ev, { name: `P${i}`, email: `p${i}@example.se` })).status).toBe(201);
    expect(await m.dispatch()).toMatchObject({ sent: 0, retrying: 5 });
    // An hour of outage: each retry comes later than the one before.
    for (let t = 0; t < 6; t++) {
      m.clock.advance(10 * MINUTE);
      await m.dispatch();
    }
    const during = await m.outbox();
    expect(during.every((r) => r.status === "pending" && r.attempts >= 3)).toBe(true);
    expect(during[0]!.last_error).toMatch(/ECONNREFUSED|connect/i);

    await m.smtp.start();
    m.clock.advance(2 * HOUR);
    expect(await m.dispatch()).toMatchObject({ sent: 5, retrying: 0 });
    m.clock.advance(2 * HOUR);
    expect(await m.dispatch()).toMatchObject({ sent: 0 });
    const ids = m.smtp.received.map((r) => r.mail.messageId);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect((await m.outbox()).every((r) => r.status === "sent")).toBe(true);
  });

  it("a sender that died mid-run leaves its claimed rows to come back after the lease", async () => {
    m = await mailHarness();
    const ev = await event(m);
    await m.signUp(ev, { name: "Lease", email: "lease@example.se" });
    // What a crashed dispatcher leaves behind: claimed, lease running, never finished.
    await m.database.db.run(sql`UPDATE outbox SET status = 'sending', attempts = 1, lease_until = ${m.clock.now().getTime() + 5 * MINUTE}`);
    expect(await m.dispatch()).toMatchObject({ sent: 0 });
    m.clock.advance(5 * MINUTE + 1);
    expect(await m.dispatch()).toMatchObject({ sent: 1 });
    expect(m.inbox("lease@example.se")).toHaveLength(1);
  });

  it("a send interrupted by a crash delays only that message, and that person's later ones wait for it", async () => {
    m = await mailHarness();
    const h = m;
    const ev = await event(h);
    for (const who of ["anna", "bo", "cecilia"]) await h.signUp(ev, { name: who, email: `${who}@example.se` });
    // A second message for each, behind the first: the venue moved.
    expect((await h.api("PATCH", `/events/${ev}`, { venue: "Kulturhuset, Karlshamn" })).status).toBe(200);
    expect((await h.outbox()).map((r) => r.kind)).toEqual(["confirmed", "confirmed", "confirmed", "event_updated", "event_updated", "event_updated"]);
    // A run that dies in the middle of sending Anna's confirmation: its send never returns.
    const dying: Mailer = { send: () => new Promise<never>(() => {}) };
    void dispatchOutbox({ ctx: h.ctx, mailer: dying, settings: { from: FROM } });
    await expect.poll(async () => (await h.outbox()).filter((r) => r.status === "sending").length).toBe(1);
    // The next run sends the others at once; Anna's update waits behind her confirmation.
    expect(await h.dispatch()).toMatchObject({ sent: 4 });
    expect(h.inbox("anna@example.se")).toEqual([]);
    h.clock.advance(5 * MINUTE + 1);
    expect(await h.dispatch()).toMatchObject({ sent: 2 });
    // Her confirmation first, then the update, each once (the Message-ID is the outbox row's).
    const kindOf = new Map(
      (await h.database.db.all<{ id: string; kind: string }>(sql`SELECT id, kind FROM outbox`)).map((r) => [r.id, r.kind]),
    );
    const annas = h.inbox("anna@example.se").map((r) => kindOf.get(r.mail.messageId!.replace(/^<|@.*$/g, "")));
    expect(annas).toEqual(["confirmed", "event_updated"]);
    expect(h.smtp.received).toHaveLength(6);
  });
});

describe("a permanent refusal", () => {
  it("ends as failed with the server's reason and is not retried", async () => {
    m = await mailHarness({ refuse: (address) => (address.startsWith("nobody@") ? "550 5.1.1 No such mailbox" : null) });
    const ev = await event(m);
    await m.signUp(ev, { name: "Ingen", email: "nobody@example.se" });
    await m.signUp(ev, { name: "Någon", email: "someone@example.se" });
    expect(await m.dispatch()).toMatchObject({ sent: 1, failed: 1, retrying: 0 });
    const failed = (await m.outbox()).find((r) => r.to_email === "nobody@example.se")!;
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.last_error).toContain("550");
    expect(failed.last_error).toContain("No such mailbox");
    m.clock.advance(48 * HOUR);
    expect(await m.dispatch()).toMatchObject({ sent: 0, failed: 0, retrying: 0 });
    expect(m.smtp.received).toHaveLength(1);
  });
});

describe("a temporary refusal (4xx)", () => {
  it("is retried later and then delivered once", async () => {
    let greylisting = true;
    m = await mailHarness({ refuse: () => (greylisting ? "451 4.7.1 Greylisted, try again later" : null) });
    const ev = await event(m);
    await m.signUp(ev, { name: "Grå", email: "gra@example.se" });
    expect(await m.dispatch()).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
    const [row] = await m.outbox();
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.last_error).toContain("451");
    // Not before its backoff is over.
    greylisting = false;
    expect(await m.dispatch()).toMatchObject({ sent: 0, retrying: 0 });
    m.clock.advance(10_000);
    expect(await m.dispatch()).toMatchObject({ sent: 1 });
    expect(m.inbox("gra@example.se")).toHaveLength(1);
  });
});

describe("a mistake in our own SMTP set-up", () => {
  it("(a wrong password, 535) holds the queue, fails nothing (test/mail-failures.test.ts has the rest)", async () => {
    m = await mailHarness({ refuseLogin: true });
    const wrongPassword = smtpMailer(m.smtp.url.replace("smtp://", "smtp://plats:wrong@"));
    try {
      const ev = await event(m);
      await m.signUp(ev, { name: "Väntar på rätt lösen", email: "losen@example.se" });
      const result = await dispatchOutbox({ ctx: m.ctx, mailer: wrongPassword, settings: { from: FROM } });
      expect(result).toMatchObject({ sent: 0, failed: 0, retrying: 0, held: { reason: expect.stringContaining("535") } });
      expect((await m.outbox())[0]).toMatchObject({ status: "pending", last_error: expect.stringContaining("535") });
    } finally {
      wrongPassword.close();
    }
  });
});

describe("a dispatcher that stalls", () => {
  it("loses its lease to another run, which sends the row once; the stalled run leaves it alone", async () => {
    m = await mailHarness();
    const h = m;
    const ev = await event(h);
    await h.signUp(ev, { name: "Först", email: "stall1@example.se" });
    await h.signUp(ev, { name: "Sedan", email: "stall2@example.se" });
    let stalled = false;
    // The first send takes six minutes (past the lease); meanwhile a second run starts.
    const slow: Mailer = {
      async send(mail) {
        if (!stalled) {
          stalled = true;
          h.clock.advance(6 * MINUTE);
          expect(await h.dispatch()).toMatchObject({ sent: 2 });
        }
        return h.mailer.send(mail);
      },
    };
    const first = await dispatchOutbox({ ctx: h.ctx, mailer: slow, settings: { from: FROM } });
    expect(first).toMatchObject({ sent: 1 });
    expect(h.inbox("stall1@example.se")).toHaveLength(2); // the stalled send did finish too
    expect(h.inbox("stall2@example.se")).toHaveLength(1);
    expect((await h.outbox()).map((r) => r.status)).toEqual(["sent", "sent"]);
  });
});

describe("a message whose moment has passed", () => {
  it("is skipped: no confirmation, invite or withdrawal for someone who cancelled before it went out", async () => {
    m = await mailHarness();
    const ev = await event(m);
    const res = await m.signUp(ev, { name: "Ångrar", email: "angrar@example.se" });
    await m.api("POST", `/manage/${res.body.manageUrl.split("/r/")[1]}/cancel`, undefined, { token: null });
    expect(await m.dispatch()).toMatchObject({ sent: 1, skipped: 1 });
    const inbox = m.inbox("angrar@example.se");
    expect(inbox.map((x) => x.mail.subject)).toEqual(["Avbokad: Leankonferens Blekinge 2027"]);
    // Their calendar never got the event, so there is nothing to withdraw.
    expect(invitePart(inbox[0]!.raw)).toBeNull();
  });
});

describe("the in-process dispatcher of npm start", () => {
  it("sends one message a tick while a crowd is arriving, and drains the outbox once it has passed", async () => {
    m = await mailHarness();
    const ev = await event(m);
    for (let i = 0; i < 25; i++) await m.signUp(ev, { name: `Kö ${i}`, email: `ko${i}@example.se` });
    let crowd = true;
    const background = startBackground({
      ctx: m.ctx,
      mailer: m.mailer,
      settings: { from: FROM },
      reminderLeadMs: 0,
      isBusy: () => crowd,
      dispatchEveryMs: 3_600_000,
    });
    try {
      await background.kick();
      expect(m.smtp.received).toHaveLength(1);
      crowd = false;
      await background.kick();
      expect(m.smtp.received).toHaveLength(25);
      expect((await m.outbox()).every((r) => r.status === "sent")).toBe(true);
    } finally {
      await background.stop();
    }
  });
});

describe("without SMTP_URL", () => {
  it("writes each message as an .eml file that parses back with its invite", async () => {
    m = await mailHarness();
    const dir = mkdtempSync(join(tmpdir(), "plats-eml-"));
    try {
      const ev = await event(m);
      await m.signUp(ev, { name: "Fil", email: "fil@example.se" });
      const result = await dispatchOutbox({ ctx: m.ctx, mailer: fileMailer(dir), settings: { from: FROM } });
      expect(result.sent).toBe(1);
      const [file] = readdirSync(dir);
      expect(file).toMatch(/^msg_[0-9a-f]{20}\.eml$/);
      const raw = readFileSync(join(dir, file!), "utf8");
      expect((await simpleParser(raw)).subject).toBe("Bekräftelse: Leankonferens Blekinge 2027");
      expect(invitePart(raw)?.method).toBe("REQUEST");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
