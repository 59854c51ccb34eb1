import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRetention } from "../src/domain/privacy";
import { createMember, setPassword } from "../src/domain/accounts";
import { adminHarness, PASSWORD, type AdminResponse, type AdminHarness } from "./helpers/admin";

// Sign-in throttling counts per account and per known device (OWASP's device cookies),
// never per client address: one colleague's typos cannot lock out the office, and someone
// guessing at an account cannot lock its owner out of a browser they used before.
let h: AdminHarness;
beforeAll(async () => {
  h = await adminHarness();
});
afterAll(() => h.close());

async function member(email: string) {
  const m = await createMember({ ctx: h.ctx, input: { orgId: h.orgId, email, role: "organiser" } });
  await setPassword({ ctx: h.ctx, member: m, password: PASSWORD });
  return m;
}

const OFFICE = "192.0.2.10";
const login = (email: string, password: string, { ip = OFFICE, device }: { ip?: string; device?: string } = {}) =>
  h.request("/admin/login", { form: { email, password }, headers: { "x-test-ip": ip }, ...(device ? { cookie: device } : {}) });
/** A cookie this response set, as `name=value`. */
const cookieSet = (res: AdminResponse, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0];

describe("an office behind one address", () => {
  it("lets nine colleagues sign in at once while the tenth gets their password wrong many times", async () => {
    const office = await Promise.all(Array.from({ length: 10 }, (_, i) => member(`kontor${i}@industriforum.se`)));
    const [clumsy, ...others] = office;
    // More than the old limit of 20 per client address.
    for (let i = 0; i < 30; i++) expect([401, 429]).toContain((await login(clumsy!.email, `typo ${i}`)).status);
    expect((await login(clumsy!.email, PASSWORD)).status).toBe(429);
    const results = await Promise.all(others.map((m) => login(m.email, PASSWORD)));
    expect(results.map((r) => r.status)).toEqual(others.map(() => 303));
    // No count is kept per client address at all.
    const keys = await h.database.db.all<{ key: string }>(sql`SELECT key FROM login_failures`);
    expect(keys.filter((k) => k.key.includes(OFFICE))).toEqual([]);
  });
});

describe("device cookies", () => {
  it("sets a year-long, HttpOnly, Secure, SameSite=Lax __Host- cookie on a right password and stores only its hash", async () => {
    await member("enhet@techtank.se");
    const res = await login("enhet@techtank.se", PASSWORD);
    expect(res.status).toBe(303);
    const set = res.headers.getSetCookie().find((c) => c.startsWith("__Host-plats_device="))!;
    expect(set).toMatch(/^__Host-plats_device=[\w-]{44};/);
    expect(set).toMatch(/Max-Age=31536000/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/Secure/);
    expect(set).toMatch(/SameSite=Lax/);
    expect(set).toMatch(/Path=\//);
    // The session cookie comes first, as before.
    expect(res.headers.get("set-cookie")).toMatch(/^__Host-plats_admin=/);
    const secret = set.split(";")[0]!.split("=")[1]!;
    const stored = await h.database.db.all<{ token_hash: string }>(sql`SELECT token_hash FROM known_devices`);
    expect(stored.map((s) => s.token_hash)).not.toContain(secret);
    // Signing in again from the same browser keeps its secret.
    const again = await login("enhet@techtank.se", PASSWORD, { device: `__Host-plats_device=${secret}` });
    expect(cookieSet(again, "__Host-plats_device")).toBe(`__Host-plats_device=${secret}`);
  });

  it("lets the owner sign in from a known browser while someone hammers the account; a fresh browser waits", async () => {
    const anna = await member("anna.device@techtank.se");
    const device = cookieSet(await login(anna.email, PASSWORD), "__Host-plats_device")!;
    // Elsewhere, someone guesses: after five, every attempt at the address must wait.
    for (let i = 0; i < 12; i++) await login(anna.email, `guess ${i}`, { ip: `203.0.113.${i}` });
    const fresh = await login(anna.email, PASSWORD);
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers.get("retry-after"))).toBeGreaterThan(0);
    // Her own browser still signs in, and keeps doing so while the guessing goes on.
    const known = await login(anna.email, PASSWORD, { device });
    expect(known.status).toBe(303);
    await login(anna.email, "guess again", { ip: "203.0.113.99" });
    expect((await login(anna.email, PASSWORD, { device })).status).toBe(303);
    // Her signing in does not hand the guesser fresh tries.
    expect((await login(anna.email, "one more", { ip: "203.0.113.100" })).status).toBe(429);
  });

  it("counts wrong passwords from a known browser against that browser alone", async () => {
    const bo = await member("bo.device@techtank.se");
    const device = cookieSet(await login(bo.email, PASSWORD), "__Host-plats_device")!;
    for (let i = 0; i < 5; i++) expect((await login(bo.email, `typo ${i}`, { device })).status).toBe(401);
    expect((await login(bo.email, PASSWORD, { device })).status).toBe(429);
    expect((await login(bo.email, PASSWORD)).status).toBe(303);
  });

  it("does not take a browser known to another account, or a made-up cookie, as known to this one", async () => {
    const cia = await member("cia.device@techtank.se");
    const dan = await member("dan.device@techtank.se");
    const dansBrowser = cookieSet(await login(dan.email, PASSWORD), "__Host-plats_device")!;
    for (let i = 0; i < 6; i++) await login(cia.email, `guess ${i}`, { ip: "203.0.113.50" });
    expect((await login(cia.email, PASSWORD, { device: dansBrowser })).status).toBe(429);
    for (const made of ["__Host-plats_device=x", `__Host-plats_device=${"a".repeat(44)}`, `__Host-plats_device=${"%".repeat(300)}`])
      expect((await login(cia.email, PASSWORD, { device: made })).status).toBe(429);
    // Once Cia signs in on Dan's browser (a shared computer), it is known to both.
    h.clock.advance(60 * 60_000 + 1);
    const shared = await login(cia.email, PASSWORD, { device: dansBrowser });
    expect(shared.status).toBe(303);
    expect(cookieSet(shared, "__Host-plats_device")).toBe(dansBrowser);
    for (let i = 0; i < 6; i++) await login(cia.email, `guess ${i}`, { ip: "203.0.113.51" });
    expect((await login(cia.email, PASSWORD, { device: dansBrowser })).status).toBe(303);
  });

  it("counts a wrong current password on the account page as a sign-in from that browser", async () => {
    const eva = await member("eva.device@techtank.se");
    const signedIn = await login(eva.email, PASSWORD);
    const cookies = `${cookieSet(signedIn, "__Host-plats_admin")}; ${cookieSet(signedIn, "__Host-plats_device")}`;
    const sessionOnly = cookieSet(signedIn, "__Host-plats_admin")!;
    for (let i = 0; i < 6; i++) await login(eva.email, `guess ${i}`, { ip: "203.0.113.60" });
    const NEW = "a brand new passphrase";
    // A session without Eva's browser (a stolen cookie) waits with the address …
    const stolen = await h.request("/admin/account/password", { cookie: sessionOnly, form: { current: PASSWORD, password: NEW, confirm: NEW } });
    expect(stolen.status).toBe(429);
    // … while Eva, in her own browser, changes her password.
    const own = await h.request("/admin/account/password", { cookie: cookies, form: { current: PASSWORD, password: NEW, confirm: NEW } });
    expect(own.status).toBe(303);
  });

  it("forgets browsers that have not signed in for a year", async () => {
    await member("frida.device@techtank.se");
    await login("frida.device@techtank.se", PASSWORD);
    const before = (await h.database.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM known_devices`))[0]!.n;
    h.clock.advance(366 * 86_400_000);
    await applyRetention({ ctx: h.ctx });
    const after = (await h.database.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM known_devices`))[0]!.n;
    expect(before).toBeGreaterThan(0);
    expect(after).toBe(0);
  });
});
