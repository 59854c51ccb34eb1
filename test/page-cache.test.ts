import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryPageStore } from "../src/runtime/node/pageStore";
import { eventBody, harness, type Harness } from "./helpers/harness";

// Public pages are rendered once per change, not once per request: a kept page is served
// as it is for FRESH ms, then only while its stamp (the event's version, raised in the
// same statement as any change, and its counts) still matches, and never past the next
// moment the page changes by itself.
const FRESH = 1000;
let h: Harness;
beforeAll(async () => {
  h = await harness({ pages: { store: memoryPageStore(), freshMs: FRESH } });
});
afterAll(() => h.close());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await h.app.request(path, { headers });
  return { status: res.status, text: await res.text(), headers: res.headers };
};

async function newEvent(overrides: Record<string, unknown> = {}) {
  const res = await h.api("POST", "/events", eventBody({ capacity: 10, ...overrides }));
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string };
}
const signUp = (id: string, n: number) => h.api("POST", `/events/${id}/registrations`, { name: `P ${n}`, email: `p${n}@example.se` }, { token: null });

describe("a kept event page", () => {
  it("is served as it is for its fresh time, then re-rendered once its stamp has moved", async () => {
    const ev = await newEvent({ title: "Medlemsfrukost" });
    expect((await get(`/e/${ev.slug}`)).text).toContain("10 platser kvar");
    await signUp(ev.id, 1);
    // Within the fresh time: the kept page, a seat behind.
    h.clock.advance(FRESH - 1);
    expect((await get(`/e/${ev.slug}`)).text).toContain("10 platser kvar");
    h.clock.advance(1);
    expect((await get(`/e/${ev.slug}`)).text).toContain("9 platser kvar");
  });

  it("follows a change to the event or its organisation, written straight to the database", async () => {
    const ev = await newEvent({ title: "Kick-off" });
    await get(`/e/${ev.slug}`);
    await h.database.db.run(sql`UPDATE events SET title = 'Kick-off 2027' WHERE id = ${ev.id}`);
    h.clock.advance(FRESH);
    expect((await get(`/e/${ev.slug}`)).text).toContain("Kick-off 2027");
    await h.database.db.run(sql`UPDATE organisations SET name = 'Techtank Blekinge' WHERE id = ${h.orgId}`);
    h.clock.advance(FRESH);
    expect((await get(`/e/${ev.slug}`)).text).toContain("Techtank Blekinge");
  });

  it("is the same bytes while nothing changed, with an ETag that a conditional GET turns into 304", async () => {
    const ev = await newEvent();
    const first = await get(`/e/${ev.slug}`);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]{16}"$/);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    h.clock.advance(10 * FRESH);
    const again = await get(`/e/${ev.slug}`);
    expect([again.text, again.headers.get("etag")]).toEqual([first.text, etag]);
    const notModified = await get(`/e/${ev.slug}`, { "if-none-match": etag });
    expect([notModified.status, notModified.text]).toEqual([304, ""]);
    expect(notModified.headers.get("etag")).toBe(etag);
    await signUp(ev.id, 2);
    h.clock.advance(FRESH);
    const changed = await get(`/e/${ev.slug}`, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("is never served past the moment registration opens, even within its fresh time", async () => {
    const opensAt = new Date(h.clock.now().getTime() + FRESH / 2);
    const ev = await newEvent({ registrationOpensAt: opensAt.toISOString() });
    expect((await get(`/e/${ev.slug}`)).text).toContain("Anmälan öppnar");
    h.clock.advance(FRESH / 2);
    const open = (await get(`/e/${ev.slug}`)).text;
    expect(open).not.toContain("Anmälan öppnar");
    expect(open).toContain('method="post"');
  });

  it("is kept per language and embedding, with each one's own headers; other queries are rendered each time", async () => {
    const ev = await newEvent();
    const sv = await get(`/e/${ev.slug}`);
    const en = await get(`/e/${ev.slug}?lang=en`);
    const nb = await get(`/e/${ev.slug}?lang=nb`, { "accept-language": "sv" });
    expect(sv.text).toContain('<html lang="sv"');
    expect(en.text).toContain('<html lang="en"');
    expect(nb.text).toContain('<html lang="nb"');
    await h.database.db.run(sql`UPDATE organisations SET embed_origins = '["https://techtank.se"]' WHERE id = ${h.orgId}`);
    h.clock.advance(FRESH);
    const embedded = await get(`/e/${ev.slug}?embed=1`);
    expect(embedded.headers.get("content-security-policy")).toContain("frame-ancestors https://techtank.se");
    const again = await get(`/e/${ev.slug}?embed=1`);
    expect(again.headers.get("content-security-policy")).toContain("frame-ancestors https://techtank.se");
    expect((await get(`/e/${ev.slug}`)).headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    // A query the page does not know is not kept: each such view is rendered anew.
    await get(`/e/${ev.slug}?utm_source=x`);
    await h.database.db.run(sql`UPDATE events SET title = 'Ny titel' WHERE id = ${ev.id}`);
    expect((await get(`/e/${ev.slug}?utm_source=x`)).text).toContain("Ny titel");
    expect((await get(`/e/${ev.slug}`)).text).not.toContain("Ny titel");
  });

  it("of an event that is gone (made a draft) is not served once its fresh time is over", async () => {
    const ev = await newEvent();
    await get(`/e/${ev.slug}`);
    await h.database.db.run(sql`UPDATE events SET status = 'draft' WHERE id = ${ev.id}`);
    h.clock.advance(FRESH);
    expect((await get(`/e/${ev.slug}`)).status).toBe(404);
  });
});

describe("the kept front page", () => {
  it("is kept for its fresh time, by the language the visitor's browser asks for", async () => {
    await newEvent({ title: "Leankonferens Blekinge" });
    const sv = await get("/", { "accept-language": "sv-SE" });
    const en = await get("/", { "accept-language": "en-GB" });
    expect(sv.text).toContain('<html lang="sv"');
    expect(en.text).toContain('<html lang="en"');
    await newEvent({ title: "Industriforum Kronoberg" });
    expect((await get("/", { "accept-language": "sv-SE" })).text).not.toContain("Industriforum Kronoberg");
    h.clock.advance(FRESH);
    expect((await get("/", { "accept-language": "sv-SE" })).text).toContain("Industriforum Kronoberg");
  });
});
