import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_URL, eventBody, harness, type Harness } from "./helpers/harness";

// The organiser's own settings (consent, privacy notice, embedding) and what the event
// API gives them to embed the form.
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

const organisationsTable = () => h.database.db.all(sql`SELECT * FROM organisations ORDER BY rowid`);
let slugs = 0;
const uniqueSlug = () => `org-api-${++slugs}-${Math.random().toString(36).slice(2, 8)}`;

describe("GET and PATCH /api/v1/organisation", () => {
  it("needs a token", async () => {
    for (const [method, body] of [["GET", undefined], ["PATCH", { name: "Hijacked" }]] as const) {
      const res = await h.api(method, "/organisation", body, { token: null });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect((await h.api("GET", "/organisation", undefined, { token: "plats_" + "x".repeat(44) })).status).toBe(401);
    expect((await h.api("GET", "/organisation")).body.name).toBe("Test org");
  });

  it("shows the organisation's settings", async () => {
    const res = await h.api("GET", "/organisation");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: h.orgId,
      slug: expect.stringMatching(/^org-\d+$/),
      name: "Test org",
      requireConsent: false,
      privacyUrl: null,
      contactEmail: null,
      embedOrigins: [],
      retentionDays: null,
      accentColor: null,
      contactPhone: null,
      footer: null,
      logoUrl: null,
    });
  });


  it("writes each change made with the token to the audit log, the retention period with its value", async () => {
    const res = await h.api("PATCH", "/organisation", { retentionDays: 365 });
    expect(res.status).toBe(200);
    const rows = await h.database.db.all<{ action: string; actor_email: string; detail: string }>(
      sql`SELECT action, actor_email, detail FROM audit_log WHERE org_id = ${h.orgId} AND action LIKE 'organisation%'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_email).toBe("API token");
    expect(rows[0]!.detail).toContain("365");
  });

  it("changes each setting, normalising origins, and leaves other organisations alone", async () => {
    const org = await h.otherOrg();
    const other = await h.otherOrg();
    const otherBefore = (await h.api("GET", "/organisation", undefined, { token: other.token })).body;
    const patch = await h.api(
      "PATCH",
      "/organisation",
      {
        name: "  Techtank  ",
        requireConsent: true,
        privacyUrl: "https://www.techtank.se/integritet",
        contactEmail: "evenemang@techtank.se",
        embedOrigins: ["https://www.techtank.se/", "http://localhost:8080", " https://blekinge.example ", "HTTPS://IUCSYD.SE:443"],
      },
      { token: org.token },
    );
    expect(patch.status).toBe(200);
    const expected = {
      id: org.orgId,
      name: "Techtank",
      requireConsent: true,
      privacyUrl: "https://www.techtank.se/integritet",
      contactEmail: "evenemang@techtank.se",
      embedOrigins: ["https://www.techtank.se", "http://localhost:8080", "https://blekinge.example", "https://iucsyd.se"],
    };
    expect(patch.body).toMatchObject(expected);
    expect((await h.api("GET", "/organisation", undefined, { token: org.token })).body).toMatchObject(expected);

    // One field at a time keeps the rest.
    const one = await h.api("PATCH", "/organisation", { contactEmail: null }, { token: org.token });
    expect(one.body).toMatchObject({ ...expected, contactEmail: null });
    const off = await h.api("PATCH", "/organisation", { requireConsent: false, privacyUrl: null, embedOrigins: [] }, { token: org.token });
    expect(off.body).toMatchObject({ name: "Techtank", requireConsent: false, privacyUrl: null, embedOrigins: [] });

    expect((await h.api("GET", "/organisation", undefined, { token: other.token })).body).toEqual(otherBefore);
    expect((await h.api("GET", "/organisation")).body.name).toBe("Test org");
  });

  const bad: { name: string; body: unknown; field?: string; headers?: Record<string, string> }[] = [
    { name: "an origin with a path", body: { embedOrigins: ["https://www.techtank.se/events"] }, field: "embedOrigins.0" },
    { name: "a non-http origin", body: { embedOrigins: ["ftp://www.techtank.se"] }, field: "embedOrigins.0" },
    { name: "a javascript: origin", body: { embedOrigins: ["javascript:alert(1)"] }, field: "embedOrigins.0" },
    { name: "an origin with a query", body: { embedOrigins: ["https://www.techtank.se?x=1"] }, field: "embedOrigins.0" },
    { name: "origins as a string", body: { embedOrigins: "https://www.techtank.se" }, field: "embedOrigins" },
    { name: "more than 20 origins", body: { embedOrigins: Array.from({ length: 21 }, (_, i) => `https://s${i}.example`) }, field: "embedOrigins" },
    { name: "an unknown field", body: { colour: "red" }, field: "colour" },
    { name: "a slug change", body: { slug: "stolen" }, field: "slug" },
    { name: "an empty body", body: {}, field: "body" },
    { name: "requireConsent without privacyUrl", body: { requireConsent: true }, field: "privacyUrl" },
    { name: "requireConsent with privacyUrl null", body: { requireConsent: true, privacyUrl: null }, field: "privacyUrl" },
    { name: "a javascript: privacy URL", body: { privacyUrl: "javascript:alert(1)" }, field: "privacyUrl" },
    { name: "a bad contact email", body: { contactEmail: "not-an-email" }, field: "contactEmail" },
    { name: "a blank name", body: { name: "   " }, field: "name" },
    { name: "requireConsent as a string", body: { requireConsent: "yes", privacyUrl: "https://example.se/p" }, field: "requireConsent" },
    { name: "invalid JSON", body: '{"name": ' },
    { name: "a JSON array", body: "[]" },
    { name: "a form body", body: "name=Hijacked", headers: { "content-type": "application/x-www-form-urlencoded" } },
  ];
  it.each(bad)("refuses $name with 400 invalid_request and changes nothing", async (c) => {
    const before = await organisationsTable();
    const headers: Record<string, string> = { authorization: `Bearer ${h.token}`, "content-type": "application/json", ...c.headers };
    const body = typeof c.body === "string" ? c.body : JSON.stringify(c.body);
    const res = await h.app.request("/api/v1/organisation", { method: "PATCH", headers, body });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
    expect(json.error.code).toBe("invalid_request");
    expect(json.error.message.length).toBeGreaterThan(0);
    if (c.field) expect(json.error.fields).toHaveProperty([c.field]);
    expect(await organisationsTable()).toEqual(before);
  });
});

describe("embedding in the event API", () => {
  it("gives each event an embed URL and an escaped iframe snippet", async () => {
    const slug = uniqueSlug();
    const title = `Lean & "Kaizen" <2027>`;
    const created = await h.api("POST", "/events", eventBody({ slug, title }));
    expect(created.status).toBe(201);
    const url = `${PUBLIC_URL}/e/${slug}?embed=1`;
    expect(created.body.embed.url).toBe(url);
    const snippet: string = created.body.embed.snippet;
    expect(snippet).toContain(`<iframe src="${url}"`);
    expect(snippet).toContain(`<script src="${PUBLIC_URL}/assets/embed.js" async></script>`);
    expect(snippet).toContain('title="Lean &amp; &quot;Kaizen&quot; &lt;2027&gt;"');
    expect(snippet).not.toContain('"Kaizen"');
    expect(snippet).not.toContain("<2027>");

    const one = await h.api("GET", `/events/${created.body.id}`);
    expect(one.body.embed).toEqual(created.body.embed);
    const list = await h.api("GET", "/events");
    const listed = list.body.events.find((e: { id: string }) => e.id === created.body.id);
    expect(listed.embed).toEqual(created.body.embed);
    const renamed = await h.api("PATCH", `/events/${created.body.id}`, { title: "<b>Nytt</b>" });
    expect(renamed.body.embed.snippet).toContain('title="&lt;b&gt;Nytt&lt;/b&gt;"');
    expect(renamed.body.embed.url).toBe(url);
  });

  it("has a group limit of 5 by default, settable from 1 to 20", async () => {
    const plain = await h.api("POST", "/events", eventBody({ slug: uniqueSlug() }));
    expect(plain.body.groupLimit).toBe(5);
    for (const groupLimit of [1, 20]) {
      const res = await h.api("POST", "/events", eventBody({ slug: uniqueSlug(), groupLimit }));
      expect(res.status).toBe(201);
      expect(res.body.groupLimit).toBe(groupLimit);
      expect((await h.api("GET", `/events/${res.body.id}`, undefined, { token: null })).body.groupLimit).toBe(groupLimit);
    }
    const changed = await h.api("PATCH", `/events/${plain.body.id}`, { groupLimit: 3 });
    expect(changed.status).toBe(200);
    expect(changed.body.groupLimit).toBe(3);

    const count = async () => (await h.api("GET", "/events")).body.events.length;
    const before = await count();
    for (const groupLimit of [0, 21, "x", 2.5, null]) {
      const res = await h.api("POST", "/events", eventBody({ slug: uniqueSlug(), groupLimit }));
      expect(res.status, String(groupLimit)).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
      expect(res.body.error.fields).toHaveProperty("groupLimit");
      const patch = await h.api("PATCH", `/events/${plain.body.id}`, { groupLimit });
      expect(patch.status, String(groupLimit)).toBe(400);
      expect(patch.body.error.fields).toHaveProperty("groupLimit");
    }
    expect(await count()).toBe(before);
    expect((await h.api("GET", `/events/${plain.body.id}`)).body.groupLimit).toBe(3);
  });
});

describe("the organisation's branding through the API", () => {
  it("takes the branding: a colour as #rrggbb (stored lower-case), a phone number, a short footer; null removes each", async () => {
    const res = await h.api("PATCH", "/organisation", { accentColor: "#0B6E4F", contactPhone: "+46 455 12 34 56", footer: "Techtank\nBox 1, Karlskrona" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accentColor: "#0b6e4f", contactPhone: "+46 455 12 34 56", footer: "Techtank\nBox 1, Karlskrona", logoUrl: null });
    for (const [field, value, code] of [
      ["accentColor", "red", "accent_color"],
      ["accentColor", "#12345", "accent_color"],
      ["accentColor", "#1234567", "accent_color"],
      ["contactPhone", "call us", "phone_number"],
      ["footer", "x".repeat(281), "too_long"],
      ["footer", "a\u0000b", "no_control"],
    ] as const) {
      const bad = await h.api("PATCH", "/organisation", { [field]: value });
      expect(bad.status, `${field} ${value}`).toBe(400);
      expect(bad.body.error.fieldCodes[field].code).toBe(code);
    }
    expect((await h.api("GET", "/organisation")).body.accentColor).toBe("#0b6e4f");
    const cleared = await h.api("PATCH", "/organisation", { accentColor: null, contactPhone: null, footer: null });
    expect(cleared.body).toMatchObject({ accentColor: null, contactPhone: null, footer: null });
  });
});
