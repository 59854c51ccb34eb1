import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody, PUBLIC_URL } from "./helpers/harness";
import { PNG, JPEG, WEBP, padded } from "./helpers/images";

// An organisation's branding: the logo upload (owners only, checked by its bytes), its
// hashed URL, and the colour, contact and footer on the public pages and the embed.
let h: AdminHarness;
let owner: SignedIn;
let slug: string;
beforeAll(async () => {
  h = await adminHarness();
  owner = await h.signedIn("owner");
  slug = (await h.database.db.all<{ slug: string }>(sql`SELECT slug FROM organisations WHERE id = ${h.orgId}`))[0]!.slug;
});
afterAll(() => h.close());

interface Upload {
  bytes?: Uint8Array | null;
  name?: string;
  type?: string;
  json?: boolean;
  who?: SignedIn;
}

/** A multipart upload as a browser sends it, from our own origin. */
async function upload({ bytes = PNG, name = "logo.png", type = "image/png", json = false, who = owner }: Upload = {}) {
  const body = new FormData();
  body.append("logo", new File(bytes ? [bytes as Uint8Array<ArrayBuffer>] : [], bytes ? name : "", { type: bytes ? type : "application/octet-stream" }));
  const headers: Record<string, string> = { cookie: who.cookie, origin: PUBLIC_URL, "accept-language": "en" };
  if (json) headers.accept = "application/json";
  const res = await h.app.request("/admin/settings/logo", { method: "POST", body, headers });
  return { status: res.status, text: await res.text(), location: res.headers.get("location") };
}

const logoColumns = async (orgId = h.orgId) =>
  (await h.database.db.all<{ logo_hash: string | null; logo_type: string | null }>(sql`SELECT logo_hash, logo_type FROM organisations WHERE id = ${orgId}`))[0]!;
const storedLogos = () => h.database.db.all<{ org_id: string; hash: string }>(sql`SELECT org_id, hash FROM organisation_logos ORDER BY org_id, hash`);
const audits = (action: string) => h.database.db.all<{ detail: string; user_id: string }>(sql`SELECT detail, user_id FROM audit_log WHERE action = ${action} ORDER BY seq`);
const state = async () => ({ org: await logoColumns(), logos: await storedLogos(), audit: (await audits("organisation.logo")).length });

const logoPath = async () => {
  const { logo_hash, logo_type } = await logoColumns();
  return `/o/${slug}/logo/${logo_hash}.${({ "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" } as Record<string, string>)[logo_type!]}`;
};

describe("uploading, replacing and removing the logo", () => {
  it("takes a PNG, audits it, and serves the same bytes at its hashed URL, kept for good", async () => {
    const res = await upload();
    expect(res.status, res.text.slice(0, 300)).toBe(303);
    expect(res.location).toBe("/admin/settings?notice=logo");
    const { logo_hash, logo_type } = await logoColumns();
    expect(logo_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(logo_type).toBe("image/png");
    const [entry] = await audits("organisation.logo");
    expect(entry!.user_id).toBe(owner.member.id);
    expect(JSON.parse(entry!.detail)).toEqual({ hash: logo_hash, type: "image/png", bytes: PNG.byteLength });

    const served = await h.app.request(await logoPath());
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    const again = await h.app.request(await logoPath(), { headers: { "if-none-match": served.headers.get("etag")! } });
    expect(again.status).toBe(304);

    const page = await owner.request("/admin/settings?notice=logo");
    expect(page.text).toContain("The logo is uploaded.");
    expect(page.text).toContain(`<img src="${await logoPath()}" alt="Test org"`);
    expect(page.text).toContain("Replace the logo");
    expect((await owner.request("/admin/audit")).text).toContain("Logo uploaded");
  });

  it("the same file again changes nothing; another type replaces it, and the old URL is gone (404 in the error shape)", async () => {
    const first = await logoPath();
    const count = (await audits("organisation.logo")).length;
    expect((await upload()).status).toBe(303);
    expect((await audits("organisation.logo")).length).toBe(count);

    // Declared as PNG, named .png: the bytes say JPEG, and JPEG it is.
    expect((await upload({ bytes: JPEG, name: "logo.png", type: "image/png" })).status).toBe(303);
    expect((await logoColumns()).logo_type).toBe("image/jpeg");
    const second = await logoPath();
    expect(second).toMatch(/\.jpg$/);
    const gone = await h.app.request(first);
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe("not_found");
    const served = await h.app.request(second);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(JPEG);
    expect(await storedLogos()).toHaveLength(1);

    expect((await upload({ bytes: WEBP, name: "logo.webp", type: "image/webp" })).status).toBe(303);
    expect((await h.app.request(await logoPath())).headers.get("content-type")).toBe("image/webp");
  });

  it("a file of exactly 256 KiB is taken", async () => {
    expect((await upload({ bytes: padded(PNG, 256 * 1024) })).status).toBe(303);
    expect(new Uint8Array(await (await h.app.request(await logoPath())).arrayBuffer()).byteLength).toBe(256 * 1024);
  });

  it("removing deletes the bytes too, and is audited; removing none changes nothing", async () => {
    const path = await logoPath();
    const res = await owner.request("/admin/settings/logo/remove", { form: {} });
    expect(res.status).toBe(303);
    expect(res.location).toBe("/admin/settings?notice=logo-removed");
    expect(await logoColumns()).toEqual({ logo_hash: null, logo_type: null });
    expect(await storedLogos()).toEqual([]);
    expect((await h.app.request(path)).status).toBe(404);
    expect(await audits("organisation.logo_remove")).toHaveLength(1);
    expect((await owner.request("/admin/settings?notice=logo-removed")).text).toContain("No logo yet.");
    expect((await owner.request("/admin/settings/logo/remove", { form: {} })).status).toBe(303);
    expect(await audits("organisation.logo_remove")).toHaveLength(1);
  });
});

describe("refused uploads change nothing", () => {
  const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const gif = new TextEncoder().encode("GIF89a\x01\x00\x01\x00");
  it.each([
    { what: "a file over 256 KiB", bytes: padded(PNG, 256 * 1024 + 1), code: "logo_too_large", words: "The logo may be at most 256 KiB." },
    { what: "an SVG", bytes: svg, name: "logo.svg", type: "image/svg+xml", code: "logo_type", words: "The logo must be a PNG, JPEG or WebP image." },
    { what: "text declared as a PNG", bytes: new TextEncoder().encode("not an image at all"), code: "logo_type", words: "PNG, JPEG or WebP" },
    { what: "a GIF", bytes: gif, name: "logo.gif", type: "image/gif", code: "logo_type", words: "PNG, JPEG or WebP" },
    { what: "an empty upload (no file chosen)", bytes: null, code: "required", words: "" },
  ])("$what: a 400 on the logo field, and the error shape for scripts", async ({ bytes, name, type, code, words }) => {
    await upload();
    const before = await state();
    const page = await upload({ bytes, name, type });
    expect(page.status).toBe(400);
    expect(page.text).toContain('href="#f-logo"');
    expect(page.text).toContain('aria-invalid="true"');
    expect(page.text).toContain(words);
    const script = await upload({ bytes, name, type, json: true });
    expect(script.status).toBe(400);
    const body = JSON.parse(script.text);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.fieldCodes.logo.code).toBe(code);
    expect(await state()).toEqual(before);
  });

  it("a form without the file part, and a body past 1 MiB (413), are refused too", async () => {
    const before = await state();
    const plain = await owner.request("/admin/settings/logo", { form: { logo: "logo.png" } });
    expect(plain.status).toBe(400);
    const huge = await upload({ bytes: padded(PNG, 1100 * 1024), json: true });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.text).error.code).toBe("payload_too_large");
    expect(await state()).toEqual(before);
  });
});

describe("who may change the logo", () => {
  it("organisers and check-in staff get 403 and change nothing", async () => {
    const before = await state();
    for (const role of ["organiser", "checkin"] as const) {
      const m = await h.signedIn(role);
      expect((await upload({ bytes: JPEG, who: m })).status).toBe(403);
      expect((await m.request("/admin/settings/logo/remove", { form: {} })).status).toBe(403);
    }
    expect(await state()).toEqual(before);
  });

  it("another organisation's owner changes only their own; their hash under our name is 404", async () => {
    const other = await h.otherOrg();
    const theirs = await h.signedIn("owner", other.orgId);
    const mine = await state();
    expect((await upload({ bytes: WEBP, who: theirs })).status).toBe(303);
    expect((await theirs.request("/admin/settings/logo/remove", { form: {} })).status).toBe(303);
    expect((await upload({ bytes: JPEG, who: theirs })).status).toBe(303);
    expect(await logoColumns()).toEqual(mine.org);
    const { logo_hash } = await logoColumns(other.orgId);
    expect((await h.app.request(`/o/${slug}/logo/${logo_hash}.jpg`)).status).toBe(404);
  });

  it("unknown hashes, extensions and names are 404 in the error shape", async () => {
    const { logo_hash } = await logoColumns();
    for (const path of [`/o/${slug}/logo/${"0".repeat(32)}.png`, `/o/${slug}/logo/${logo_hash}.gif`, `/o/${slug}/logo/${logo_hash}.jpg`, `/o/${slug}/logo/nothing`, `/o/no-such-org/logo/${logo_hash}.png`]) {
      const res = await h.app.request(path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
  });
});

describe("branding on the public pages", () => {
  let eventSlug: string;
  beforeAll(async () => {
    await upload();
    const saved = await owner.request("/admin/settings", {
      form: {
        name: "Test org",
        contactEmail: "evenemang@techtank.se",
        accentColor: "#FFD700",
        contactPhone: "+46 455 12 34 56",
        footer: "Techtank <b>Blekinge</b>\nBox 1, Karlskrona",
        embedOrigins: "https://www.techtank.se",
        retentionDays: "",
      },
    });
    expect(saved.status, saved.text.slice(0, 500)).toBe(303);
    eventSlug = (await h.api("POST", "/events", eventBody({ title: "Leandag" }))).body.slug;
  });

  /** The organisation's page frames its content with the logo and contact; the event page shows them in its summary. */
  const shows = async (path: string, where: "frame" | "summary" = "frame") => {
    const res = await h.app.request(path, { headers: { "accept-language": "sv" } });
    expect(res.status, path).toBe(200);
    const text = await res.text();
    if (where === "frame") {
      expect(text).toContain(`<img src="${await logoPath()}" alt="Test org"/>`);
      expect(text).toContain("Frågor? Kontakta Test org");
    } else {
      // Beside the organiser's name, once: the logo is decoration to a screen reader.
      expect(text).toContain(`<dt>Arrangör</dt><dd class="organiser"><img src="${await logoPath()}" alt="" class="organiser-logo"/><span><strong>Test org</strong>`);
      expect(text.split(await logoPath()).length).toBe(2);
      expect(text).not.toContain("Frågor? Kontakta Test org");
    }
    // The colour as a stylesheet of our own: the CSP stays style-src 'self'.
    expect(text).toContain('<link rel="stylesheet" href="/assets/accent/ffd700.css"/>');
    expect(res.headers.get("content-security-policy")).toContain("style-src 'self'");
    expect(text).toContain('<a href="mailto:evenemang@techtank.se">evenemang@techtank.se</a>');
    expect(text).toContain('<a href="tel:+46455123456">+46 455 12 34 56</a>');
    // Plain text, escaped, line breaks kept by the stylesheet.
    expect(text).toContain('<p class="org-footer">Techtank &lt;b&gt;Blekinge&lt;/b&gt;\nBox 1, Karlskrona</p>');
    return text;
  };

  it("the event page, its embed and the organisation's page show the logo, colour, contact and footer", async () => {
    await shows(`/e/${eventSlug}`, "summary");
    const embed = await shows(`/e/${eventSlug}?embed=1`, "summary");
    expect(embed).not.toContain('class="site"');
    await shows(`/?org=${slug}`);
  });

  it("the registrant's own page and its confirmation steps show them too", async () => {
    const ev = (await h.api("GET", `/events?limit=100`)).body.events?.find((e: { slug: string }) => e.slug === eventSlug);
    const signup = await h.api("POST", `/events/${ev.id}/registrations`, { firstName: "Mia", lastName: "Märk", email: "mia@example.se" }, { token: null });
    const token = signup.body.manageUrl.split("/r/")[1];
    await shows(`/r/${token}`);
    await shows(`/r/${token}/cancel`);
  });

  it("the colour's stylesheet keeps text readable: dark text on a pale colour, links darkened", async () => {
    const res = await h.app.request("/assets/accent/ffd700.css");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const css = await res.text();
    expect(css).toContain("--accent:#ffd700");
    expect(css).toContain("--accent-ink:#000000");
    const text = /--accent-text:(#[0-9a-f]{6})/.exec(css)![1]!;
    expect(text).not.toBe("#ffd700");
    const { contrast } = await import("../src/domain/organisations");
    expect(contrast(text, "#f5f7fa")).toBeGreaterThanOrEqual(4.5);
    expect(await (await h.app.request("/assets/accent/1d4ed8.css")).text()).toContain("--accent-ink:#ffffff;--accent-text:#1d4ed8");
    for (const bad of ["/assets/accent/ffd70.css", "/assets/accent/FFD700.css", "/assets/accent/red.css", "/assets/accent/ffd700.js"])
      expect((await h.app.request(bad)).status, bad).toBe(404);
  });

  it("the settings form refuses a bad colour, phone or footer on its field and changes nothing", async () => {
    const before = (await h.api("GET", "/organisation")).body;
    for (const [field, value] of [
      ["accentColor", "gold"],
      ["accentColor", "#ffd70"],
      ["accentColor", "ffd700;}body{display:none"],
      ["contactPhone", "ring oss"],
      ["footer", "x".repeat(281)],
    ]) {
      const res = await owner.request("/admin/settings", { form: { name: "Changed", [field!]: value! } });
      expect(res.status, `${field} ${value}`).toBe(400);
      expect(res.text).toContain(`href="#f-${field}"`);
    }
    expect((await h.api("GET", "/organisation")).body).toEqual(before);
  });

  it("the API shows the logo's absolute URL", async () => {
    const org = (await h.api("GET", "/organisation")).body;
    expect(org).toMatchObject({ accentColor: "#ffd700", contactPhone: "+46 455 12 34 56", logoUrl: `${PUBLIC_URL}${await logoPath()}` });
  });
});
