import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember } from "../src/domain/accounts";
import { adminHarness, PASSWORD, type AdminHarness } from "./helpers/admin";

// /admin/members: owners add members (who get a sign-in link), change roles and remove
// them; the organisation never loses its last owner.
let h: AdminHarness;
beforeAll(async () => {
  h = await adminHarness();
});
afterAll(() => h.close());

type UserRow = { id: string; email: string; role: string; disabled_at: number | null; password_hash: string | null; name: string | null; language: string };
const userByEmail = async (email: string) => (await h.database.db.all<UserRow>(sql`SELECT * FROM users WHERE email = ${email}`))[0];
const users = () => h.database.db.all<UserRow>(sql`SELECT * FROM users ORDER BY id`);
const audit = (action: string) => h.database.db.all<{ subject_id: string; user_id: string; detail: string }>(sql`SELECT * FROM audit_log WHERE action = ${action} ORDER BY seq`);
const sessionsOf = async (userId: string) => (await h.database.db.all(sql`SELECT * FROM sessions WHERE user_id = ${userId}`)).length;

/** An organisation of its own with one signed-in owner, so last-owner rules are exact. */
async function freshOrg() {
  const org = await h.otherOrg();
  return { orgId: org.orgId, owner: await h.signedIn("owner", org.orgId) };
}

describe("listing and adding members", () => {
  it("sends the new member a link to this organisation only, not to their accounts elsewhere", async () => {
    const elsewhere = await h.otherOrg();
    const theirs = await createMember({ ctx: h.ctx, input: { orgId: elsewhere.orgId, email: "bob@konsult.se", role: "organiser" } });
    const { owner } = await freshOrg();
    expect((await owner.request("/admin/members", { form: { email: "bob@konsult.se", role: "organiser" } })).status).toBe(303);
    const links = await h.database.db.all<{ user_id: string; org_id: string }>(sql`SELECT user_id, org_id FROM outbox WHERE kind = 'login_link' AND to_email = 'bob@konsult.se'`);
    expect(links).toHaveLength(1);
    expect(links[0]!.user_id).not.toBe(theirs.id);
    expect(links[0]!.org_id).toBe(owner.member.orgId);
  });

  it("lists members with role and how they sign in", async () => {
    const { orgId, owner } = await freshOrg();
    await createMember({ ctx: h.ctx, input: { orgId, email: "linkonly@cluster.se", name: "Länk Lisa", role: "checkin" } });
    const res = await owner.request("/admin/members");
    expect(res.status).toBe(200);
    expect(res.text).toContain("linkonly@cluster.se");
    expect(res.text).toContain("Länk Lisa");
    expect(res.text).toContain("Login link only");
    expect(res.text).toContain("Password or link");
    expect(res.text).toContain(owner.member.email);
  });

  it("adds a member, queues a sign-in link to them, and audits it", async () => {
    const { orgId, owner } = await freshOrg();
    const res = await owner.request("/admin/members", { form: { email: " Nya@Cluster.se ", name: "Nya Nilsson", role: "checkin", language: "en" } });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/admin/members?notice=added");
    const added = await userByEmail("Nya@Cluster.se");
    expect(added).toMatchObject({ role: "checkin", name: "Nya Nilsson", language: "en", password_hash: null });
    const links = await h.database.db.all<{ to_email: string; locale: string; org_id: string }>(sql`SELECT * FROM outbox WHERE kind = 'login_link' AND user_id = ${added!.id}`);
    expect(links).toEqual([expect.objectContaining({ to_email: "Nya@Cluster.se", locale: "en", org_id: orgId })]);
    expect((await audit("member.create")).some((a) => a.subject_id === added!.id && a.user_id === owner.member.id)).toBe(true);
  });

  it.each<{ form: Record<string, string>; field: string }>([
    { form: { email: "not-an-address", role: "organiser", language: "sv" }, field: "email" },
    { form: { email: "", role: "organiser", language: "sv" }, field: "email" },
    { form: { email: "ok@cluster.se", role: "boss", language: "sv" }, field: "role" },
    { form: { email: "ok@cluster.se", role: "organiser", language: "de" }, field: "language" },
    { form: { email: "ok@cluster.se", role: "organiser", language: "sv", name: "x".repeat(201) }, field: "name" },
  ])("refuses $field with a 400 page and adds nobody", async ({ form, field }) => {
    const { owner } = await freshOrg();
    const before = await users();
    const res = await owner.request("/admin/members", { form });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#f-${field}"`);
    expect(await users()).toEqual(before);
  });

  it("an address that is already a member is refused by its field (409), nothing changes", async () => {
    const { owner } = await freshOrg();
    const before = await users();
    const res = await owner.request("/admin/members", { form: { email: owner.member.email.toUpperCase(), role: "organiser", language: "sv" } });
    expect(res.status).toBe(409);
    expect(res.text).toContain('href="#f-email"');
    expect(await users()).toEqual(before);
  });
});

describe("roles and removal", () => {
  it("changes a role (audited with from/to) and the member's powers follow", async () => {
    const { orgId, owner } = await freshOrg();
    const organiser = await h.signedIn("organiser", orgId);
    expect((await organiser.request("/admin/members")).status).toBe(403);
    const res = await owner.request(`/admin/members/${organiser.member.id}/role`, { form: { role: "owner" } });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/admin/members?notice=role");
    expect((await organiser.request("/admin/members")).status).toBe(200);
    const entry = (await audit("member.role")).find((a) => a.subject_id === organiser.member.id)!;
    expect(JSON.parse(entry.detail)).toEqual({ from: "organiser", to: "owner" });
  });

  it("refuses an unknown role with 400 and changes nothing", async () => {
    const { orgId, owner } = await freshOrg();
    const other = await h.signedIn("organiser", orgId);
    const res = await owner.request(`/admin/members/${other.member.id}/role`, { form: { role: "superuser" } });
    expect(res.status).toBe(400);
    expect((await userByEmail(other.member.email))!.role).toBe("organiser");
  });

  it("the last owner can be neither demoted nor removed, not even by themselves", async () => {
    const { owner } = await freshOrg();
    const before = await users();
    const audits = (await audit("member.role")).length + (await audit("member.remove")).length;
    const demote = await owner.request(`/admin/members/${owner.member.id}/role`, { form: { role: "organiser" } });
    expect(demote.status).toBe(409);
    expect(demote.text).toContain("last owner");
    const confirm = await owner.request(`/admin/members/${owner.member.id}/remove`);
    expect(confirm.status).toBe(409);
    expect(confirm.text).toContain("last owner");
    expect(confirm.text).not.toContain('action="/admin/members/');
    const remove = await owner.request(`/admin/members/${owner.member.id}/remove`, { form: {} });
    expect(remove.status).toBe(409);
    expect(remove.text).toContain("last owner");
    expect(await users()).toEqual(before);
    expect((await audit("member.role")).length + (await audit("member.remove")).length).toBe(audits);
    expect((await owner.request("/admin/members")).status).toBe(200);
  });

  it("removes a member: disabled, every session ended, audited; they cannot sign in again", async () => {
    const { orgId, owner } = await freshOrg();
    const leaving = await h.signedIn("organiser", orgId);
    expect(await sessionsOf(leaving.member.id)).toBe(1);
    const confirm = await owner.request(`/admin/members/${leaving.member.id}/remove`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain("signed out everywhere");
    const res = await owner.request(`/admin/members/${leaving.member.id}/remove`, { form: {} });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/admin/members?notice=removed");
    expect((await userByEmail(leaving.member.email))!.disabled_at).not.toBeNull();
    expect(await sessionsOf(leaving.member.id)).toBe(0);
    expect((await leaving.request("/admin")).status).toBe(303);
    const again = await h.request("/admin/login", { form: { email: leaving.member.email, password: PASSWORD } });
    expect(again.status).not.toBe(303);
    expect(again.headers.get("set-cookie") ?? "").not.toMatch(/plats_admin=[\w-]{20,}/);
    expect((await owner.request("/admin/members")).text).not.toContain(leaving.member.email);
    expect((await audit("member.remove")).some((a) => a.subject_id === leaving.member.id)).toBe(true);
  });

  it("a removed member can be added again; they come back without their old password", async () => {
    const { orgId, owner } = await freshOrg();
    const leaving = await h.signedIn("organiser", orgId);
    await owner.request(`/admin/members/${leaving.member.id}/remove`, { form: {} });
    const res = await owner.request("/admin/members", { form: { email: leaving.member.email, role: "checkin", language: "sv" } });
    expect(res.status).toBe(303);
    expect(await userByEmail(leaving.member.email)).toMatchObject({ id: leaving.member.id, role: "checkin", disabled_at: null, password_hash: null });
    expect((await audit("member.restore")).some((a) => a.subject_id === leaving.member.id)).toBe(true);
  });

  it("an owner may remove themselves while another owner remains, and is signed out", async () => {
    const { orgId, owner } = await freshOrg();
    const second = await h.signedIn("owner", orgId);
    const res = await owner.request(`/admin/members/${owner.member.id}/remove`, { form: {} });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/admin/login");
    expect((await owner.request("/admin/members")).status).toBe(303);
    // Now the second is the last owner.
    expect((await second.request(`/admin/members/${second.member.id}/role`, { form: { role: "checkin" } })).status).toBe(409);
  });

  it("an owner may demote themselves while another owner remains, and lands on the dashboard", async () => {
    const { orgId, owner } = await freshOrg();
    await h.signedIn("owner", orgId);
    const res = await owner.request(`/admin/members/${owner.member.id}/role`, { form: { role: "organiser" } });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/admin");
    expect((await owner.request("/admin/members")).status).toBe(403);
  });
});

describe("/admin/members access", () => {
  it("signed out: pages go to sign-in, scripts get 401, posts change nothing", async () => {
    const { orgId } = await freshOrg();
    const target = await createMember({ ctx: h.ctx, input: { orgId, email: "target-signedout@cluster.se", role: "organiser" } });
    const page = await h.request("/admin/members");
    expect(page.status).toBe(303);
    expect(page.location).toBe("/admin/login?next=%2Fadmin%2Fmembers");
    expect((await h.request("/admin/members", { headers: { accept: "application/json" } })).status).toBe(401);
    expect((await h.request(`/admin/members/${target.id}/remove`, { form: {} })).status).toBe(303);
    expect((await h.request(`/admin/members/${target.id}/role`, { form: { role: "owner" } })).status).toBe(303);
    expect(await userByEmail(target.email)).toMatchObject({ role: "organiser", disabled_at: null });
  });

  it("organisers and check-in staff are refused (403) on every route and change nothing", async () => {
    const { orgId } = await freshOrg();
    const target = await createMember({ ctx: h.ctx, input: { orgId, email: "target-roles@cluster.se", role: "organiser" } });
    const before = await users();
    for (const role of ["organiser", "checkin"] as const) {
      const m = await h.signedIn(role, orgId);
      const seen = await users();
      expect((await m.request("/admin/members")).status).toBe(403);
      expect((await m.request("/admin/members", { form: { email: "sneaky@cluster.se", role: "owner", language: "sv" } })).status).toBe(403);
      expect((await m.request(`/admin/members/${m.member.id}/role`, { form: { role: "owner" } })).status).toBe(403);
      expect((await m.request(`/admin/members/${target.id}/remove`)).status).toBe(403);
      expect((await m.request(`/admin/members/${target.id}/remove`, { form: {} })).status).toBe(403);
      expect((await users()).filter((u) => u.email !== m.member.email)).toEqual(seen.filter((u) => u.email !== m.member.email));
    }
    expect((await users()).filter((u) => before.some((b) => b.id === u.id))).toEqual(before);
  });

  it("another organisation's member ids answer 404 and are left alone", async () => {
    const { owner } = await freshOrg();
    const elsewhere = await freshOrg();
    const id = elsewhere.owner.member.id;
    expect((await owner.request(`/admin/members/${id}/remove`)).status).toBe(404);
    expect((await owner.request(`/admin/members/${id}/remove`, { form: {} })).status).toBe(404);
    expect((await owner.request(`/admin/members/${id}/role`, { form: { role: "checkin" } })).status).toBe(404);
    expect((await owner.request(`/admin/members/usr_nosuchmember/remove`, { form: {} })).status).toBe(404);
    expect(await userByEmail(elsewhere.owner.member.email)).toMatchObject({ role: "owner", disabled_at: null });
    expect((await owner.request("/admin/members")).text).not.toContain(elsewhere.owner.member.email);
  });

  it("cross-site posts are refused (403) and change nothing", async () => {
    const { orgId, owner } = await freshOrg();
    const target = await h.signedIn("organiser", orgId);
    const before = await users();
    const evil = { origin: "https://evil.example" };
    expect((await owner.request("/admin/members", { form: { email: "evil@cluster.se", role: "owner", language: "sv" }, ...evil })).status).toBe(403);
    expect((await owner.request(`/admin/members/${target.member.id}/role`, { form: { role: "owner" }, ...evil })).status).toBe(403);
    expect((await owner.request(`/admin/members/${target.member.id}/remove`, { form: {}, ...evil })).status).toBe(403);
    expect(await users()).toEqual(before);
    expect(await sessionsOf(target.member.id)).toBe(1);
  });
});
