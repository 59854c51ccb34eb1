import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOCK_START } from "./helpers/clock";
import { PUBLIC_URL, eventBody, harness, type Harness } from "./helpers/harness";

// The manage page's "send a colleague in my place", in Swedish: the form, its errors
// beside the fields, and the page that ends the old link.
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

let n = 0;
async function seat(overrides: Record<string, unknown> = {}) {
  const ev = await h.api("POST", "/events", eventBody({ slug: `subst-page-${++n}`, capacity: 1, ...overrides }));
  expect(ev.status).toBe(201);
  const res = await h.api("POST", `/events/${ev.body.id}/registrations`, { name: "Anna Andersson", email: `anna.${n}@example.se` }, { token: null });
  return { event: ev.body as { id: string; slug: string }, id: res.body.id as string, token: res.body.manageUrl.split("/r/")[1] as string };
}
const submit = (path: string, fields: Record<string, string>) =>
  h.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: PUBLIC_URL },
    body: new URLSearchParams(fields).toString(),
  });
const form = (overrides: Record<string, string> = {}) => ({
  "substitute.firstName": "Bo",
  "substitute.lastName": "Berg",
  "substitute.email": `bo.${++n}@example.se`,
  "substitute.organisation": "IUC Syd",
  ...overrides,
});
const rowOf = async (id: string) => (await h.database.db.all<Record<string, unknown>>(sql`SELECT * FROM registrations WHERE id = ${id}`))[0];

describe("sending a colleague from the manage page", () => {
  it("offers the form to a confirmed registrant, in Swedish, closed until opened", async () => {
    const { token } = await seat();
    const html = await (await h.app.request(`/r/${token}`)).text();
    expect(html).toMatch(/<details>\s*<summary><h2 id="substitute-title"[^>]*>Skicka en kollega i mitt ställe<\/h2>/);
    expect(html).toContain(`action="/r/${token}/substitute?lang=sv"`);
    for (const label of ["Förnamn", "Efternamn", "E-post", "Organisation", "Lämna över min plats"]) expect(html).toContain(label);
    expect(html).toMatch(/id="f-substitute-firstName"/);
  });

  it("is not offered on the waitlist or once the event has started", async () => {
    const { event } = await seat();
    const waiting = await h.api("POST", `/events/${event.id}/registrations`, { name: "Cecilia", email: `c.${++n}@example.se` }, { token: null });
    const html = await (await h.app.request(`/r/${waiting.body.manageUrl.split("/r/")[1]}`)).text();
    expect(html).not.toContain("Skicka en kollega i mitt ställe");
    const { token } = await seat();
    const startsAt = (await h.api("GET", `/events/${event.id}`)).body.startsAt as string;
    h.clock.set(new Date(Date.parse(startsAt) + 60_000));
    try {
      expect(await (await h.app.request(`/r/${token}`)).text()).not.toContain("Skicka en kollega i mitt ställe");
    } finally {
      h.clock.set(CLOCK_START);
    }
  });

  it("shows errors beside the fields in Swedish and changes nothing", async () => {
    const { id, token, event } = await seat();
    const cecilia = `cecilia.${++n}@example.se`;
    expect((await h.api("POST", `/events/${event.id}/registrations`, { name: "Cecilia", email: cecilia }, { token: null })).status).toBe(201);
    const before = await rowOf(id);
    const res = await submit(`/r/${token}/substitute?lang=sv`, form({ "substitute.lastName": "", "substitute.email": "bo@" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<details open="">/);
    expect(html).toContain("Något behöver rättas");
    expect(html).toMatch(/id="f-substitute-lastName-error"[^>]*>Fyll i det här fältet\./);
    expect(html).toMatch(/id="f-substitute-email-error"[^>]*>Skriv en giltig e-postadress/);
    expect(html).toContain('value="Bo"');
    expect(await rowOf(id)).toEqual(before);

    const taken = await submit(`/r/${token}/substitute?lang=sv`, form({ "substitute.email": cecilia }));
    expect(taken.status).toBe(409);
    expect(await taken.text()).toMatch(/id="f-substitute-email-error"[^>]*>Den här adressen är redan anmäld till evenemanget\./);
    expect(await rowOf(id)).toEqual(before);
  });

  it("passes the seat on, says so, and the old link stops working", async () => {
    const { id, token } = await seat();
    const res = await submit(`/r/${token}/substitute?lang=sv`, form());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Platsen är överlämnad");
    expect(html).toContain("Din plats på Leankonferens Blekinge 2027 har gått till Bo Berg. Vi har mejlat Bo Berg en egen länk, och din anmälan har upphört.");
    expect(await rowOf(id)).toMatchObject({ name: "Bo Berg", organisation: "IUC Syd", status: "confirmed", substituted_name: "Anna Andersson", language: "sv" });
    expect((await h.app.request(`/r/${token}`)).status).toBe(404);
    expect((await submit(`/r/${token}/substitute?lang=sv`, form())).status).toBe(404);
  });

  it("says why when the seat is gone", async () => {
    const { token } = await seat();
    expect((await h.api("POST", `/manage/${token}/cancel`, undefined, { token: null })).status).toBe(200);
    const res = await submit(`/r/${token}/substitute?lang=sv`, form());
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Din anmälan är avbokad och går inte att ändra.");
  });
});
