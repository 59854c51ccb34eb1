import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryPageStore } from "../src/runtime/node/pageStore";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody, PUBLIC_URL } from "./helpers/harness";
import { JPEG, PNG, jpegHeaderOfSize, padded, pngOfSize, webpHeaderOfSize } from "./helpers/images";

// An event's cover image: uploaded in the workspace (organisers of its organisation), its
// type read from its bytes and its size from its header, kept in event_covers and served
// at a hashed URL, shown at the top of the event page at once (the page cache follows).
const FRESH = 1000;
let h: AdminHarness;
let organiser: SignedIn;
let eventId: string;
let slug: string;
const COVER = pngOfSize(1600, 900);

beforeAll(async () => {
  // Pages kept: past their fresh second, only the version bump in the cover's write shows it.
  h = await adminHarness({ pages: { store: memoryPageStore(), freshMs: FRESH } });
  organiser = await h.signedIn("organiser");
  const event = (await h.api("POST", "/events", eventBody({ title: "Leandagen 2027" }))).body;
  [eventId, slug] = [event.id, event.slug];
});
afterAll(() => h.close());

interface Upload {
  bytes?: Uint8Array | null;
  alt?: string;
  json?: boolean;
  who?: SignedIn;
  id?: string;
}

/** A multipart upload as the cover page's form sends it, from our own origin. */
async function upload({ bytes = COVER, alt = "", json = false, who = organiser, id = eventId }: Upload = {}) {
  const body = new FormData();
  body.append("cover", new File(bytes ? [bytes as Uint8Array<ArrayBuffer>] : [], bytes ? "cover.png" : "", { type: bytes ? "image/png" : "application/octet-stream" }));
  body.append("coverAlt", alt);
  const headers: Record<string, string> = { cookie: who.cookie, origin: PUBLIC_URL, "accept-language": "en" };
  if (json) headers.accept = "application/json";
  const res = await h.app.request(`/admin/events/${id}/cover`, { method: "POST", body, headers });
  return { status: res.status, text: await res.text(), location: res.headers.get("location") };
}

type Columns = { cover_hash: string | null; cover_type: string | null; cover_width: number | null; cover_height: number | null; cover_alt: string | null };
const columns = async (id = eventId) =>
  (await h.database.db.all<Columns>(sql`SELECT cover_hash, cover_type, cover_width, cover_height, cover_alt FROM events WHERE id = ${id}`))[0]!;
const stored = () => h.database.db.all<{ event_id: string; hash: string }>(sql`SELECT event_id, hash FROM event_covers ORDER BY event_id, hash`);
const audits = (action: string) => h.database.db.all<{ detail: string; user_id: string }>(sql`SELECT detail, user_id FROM audit_log WHERE action = ${action} ORDER BY seq`);
const state = async () => ({ event: await columns(), covers: await stored(), audit: (await audits("event.cover")).length });
const extension = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" } as Record<string, string>;
const coverPath = async (id = eventId, s = slug) => {
  const c = await columns(id);
  return `/e/${s}/cover/${c.cover_hash}.${extension[c.cover_type!]}`;
};
/** The public page as the next visitor gets it: a kept copy is served only while its stamp matches. */
const eventPage = async () => {
  h.clock.advance(FRESH);
  return (await h.app.request(`/e/${slug}`, { headers: { "accept-language": "sv" } })).text();
};

describe("uploading, replacing and removing a cover", () => {
  it("takes a PNG with its alt text, audits it, shows it on the kept event page at once, and serves its bytes for good", async () => {
    // The page is kept before the upload: the cover must show within its fresh minute.
    expect(await eventPage()).not.toContain('class="cover"');
    const res = await upload({ alt: "Scenen på BTH i Karlshamn" });
    expect(res.status, res.text.slice(0, 300)).toBe(303);
    expect(res.location).toBe(`/admin/events/${eventId}/cover?notice=uploaded`);
    const c = await columns();
    expect(c).toMatchObject({ cover_type: "image/png", cover_width: 1600, cover_height: 900, cover_alt: "Scenen på BTH i Karlshamn" });
    expect(c.cover_hash).toMatch(/^[0-9a-f]{32}$/);
    const [entry] = await audits("event.cover");
    expect(entry!.user_id).toBe(organiser.member.id);
    expect(JSON.parse(entry!.detail)).toEqual({ hash: c.cover_hash, type: "image/png", bytes: COVER.byteLength, width: 1600, height: 900, alt: "Scenen på BTH i Karlshamn" });

    const page = await eventPage();
    expect(page).toContain(`<p class="cover"><img src="${await coverPath()}" alt="Scenen på BTH i Karlshamn" width="1600" height="900" fetchpriority="high"/></p>`);
    // Before the title; left out of the embed, whose site has its own pictures.
    expect(page.indexOf('class="cover"')).toBeLessThan(page.indexOf("<h1>"));
    expect(await (await h.app.request(`/e/${slug}?embed=1`)).text()).not.toContain('class="cover"');

    const served = await h.app.request(await coverPath());
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(COVER);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await h.app.request(await coverPath(), { headers: { "if-none-match": served.headers.get("etag")! } })).status).toBe(304);

    const admin = await organiser.request(`/admin/events/${eventId}/cover?notice=uploaded`);
    expect(admin.text).toContain("The cover image is saved.");
    expect(admin.text).toContain(`<img src="${await coverPath()}" alt="Scenen på BTH i Karlshamn" width="1600" height="900"/>`);
    expect((await organiser.request(`/admin/events/${eventId}/edit`)).text).toContain(`href="/admin/events/${eventId}/cover"`);
    expect((await organiser.request("/admin/audit", { headers: {} })).status).toBe(403);
  });

  it("the API shows the cover's absolute URL", async () => {
    const event = (await h.api("GET", `/events/${eventId}`)).body;
    expect(event.coverUrl).toBe(`${PUBLIC_URL}${await coverPath()}`);
  });

  it("the same file again changes nothing; a new alt text alone is saved; another file replaces it and the old URL is 404", async () => {
    const first = await coverPath();
    const count = (await audits("event.cover")).length;
    expect((await upload({ alt: "Scenen på BTH i Karlshamn" })).status).toBe(303);
    expect((await audits("event.cover")).length).toBe(count);

    // No file: the alt text alone; blank means the title.
    expect((await upload({ bytes: null, alt: "" })).status).toBe(303);
    expect(await columns()).toMatchObject({ cover_alt: null, cover_width: 1600 });
    expect(await eventPage()).toContain('alt="Leandagen 2027" width="1600"');

    const jpeg = padded(jpegHeaderOfSize(1200, 630), 20_000);
    expect((await upload({ bytes: jpeg })).status).toBe(303);
    expect(await columns()).toMatchObject({ cover_type: "image/jpeg", cover_width: 1200, cover_height: 630 });
    const gone = await h.app.request(first);
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.code).toBe("not_found");
    expect(new Uint8Array(await (await h.app.request(await coverPath())).arrayBuffer())).toEqual(jpeg);
    expect(await stored()).toHaveLength(1);
    expect(await eventPage()).toContain('width="1200" height="630"');
  });

  it("a file of exactly 512 KiB is taken", async () => {
    expect((await upload({ bytes: padded(COVER, 512 * 1024) })).status).toBe(303);
    expect((await columns()).cover_type).toBe("image/png");
  });

  it("removing deletes the bytes and shows at once; removing none changes nothing", async () => {
    const path = await coverPath();
    expect(await eventPage()).toContain('class="cover"');
    const res = await organiser.request(`/admin/events/${eventId}/cover/remove`, { form: {} });
    expect([res.status, res.location]).toEqual([303, `/admin/events/${eventId}/cover?notice=removed`]);
    expect(await columns()).toEqual({ cover_hash: null, cover_type: null, cover_width: null, cover_height: null, cover_alt: null });
    expect(await stored()).toEqual([]);
    expect((await h.app.request(path)).status).toBe(404);
    expect(await eventPage()).not.toContain('class="cover"');
    expect((await h.api("GET", `/events/${eventId}`)).body.coverUrl).toBeNull();
    expect(await audits("event.cover_remove")).toHaveLength(1);
    expect((await organiser.request(`/admin/events/${eventId}/cover/remove`, { form: {} })).status).toBe(303);
    expect(await audits("event.cover_remove")).toHaveLength(1);
  });
});

describe("refused covers change nothing", () => {
  const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  it.each([
    { what: "a file over 512 KiB", bytes: padded(COVER, 512 * 1024 + 1), field: "cover", code: "cover_too_large", words: "at most 512 KiB. Save it smaller, e.g. 1600 × 900 pixels" },
    { what: "an SVG", bytes: svg, field: "cover", code: "cover_type", words: "must be a PNG, JPEG or WebP image" },
    { what: "a PNG whose header is cut off", bytes: PNG.subarray(0, 20), field: "cover", code: "cover_type", words: "PNG, JPEG or WebP" },
    { what: "an image too small (the 1 × 1 JPEG)", bytes: JPEG, field: "cover", code: "cover_dimensions", words: "at least 300 pixels wide and at most 4000 pixels on either side; this one is 1 × 1" },
    { what: "a camera original, 6000 px wide", bytes: webpHeaderOfSize(6000, 4000), field: "cover", code: "cover_dimensions", words: "this one is 6000 × 4000" },
    { what: "a tall strip, 4001 px high", bytes: pngOfSize(400, 4001), field: "cover", code: "cover_dimensions", words: "400 × 4001" },
    { what: "no file and no cover yet", bytes: null, field: "cover", code: "required", words: "" },
    { what: "an alt text on two lines", bytes: COVER, alt: "Scenen\nsalen", field: "coverAlt", code: "one_line", words: "" },
    { what: "an alt text too long", bytes: COVER, alt: "x".repeat(201), field: "coverAlt", code: "too_long", words: "" },
  ])("$what: a 400 on its field, and the error shape for scripts", async ({ bytes, alt, field, code, words }) => {
    const before = await state();
    const page = await upload({ bytes, alt });
    expect(page.status).toBe(400);
    expect(page.text).toContain(`href="#f-${field}"`);
    expect(page.text).toContain('aria-invalid="true"');
    expect(page.text).toContain(words);
    const script = await upload({ bytes, alt, json: true });
    expect(script.status).toBe(400);
    expect(JSON.parse(script.text).error.fieldCodes[field].code).toBe(code);
    expect(await state()).toEqual(before);
  });

  it("the words in Swedish and Norwegian", async () => {
    for (const [language, words] of [
      ["sv", "Omslagsbilden får vara högst 512 kB. Spara den mindre, t.ex. 1600 × 900 pixlar som JPEG."],
      ["nb", "Forsidebildet kan være på høyst 512 kB. Lagre det mindre, f.eks. 1600 × 900 piksler som JPEG."],
    ] as const) {
      await organiser.request("/admin/language", { form: { language } });
      expect((await upload({ bytes: padded(COVER, 600 * 1024) })).text).toContain(words);
    }
    await organiser.request("/admin/language", { form: { language: "en" } });
  });

  it("a body past 1 MiB is refused whole (413)", async () => {
    const before = await state();
    const huge = await upload({ bytes: padded(COVER, 1100 * 1024), json: true });
    expect(huge.status).toBe(413);
    expect(await state()).toEqual(before);
  });
});

describe("who may change a cover", () => {
  it("check-in staff get 403; another organisation's organiser gets 404 and their hash under our slug is 404", async () => {
    expect((await upload()).status).toBe(303);
    const before = await state();
    const door = await h.signedIn("checkin");
    expect((await upload({ who: door, bytes: pngOfSize(800, 450) })).status).toBe(403);
    const other = await h.otherOrg();
    const theirs = await h.signedIn("organiser", other.orgId);
    expect((await upload({ who: theirs, bytes: pngOfSize(800, 450) })).status).toBe(404);
    expect((await theirs.request(`/admin/events/${eventId}/cover/remove`, { form: {} })).status).toBe(404);
    expect(await state()).toEqual(before);

    const theirEvent = (await h.api("POST", "/events", eventBody({ title: "Deras dag" }), { token: other.token })).body;
    expect((await upload({ who: theirs, id: theirEvent.id, bytes: pngOfSize(800, 450) })).status).toBe(303);
    const { cover_hash } = await columns(theirEvent.id);
    expect((await h.app.request(`/e/${slug}/cover/${cover_hash}.png`)).status).toBe(404);
    expect((await h.app.request(await coverPath(theirEvent.id, theirEvent.slug))).status).toBe(200);
  });

  it("a cancelled event's cover cannot be changed (409)", async () => {
    const cancelled = (await h.api("POST", "/events", eventBody({ title: "Inställd dag" }))).body;
    await h.api("POST", `/events/${cancelled.id}/cancel`);
    expect((await upload({ id: cancelled.id })).status).toBe(409);
    expect((await columns(cancelled.id)).cover_hash).toBeNull();
  });

  it("unknown hashes, extensions and names are 404 in the error shape", async () => {
    const { cover_hash } = await columns();
    for (const path of [`/e/${slug}/cover/${"0".repeat(32)}.png`, `/e/${slug}/cover/${cover_hash}.jpg`, `/e/${slug}/cover/${cover_hash}.gif`, `/e/${slug}/cover/x`, `/e/no-such/cover/${cover_hash}.png`]) {
      const res = await h.app.request(path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
  });
});

describe("copying an event", () => {
  const newEvent = { startsAt: "2027-03-25T09:30", endsAt: "2027-03-25T16:30", timezone: "Europe/Stockholm", capacity: "40", groupLimit: "5", waitlist: "yes", waitlistMode: "auto", offerMinutes: "1440", language: "sv", status: "draft" };
  it("the copy gets the cover as its own bytes, so deleting either leaves the other's", async () => {
    const form = await organiser.request(`/admin/events/${eventId}/duplicate`);
    expect(form.text).toContain(`<input type="hidden" name="coverFrom" value="${eventId}"/>`);
    const source = await columns();
    const res = await organiser.request("/admin/events/new", {
      form: { ...newEvent, title: "Leandagen 2027, igen", coverFrom: eventId },
    });
    expect(res.status, res.text.slice(0, 400)).toBe(303);
    const copyId = /\/admin\/events\/(evt_[0-9a-z]+)\//.exec(res.location!)![1]!;
    expect(await columns(copyId)).toEqual(source);
    expect((await stored()).filter((r) => r.hash === source.cover_hash).map((r) => r.event_id).sort()).toEqual([eventId, copyId].sort());
    await organiser.request(`/admin/events/${eventId}/cover/remove`, { form: {} });
    expect((await stored()).map((r) => r.event_id)).toContain(copyId);

    // Naming another organisation's event copies nothing.
    const other = await h.otherOrg();
    const theirs = (await h.api("POST", "/events", eventBody({ title: "Deras" }), { token: other.token })).body;
    const foreign = await organiser.request("/admin/events/new", {
      form: { ...newEvent, title: "Försök", coverFrom: theirs.id },
    });
    expect(foreign.status).toBe(303);
    const foreignId = /\/admin\/events\/(evt_[0-9a-z]+)\//.exec(foreign.location!)![1]!;
    expect((await columns(foreignId)).cover_hash).toBeNull();
  });
});
