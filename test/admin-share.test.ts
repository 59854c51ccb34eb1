import { sql } from "drizzle-orm";
import jsQR from "jsqr";
import { encode } from "uqr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody, PUBLIC_URL } from "./helpers/harness";

// Sharing an event from the workspace: new events start as drafts, publishing is its own
// step, and the share page gives the link, its QR code, a poster, the snippet and a preview.
let h: AdminHarness;
let sv: SignedIn;
let nb: SignedIn;
let en: SignedIn;
let door: SignedIn;

/** A member whose browser says `browser` on every request (the harness says English unless told). */
async function member(browser: string): Promise<SignedIn> {
  const m = await h.signedIn("organiser", h.orgId, browser);
  return { ...m, request: (path, init = {}) => m.request(path, { ...init, headers: { "accept-language": browser, ...init.headers } }) };
}

beforeAll(async () => {
  h = await adminHarness();
  sv = await member("");
  nb = await member("nb-NO,nb;q=0.9,en;q=0.5");
  en = await h.signedIn("organiser");
  door = await h.signedIn("checkin");
});
afterAll(() => h.close());

/** The event form as the page submits it, status as the page's own default leaves it. */
const form = (overrides: Record<string, string> = {}) => ({
  title: "Leanfrukost i Karlskrona",
  slug: "",
  description: "Frukost och ett kort föredrag.",
  venue: "Techtank",
  address: "Campus Gräsvik, Karlskrona",
  onlineUrl: "",
  startsAt: "2027-03-18T08:30",
  endsAt: "2027-03-18T10:00",
  timezone: "Europe/Stockholm",
  capacity: "30",
  groupLimit: "3",
  language: "sv",
  registrationOpensAt: "",
  registrationClosesAt: "",
  waitlist: "yes",
  ...overrides,
});

const eventRow = (id: string) => h.database.db.get<{ status: string; slug: string; updated_at: number }>(sql`SELECT status, slug, updated_at FROM events WHERE id = ${id}`);
const count = async (table: string, where = sql`1 = 1`) =>
  (await h.database.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.raw(table)} WHERE ${where}`))!.n;
const publishes = (id: string) => count("audit_log", sql`subject_id = ${id} AND action = 'event.publish'`);

/** Creates an event through the workspace form; its id and slug. */
async function created(m: SignedIn = sv, overrides: Record<string, string> = {}) {
  const res = await m.request("/admin/events/new", { form: form(overrides) });
  expect(res.status, res.text.slice(0, 300)).toBe(303);
  const id = /^\/admin\/events\/(evt_\w+)\/share\?notice=created$/.exec(res.location!)![1]!;
  return { id, slug: (await eventRow(id))!.slug };
}

const linkOf = (slug: string) => `${PUBLIC_URL}/e/${slug}`;

/** The dark modules of our QR SVG (rectangles `M x y h n v1 h-n z`), drawn as pixels and read by jsQR. */
function scanSvg(html: string) {
  const svg = /<svg[^>]*viewBox="0 0 (\d+) \d+"[\s\S]*?<path d="([^"]+)"/.exec(html)!;
  const size = Number(svg[1]);
  const matrix = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y, n] of svg[2]!.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) for (let i = 0; i < Number(n); i++) matrix[Number(y)]![Number(x) + i] = true;
  const scale = 4;
  const px = size * scale;
  const pixels = new Uint8ClampedArray(px * px * 4);
  for (let y = 0; y < px; y++)
    for (let x = 0; x < px; x++) {
      const v = matrix[Math.floor(y / scale)]![Math.floor(x / scale)] ? 0 : 255;
      pixels.set([v, v, v, 255], (y * px + x) * 4);
    }
  return { matrix, text: jsQR(pixels, px, px)?.data ?? null };
}

describe("a workspace-made event", () => {
  it("starts as a draft whose public page is not found, and goes to the share page", async () => {
    const { id, slug } = await created();
    expect((await eventRow(id))!.status).toBe("draft");
    expect((await h.request(`/e/${slug}`)).status).toBe(404);
    const share = await sv.request(`/admin/events/${id}/share?notice=created`);
    expect(share.text).toContain("Evenemanget är skapat.");
    expect(share.text).toContain("Evenemanget är ett utkast");
  });

  it("stays published when the form says so (the API's default is unchanged)", async () => {
    const { id } = await created(sv, { status: "published" });
    expect((await eventRow(id))!.status).toBe("published");
    const api = await h.api("POST", "/events", eventBody({ title: "Via API" }));
    expect(api.body.status).toBe("published");
  });

  it("is copied as a draft", async () => {
    const { id } = await created(sv, { status: "published" });
    const copy = await sv.request(`/admin/events/${id}/duplicate`);
    expect(copy.text).toMatch(/<option value="draft" selected/);
  });
});

describe("the preview", () => {
  it("shows a draft to a signed-in organiser only, as its public page", async () => {
    const { id } = await created();
    const page = await sv.request(`/admin/events/${id}/preview`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("<h1>Leanfrukost i Karlskrona</h1>");
    expect(page.text).toContain("Förhandsgranskning: så här ser sidan ut för deltagarna.");
    expect(page.text).toContain('<meta name="robots" content="noindex"/>');
    expect(page.text).toMatch(/<button type="submit" disabled="">Anmäl/);
    expect((await door.request(`/admin/events/${id}/preview`)).status).toBe(403);
    const out = await h.request(`/admin/events/${id}/preview`);
    expect(out.status).toBe(303);
    expect(out.location).toBe(`/admin/login?next=${encodeURIComponent(`/admin/events/${id}/preview`)}`);
  });

  it("registers nobody, whatever its form is sent to", async () => {
    const { id, slug } = await created();
    const signup = { name: "Åsa Söderström", email: "asa@verkstad.se" };
    expect((await sv.request(`/admin/events/${id}/preview`, { form: signup })).status).toBe(404);
    expect((await h.request(`/e/${slug}`, { form: signup })).status).toBe(404);
    expect(await count("registrations", sql`event_id = ${id}`)).toBe(0);
  });
});

describe("publishing", () => {
  it("opens the public page, says so on the share page and audits it", async () => {
    const { id, slug } = await created();
    const res = await sv.request(`/admin/events/${id}/publish`, { form: {} });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/admin/events/${id}/share?notice=published`);
    expect((await eventRow(id))!.status).toBe("published");
    expect((await h.request(`/e/${slug}`)).status).toBe(200);
    expect(await publishes(id)).toBe(1);
    const share = await sv.request(res.location!);
    expect(share.text).toContain("Evenemanget är publicerat.");
    expect(share.text).not.toContain(`/admin/events/${id}/publish`);
  });

  it("refuses a published or cancelled event with a 409 in the one error shape, changing nothing", async () => {
    const { id } = await created(sv, { status: "published" });
    const before = await eventRow(id);
    const again = await sv.request(`/admin/events/${id}/publish`, { form: {}, headers: { accept: "application/json" } });
    expect(again.status).toBe(409);
    expect(JSON.parse(again.text).error.code).toBe("conflict");
    const page = await sv.request(`/admin/events/${id}/publish`, { form: {} });
    expect(page.status).toBe(409);
    expect(page.text).toContain("Evenemanget är redan publicerat.");
    expect(await eventRow(id)).toEqual(before);
    expect(await publishes(id)).toBe(0);

    const cancelled = (await created()).id;
    expect((await sv.request(`/admin/events/${cancelled}/cancel`, { form: {} })).status).toBe(303);
    const refused = await sv.request(`/admin/events/${cancelled}/publish`, { form: {}, headers: { accept: "application/json" } });
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.text).error.code).toBe("event_cancelled");
    expect((await eventRow(cancelled))!.status).toBe("cancelled");
    expect(await publishes(cancelled)).toBe(0);
  });

  it("is offered on the attendance list while the event is a draft", async () => {
    const { id } = await created();
    const list = await sv.request(`/admin/events/${id}`);
    expect(list.text).toContain(`action="/admin/events/${id}/publish"`);
    expect(list.text).toContain(">Publicera</button>");
  });
});

describe("the share page", () => {
  it("has the link with a copy button, its QR code, the poster, the snippet and a preview", async () => {
    const { id, slug } = await created();
    const page = await sv.request(`/admin/events/${id}/share`);
    expect(page.status).toBe(200);
    const link = linkOf(slug);
    expect(page.text).toContain(`id="share-link" type="text" readonly="" value="${link}"`);
    expect(page.text).toMatch(/<button type="button" class="secondary" data-copy="share-link" data-copied="Kopierat" data-copy-failed="[^"]+" hidden="">Kopiera länken<\/button>/);
    const qr = scanSvg(page.text);
    expect(qr.text).toBe(link);
    expect(qr.matrix).toEqual(encode(link, { ecc: "L", border: 4 }).data);
    expect(page.text).toContain(`href="/admin/events/${id}/poster"`);
    expect(page.text).toContain('data-copy="embed-snippet"');
    expect(page.text).toMatch(new RegExp(`<textarea id="embed-snippet"[^>]*>[^<]*${slug}`));
    expect(page.text).toContain(`href="/admin/events/${id}/preview"`);
    expect(page.text).toContain(`action="/admin/events/${id}/publish"`);
  });

  it("opens a published event's own page in a new tab instead of a preview", async () => {
    const { id, slug } = await created(sv, { status: "published" });
    const page = await sv.request(`/admin/events/${id}/share`);
    expect(page.text).toContain(`<a href="${linkOf(slug)}" target="_blank" rel="noopener">`);
    expect(page.text).not.toContain(`/admin/events/${id}/preview`);
  });
});

describe("the poster", () => {
  it("has the title, the date the GLOSSARY way, the place, the QR code and the short link", async () => {
    const { id, slug } = await created();
    const page = await sv.request(`/admin/events/${id}/poster`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1 class="poster-title">Leanfrukost i Karlskrona</h1>');
    expect(page.text).toContain("torsdag 18 mars 2027 kl. 08.30–10.00");
    expect(page.text).toContain("Techtank, Campus Gräsvik, Karlskrona");
    expect(scanSvg(page.text).text).toBe(linkOf(slug));
    expect(page.text).toContain(`plats.test/e/${slug}</p>`);
    expect(page.text).toContain('class="no-print print-tools"');
    const norsk = await nb.request(`/admin/events/${id}/poster`);
    expect(norsk.text).toContain("torsdag 18. mars 2027 kl. 08.30–10.00");
  });

  it("says online for an event without a place", async () => {
    const { id } = await created(sv, { venue: "", address: "", onlineUrl: "https://teams.example/m/1" });
    expect((await sv.request(`/admin/events/${id}/poster`)).text).toContain('<p class="poster-where">Digitalt</p>');
  });

  it("is printed on A4", async () => {
    const css = await h.request("/admin/login");
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(css.text)![1]!;
    expect((await h.request(href)).text).toMatch(/@page poster \{ size: A4;/);
  });
});

describe("the public link everywhere", () => {
  it("is on the dashboard beside each event, or says a draft is not public yet", async () => {
    const published = await created(sv, { status: "published", title: "Publicerad kurs" });
    await created(sv, { title: "Kurs i utkast" });
    const page = await sv.request("/admin");
    expect(page.text).toContain(`<a class="public-link small" href="${linkOf(published.slug)}">Publik sida</a>`);
    expect(page.text).toContain('<span class="public-link small">Utkast – inte publicerat än</span>');
  });

  it("is in the event's header, with a link to the share page", async () => {
    const { id, slug } = await created(sv, { status: "published" });
    const page = await sv.request(`/admin/events/${id}`);
    expect(page.text).toContain(`href="${linkOf(slug)}">Publik sida</a>`);
    expect(page.text).toContain(`<a href="/admin/events/${id}/share">Dela</a>`);
  });
});

describe("ids that are not ours", () => {
  it("are not found, and nothing changes", async () => {
    const other = await h.otherOrg();
    const theirs = (await h.api("POST", "/events", eventBody({ status: "draft" }), { token: other.token })).body.id as string;
    const before = await eventRow(theirs);
    for (const path of ["share", "poster", "preview"]) {
      expect((await sv.request(`/admin/events/${theirs}/${path}`)).status, path).toBe(404);
      expect((await sv.request(`/admin/events/evt_nosuch/${path}`)).status, path).toBe(404);
    }
    expect((await sv.request(`/admin/events/${theirs}/publish`, { form: {} })).status).toBe(404);
    expect((await sv.request("/admin/events/evt_nosuch/publish", { form: {} })).status).toBe(404);
    expect(await eventRow(theirs)).toEqual(before);
    expect(await publishes(theirs)).toBe(0);
  });
});

describe("in Swedish and Norwegian", () => {
  const english = ["Share the event", "Copy the link", "QR code", "Print a poster", "Preview", "Publish", "Public page", "Scan the code"];

  it("every page speaks the member's language", async () => {
    const { id } = await created();
    const expectations: [SignedIn, string, string[]][] = [
      [sv, "share", ["Dela evenemanget", "Kopiera länken", "QR-kod", "Skriv ut affisch (A4)", "Förhandsgranska sidan", ">Publicera</button>"]],
      [nb, "share", ["Del arrangementet", "Kopier lenken", "QR-kode", "Skriv ut plakat (A4)", "Forhåndsvis siden", ">Publiser</button>"]],
      [sv, "poster", ["Affisch: Leanfrukost i Karlskrona", "Skanna koden för att anmäla dig", "Tillbaka till Dela"]],
      [nb, "poster", ["Plakat: Leanfrukost i Karlskrona", "Skann koden for å melde deg på", "Tilbake til Del"]],
      [nb, "preview", ["Forhåndsvisning: slik ser siden ut for deltakerne."]],
    ];
    for (const [m, path, has] of expectations) {
      const page = await m.request(`/admin/events/${id}/${path}`);
      expect(page.status, path).toBe(200);
      for (const text of has) expect(page.text, `${path}: ${text}`).toContain(text);
      for (const text of english) expect(page.text, `${path}: ${text}`).not.toContain(text);
    }
    const list = await nb.request(`/admin/events/${id}`);
    expect(list.text).toContain("Utkast – ikke publisert ennå");
    expect(list.text).toContain(">Del</a>");
    expect(list.text).toContain(">Publiser</button>");
  });

  it("and English for an English member", async () => {
    const { id } = await created(en);
    const page = await en.request(`/admin/events/${id}/share`);
    for (const text of ["Share the event", "Copy the link", "Print a poster (A4)", "Preview the page", ">Publish</button>"]) expect(page.text).toContain(text);
  });
});
