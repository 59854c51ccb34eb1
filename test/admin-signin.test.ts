import { sql } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchOutbox } from "../src/mail/dispatcher";
import { smtpMailer } from "../src/runtime/node/mailers";
import { createMember, setPassword } from "../src/domain/accounts";
import { adminHarness, PASSWORD, type AdminHarness } from "./helpers/admin";
import { HOUR, MINUTE } from "./helpers/clock";
import { startSmtp, type Smtp } from "./helpers/smtp";

let h: AdminHarness;
let smtp: Smtp;
beforeAll(async () => {
  h = await adminHarness();
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.stop();
  h.close();
});

async function member(email: string, password: string | null = PASSWORD) {
  const m = await createMember({ ctx: h.ctx, input: { orgId: h.orgId, email, role: "organiser" } });
  if (password) await setPassword({ ctx: h.ctx, member: m, password });
  return m;
}

const login = (email: string, password: string, ip = "10.0.0.1") =>
  h.request("/admin/login", { form: { email, password }, headers: { "x-test-ip": ip } });

describe("signing in with a password", () => {
  it("sets a Secure, HttpOnly, SameSite=Lax __Host- cookie and lands in the workspace", async () => {
    await member("anna@techtank.se");
    const res = await login("Anna@Techtank.se ", PASSWORD);
    expect(res.status).toBe(303);
    expect(res.location).toBe("/admin");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^__Host-plats_admin=[\w-]{44};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    const page = await h.request("/admin", { cookie: cookie.split(";")[0] });
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    // Only the hash of the session is stored.
    const stored = await h.database.db.all<{ token_hash: string }>(sql`SELECT token_hash FROM sessions`);
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.split(";")[0]!.split("=")[1]);
  });

  it("refuses a wrong password and an unknown address alike, and goes back to where the member was headed", async () => {
    await member("erik@techtank.se");
    const wrong = await login("erik@techtank.se", "not the password");
    const unknown = await login("nobody@techtank.se", "not the password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toContain("Wrong email or password.");
    expect(unknown.text).toContain("Wrong email or password.");
    const next = await h.request("/admin/login", { form: { email: "erik@techtank.se", password: PASSWORD, next: "/admin/reports?from=2027-01-01" } });
    expect(next.location).toBe("/admin/reports?from=2027-01-01");
    // Never off-site.
    for (const bad of ["https://evil.example/", "//evil.example/admin", "/admin/../../x"]) {
      const res = await h.request("/admin/login", { form: { email: "erik@techtank.se", password: PASSWORD, next: bad } });
      expect(res.location).toBe("/admin");
    }
  });

  it("slows down repeated failures per address, doubling, and forgets them after success", async () => {
    await member("maria@techtank.se");
    for (let i = 0; i < 5; i++) expect((await login("maria@techtank.se", `guess ${i}`, `10.1.0.${i}`)).status).toBe(401);
    // The sixth try must wait, even with the right password and from another address.
    const throttled = await login("maria@techtank.se", PASSWORD, "10.9.9.9");
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    h.clock.advance(2000);
    expect((await login("maria@techtank.se", "guess 6", "10.9.9.9")).status).toBe(401);
    // Now two seconds (doubled) must pass.
    h.clock.advance(1000);
    expect((await login("maria@techtank.se", PASSWORD, "10.9.9.9")).status).toBe(429);
    h.clock.advance(1500);
    expect((await login("maria@techtank.se", PASSWORD, "10.9.9.9")).status).toBe(303);
    expect((await login("maria@techtank.se", "wrong again", "10.9.9.9")).status).toBe(401);
  });

  it("counts attempts sent all at once one after the other: only the free ones are checked", async () => {
    await member("parallel@techtank.se");
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => login("parallel@techtank.se", `guess ${i}`, `10.2.0.${i}`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
  });

  it("never slows down an office whose members all sign in from one address", async () => {
    for (let i = 0; i < 25; i++) {
      const m = await member(`kollega${i}@techtank.se`);
      expect((await login(m.email, PASSWORD, "10.3.0.1")).status).toBe(303);
    }
  });

  it("ends the session on sign-out and after 12 idle hours", async () => {
    const signedIn = await h.signedIn("organiser");
    expect((await signedIn.request("/admin")).status).toBe(200);
    h.clock.advance(13 * HOUR);
    const expired = await signedIn.request("/admin/events/new");
    expect(expired.status).toBe(303);
    expect(expired.location).toBe("/admin/login?next=%2Fadmin%2Fevents%2Fnew");

    const again = await h.signedIn("organiser");
    const out = await again.request("/admin/logout", { method: "POST" });
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await again.request("/admin")).status).toBe(303);
  });

  it("answers scripts with 401 in the API's error shape", async () => {
    const res = await h.request("/admin/events/evt_x/checkin/search?q=a", { headers: { accept: "application/json" } });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toEqual({ error: { code: "unauthorized", message: "Sign in to continue." } });
  });
});

describe("signing in with a one-time link", () => {
  it("emails a link that signs in once, within 15 minutes, and never tells whether an address exists", async () => {
    const m = await member("karin@techtank.se", null);
    const asked = await h.request("/admin/login/link", { form: { email: "KARIN@techtank.se" } });
    const unknown = await h.request("/admin/login/link", { form: { email: "nobody@techtank.se" } });
    expect(asked.status).toBe(200);
    expect(unknown.text).toBe(asked.text.replaceAll("KARIN@techtank.se", "nobody@techtank.se"));
    // A second request within a minute queues nothing more.
    await h.request("/admin/login/link", { form: { email: "karin@techtank.se" } });
    const rows = await h.database.db.all<{ kind: string; user_id: string; payload: string }>(sql`SELECT kind, user_id, payload FROM outbox WHERE kind = 'login_link'`);
    expect(rows).toEqual([{ kind: "login_link", user_id: m.id, payload: "{}" }]);

    const mailer = smtpMailer(smtp.url);
    await dispatchOutbox({ ctx: h.ctx, mailer, settings: { from: "Plats <noreply@plats.test>" } });
    mailer.close();
    const mail = smtp.received.find((r) => r.rcpt.includes("karin@techtank.se"))!;
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe("Logga in i Plats: Test org");
    const link = /https:\/\/plats\.test(\/admin\/login\/link\/[\w-]{44})/.exec(parsed.text ?? "")![1]!;
    expect(parsed.html).toContain(link);

    // Opening the link (as a mail scanner would) does not use it up.
    expect((await h.request(link)).status).toBe(200);
    const used = await h.request(link, { method: "POST" });
    expect(used.status).toBe(303);
    expect(used.headers.get("set-cookie")).toMatch(/^__Host-plats_admin=/);
    const twice = await h.request(link, { method: "POST" });
    expect(twice.status).toBe(400);
    expect(twice.text).toContain("expired or was already used");
  });

  it("refuses an expired link", async () => {
    const m = await member("oskar@techtank.se", null);
    const { mintLoginLink } = await import("../src/domain/accounts");
    const token = await mintLoginLink(h.ctx, m.id);
    h.clock.advance(16 * MINUTE);
    expect((await h.request(`/admin/login/link/${token}`, { method: "POST" })).status).toBe(400);
    expect((await h.request("/admin/login/link/not-a-token", { method: "POST" })).status).toBe(400);
  });

  it("refuses sign-in forms posted from another site", async () => {
    const res = await h.request("/admin/login", { form: { email: "x@y.se", password: "whatever" }, origin: "https://evil.example" });
    expect(res.status).toBe(403);
    const none = await h.request("/admin/login", { form: { email: "x@y.se", password: "whatever" }, origin: null });
    expect(none.status).toBe(403);
  });
});
