import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";

// /admin/settings: the organisation's settings, retention among them, owners only.
let h: AdminHarness;
let owner: SignedIn;
beforeAll(async () => {
  h = await adminHarness();
  owner = await h.signedIn("owner");
});
afterAll(() => h.close());

const orgRow = async (orgId = h.orgId) =>
  (await h.database.db.all<Record<string, unknown>>(sql`SELECT * FROM organisations WHERE id = ${orgId}`))[0]!;
const auditRows = async (action: string) =>
  h.database.db.all<{ detail: string; user_id: string; subject_id: string }>(sql`SELECT * FROM audit_log WHERE action = ${action} ORDER BY seq`);

const valid = {
  name: "Techtank",
  contactEmail: "evenemang@techtank.se",
  privacyUrl: "https://www.techtank.se/integritet",
  requireConsent: "yes",
  embedOrigins: "https://www.techtank.se\r\nhttp://localhost:8080/",
  retentionDays: "365",
};

describe("/admin/settings", () => {
  it("shows the current settings in a labelled form", async () => {
    const res = await owner.request("/admin/settings");
    expect(res.status).toBe(200);
    expect(res.text).toContain('<label for="f-retentionDays">');
    expect(res.text).toContain('value="Test org"');
    expect(res.text).toMatch(/From 30 days .* to 3,650 \(ten years\)/);
  });

  it("saves every setting, audits what changed without the values that are personal, and the API sees it", async () => {
    const res = await owner.request("/admin/settings", { form: valid });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/admin/settings?notice=saved");
    const api = await h.api("GET", "/organisation");
    expect(api.body).toMatchObject({
      name: "Techtank",
      contactEmail: "evenemang@techtank.se",
      privacyUrl: "https://www.techtank.se/integritet",
      requireConsent: true,
      embedOrigins: ["https://www.techtank.se", "http://localhost:8080"],
      retentionDays: 365,
    });
    const [entry] = await auditRows("organisation.update");
    expect(entry!.user_id).toBe(owner.member.id);
    expect(entry!.subject_id).toBe(h.orgId);
    const detail = JSON.parse(entry!.detail);
    expect(detail.changed.sort()).toEqual(["contactEmail", "embedOrigins", "name", "privacyUrl", "requireConsent", "retentionDays"]);
    expect(detail.retentionDays).toBe(365);
    expect(entry!.detail).not.toContain("evenemang@techtank.se");
    expect((await owner.request("/admin/settings?notice=saved")).text).toContain("The settings are saved.");
  });

  it("blank retention keeps data forever; saving the same again writes no audit entry", async () => {
    await owner.request("/admin/settings", { form: { ...valid, retentionDays: "" } });
    expect((await orgRow()).retention_days).toBeNull();
    const before = (await auditRows("organisation.update")).length;
    await owner.request("/admin/settings", { form: { ...valid, retentionDays: "" } });
    expect((await auditRows("organisation.update")).length).toBe(before);
  });

  it.each([
    { field: "retentionDays", value: "29" },
    { field: "retentionDays", value: "3651" },
    { field: "retentionDays", value: "90.5" },
    { field: "retentionDays", value: "ninety" },
    { field: "name", value: "   " },
    { field: "contactEmail", value: "not an address" },
    { field: "privacyUrl", value: "javascript:alert(1)" },
    { field: "embedOrigins", value: "https://www.techtank.se\nhttps://ok.example/with/path" },
  ])("refuses $field = $value with a 400 page naming the field, and changes nothing", async ({ field, value }) => {
    const before = await orgRow();
    const audits = (await auditRows("organisation.update")).length;
    const res = await owner.request("/admin/settings", { form: { ...valid, name: "Changed", [field]: value } });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#f-${field}"`);
    expect(res.text).toContain(`id="f-${field}"`);
    expect(await orgRow()).toEqual(before);
    expect((await auditRows("organisation.update")).length).toBe(audits);
  });

  it("consent without a privacy notice is refused on the notice's field", async () => {
    const res = await owner.request("/admin/settings", { form: { ...valid, privacyUrl: "" } });
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#f-privacyUrl"');
  });

  it("the JSON API takes retentionDays too, within the same range", async () => {
    expect((await h.api("PATCH", "/organisation", { retentionDays: 90 })).body.retentionDays).toBe(90);
    const bad = await h.api("PATCH", "/organisation", { retentionDays: 10 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("retentionDays");
    expect((await h.api("PATCH", "/organisation", { retentionDays: null })).body.retentionDays).toBeNull();
  });
});

describe("/admin/settings access", () => {
  it("signed out: a page request goes to sign-in, a script gets 401", async () => {
    const page = await h.request("/admin/settings");
    expect(page.status).toBe(303);
    expect(page.location).toBe("/admin/login?next=%2Fadmin%2Fsettings");
    const script = await h.request("/admin/settings", { headers: { accept: "application/json" } });
    expect(script.status).toBe(401);
    expect(JSON.parse(script.text).error.code).toBe("unauthorized");
    expect((await h.request("/admin/settings", { form: valid })).status).toBe(303);
  });

  it("organisers and check-in staff are refused (403) and change nothing", async () => {
    const before = await orgRow();
    for (const role of ["organiser", "checkin"] as const) {
      const m = await h.signedIn(role);
      expect((await m.request("/admin/settings")).status).toBe(403);
      expect((await m.request("/admin/settings", { form: { ...valid, name: "Hijacked" } })).status).toBe(403);
    }
    expect(await orgRow()).toEqual(before);
  });

  it("a cross-site post is refused (403) and changes nothing", async () => {
    const before = await orgRow();
    const res = await owner.request("/admin/settings", { form: { ...valid, name: "Evil" }, origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await orgRow()).toEqual(before);
  });

  it("an owner of another organisation changes only their own", async () => {
    const other = await h.otherOrg();
    const theirs = await h.signedIn("owner", other.orgId);
    const mine = await orgRow();
    await theirs.request("/admin/settings", { form: { ...valid, name: "Other cluster", retentionDays: "30" } });
    expect(await orgRow()).toEqual(mine);
    expect((await orgRow(other.orgId)).name).toBe("Other cluster");
    expect((await theirs.request("/admin/settings")).text).not.toContain("Techtank");
  });
});
