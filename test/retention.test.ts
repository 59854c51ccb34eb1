import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchTextDrift, talliesDrift } from "./helpers/db";
import { runCli } from "../src/cli";
import { startBackground } from "../src/runtime/node/background";
import { fileMailer } from "../src/runtime/node/mailers";
import { auditEntry } from "../src/domain/audit";
import { applyRetention } from "../src/domain/privacy";
import { mintLoginLink, requestLoginLink } from "../src/domain/accounts";
import { adminHarness, type AdminHarness } from "./helpers/admin";
import { DAY, MINUTE } from "./helpers/clock";
import { eventBody } from "./helpers/harness";

// Retention with an injected clock: personal data of an event's attendees is gone once
// the organisation's period after the event has passed; the counts remain.
let h: AdminHarness;
beforeAll(async () => {
  h = await adminHarness();
});
afterAll(() => h.close());

const db = () => h.database.db;
const question = { id: "diet", label: "Kost", kind: "text" as const };

/** An event of `token`'s organisation with four signups: 2 confirmed (one checked in), 1 waitlisted, 1 cancelled. */
async function eventWithAttendees(token: string, startsAt: string, endsAt: string, tag: string) {
  const ev = await h.api("POST", "/events", eventBody({ capacity: 2, startsAt, endsAt, questions: [question] }), { token });
  const id = ev.body.id as string;
  const regs = [];
  for (const n of [1, 2, 3, 4]) {
    const res = await h.api(
      "POST",
      `/events/${id}/registrations`,
      { name: `Deltagare ${tag}${n}`, email: `d${tag}${n}@example.se`, organisation: "Volvo", phone: "0701234567", answers: { diet: "vegan" }, consent: true },
      { token: null },
    );
    expect(res.status).toBe(201);
    regs.push({ id: res.body.id as string, token: (res.body.manageUrl as string).split("/r/")[1]! });
  }
  // The second cancels: the third moves up from the waitlist.
  expect((await h.api("POST", `/manage/${regs[1]!.token}/cancel`, undefined, { token: null })).status).toBe(200);
  return { id, regs };
}

const counts = async (eventId: string, token = h.token) => {
  const ev = (await h.api("GET", `/events/${eventId}`, undefined, { token })).body;
  const list = (await h.api("GET", `/events/${eventId}/registrations`, undefined, { token })).body.registrations as { status: string; checkedInAt: string | null }[];
  return {
    confirmed: ev.confirmed,
    waitlisted: ev.waitlisted,
    cancelled: list.filter((r) => r.status === "cancelled").length,
    attended: list.filter((r) => r.checkedInAt).length,
    total: list.length,
  };
};

/** Everything stored that can hold personal data about an event's attendees. */
async function stored(eventId: string) {
  const ids = sql`(SELECT id FROM registrations WHERE event_id = ${eventId})`;
  return {
    registrations: await db().all(sql`SELECT * FROM registrations WHERE event_id = ${eventId} ORDER BY seq`),
    tokens: await db().all(sql`SELECT * FROM manage_tokens WHERE registration_id IN ${ids}`),
    outbox: await db().all(sql`SELECT * FROM outbox WHERE event_id = ${eventId} OR registration_id IN ${ids}`),
    audit: await db().all(sql`SELECT * FROM audit_log WHERE subject_id IN ${ids} ORDER BY seq`),
    event: await db().all(sql`SELECT anonymised_at FROM events WHERE id = ${eventId}`),
  };
}

describe("applyRetention", () => {
  it("keeps everything until the period has passed, then removes the personal data everywhere and keeps the counts", async () => {
    expect((await h.api("PATCH", "/organisation", { retentionDays: 30, requireConsent: true, privacyUrl: "https://techtank.se/gdpr" })).status).toBe(200);
    const keeper = await h.otherOrg(); // no retention setting
    h.clock.set("2026-11-21T09:00:00Z");
    const start = "2026-12-01T08:00:00Z";
    const end = "2026-12-01T16:00:00Z";
    const ev = await eventWithAttendees(h.token, start, end, "a");
    const later = await eventWithAttendees(h.token, "2026-12-20T08:00:00Z", "2026-12-20T16:00:00Z", "b");
    const kept = await eventWithAttendees(keeper.token, start, end, "c");

    // At the door: the first arrives (audited by the API), and an organiser's note about them.
    h.clock.set("2026-12-01T08:30:00Z");
    expect((await h.api("POST", `/registrations/${ev.regs[0]!.id}/check-in`)).status).toBe(200);
    expect((await h.api("POST", `/registrations/${kept.regs[0]!.id}/check-in`, undefined, { token: keeper.token })).status).toBe(200);
    const owner = await h.signedIn("owner");
    await db().batch([auditEntry(h.ctx, owner.member, { action: "registration.note", subjectType: "registration", subjectId: ev.regs[2]!.id, detail: { name: "Deltagare a3" } })]);

    const before = await counts(ev.id);
    expect(before).toEqual({ confirmed: 2, waitlisted: 1, cancelled: 1, attended: 1, total: 4 });
    const keptCounts = await counts(kept.id, keeper.token);

    // One minute before the period ends: nothing changes.
    h.clock.set(new Date(new Date(end).getTime() + 30 * DAY - MINUTE));
    const snapshot = await stored(ev.id);
    expect(snapshot.tokens.length).toBeGreaterThan(0);
    expect(snapshot.outbox.length).toBeGreaterThan(0);
    expect(snapshot.audit.length).toBeGreaterThanOrEqual(2);
    expect((await applyRetention({ ctx: h.ctx })).events).toBe(0);
    expect(await stored(ev.id)).toEqual(snapshot);

    // Once it has passed: this event only.
    h.clock.advance(2 * MINUTE);
    const keptSnapshot = await stored(kept.id);
    const laterSnapshot = await stored(later.id);
    const result = await applyRetention({ ctx: h.ctx });
    expect(result).toMatchObject({ events: 1, registrations: 4 });

    const after = await stored(ev.id);
    for (const r of after.registrations as Record<string, unknown>[]) {
      expect(r).toMatchObject({ name: "", email: "", organisation: null, phone: null, answers: "{}", consent_at: null, search_text: "" });
      expect(r.email_key).toBe(`anon:${r.id}`);
    }
    expect(after.tokens).toEqual([]);
    expect(after.outbox).toEqual([]);
    expect(after.audit.length).toBe(snapshot.audit.length);
    for (const a of after.audit as Record<string, unknown>[]) expect(a.detail).toBe("{}");
    expect((after.audit as { action: string }[]).map((a) => a.action)).toEqual((snapshot.audit as { action: string }[]).map((a) => a.action));
    expect((after.event[0] as { anonymised_at: number }).anonymised_at).toBe(h.clock.now().getTime());
    // Statuses and times stay, so do the counts.
    expect((after.registrations as Record<string, unknown>[]).map((r) => [r.status, r.created_at, r.checked_in_at, r.cancelled_at])).toEqual(
      (snapshot.registrations as Record<string, unknown>[]).map((r) => [r.status, r.created_at, r.checked_in_at, r.cancelled_at]),
    );
    expect(await counts(ev.id)).toEqual(before);

    // The attendance API shows nobody any more.
    const list = (await h.api("GET", `/events/${ev.id}/registrations`)).body.registrations as Record<string, unknown>[];
    expect(JSON.stringify(list)).not.toMatch(/Deltagare|example\.se|Volvo|0701234567|vegan/);
    for (const r of list) expect(r).toMatchObject({ name: "", email: "", organisation: null, phone: null, answers: {}, consentAt: null });
    // Manage links are dead.
    expect((await h.api("GET", `/manage/${ev.regs[0]!.token}`, undefined, { token: null })).status).toBe(404);

    // The later event (period not over) and the organisation without retention keep everything.
    expect(await stored(later.id)).toEqual(laterSnapshot);
    expect(await stored(kept.id)).toEqual(keptSnapshot);
    expect(JSON.stringify(keptSnapshot.audit)).toContain("eventId");
    expect(await counts(kept.id, keeper.token)).toEqual(keptCounts);

    // A second run changes nothing.
    const again = await applyRetention({ ctx: h.ctx });
    expect(again).toMatchObject({ events: 0, registrations: 0 });
    expect(await stored(ev.id)).toEqual(after);

    // The privacy search no longer finds them.
    const found = await (await h.signedIn("owner")).request("/admin/privacy", { form: { email: "da1@example.se" } });
    expect(found.text).toContain("Nothing is stored about da1@example.se");
  });

  it("drops expired sessions, spent or expired login links and old sign-in failures, keeping live ones", async () => {
    h.clock.set("2027-06-01T09:00:00Z");
    const stale = await h.signedIn("organiser");
    const spentLink = await mintLoginLink(h.ctx, stale.member.id);
    expect((await h.request(`/admin/login/link/${spentLink}`, { method: "POST" })).status).toBe(303);
    await mintLoginLink(h.ctx, stale.member.id); // expires unused
    await h.request("/admin/login", { form: { email: "nobody@cluster.se", password: "wrong password!" } });
    await requestLoginLink({ ctx: h.ctx, input: { email: stale.member.email } }); // a message naming the member
    h.clock.advance(2 * DAY);
    const fresh = await h.signedIn("organiser");
    const liveLink = await mintLoginLink(h.ctx, fresh.member.id);
    await requestLoginLink({ ctx: h.ctx, input: { email: fresh.member.email } });

    const result = await applyRetention({ ctx: h.ctx });
    expect(result.sessions).toBeGreaterThanOrEqual(2); // the stale sign-in and the link's
    expect(result.loginLinks).toBeGreaterThanOrEqual(2);
    expect(result.loginFailures).toBeGreaterThanOrEqual(1);
    expect(result.loginMails).toBe(1);
    const mails = await db().all<{ user_id: string }>(sql`SELECT user_id FROM outbox WHERE kind = 'login_link'`);
    expect(mails).toEqual([{ user_id: fresh.member.id }]);
    expect((await stale.request("/admin")).status).toBe(303);
    expect((await fresh.request("/admin")).status).toBe(200);
    const links = await db().all<{ user_id: string }>(sql`SELECT user_id FROM login_links`);
    expect(links).toEqual([{ user_id: fresh.member.id }]);
    expect((await h.request(`/admin/login/link/${liveLink}`, { method: "POST" })).status).toBe(303);
    expect((await applyRetention({ ctx: h.ctx })).loginFailures).toBe(0);
  });
});

describe("where retention runs", () => {
  it("the Node scheduler applies it on its own interval", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plats-retention-"));
    const org = await h.otherOrg();
    expect((await h.api("PATCH", "/organisation", { retentionDays: 30 }, { token: org.token })).status).toBe(200);
    h.clock.set("2027-07-01T09:00:00Z");
    const ev = await eventWithAttendees(org.token, "2027-07-02T08:00:00Z", "2027-07-02T10:00:00Z", "s");
    h.clock.set("2027-08-15T09:00:00Z");
    const background = startBackground({ ctx: h.ctx, mailer: fileMailer(dir), settings: { from: "Plats <noreply@plats.test>" }, reminderLeadMs: 0, dispatchEveryMs: 3_600_000, retainEveryMs: 20 });
    try {
      await expect.poll(async () => (await stored(ev.id)).event[0], { timeout: 5000, interval: 25 }).toEqual({ anonymised_at: expect.any(Number) });
    } finally {
      await background.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(JSON.stringify((await stored(ev.id)).registrations)).not.toContain("example.se");
  });

  it("`plats retention run` applies it once and says what it did on its last line", async () => {
    const cli = await adminHarness();
    try {
      const org = await cli.otherOrg();
      await cli.api("PATCH", "/organisation", { retentionDays: 30 }, { token: org.token });
      cli.clock.set("2020-03-01T09:00:00Z");
      const ev = (await cli.api("POST", "/events", eventBody({ startsAt: "2020-03-10T08:00:00Z", endsAt: "2020-03-10T12:00:00Z" }), { token: org.token })).body.id;
      for (const n of [1, 2, 3]) await cli.api("POST", `/events/${ev}/registrations`, { name: `Cli ${n}`, email: `cli${n}@example.se` }, { token: null });
      const lines: string[] = [];
      const io = { env: { DATABASE_URL: cli.database.url }, out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
      expect(await runCli(["retention", "run"], io)).toBe(0);
      expect(lines.at(-1)).toMatch(/^Anonymised 1 event\(s\) \(3 registration\(s\)\); removed \d+ expired session\(s\), \d+ login link\(s\) and \d+ login-link message\(s\), \d+ sign-in failure record\(s\)\.$/);
      const names = await cli.database.db.all<{ name: string }>(sql`SELECT name FROM registrations WHERE event_id = ${ev}`);
      expect(names).toEqual([{ name: "" }, { name: "" }, { name: "" }]);
      lines.length = 0;
      expect(await runCli(["retention", "run"], io)).toBe(0);
      expect(lines.at(-1)).toMatch(/^Anonymised 0 event\(s\) \(0 registration\(s\)\)/);
    } finally {
      cli.close();
    }
  });
});

describe("the tallies", () => {
  it("equal the registrations' own counts after every change above", async () => {
    expect(await talliesDrift(h.database.db)).toEqual([]);
  });
});

describe("the search texts", () => {
  it("are what the domain makes of each name, organisation and email after every change above", async () => {
    expect(await searchTextDrift(h.database.db)).toEqual([]);
  });
});
