import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveEventBody } from "./helpers/harness";
import { postJson } from "./helpers/server";
import { ownWorkerd, sharedWorkerd, type Workerd } from "./helpers/workerdInstances";
import { seedOrganisation } from "./helpers/workerdSeed";
import { startSmtp, type Smtp } from "./helpers/smtp";

// Public pages on Workers are kept in the Cache API, keyed by path, query and language;
// within PAGE_CACHE_MS a copy is served without asking D1, after it only while its stamp
// matches. (Miniflare's cache behaves as a custom domain's; on *.workers.dev nothing is kept.)
let kept: Workerd;
let shared: Workerd;
let keptAuth: Record<string, string>;
let sharedAuth: Record<string, string>;
beforeAll(async () => {
  [kept, shared] = await Promise.all([ownWorkerd({ SIGNUP_RATE_LIMIT: "0", PAGE_CACHE_MS: "60000" }), sharedWorkerd()]);
  [{ auth: keptAuth }, { auth: sharedAuth }] = await Promise.all([seedOrganisation(kept, "pages"), seedOrganisation(shared, "pages-shared")]);
});
afterAll(() => kept?.stop());

async function event(w: Workerd, auth: Record<string, string>, title: string) {
  const res = await postJson(`${w.url}/api/v1/events`, liveEventBody({ title, capacity: 10 }), auth);
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string };
}
const page = async (w: Workerd, path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${w.url}${path}`, { headers });
  return { status: res.status, text: await res.text(), etag: res.headers.get("etag") };
};

describe("the Cache API on Workers", () => {
  it("serves a kept page within its time without D1, per language", async () => {
    const ev = await event(kept, keptAuth, "Leankonferens Blekinge");
    const first = await page(kept, `/e/${ev.slug}`);
    expect(first.text).toContain("Leankonferens Blekinge");
    await kept.d1(`UPDATE events SET title = 'Ändrad titel' WHERE id = '${ev.id}'`);
    const again = await page(kept, `/e/${ev.slug}`);
    expect([again.text, again.etag]).toEqual([first.text, first.etag]);
    expect((await page(kept, `/e/${ev.slug}`, { "if-none-match": first.etag! })).status).toBe(304);
    // Another language is another page, rendered now.
    const english = await page(kept, `/e/${ev.slug}?lang=en`);
    expect(english.text).toContain("Ändrad titel");
    expect(english.text).toContain('<html lang="en"');
  });

  it("with PAGE_CACHE_MS=0 checks the stamp on every view, so a change shows at once", async () => {
    const ev = await event(shared, sharedAuth, "Medlemsfrukost");
    const first = await page(shared, `/e/${ev.slug}`);
    expect(first.text).toContain("10 platser kvar");
    expect((await page(shared, `/e/${ev.slug}`)).etag).toBe(first.etag);
    expect((await postJson(`${shared.url}/api/v1/events/${ev.id}/registrations`, { name: "Åsa", email: "asa@example.se" })).status).toBe(201);
    expect((await page(shared, `/e/${ev.slug}`)).text).toContain("9 platser kvar");
    await shared.d1(`UPDATE events SET title = 'Frukostmöte' WHERE id = '${ev.id}'`);
    expect((await page(shared, `/e/${ev.slug}`)).text).toContain("Frukostmöte");
  });
});

describe("D1 round trips", () => {
  let counted: Workerd;
  let smtp: Smtp;
  let auth: Record<string, string>;
  beforeAll(async () => {
    smtp = await startSmtp();
    counted = await ownWorkerd({ SIGNUP_RATE_LIMIT: "0", PAGE_CACHE_MS: "60000", SMTP_URL: smtp.url, MAIL_FROM: "Plats <noreply@plats.test>" }, { countD1: true });
    ({ auth } = await seedOrganisation(counted, "trips"));
  });
  afterAll(async () => {
    await counted?.stop();
    await smtp?.stop();
  });

  /** All round trips since the last call, once the work after the responses has settled. */
  async function settled() {
    let last = -1;
    let total = 0;
    while (last !== 0) {
      await new Promise((r) => setTimeout(r, 150));
      last = ((await (await fetch(`${counted.url}/__d1-round-trips`)).json()) as { trips: number }).trips;
      total += last;
    }
    return total;
  }
  const trips = (res: Response) => Number(res.headers.get("x-d1-round-trips"));

  it("a signup: one read and one batch; the mail kick after it only because it queued mail", async () => {
    const ev = await event(counted, auth, "Kick-off");
    await settled();
    const res = await fetch(`${counted.url}/api/v1/events/${ev.id}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Åsa", email: "asa@example.se" }),
    });
    expect(res.status).toBe(201);
    expect(trips(res)).toBe(2);
    // After the response, the kick sends the confirmation.
    expect(await settled()).toBeGreaterThan(2);
    expect(smtp.received.filter((m) => m.rcpt.includes("asa@example.se"))).toHaveLength(1);
  });

  it("a refused signup makes no kick at all", async () => {
    const ev = await event(counted, auth, "Fullbokad");
    await counted.d1(`UPDATE events SET capacity = 0, waitlist = 0 WHERE id = '${ev.id}'`);
    await settled();
    const res = await fetch(`${counted.url}/api/v1/events/${ev.id}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Bo", email: "bo@example.se" }),
    });
    expect(res.status).toBe(409);
    const during = trips(res);
    expect(await settled()).toBe(during);
  });

  it("a repeated signup, refused but with its manage link queued again, is followed by the kick", async () => {
    const ev = await event(counted, auth, "Dubbelklick");
    const post = () =>
      fetch(`${counted.url}/api/v1/events/${ev.id}/registrations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Cecilia", email: "cecilia@example.se" }),
      });
    expect((await post()).status).toBe(201);
    await settled();
    const again = await post();
    expect(again.status).toBe(409);
    expect(again.headers.get("x-plats-mail-queued")).toBe(null);
    const during = trips(again);
    expect(await settled()).toBeGreaterThan(during);
    expect(smtp.received.filter((m) => m.rcpt.includes("cecilia@example.se"))).toHaveLength(2);
  });

  it("a page view: one query when not kept, none while kept", async () => {
    const ev = await event(counted, auth, "Medlemsfrukost");
    await settled();
    const first = await fetch(`${counted.url}/e/${ev.slug}`);
    expect(first.status).toBe(200);
    expect(trips(first)).toBe(1);
    const again = await fetch(`${counted.url}/e/${ev.slug}`);
    expect(trips(again)).toBe(0);
    expect(await settled()).toBe(1);
  });
});
