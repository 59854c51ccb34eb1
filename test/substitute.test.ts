import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRetention, erasePersonalData } from "../src/domain/privacy";
import { CLOCK_START, DAY } from "./helpers/clock";
import { talliesDrift } from "./helpers/db";
import { eventBody } from "./helpers/harness";
import { mailHarness, manageTokenIn, ORGANISER, type MailHarness } from "./helpers/mail";
import { invitePart } from "./helpers/smtp";

// "Send a colleague in my place" through the API on Node: the same registration row gets
// a new person and a new link, both people get their email (REQUEST / CANCEL), and every
// refusal leaves the database exactly as it was. Mail goes through a real SMTP server.
let h: MailHarness;
beforeAll(async () => {
  h = await mailHarness();
});
afterAll(() => h?.stop());

let n = 0;
type Reg = { id: string; status: string; token: string; email: string; name: string };

async function newEvent(overrides: Record<string, unknown> = {}) {
  const res = await h.api("POST", "/events", eventBody({ slug: `subst-${++n}`, capacity: 2, ...overrides }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; startsAt: string };
}
async function signUp(eventId: string, name: string): Promise<Reg> {
  const email = `${name.split(" ")[0]!.toLowerCase()}.${++n}@example.se`;
  const res = await h.signUp(eventId, { name, email, organisation: "Techtank" });
  expect(res.status).toBe(201);
  return { id: res.body.id, status: res.body.status, token: res.body.manageUrl.split("/r/")[1], email, name };
}
const substitute = (token: string, body: unknown) => h.api("POST", `/manage/${token}/substitute`, body, { token: null });
const colleague = (overrides: Record<string, unknown> = {}) => ({
  firstName: "Bo",
  lastName: "Berg",
  email: `bo.berg.${++n}@example.se`,
  organisation: "IUC Syd",
  ...overrides,
});
/** Everything a refused substitution must leave alone. */
const snapshot = async (eventId: string) => ({
  registrations: await h.database.db.all(sql`SELECT * FROM registrations WHERE event_id = ${eventId} ORDER BY seq`),
  tokens: await h.database.db.all(sql`SELECT token_hash, registration_id FROM manage_tokens ORDER BY token_hash`),
  outbox: await h.database.db.all(sql`SELECT id, kind, status, to_email FROM outbox WHERE event_id = ${eventId} ORDER BY rowid`),
  audit: await h.database.db.all(sql`SELECT seq FROM audit_log WHERE action = 'registration.substitute'`),
});

describe("sending a colleague in one's place", () => {
  it("keeps the registration and its seat, moves the link, and tells both people with the right invites", async () => {
    const ev = await newEvent();
    const anna = await signUp(ev.id, "Anna Andersson");
    await signUp(ev.id, "Cecilia Carlsson");
    const waiting = await signUp(ev.id, "David Dahl");
    expect(waiting.status).toBe("waitlisted");
    await h.dispatch();
    const original = invitePart(h.inbox(anna.email).at(-1)!.raw)!;
    expect(original.method).toBe("REQUEST");
    const before = (await h.database.db.all<{ seq: number; created_at: number }>(sql`SELECT seq, created_at FROM registrations WHERE id = ${anna.id}`))[0]!;

    const bo = colleague({ firstName: "  Bo ", lastName: " Berg", language: "en" });
    const res = await substitute(anna.token, bo);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: anna.id, status: "confirmed", position: null, name: "Bo Berg", email: bo.email, organisation: "IUC Syd", language: "en" });
    const newToken = res.body.manageUrl.split("/r/")[1] as string;
    expect(newToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newToken).not.toBe(anna.token);

    // The old link is gone; the new one shows the same registration, in the same place.
    expect((await h.api("GET", `/manage/${anna.token}`, undefined, { token: null })).status).toBe(404);
    const view = await h.api("GET", `/manage/${newToken}`, undefined, { token: null });
    expect(view.body).toMatchObject({ id: anna.id, status: "confirmed", name: "Bo Berg" });
    const [row] = await h.database.db.all<Record<string, unknown>>(sql`SELECT * FROM registrations WHERE id = ${anna.id}`);
    expect(row).toMatchObject({
      seq: before.seq,
      created_at: before.created_at,
      email_key: bo.email,
      search_text: expect.stringContaining("bo berg"),
      substituted_name: "Anna Andersson",
      substituted_email_key: anna.email,
      substituted_at: new Date(CLOCK_START).getTime(),
      invite_sent_at: null,
    });
    expect((await h.api("GET", `/manage/${waiting.token}`, undefined, { token: null })).body.position).toBe(1);
    const listed = (await h.api("GET", `/events/${ev.id}/registrations`)).body.registrations as { id: string; name: string; substitutedAt: string | null }[];
    expect(listed.find((r) => r.id === anna.id)).toMatchObject({ name: "Bo Berg", substitutedAt: CLOCK_START.replace("Z", ".000Z") });
    expect(await talliesDrift(h.database.db)).toEqual([]);

    // The audit log names the registrant as the actor, with both addresses.
    const [entry] = await h.database.db.all<{ actor_email: string; user_id: string | null; detail: string; org_id: string }>(
      sql`SELECT actor_email, user_id, detail, org_id FROM audit_log WHERE action = 'registration.substitute' AND subject_id = ${anna.id}`,
    );
    expect(entry).toMatchObject({ actor_email: anna.email, user_id: null, org_id: h.orgId });
    expect(JSON.parse(entry!.detail)).toMatchObject({ previousEmail: anna.email, newEmail: bo.email, previousName: "Anna Andersson", newName: "Bo Berg" });

    // Both emails, read back from a real SMTP server.
    expect(await h.dispatch()).toMatchObject({ sent: 2 });
    const toBo = h.inbox(bo.email);
    expect(toBo).toHaveLength(1);
    expect(toBo[0]!.mail.subject).toBe("Confirmed: Leankonferens Blekinge 2027");
    expect(toBo[0]!.mail.text).toContain("Anna Andersson has passed their seat");
    const request = invitePart(toBo[0]!.raw)!;
    expect(request).toMatchObject({ method: "REQUEST", mimeMethod: "REQUEST", uid: original.uid });
    expect(request.sequence).toBeGreaterThan(original.sequence);
    expect(request.attendees.map((a) => a.address)).toEqual([`MAILTO:${bo.email}`]);
    const boLink = manageTokenIn(toBo[0]!.mail.text!)!;
    expect((await h.api("GET", `/manage/${boLink}`, undefined, { token: null })).body.id).toBe(anna.id);
    // Bo's own data holds nothing of Anna's.
    const data = await (await h.app.request(`/r/${boLink}/data.json`)).text();
    expect(data).toContain(bo.email);
    expect(data).not.toContain(anna.email);
    expect(data).not.toContain("Anna");

    const toAnna = h.inbox(anna.email).at(-1)!;
    expect(toAnna.mail.subject).toBe("Platsen är överlämnad: Leankonferens Blekinge 2027");
    expect(toAnna.mail.text).toContain("till Bo Berg");
    expect(manageTokenIn(toAnna.mail.text!)).toBeUndefined();
    const cancel = invitePart(toAnna.raw)!;
    expect(cancel).toMatchObject({ method: "CANCEL", mimeMethod: "CANCEL", status: "CANCELLED", uid: original.uid, organizer: `mailto:${ORGANISER}` });
    expect(cancel.sequence).toBeGreaterThan(original.sequence);
    expect(cancel.attendees.map((a) => a.address)).toEqual([`MAILTO:${anna.email}`]);
    expect(toAnna.mail.attachments.filter((a) => a.contentType !== "text/calendar")).toEqual([]);
  });

  it("accepts a name alone, and takes the event's language when none is given", async () => {
    const ev = await newEvent({ language: "nb" });
    const anna = await signUp(ev.id, "Anna Andersson");
    const res = await substitute(anna.token, { name: " Bo Berg ", email: `bo.${++n}@example.no` });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ name: "Bo Berg", language: "nb", organisation: null });
  });

  it("refuses what is not a seat, an event started or cancelled, and an address already registered, changing nothing", async () => {
    const ev = await newEvent({ capacity: 1 });
    const anna = await signUp(ev.id, "Anna Andersson");
    const waiting = await signUp(ev.id, "Cecilia Carlsson");
    const cases: [string, () => Promise<{ status: number; body: { error: { code: string; fieldCodes?: Record<string, { code: string }> } } }>, number, string][] = [
      ["waitlisted", () => substitute(waiting.token, colleague()), 409, "not_confirmed"],
      ["an address on the waitlist", () => substitute(anna.token, colleague({ email: waiting.email.toUpperCase() })), 409, "already_registered"],
      ["their own address", () => substitute(anna.token, colleague({ email: anna.email })), 409, "already_registered"],
      ["an unknown link", () => substitute("A".repeat(22), colleague()), 404, "not_found"],
    ];
    for (const [what, call, status, code] of cases) {
      const before = await snapshot(ev.id);
      const res = await call();
      expect(res.status, what).toBe(status);
      expect(res.body.error.code, what).toBe(code);
      if (code === "already_registered") expect(res.body.error.fieldCodes?.email?.code).toBe("email_registered");
      expect(await snapshot(ev.id), what).toEqual(before);
    }

    // Once the event has started, and once it is cancelled.
    let before = await snapshot(ev.id);
    h.clock.set(new Date(Date.parse(ev.startsAt) + 1000));
    try {
      const res = await substitute(anna.token, colleague());
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("registration_closed");
    } finally {
      h.clock.set(CLOCK_START);
    }
    expect(await snapshot(ev.id)).toEqual(before);
    expect((await h.api("POST", `/events/${ev.id}/cancel`)).status).toBe(200);
    before = await snapshot(ev.id);
    const off = await substitute(anna.token, colleague());
    expect([off.status, off.body.error.code]).toEqual([409, "event_cancelled"]);
    expect(await snapshot(ev.id)).toEqual(before);
  });

  it("refuses a cancelled registration", async () => {
    const ev = await newEvent();
    const anna = await signUp(ev.id, "Anna Andersson");
    expect((await h.api("POST", `/manage/${anna.token}/cancel`, undefined, { token: null })).status).toBe(200);
    const before = await snapshot(ev.id);
    const res = await substitute(anna.token, colleague());
    expect([res.status, res.body.error.code]).toEqual([409, "registration_closed"]);
    expect(await snapshot(ev.id)).toEqual(before);
  });

  it("answers bad input with field errors and changes nothing", async () => {
    const ev = await newEvent();
    const anna = await signUp(ev.id, "Anna Andersson");
    const bad: [Record<string, unknown> | string, string, string][] = [
      [colleague({ lastName: undefined }), "lastName", "required"],
      [colleague({ lastName: "   " }), "lastName", "required"],
      [colleague({ email: "bo@" }), "email", "email"],
      [colleague({ firstName: "B".repeat(101) }), "firstName", "too_long"],
      [colleague({ organisation: "O".repeat(201) }), "organisation", "too_long"],
      [colleague({ firstName: "Bo\nBerg" }), "firstName", "one_line"],
      [colleague({ lastName: "Berg\u0000" }), "lastName", "one_line"],
      [colleague({ name: "Bo Berg" }), "firstName", "unknown_field"],
      [colleague({ phone: "0701" }), "phone", "unknown_field"],
      [colleague({ email: 42 }), "email", "text"],
    ];
    for (const [body, field, code] of bad) {
      const before = await snapshot(ev.id);
      const res = await substitute(anna.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
      expect(res.body.error.fieldCodes[field], JSON.stringify(res.body.error.fields)).toMatchObject({ code });
      expect(await snapshot(ev.id)).toEqual(before);
    }
    for (const raw of ["{not json", "[]", "null"]) {
      const res = await h.app.request(`/api/v1/manage/${anna.token}/substitute`, { method: "POST", headers: { "content-type": "application/json" }, body: raw });
      expect(res.status, raw).toBe(400);
    }
  });

  it("lets exactly one of two racing substitutions win", async () => {
    const ev = await newEvent();
    const anna = await signUp(ev.id, "Anna Andersson");
    const results = await Promise.all([substitute(anna.token, colleague({ firstName: "Bo" })), substitute(anna.token, colleague({ firstName: "Britt" }))]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 404]);
    const winner = results.find((r) => r.status === 200)!.body;
    const [row] = await h.database.db.all<{ name: string }>(sql`SELECT name FROM registrations WHERE id = ${anna.id}`);
    expect(row!.name).toBe(winner.name);
    const kinds = await h.database.db.all<{ kind: string }>(sql`SELECT kind FROM outbox WHERE registration_id = ${anna.id} AND kind LIKE 'substitute%'`);
    expect(kinds.map((k) => k.kind).sort()).toEqual(["substitute_confirmed", "substitute_replaced"]);
    expect(await h.database.db.all(sql`SELECT 1 FROM audit_log WHERE action = 'registration.substitute' AND subject_id = ${anna.id}`)).toHaveLength(1);
    expect(await h.database.db.all(sql`SELECT 1 FROM manage_tokens WHERE registration_id = ${anna.id}`)).toHaveLength(1);
  });

  it("forgets the previous holder when they ask for erasure, and with retention", async () => {
    const ev = await newEvent();
    const anna = await signUp(ev.id, "Anna Andersson");
    const bo = colleague();
    expect((await substitute(anna.token, bo)).status).toBe(200);
    const actor = { orgId: h.orgId, id: null, email: "owner@techtank.se" };
    await erasePersonalData({ ctx: h.ctx, input: { orgId: h.orgId, email: anna.email }, actor });
    const [row] = await h.database.db.all<Record<string, unknown>>(sql`SELECT * FROM registrations WHERE id = ${anna.id}`);
    expect(row).toMatchObject({ name: "Bo Berg", status: "confirmed", substituted_name: null, substituted_email_key: null });
    const audit = await h.database.db.all<{ actor_email: string; detail: string }>(sql`SELECT actor_email, detail FROM audit_log WHERE subject_id = ${anna.id}`);
    expect(JSON.stringify(audit)).not.toContain("anna");
    expect(JSON.stringify(await h.database.db.all(sql`SELECT * FROM outbox WHERE registration_id = ${anna.id}`))).not.toContain(anna.email);

    // Retention, for a substitution nobody erased.
    const ev2 = await newEvent();
    const cecilia = await signUp(ev2.id, "Cecilia Carlsson");
    expect((await substitute(cecilia.token, colleague())).status).toBe(200);
    await h.database.db.run(sql`UPDATE organisations SET retention_days = 1 WHERE id = ${h.orgId}`);
    h.clock.set(new Date(Date.parse(ev2.startsAt) + 3 * DAY));
    try {
      await applyRetention({ ctx: h.ctx });
    } finally {
      h.clock.set(CLOCK_START);
      await h.database.db.run(sql`UPDATE organisations SET retention_days = NULL WHERE id = ${h.orgId}`);
    }
    const [kept] = await h.database.db.all<Record<string, unknown>>(sql`SELECT * FROM registrations WHERE id = ${cecilia.id}`);
    expect(kept).toMatchObject({ name: "", substituted_name: null, substituted_email_key: null, status: "confirmed" });
    expect(kept!.substituted_at).not.toBeNull();
    const left = await h.database.db.all<{ actor_email: string; detail: string }>(sql`SELECT actor_email, detail FROM audit_log WHERE subject_id = ${cecilia.id}`);
    expect(left).toEqual([{ actor_email: "", detail: "{}" }]);
  });
});
