import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELIVERY_PAGE_SIZE, MAX_ENDPOINTS, webhookTypes } from "../src/domain/webhooks";
import { makeEvent, signUp } from "./admin-checkin-fixture";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";

// /admin/webhooks: owners add endpoints (the secret shown once), edit, pause and enable
// them, rotate the secret, delete them, and read each one's delivery log and send a
// delivery again. Private and plain-http addresses are refused on the form's field.
let h: AdminHarness;
let owner: SignedIn;
beforeAll(async () => {
  h = await adminHarness();
  owner = await h.signedIn("owner");
});
afterAll(() => h.close());

type EndpointRow = { id: string; url: string; description: string | null; events: string; disabled_at: number | null; disabled_reason: string | null };
const endpoints = () => h.database.db.all<EndpointRow>(sql`SELECT * FROM webhook_endpoints WHERE org_id = ${h.orgId} ORDER BY rowid`);
const endpoint = async (id: string) => (await endpoints()).find((e) => e.id === id);
type DeliveryRow = { id: string; type: string; status: string; next_attempt_at: number };
const deliveries = (id: string) => h.database.db.all<DeliveryRow>(sql`SELECT * FROM webhook_deliveries WHERE endpoint_id = ${id} ORDER BY rowid`);
const audit = (action: string) => h.database.db.all<{ subject_id: string; subject_type: string; detail: string }>(sql`SELECT * FROM audit_log WHERE action = ${action} ORDER BY seq`);
const secretIn = (html: string) => /id="secret-value"[^>]*value="(whsec_[^"]+)"/.exec(html)?.[1];
const rowsIn = (html: string) => [...html.matchAll(/<tr id="(msg_[0-9a-f]+)"/g)].map((m) => m[1]);

/** An owner who chose a language in the header's switch (the harness's browser otherwise says English). */
async function inLanguage(language: string) {
  const member = await h.signedIn("owner");
  expect((await member.request("/admin/language", { form: { language } })).status).toBe(303);
  return member;
}

let urlCounter = 0;
async function addWebhook(form: Record<string, string | string[]> = {}) {
  const url = `https://crm.example.se/hooks/${++urlCounter}`;
  const res = await owner.request("/admin/webhooks", { form: { url, description: "CRM-synk", events: ["registration.created", "registration.confirmed"], ...form } });
  expect(res.status, res.text.slice(0, 300)).toBe(201);
  const row = (await endpoints()).find((e) => e.url === (form.url ?? url))!;
  return { res, row, secret: secretIn(res.text)! };
}

describe("adding a webhook", () => {
  it("shows the secret once, with how to verify, and never again", async () => {
    const { res, row, secret } = await addWebhook();
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    expect(res.text).toContain("The webhook&#39;s secret");
    expect(res.text).toContain("standardwebhooks");
    expect(JSON.parse(row.events)).toEqual(["registration.created", "registration.confirmed"]);
    expect(row.description).toBe("CRM-synk");
    expect(JSON.stringify(await h.database.db.all(sql`SELECT * FROM webhook_endpoints`))).not.toContain(secret);
    expect((await audit("webhook.create")).map((e) => e.subject_id)).toContain(row.id);
    for (const path of ["/admin/webhooks", `/admin/webhooks/${row.id}`]) {
      const page = await owner.request(path);
      expect(page.status).toBe(200);
      expect(page.text).toContain(row.url);
      expect(page.text).not.toContain(secret);
      expect(secretIn(page.text)).toBeUndefined();
    }
  });

  it("takes “All types” as every type, without a script", async () => {
    const { row } = await addWebhook({ events: [], allTypes: "yes" });
    expect(JSON.parse(row.events)).toEqual([...webhookTypes]);
  });

  it("refuses a private address, plain http and no type on their fields, in the member's language, writing nothing", async () => {
    const before = await endpoints();
    const sv = await inLanguage("sv");
    const cases: [SignedIn, Record<string, string | string[]>, string][] = [
      [owner, { url: "https://127.0.0.1/x", events: "registration.created" }, "Must be a public address"],
      [owner, { url: "http://crm.example.se/hooks", events: "registration.created" }, "https"],
      [owner, { url: "https://crm.example.se/hooks" }, "Choose at least one type."],
      [sv, { url: "https://127.0.0.1/x", events: "registration.created" }, "Adressen måste vara publik"],
      [sv, { url: "http://crm.example.se/hooks", events: "registration.created" }, "Adressen måste börja med https."],
    ];
    for (const [who, form, words] of cases) {
      const res = await who.request("/admin/webhooks", { form });
      expect(res.status).toBe(400);
      expect(res.text).toContain(words);
      expect(res.text).toContain('aria-invalid="true"');
      expect(secretIn(res.text)).toBeUndefined();
    }
    // What was typed and ticked is kept.
    const again = await owner.request("/admin/webhooks", { form: { url: "http://crm.example.se/x", events: "event.updated" } });
    expect(again.text).toContain('value="http://crm.example.se/x"');
    expect(again.text).toMatch(/value="event.updated" checked/);
    expect(await endpoints()).toEqual(before);
  });
});

describe("one webhook's page", () => {
  it("edits the URL, description and types; a refused edit changes nothing", async () => {
    const { row } = await addWebhook();
    const path = `/admin/webhooks/${row.id}`;
    const res = await owner.request(path, { form: { url: "https://crm.example.se/ny", description: "", events: ["event.updated", "invitation.declined"] } });
    expect([res.status, res.location]).toEqual([303, `${path}?notice=saved`]);
    expect(await endpoint(row.id)).toMatchObject({ url: "https://crm.example.se/ny", description: null, events: '["event.updated","invitation.declined"]' });
    expect((await owner.request(`${path}?notice=saved`)).text).toContain("The changes are saved.");
    const refused = await owner.request(path, { form: { url: "https://10.0.0.5/x", events: "event.updated" } });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Must be a public address");
    expect((await endpoint(row.id))!.url).toBe("https://crm.example.se/ny");
    expect((await audit("webhook.update")).filter((e) => e.subject_id === row.id)).toHaveLength(1);
  });

  it("pauses and enables again, and says when one was disabled for failing", async () => {
    const { row } = await addWebhook();
    const path = `/admin/webhooks/${row.id}`;
    expect((await owner.request(`${path}/pause`, { form: {} })).location).toBe(`${path}?notice=paused`);
    expect(await endpoint(row.id)).toMatchObject({ disabled_reason: "owner" });
    let page = await owner.request(`${path}?notice=paused`);
    expect(page.text).toContain("Paused by an owner");
    expect(page.text).toContain(`action="${path}/enable"`);
    expect((await owner.request(`${path}/enable`, { form: {} })).location).toBe(`${path}?notice=enabled`);
    expect(await endpoint(row.id)).toMatchObject({ disabled_at: null, disabled_reason: null });
    await h.database.db.run(sql`UPDATE webhook_endpoints SET disabled_at = ${h.clock.now().getTime()}, disabled_reason = 'failing' WHERE id = ${row.id}`);
    page = await owner.request(path);
    expect(page.text).toContain("Disabled after three days of failed deliveries");
    expect((await owner.request("/admin/webhooks")).text).toContain("Disabled after three days of failed deliveries");
  });

  it("rotates the secret: the new one shown once, the previous one signing for 24 hours", async () => {
    const { row, secret } = await addWebhook();
    const path = `/admin/webhooks/${row.id}`;
    const res = await owner.request(`${path}/rotate`, { form: {} });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const rotated = secretIn(res.text)!;
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    expect(res.text).toContain("The previous secret keeps signing for 24 hours, until 22 Nov 2026, 09:00:00 UTC.");
    const later = await owner.request(path);
    expect(secretIn(later.text)).toBeUndefined();
    expect(later.text).toContain("The previous secret also signs until");
    expect((await audit("webhook.rotate_secret")).map((e) => e.subject_id)).toContain(row.id);
  });

  it("deletes after the confirmation, and the audit log names it without a link", async () => {
    const { row } = await addWebhook();
    const path = `/admin/webhooks/${row.id}`;
    expect((await owner.request(path)).text).toMatch(/<details[^>]*>\s*<summary>Delete …<\/summary>/);
    const res = await owner.request(`${path}/delete`, { form: {} });
    expect([res.status, res.location]).toEqual([303, "/admin/webhooks?notice=deleted"]);
    expect(await endpoint(row.id)).toBeUndefined();
    expect((await owner.request(path)).status).toBe(404);
    expect((await owner.request("/admin/webhooks?notice=deleted")).text).toContain("The webhook is deleted.");
    const log = await owner.request("/admin/audit?action=webhook.");
    expect(log.text).toContain("Webhook deleted");
    expect(log.text).toContain("Webhook added");
    expect(log.text).not.toContain(`href="${path}"`);
  });
});

describe("the delivery log", () => {
  let id: string;
  let path: string;
  beforeAll(async () => {
    id = (await addWebhook({ events: ["registration.created"] })).row.id;
    path = `/admin/webhooks/${id}`;
    const eventId = await makeEvent(h, { title: "Leanfrukost", capacity: 10 });
    for (const n of [1, 2, 3]) await signUp(h, eventId, { name: `Deltagare ${n}`, email: `deltagare${n}@verkstad.se` });
  });

  it("lists what the signups wrote, newest first, with the audit log linking the webhook", async () => {
    const rows = await deliveries(id);
    expect(rows.map((r) => r.type)).toEqual(["registration.created", "registration.created", "registration.created"]);
    const page = await owner.request(path);
    expect(rowsIn(page.text)).toEqual(rows.map((r) => r.id).reverse());
    expect(page.text).toContain("Pending");
    const log = await owner.request("/admin/audit?action=webhook.create");
    expect(log.text).toContain(`href="${path}"`);
  });

  it("filters by status, and “send again” puts a failed delivery back in line", async () => {
    const [failed] = await deliveries(id);
    await h.database.db.run(sql`UPDATE webhook_deliveries SET status = 'failed', attempts = 9, last_status_code = 500, last_duration_ms = 812,
      last_error = 'HTTP 500', next_attempt_at = 0 WHERE id = ${failed!.id}`);
    const only = await owner.request(`${path}?status=failed`);
    expect(rowsIn(only.text)).toEqual([failed!.id]);
    expect(only.text).toMatch(/<td>500<\/td><td>812<\/td><td class="detail">HTTP 500<\/td>/);
    expect(rowsIn((await owner.request(`${path}?status=pending`)).text)).toHaveLength(2);
    expect((await owner.request(`${path}?status=delivered`)).text).toContain("No deliveries.");
    const res = await owner.request(`${path}/deliveries/${failed!.id}/redeliver`, { form: { status: "failed" } });
    expect([res.status, res.location]).toEqual([303, `${path}?notice=sent&status=failed#deliveries`]);
    expect((await deliveries(id)).find((d) => d.id === failed!.id)).toMatchObject({ status: "pending", next_attempt_at: h.clock.now().getTime() });
    expect((await owner.request(`${path}?notice=sent`)).text).toContain("The delivery goes out again shortly.");
    expect((await audit("webhook.redeliver")).filter((e) => e.subject_id === id)).toHaveLength(1);
    expect((await owner.request(`${path}/deliveries/msg_nope/redeliver`, { form: {} })).status).toBe(404);
  });

  it("pages with “older”, keeping the filter", async () => {
    const now = h.clock.now().getTime();
    for (let i = 0; i < DELIVERY_PAGE_SIZE + 2; i++)
      await h.database.db.run(sql`INSERT INTO webhook_deliveries (id, endpoint_id, org_id, type, payload, status, attempts, next_attempt_at, created_at)
        VALUES (${`msg_${i.toString(16).padStart(8, "0")}`}, ${id}, ${h.orgId}, 'registration.created', '{}', 'delivered', 1, 0, ${now})`);
    const first = await owner.request(`${path}?status=delivered`);
    expect(rowsIn(first.text)).toHaveLength(DELIVERY_PAGE_SIZE);
    const older = /href="([^"]*before=\d+[^"]*)" rel="next"/.exec(first.text)![1]!.replaceAll("&amp;", "&");
    expect(older).toContain("status=delivered");
    const second = await owner.request(older.replace(/#.*$/, ""));
    expect(rowsIn(second.text)).toEqual(["msg_00000001", "msg_00000000"]);
    expect(second.text).toContain("Newest");
    expect(second.text).not.toContain('rel="next"');
  });
});

describe("who may, and in which words", () => {
  it("lets owners only, and shows the section to them alone", async () => {
    const { row } = await addWebhook();
    for (const role of ["organiser", "checkin"] as const) {
      const member = await h.signedIn(role);
      expect((await member.request("/admin/webhooks")).status).toBe(403);
      expect((await member.request(`/admin/webhooks/${row.id}`)).status).toBe(403);
      expect((await member.request("/admin/webhooks", { form: { url: "https://crm.example.se/x", events: "event.updated" } })).status).toBe(403);
      expect((await member.request(`/admin/webhooks/${row.id}/delete`, { form: {} })).status).toBe(403);
      expect((await member.request("/admin")).text).not.toContain('href="/admin/webhooks"');
    }
    expect(await endpoint(row.id)).toBeDefined();
    expect((await owner.request("/admin")).text).toContain('href="/admin/webhooks"');
    const other = await h.signedIn("owner", (await h.otherOrg()).orgId);
    expect((await other.request(`/admin/webhooks/${row.id}`)).status).toBe(404);
    expect((await other.request("/admin/webhooks")).text).not.toContain(row.url);
  });

  it("speaks Swedish, Norwegian and English", async () => {
    const { row } = await addWebhook();
    const words = {
      sv: ["Lägg till en webhook", "Anmälningar", "Ny anmälan", "Leveranser", "Byt hemlighet"],
      nb: ["Legg til en webhook", "Påmeldinger", "Ny påmelding", "Leveringer", "Bytt hemmelighet"],
      en: ["Add a webhook", "Registrations", "New registration", "Deliveries", "Rotate the secret"],
    };
    for (const [language, [add, group, label, log, rotate]] of Object.entries(words)) {
      const member = await inLanguage(language);
      const list = await member.request("/admin/webhooks");
      expect(list.text).toContain(`<html lang="${language}"`);
      for (const w of [add, group, label]) expect(list.text).toContain(w);
      const page = await member.request(`/admin/webhooks/${row.id}`);
      for (const w of [log, rotate]) expect(page.text).toContain(w);
    }
  });
});

describe("at most MAX_ENDPOINTS", () => {
  it("refuses one more above the add form, keeping what was typed", async () => {
    while ((await endpoints()).length < MAX_ENDPOINTS) await addWebhook();
    const res = await owner.request("/admin/webhooks", { form: { url: "https://crm.example.se/en-till", events: "event.updated" } });
    expect(res.status).toBe(409);
    expect(res.text).toContain(`An organisation has at most ${MAX_ENDPOINTS} webhook endpoints.`);
    expect(res.text).toContain('value="https://crm.example.se/en-till"');
    expect(await endpoints()).toHaveLength(MAX_ENDPOINTS);
  });
});
