import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKEN_USE_PRECISION_MS } from "../src/domain/organisations";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";

// /admin/tokens: owners make API tokens (shown once), see when each was last used and
// revoke them; the audit log names the token behind every change made with it.
let h: AdminHarness;
let owner: SignedIn;
beforeAll(async () => {
  h = await adminHarness();
  owner = await h.signedIn("owner");
});
afterAll(() => h.close());

type TokenRow = { id: string; name: string; token_hash: string; last_used_at: number | null; revoked_at: number | null };
const tokenRows = () => h.database.db.all<TokenRow>(sql`SELECT * FROM api_tokens WHERE org_id = ${owner.member.orgId} ORDER BY created_at`);
const audit = (action: string) => h.database.db.all<{ actor_email: string; subject_id: string; detail: string; user_id: string | null }>(sql`SELECT * FROM audit_log WHERE action = ${action} ORDER BY seq`);
const tokenIn = (html: string) => /id="token-value"[^>]*value="(plats_[\w-]+)"/.exec(html)?.[1];

async function makeToken(name: string) {
  const res = await owner.request("/admin/tokens", { form: { name } });
  expect(res.status).toBe(201);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return { res, token: tokenIn(res.text)! };
}

describe("making a token", () => {
  it("shows the token once, stores only its hash, and records it by name in the audit log", async () => {
    const { res, token } = await makeToken("  CRM-synk  ");
    expect(token).toMatch(/^plats_[\w-]{44}$/);
    expect(res.text).toContain("Your new token “CRM-synk”");
    const row = (await tokenRows()).find((r) => r.name === "CRM-synk")!;
    expect(row.token_hash).not.toContain(token);
    expect(JSON.stringify(await h.database.db.all(sql`SELECT * FROM api_tokens`))).not.toContain(token);
    const [entry] = (await audit("token.create")).filter((e) => e.subject_id === row.id);
    expect(entry).toMatchObject({ actor_email: owner.member.email, user_id: owner.member.id });
    expect(JSON.parse(entry!.detail)).toEqual({ name: "CRM-synk" });
    // The list page after it never shows the token again.
    const list = await owner.request("/admin/tokens");
    expect(list.text).toContain("CRM-synk");
    expect(list.text).not.toContain(token);
    expect(tokenIn(list.text)).toBeUndefined();
  });

  it("refuses a blank or over-long name in the form, changing nothing", async () => {
    const before = await tokenRows();
    for (const name of ["   ", "x".repeat(101)]) {
      const res = await owner.request("/admin/tokens", { form: { name } });
      expect(res.status).toBe(400);
      expect(res.text).toContain('aria-invalid="true"');
      expect(tokenIn(res.text)).toBeUndefined();
    }
    expect(await tokenRows()).toEqual(before);
  });
});

describe("using and revoking a token", () => {
  it("notes the last use at most once a minute and names the token in the audit log of what it changed", async () => {
    const { token } = await makeToken("Nyhetsbrev");
    const id = (await tokenRows()).find((r) => r.name === "Nyhetsbrev")!.id;
    const lastUsed = async () => (await tokenRows()).find((r) => r.id === id)!.last_used_at;
    expect(await lastUsed()).toBeNull();
    expect((await owner.request("/admin/tokens")).text).toMatch(/Nyhetsbrev<\/td><td>[^<]*<time[^>]*>[^<]*<\/time><\/td><td>Never/);
    const start = h.clock.now().getTime();
    expect((await h.api("GET", "/events", undefined, { token })).status).toBe(200);
    expect(await lastUsed()).toBe(start);
    h.clock.advance(TOKEN_USE_PRECISION_MS - 1000);
    await h.api("GET", "/events", undefined, { token });
    expect(await lastUsed()).toBe(start);
    h.clock.advance(1000);
    await h.api("GET", "/events", undefined, { token });
    expect(await lastUsed()).toBe(start + TOKEN_USE_PRECISION_MS);
    expect((await owner.request("/admin/tokens")).text).not.toMatch(/Nyhetsbrev<\/td><td>[^<]*<time[^>]*>[^<]*<\/time><\/td><td>Never/);

    const created = await h.api("POST", "/events", { title: "Frukostmöte", startsAt: "2027-03-18T07:00:00Z", endsAt: "2027-03-18T08:30:00Z", capacity: 30 }, { token });
    expect(created.status).toBe(201);
    const [entry] = (await audit("event.create")).filter((e) => e.subject_id === created.body.id);
    expect(entry).toMatchObject({ actor_email: "API token “Nyhetsbrev”", user_id: null });
  });

  it("revokes a token: refused from then on, once in the audit log, and shown as revoked", async () => {
    const { token } = await makeToken("Gammalt skript");
    const id = (await tokenRows()).find((r) => r.name === "Gammalt skript")!.id;
    const res = await owner.request(`/admin/tokens/${id}/revoke`, { form: {} });
    expect([res.status, res.location]).toEqual([303, "/admin/tokens?notice=revoked"]);
    expect((await h.api("GET", "/events", undefined, { token })).status).toBe(401);
    // Twice changes nothing.
    expect((await owner.request(`/admin/tokens/${id}/revoke`, { form: {} })).status).toBe(303);
    expect((await audit("token.revoke")).filter((e) => e.subject_id === id)).toHaveLength(1);
    const page = await owner.request("/admin/tokens?notice=revoked");
    expect(page.text).toContain("The token is revoked");
    expect(page.text).toMatch(/Gammalt skript<\/td>(.(?!<\/tr>))*Revoked/s);
  });

  it("never reaches another organisation's token, and answers an unknown one with 404", async () => {
    const other = await h.otherOrg();
    const theirs = (await h.database.db.all<{ id: string }>(sql`SELECT id FROM api_tokens WHERE org_id = ${other.orgId}`))[0]!.id;
    expect((await owner.request(`/admin/tokens/${theirs}/revoke`, { form: {} })).status).toBe(404);
    expect((await owner.request("/admin/tokens/tok_nope/revoke", { form: {} })).status).toBe(404);
    expect((await h.api("GET", "/events", undefined, { token: other.token })).status).toBe(200);
    expect((await owner.request("/admin/tokens")).text).not.toContain(theirs);
  });
});

describe("who may", () => {
  it("lets owners only; organisers and the door get 403, strangers the sign-in page", async () => {
    for (const role of ["organiser", "checkin"] as const) {
      const member = await h.signedIn(role);
      expect((await member.request("/admin/tokens")).status).toBe(403);
      expect((await member.request("/admin/tokens", { form: { name: "x" } })).status).toBe(403);
      expect((await member.request(`/admin/tokens/tok_x/revoke`, { form: {} })).status).toBe(403);
    }
    expect((await h.request("/admin/tokens")).status).toBe(303);
    // A form from another site is refused before anything is made.
    const before = (await tokenRows()).length;
    expect((await owner.request("/admin/tokens", { form: { name: "x" }, origin: "https://evil.example" })).status).toBe(403);
    expect((await tokenRows()).length).toBe(before);
  });
});
