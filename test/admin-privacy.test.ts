import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchTextDrift, talliesDrift } from "./helpers/db";
import { sha256Hex } from "../src/lib/secrets";
import { createMember } from "../src/domain/accounts";
import { requestLoginLink } from "../src/domain/accounts";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody } from "./helpers/harness";

// /admin/privacy: an owner finds everything stored about one address in their own
// organisation, downloads it, and erases it. The same address registered with another
// organisation is never shown or touched.
let h: AdminHarness;
let owner: SignedIn;
let other: { orgId: string; token: string };
let otherOwner: SignedIn;
const ANNA = "Anna.Svensson@Example.se";
const annaKey = ANNA.toLowerCase();
const ev: Record<string, string> = {};
const regs: Record<string, { id: string; token: string }> = {};

async function signUp(eventId: string, body: Record<string, unknown>) {
  const res = await h.api("POST", `/events/${eventId}/registrations`, body, { token: null });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, token: (res.body.manageUrl as string).split("/r/")[1]! };
}

beforeAll(async () => {
  h = await adminHarness();
  owner = await h.signedIn("owner");
  other = await h.otherOrg();
  otherOwner = await h.signedIn("owner", other.orgId);
  const q = [{ id: "diet", label: "Kost", kind: "text" }];
  ev.full = (await h.api("POST", "/events", eventBody({ title: "Leankurs 1", capacity: 1, questions: q }))).body.id;
  ev.open = (await h.api("POST", "/events", eventBody({ title: "Medlemsseminarium", capacity: 10, timezone: "America/New_York" }))).body.id;
  ev.theirs = (await h.api("POST", "/events", eventBody({ title: "IUC Kickoff", capacity: 10 }), { token: other.token })).body.id;
  regs.annaFull = await signUp(ev.full!, { name: "Anna Svensson", email: ANNA, organisation: "Volvo CE", answers: { diet: "vegetarisk" } });
  regs.waiting = await signUp(ev.full!, { name: "Väntande Valter", email: "valter@example.se" });
  regs.annaOpen = await signUp(ev.open!, { name: "Anna S", email: "anna.svensson@example.se " });
  regs.annaTheirs = await signUp(ev.theirs!, { name: "Anna hos IUC", email: "ANNA.SVENSSON@EXAMPLE.SE", phone: "0709999999" });
  // An arrival recorded by the API: an audit entry about her registration.
  expect((await h.api("POST", `/registrations/${regs.annaFull.id}/check-in`)).status).toBe(200);
  // She is also a member (link-only), with a login link queued.
  await createMember({ ctx: h.ctx, input: { orgId: h.orgId, email: ANNA, name: "Anna Svensson", role: "checkin" } });
  await requestLoginLink({ ctx: h.ctx, input: { email: ANNA } });
});
afterAll(() => h.close());

const db = () => h.database.db;
const registrationsOf = (email: string) => db().all<{ id: string; event_id: string; status: string }>(sql`SELECT * FROM registrations WHERE email_key = ${email} ORDER BY seq`);
/** The search, as its form sends it: a POST, so the address is in no URL. */
const find = (who: SignedIn, email: string) => who.request("/admin/privacy", { form: { email } });
const review = (who: SignedIn, email: string) => who.request("/admin/privacy/erase/review", { form: { email } });
const everything = async () => ({
  registrations: await db().all(sql`SELECT * FROM registrations ORDER BY seq`),
  tokens: await db().all(sql`SELECT * FROM manage_tokens ORDER BY token_hash`),
  outbox: await db().all(sql`SELECT * FROM outbox ORDER BY id`),
  users: await db().all(sql`SELECT * FROM users ORDER BY id`),
  audit: await db().all(sql`SELECT * FROM audit_log WHERE action NOT LIKE 'person.%' ORDER BY seq`),
});

describe("finding one person's data", () => {
  it("shows registrations, messages, member accounts and audit entries of this organisation only, any case", async () => {
    const res = await find(owner, "  ANNA.svensson@example.SE ");
    expect(res.status).toBe(200);
    expect(res.text).toContain("Leankurs 1");
    expect(res.text).toContain("Medlemsseminarium");
    expect(res.text).toContain("vegetarisk");
    expect(res.text).toContain("Volvo CE");
    expect(res.text).toContain("Registrations (2)");
    expect(res.text).toMatch(/Messages \([1-9]\d*\)/);
    expect(res.text).toContain("login link");
    expect(res.text).toContain("Member accounts (1)");
    expect(res.text).toMatch(/Audit entries about them \([1-9]/);
    // Nothing of the other organisation's.
    expect(res.text).not.toContain("IUC Kickoff");
    expect(res.text).not.toContain("0709999999");
    expect(res.text).not.toContain("Anna hos IUC");
  });

  it("shows each registration's times on its event's own clock, the rest in UTC", async () => {
    const res = await find(owner, ANNA);
    const registrations = res.text.slice(res.text.indexOf("Registrations (2)"), res.text.indexOf("Messages ("));
    // Both signed up at 09:00 UTC: 10:00 in Stockholm, 04:00 in New York.
    expect(registrations).toContain('<time datetime="2026-11-21T09:00:00.000Z">21 Nov 2026, 10:00</time>');
    expect(registrations).toContain('<time datetime="2026-11-21T09:00:00.000Z">21 Nov 2026, 04:00</time>');
    expect(registrations).toContain("America/New_York");
    expect(registrations).not.toContain(" UTC<");
    const messages = res.text.slice(res.text.indexOf("Messages ("));
    expect(messages).toContain("21 Nov 2026, 09:00:00 UTC");
  });

  it("keeps the address out of every URL: find, erase and cancel are POST forms", async () => {
    const start = await owner.request("/admin/privacy");
    expect(start.status).toBe(200);
    expect(start.text).toContain('<form method="post" action="/admin/privacy"');
    const found = await find(owner, ANNA);
    expect(found.text).toMatch(/<form method="post" action="\/admin\/privacy\/erase\/review" class="inline-form"><input type="hidden" name="email" value="anna.svensson@example.se"/);
    const asking = await review(owner, ANNA);
    expect(asking.text).toContain('formaction="/admin/privacy"');
    for (const page of [start.text, found.text, asking.text]) {
      expect(page).not.toMatch(/href="[^"]*(email=|anna\.svensson)/i);
      expect(page).not.toMatch(/action="[^"]*\?/);
    }
    // An address in the query string is no longer a search.
    const old = await owner.request(`/admin/privacy?email=${encodeURIComponent(ANNA)}`);
    expect(old.status).toBe(200);
    expect(old.text).not.toContain("Leankurs 1");
    expect((await owner.request(`/admin/privacy/erase?email=${encodeURIComponent(ANNA)}`)).status).toBe(404);
  });

  it("the other organisation's owner sees only theirs", async () => {
    const res = await find(otherOwner, ANNA);
    expect(res.text).toContain("IUC Kickoff");
    expect(res.text).toContain("Registrations (1)");
    expect(res.text).not.toContain("Leankurs 1");
    expect(res.text).not.toContain("Member accounts (1)");
  });

  it("says plainly when nothing is stored", async () => {
    const res = await find(owner, "nobody@example.se");
    expect(res.status).toBe(200);
    expect(res.text).toContain("Nothing is stored about nobody@example.se");
  });

  it("downloads it all as a JSON attachment, audited by the address's hash only", async () => {
    const res = await owner.request("/admin/privacy/export", { form: { email: ANNA.toUpperCase() } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="personal-data-\d{4}-\d{2}-\d{2}\.json"/);
    const data = JSON.parse(res.text);
    expect(data.email).toBe(annaKey);
    expect(data.registrations.map((r: { id: string }) => r.id).sort()).toEqual([regs.annaFull!.id, regs.annaOpen!.id].sort());
    expect(data.registrations.find((r: { id: string }) => r.id === regs.annaFull!.id)).toMatchObject({
      eventTitle: "Leankurs 1",
      status: "confirmed",
      organisation: "Volvo CE",
      answers: { diet: "vegetarisk" },
      createdAt: expect.stringMatching(/Z$/),
      checkedInAt: expect.stringMatching(/Z$/),
    });
    expect(data.messages.length).toBeGreaterThan(0);
    expect(data.members).toEqual([expect.objectContaining({ email: ANNA, role: "checkin", passwordSet: false })]);
    expect(data.audit.length).toBeGreaterThan(0);
    expect(res.text).not.toContain("IUC Kickoff");
    expect(res.text).not.toContain(regs.annaTheirs!.id);
    const [entry] = await db().all<{ detail: string; subject_id: string; org_id: string }>(sql`SELECT * FROM audit_log WHERE action = 'person.export'`);
    expect(entry!.org_id).toBe(h.orgId);
    expect(entry!.subject_id).toBe(sha256Hex(annaKey));
    expect(entry!.detail).not.toMatch(/@|anna/i);
  });
});

describe("erasing one person's data", () => {
  it("asks first, saying what will be deleted and that a seat goes to the waitlist", async () => {
    const res = await review(owner, ANNA);
    expect(res.status).toBe(200);
    expect(res.text).toContain("2 registrations: ");
    expect(res.text).toContain("Leankurs 1 (confirmed)");
    expect(res.text).toContain("2 confirmed seats are freed: where people are waiting, the first on the waitlist get them");
    expect(res.text).toContain("member account, which stays");
    expect(res.text).toContain('action="/admin/privacy/erase"');
    // Asking changed nothing.
    expect(await registrationsOf(annaKey)).toHaveLength(3);
  });

  it("erases here, promotes the waitlist in the same write, keeps the member's login link, and leaves the other organisation alone", async () => {
    const theirsBefore = {
      registration: await db().all(sql`SELECT * FROM registrations WHERE id = ${regs.annaTheirs!.id}`),
      outbox: await db().all(sql`SELECT * FROM outbox WHERE org_id = ${other.orgId} ORDER BY id`),
      tokens: await db().all(sql`SELECT * FROM manage_tokens WHERE registration_id = ${regs.annaTheirs!.id}`),
    };
    const res = await owner.request("/admin/privacy/erase", { form: { email: ANNA } });
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/admin\/privacy\?erased=2-\d+$/);
    expect(res.location).not.toContain("anna");
    expect((await owner.request(res.location!)).text).toMatch(/Erased 2 registrations and \d+ messages?\./);

    // Here: her registrations, links and messages are gone; the member account and its link stay.
    expect((await registrationsOf(annaKey)).map((r) => r.id)).toEqual([regs.annaTheirs!.id]);
    expect(await db().all(sql`SELECT * FROM manage_tokens WHERE registration_id IN (${regs.annaFull!.id}, ${regs.annaOpen!.id})`)).toEqual([]);
    const mail = await db().all<{ kind: string; user_id: string | null }>(sql`SELECT kind, user_id FROM outbox WHERE org_id = ${h.orgId} AND lower(to_email) = ${annaKey}`);
    expect(mail).toEqual([{ kind: "login_link", user_id: expect.stringMatching(/^usr_/) }]);
    expect((await h.api("GET", `/manage/${regs.annaFull!.token}`, undefined, { token: null })).status).toBe(404);
    // Her seat went to Valter at once, and he is told.
    const valter = await db().all<{ status: string }>(sql`SELECT status FROM registrations WHERE id = ${regs.waiting!.id}`);
    expect(valter).toEqual([{ status: "confirmed" }]);
    expect(await db().all(sql`SELECT kind FROM outbox WHERE registration_id = ${regs.waiting!.id} AND kind = 'promoted'`)).toHaveLength(1);
    // Audit entries about her registrations keep their action and time, not their detail.
    const about = await db().all<{ action: string; detail: string }>(sql`SELECT action, detail FROM audit_log WHERE subject_id = ${regs.annaFull!.id}`);
    expect(about.length).toBeGreaterThan(0);
    for (const a of about) expect(a.detail).toBe("{}");
    const [erased] = await db().all<{ detail: string; subject_type: string; subject_id: string; user_id: string }>(sql`SELECT * FROM audit_log WHERE action = 'person.erase'`);
    expect(erased).toMatchObject({ subject_type: "person", subject_id: sha256Hex(annaKey), user_id: owner.member.id });
    expect(JSON.parse(erased!.detail)).toMatchObject({ emailSha256: sha256Hex(annaKey), registrations: 2 });
    expect(erased!.detail).not.toMatch(/@|anna/i);

    // There: untouched.
    expect(await db().all(sql`SELECT * FROM registrations WHERE id = ${regs.annaTheirs!.id}`)).toEqual(theirsBefore.registration);
    expect(await db().all(sql`SELECT * FROM outbox WHERE org_id = ${other.orgId} ORDER BY id`)).toEqual(theirsBefore.outbox);
    expect(await db().all(sql`SELECT * FROM manage_tokens WHERE registration_id = ${regs.annaTheirs!.id}`)).toEqual(theirsBefore.tokens);

    // Searching again finds only the member account (and its entries).
    const again = await find(owner, ANNA);
    expect(again.text).toContain("Registrations (0)");
    expect(again.text).toContain("Member accounts (1)");
    // Erasing again has nothing to do.
    expect((await review(owner, ANNA)).text).toContain("no registrations or messages to erase");
  });
});

describe("bad input", () => {
  it.each([
    ["search", (e: string) => find(owner, e)],
    ["export", (e: string) => owner.request("/admin/privacy/export", { form: { email: e } })],
    ["erase confirmation", (e: string) => review(owner, e)],
    ["erase", (e: string) => owner.request("/admin/privacy/erase", { form: { email: e } })],
  ])("%s: a malformed address is a 400 page on the field, and nothing changes", async (_, call) => {
    for (const bad of ["", "valter", "valter@", "a@b@c.se", `${"x".repeat(250)}@example.se`]) {
      const before = await everything();
      const res = await call(bad);
      expect(res.status).toBe(400);
      expect(res.text).toContain('href="#f-email"');
      expect(await everything()).toEqual(before);
    }
  });
});

describe("/admin/privacy access", () => {
  const routes: { path: string; form?: Record<string, string> }[] = [
    { path: "/admin/privacy" },
    { path: "/admin/privacy", form: { email: "valter@example.se" } },
    { path: "/admin/privacy/export", form: { email: "valter@example.se" } },
    { path: "/admin/privacy/erase/review", form: { email: "valter@example.se" } },
    { path: "/admin/privacy/erase", form: { email: "valter@example.se" } },
  ];

  it("signed out: pages go to sign-in (a POST with no next= to carry anything along), scripts get 401, nothing changes", async () => {
    const before = await everything();
    for (const r of routes) {
      const res = await h.request(r.path, { form: r.form });
      expect(res.status).toBe(303);
      expect(res.location).toBe(r.form ? "/admin/login" : `/admin/login?next=${encodeURIComponent(r.path)}`);
      expect((await h.request(r.path, { form: r.form, headers: { accept: "application/json" } })).status).toBe(401);
    }
    expect(await everything()).toEqual(before);
  });

  it("organisers and check-in staff are refused (403) and see nothing", async () => {
    for (const role of ["organiser", "checkin"] as const) {
      const m = await h.signedIn(role);
      const before = await everything();
      for (const r of routes) {
        const res = await m.request(r.path, { form: r.form });
        expect(res.status).toBe(403);
        expect(res.text).not.toContain("Väntande Valter");
      }
      expect((await everything()).registrations).toEqual(before.registrations);
    }
  });

  it("cross-site posts are refused (403): no download, no erasure", async () => {
    const before = await everything();
    for (const r of routes.filter((x) => x.form)) {
      const res = await owner.request(r.path, { form: r.form, origin: "https://evil.example" });
      expect(res.status).toBe(403);
      expect(res.headers.get("content-disposition")).toBeNull();
    }
    expect(await everything()).toEqual(before);
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
