import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchOutbox } from "../src/mail/dispatcher";
import { smtpMailer } from "../src/runtime/node/mailers";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { HOUR } from "./helpers/clock";
import { eventBody } from "./helpers/harness";
import { FROM } from "./helpers/mail";
import { startSmtp, type Smtp } from "./helpers/smtp";

// The workspace's mail page: what the real SMTP server refused, with its reason, per event
// and overall, and "send again" for one, an event or everything since a moment. Owners only,
// and only their own organisation's mail.
let h: AdminHarness;
let smtp: Smtp;
let mailer: ReturnType<typeof smtpMailer>;
let owner: SignedIn;
const refused = new Set<string>();

beforeAll(async () => {
  h = await adminHarness();
  smtp = await startSmtp({ refuse: (a) => (refused.has(a) ? `550 5.1.1 <${a}>: Recipient address rejected: User unknown` : null) });
  mailer = smtpMailer(smtp.url);
  owner = await h.signedIn("owner");
});
afterAll(async () => {
  mailer?.close();
  await smtp?.stop();
  h?.close();
});

const dispatch = () => dispatchOutbox({ ctx: h.ctx, mailer, settings: { from: FROM } });
const inbox = (address: string) => smtp.received.filter((m) => m.rcpt.includes(address));
const rows = (where = sql`1`) =>
  h.database.db.all<{ id: string; status: string; attempts: number; to_email: string; event_id: string | null; last_error: string | null }>(
    sql`SELECT id, status, attempts, to_email, event_id, last_error FROM outbox WHERE ${where} ORDER BY rowid`,
  );

async function eventWith(title: string, people: string[], token = h.token) {
  const ev = (await h.api("POST", "/events", eventBody({ title, capacity: 50 }), { token })).body.id as string;
  for (const email of people) expect((await h.api("POST", `/events/${ev}/registrations`, { name: email.split("@")[0], email }, { token: null })).status).toBe(201);
  return ev;
}

describe("the mail page", () => {
  let lean: string;
  let breakfast: string;
  beforeAll(async () => {
    for (const a of ["typo@exampel.se", "gone@example.se", "old@example.se"]) refused.add(a);
    lean = await eventWith("LEAN-kurs", ["anna@example.se", "typo@exampel.se", "gone@example.se"]);
    breakfast = await eventWith("Medlemsfrukost", ["bo@example.se", "old@example.se"]);
    expect(await dispatch()).toMatchObject({ sent: 2, failed: 3 });
  });

  it("shows each refused email with the server's reason, per event and overall", async () => {
    const page = await owner.request("/admin/mail");
    expect(page.status).toBe(200);
    for (const a of ["typo@exampel.se", "gone@example.se", "old@example.se"]) expect(page.text).toContain(`&lt;${a}&gt;: Recipient address rejected: User unknown`);
    expect(page.text).not.toContain("anna@example.se");
    expect(page.text).toMatch(/LEAN-kurs<\/a><\/td><td class="num">2<\/td><td class="num">0<\/td>/);
    expect(page.text).toMatch(/Medlemsfrukost<\/a><\/td><td class="num">1<\/td>/);
    const one = await owner.request(`/admin/mail?event=${breakfast}`);
    expect(one.text).toContain("old@example.se");
    expect(one.text).not.toContain("<td class=\"detail\">&lt;gone@example.se");
    const dashboard = await owner.request("/admin");
    expect(dashboard.text).toContain("3 emails could not be delivered.");
    expect(dashboard.text).toContain('href="/admin/mail"');
  });

  it("sends one again: delivered once when the mailbox is fixed; the others stay failed", async () => {
    const [typo] = await rows(sql`to_email = 'typo@exampel.se'`);
    refused.delete("typo@exampel.se");
    const res = await owner.request("/admin/mail/resend", { form: { message: typo!.id } });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/admin/mail?resent=1");
    expect((await owner.request(res.location!)).text).toContain("1 email is on its way again.");
    expect(await dispatch()).toMatchObject({ sent: 1, failed: 0 });
    expect(inbox("typo@exampel.se")).toHaveLength(1);
    expect((await rows(sql`status = 'failed'`)).map((r) => r.to_email)).toEqual(["gone@example.se", "old@example.se"]);
    expect(await dispatch()).toMatchObject({ sent: 0 });
    expect(inbox("typo@exampel.se")).toHaveLength(1);
  });

  it("sends all of one event again, not another event's", async () => {
    refused.delete("gone@example.se");
    const res = await owner.request("/admin/mail/resend", { form: { event: lean } });
    expect(res.location).toBe(`/admin/mail?resent=1&event=${lean}`);
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(inbox("gone@example.se")).toHaveLength(1);
    expect((await rows(sql`status = 'failed'`)).map((r) => r.to_email)).toEqual(["old@example.se"]);
  });

  it("sends everything failed since a moment again, and records each resend in the audit log", async () => {
    const written = new Date((await h.database.db.all<{ at: number }>(sql`SELECT max(created_at) AS at FROM outbox WHERE status = 'failed'`))[0]!.at);
    const later = new Date(written.getTime() + HOUR).toISOString().slice(0, 16);
    expect((await owner.request("/admin/mail/resend", { form: { since: later } })).location).toBe("/admin/mail?resent=0");
    refused.delete("old@example.se");
    const earlier = new Date(written.getTime() - HOUR).toISOString().slice(0, 16);
    expect((await owner.request("/admin/mail/resend", { form: { since: earlier } })).location).toBe("/admin/mail?resent=1");
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(await rows(sql`status = 'failed'`)).toEqual([]);
    expect((await owner.request("/admin/mail")).text).toContain("No email has been refused");
    const audit = await h.database.db.all<{ action: string; detail: string }>(sql`SELECT action, detail FROM audit_log WHERE action = 'mail.resend' ORDER BY seq`);
    expect(audit.map((a) => JSON.parse(a.detail).messages)).toEqual([1, 1, 1]);
  });
});

describe("a message still being tried", () => {
  it("shows as trying again with its next attempt, and can be tried now", async () => {
    const ev = await eventWith("Kick-off", []);
    smtp.policy.refuse = (a) => (a === "busy@example.se" ? "451 4.3.0 Mailbox busy, try again later" : null);
    try {
      expect((await h.api("POST", `/events/${ev}/registrations`, { name: "Busy", email: "busy@example.se" }, { token: null })).status).toBe(201);
      expect(await dispatch()).toMatchObject({ retrying: 1 });
      const page = (await owner.request(`/admin/mail?event=${ev}`)).text;
      expect(page).toContain("Trying again");
      expect(page).toContain("Mailbox busy");
      const [row] = await rows(sql`to_email = 'busy@example.se'`);
      expect((await owner.request("/admin/mail/resend", { form: { message: row!.id } })).location).toBe("/admin/mail?resent=1");
    } finally {
      smtp.policy.refuse = (a) => (refused.has(a) ? "550 5.1.1 User unknown" : null);
    }
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(inbox("busy@example.se")).toHaveLength(1);
  });
});

describe("who may see and resend", () => {
  it("is owners only, each of their own organisation's mail", async () => {
    const other = await h.otherOrg();
    refused.add("theirs@example.se");
    await eventWith("Their event", ["theirs@example.se"], other.token);
    await dispatch();
    const [theirs] = await rows(sql`to_email = 'theirs@example.se'`);
    expect(theirs!.status).toBe("failed");

    const mine = await owner.request("/admin/mail");
    expect(mine.text).not.toContain("theirs@example.se");
    expect(mine.text).not.toContain("Their event");
    const res = await owner.request("/admin/mail/resend", { form: { message: theirs!.id } });
    expect(res.status).toBe(404);
    expect(await owner.request("/admin/mail/resend", { form: { event: theirs!.event_id! } })).toMatchObject({ location: `/admin/mail?resent=0&event=${theirs!.event_id}` });
    expect((await rows(sql`id = ${theirs!.id}`))[0]!.status).toBe("failed");

    const theirOwner = await h.signedIn("owner", other.orgId);
    expect((await theirOwner.request("/admin/mail")).text).toContain("theirs@example.se");
    for (const role of ["organiser", "checkin"] as const) {
      const member = await h.signedIn(role);
      expect((await member.request("/admin/mail")).status).toBe(403);
      expect((await member.request("/admin/mail/resend", { form: { message: theirs!.id } })).status).toBe(403);
      expect((await member.request("/admin")).text).not.toContain('href="/admin/mail"');
    }
    expect((await h.request("/admin/mail")).status).toBe(303);
    expect((await owner.request("/admin/mail/resend", { form: { message: theirs!.id }, origin: "https://evil.example" })).status).toBe(403);
  });
});

describe("bad input", () => {
  it("gets a clear answer and changes nothing", async () => {
    const before = await rows();
    const since = await owner.request("/admin/mail/resend", { form: { since: "yesterday" } });
    expect(since.status).toBe(400);
    expect(since.text).toContain("Enter a date and time");
    expect((await owner.request("/admin/mail/resend", { form: { since: "" } })).status).toBe(400);
    const forms: Record<string, string>[] = [{}, { message: "x' OR 1=1 --" }, { event: "evt_../../" }, { message: "msg_a", event: "evt_b" }, { toString: "x" }];
    for (const form of forms)
      expect((await owner.request("/admin/mail/resend", { form })).status, JSON.stringify(form)).toBe(400);
    expect((await owner.request("/admin/mail/resend", { form: { message: "msg_doesnotexist" } })).status).toBe(404);
    for (const q of ["?before=abc", "?event=%27", "?before=99999999999999999999"]) expect((await owner.request(`/admin/mail${q}`)).status).toBe(303);
    expect((await owner.request("/admin/mail?before=1")).status).toBe(200);
    expect(await rows()).toEqual(before);
  });
});
