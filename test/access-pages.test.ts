import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryPageStore } from "../src/runtime/node/pageStore";
import { PUBLIC_URL, eventBody, formFields, harness, type Harness } from "./helpers/harness";

// What invitees and applicants see: an event by invitation without and with a valid link,
// a group through the link up to its seats, refused links in each language, the decline
// page, an application pending and declined on the registrant's page, unlisted events.
const CONTACT = "evenemang@techtank.se";
let h: Harness;
let orgSlug: string;
beforeAll(async () => {
  h = await harness({ pages: { store: memoryPageStore(), freshMs: 60_000 } });
  await h.database.db.run(sql`UPDATE organisations SET contact_email = ${CONTACT}, name = 'Techtank' WHERE id = ${h.orgId}`);
  const [org] = await h.database.db.all<{ slug: string }>(sql`SELECT slug FROM organisations WHERE id = ${h.orgId}`);
  orgSlug = org!.slug;
});
afterAll(() => h.close());

let slugs = 0;
const newEvent = async (overrides: Record<string, unknown> = {}) => {
  const res = await h.api("POST", "/events", eventBody({ slug: `access-${++slugs}`, title: `Klusterstyrelse ${slugs}`, ...overrides }));
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string; title: string };
};
const invite = async (eventId: string, invitee: Record<string, unknown>) => {
  const res = await h.api("POST", `/events/${eventId}/invitations`, { invitees: [invitee], send: false });
  expect(res.status).toBe(201);
  const [inv] = res.body.invitations as { id: string; url: string }[];
  return { id: inv!.id, url: inv!.url, token: new URL(inv!.url).searchParams.get("invitation")! };
};
const get = async (path: string) => {
  const res = await h.app.request(path);
  return { status: res.status, html: await res.text(), headers: res.headers };
};
const post = (path: string, fields: Record<string, string>, origin: string | null = PUBLIC_URL) =>
  h.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(origin ? { origin } : {}) },
    body: new URLSearchParams(formFields(fields)).toString(),
  });
const registrations = (eventId: string) =>
  h.database.db.all<{ email: string; status: string; invitation_id: string | null }>(
    sql`SELECT email, status, invitation_id FROM registrations WHERE event_id = ${eventId} ORDER BY rowid`,
  );
const invitationRow = async (id: string) =>
  (await h.database.db.all<{ status: string; visited_at: number | null }>(sql`SELECT status, visited_at FROM invitations WHERE id = ${id}`))[0]!;
const pathOf = (url: string) => url.replace(PUBLIC_URL, "");
const anna = { email: "anna.berg@volvo.example", firstName: "Anna", lastName: "Berg", organisation: "Volvo CE", seats: 3 };

describe("an event by invitation", () => {
  it("without a link shows the event, says it is by invitation with the organiser's contact, and offers no form", async () => {
    const ev = await newEvent({ access: "invitation" });
    const page = await get(`/e/${ev.slug}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(ev.title);
    expect(page.html).toContain("Det här evenemanget är bara för inbjudna.");
    expect(page.html).toContain(`href="mailto:${CONTACT}"`);
    expect(page.html).not.toContain('id="signup"');
    expect((await get(`/e/${ev.slug}?lang=en`)).html).toContain("This event is by invitation only.");
    expect((await get(`/e/${ev.slug}?lang=nb`)).html).toContain("Dette arrangementet er bare for inviterte.");
  });

  it("with a valid link prefills the form, carries the token, says the seats left, notes the visit, and is never served to others", async () => {
    const ev = await newEvent({ access: "invitation" });
    const inv = await invite(ev.id, anna);
    expect((await invitationRow(inv.id)).visited_at).toBeNull();
    const page = await get(pathOf(inv.url));
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(page.html).toContain("Välkommen, Anna Berg!");
    expect(page.html).toContain("Inbjudan gäller 3 platser");
    expect(page.html).toMatch(/name="firstName"[^>]*value="Anna"|value="Anna"[^>]*name="firstName"/);
    expect(page.html).toContain('value="anna.berg@volvo.example"');
    expect(page.html).toContain('value="Volvo CE"');
    expect(page.html).toContain(`<input type="hidden" name="invitation" value="${inv.token}"/>`);
    // Colleague rows up to the link's seats: two besides Anna.
    expect(page.html).toContain('name="attendees.2.email"');
    expect(page.html).not.toContain('name="attendees.3.email"');
    expect((await invitationRow(inv.id)).visited_at).not.toBeNull();
    // The event's own page, cached or not, tells nobody about Anna.
    for (let i = 0; i < 2; i++) {
      const other = await get(`/e/${ev.slug}`);
      expect(other.html).not.toContain("anna.berg@volvo.example");
      expect(other.html).not.toContain(inv.token);
    }
    expect((await get(pathOf(inv.url))).html).toContain("Välkommen, Anna Berg!");
  });

  it("registers a group through the link up to its seats, and refuses beyond them with the form's error", async () => {
    const ev = await newEvent({ access: "invitation" });
    const inv = await invite(ev.id, { ...anna, seats: 2 });
    const three = {
      invitation: inv.token,
      name: "Anna Berg",
      email: anna.email,
      organisation: "Volvo CE",
      "attendees.1.name": "Bo Ek",
      "attendees.1.email": "bo.ek@volvo.example",
      "attendees.2.name": "Cia Lind",
      "attendees.2.email": "cia.lind@volvo.example",
    };
    const tooMany = await post(`/e/${ev.slug}`, three);
    expect(tooMany.status).toBe(409);
    const refusal = await tooMany.text();
    expect(refusal).toContain("Inbjudan har bara 2 platser kvar");
    expect(refusal).toContain('value="cia.lind@volvo.example"');
    expect(await registrations(ev.id)).toEqual([]);

    const { "attendees.2.name": _n, "attendees.2.email": _e, ...two } = three;
    const done = await post(`/e/${ev.slug}`, two);
    expect(done.status).toBe(303);
    expect((await registrations(ev.id)).map((r) => [r.email, r.status, r.invitation_id])).toEqual([
      [anna.email, "confirmed", inv.id],
      ["bo.ek@volvo.example", "confirmed", inv.id],
    ]);
    // Used up: the link's page says so, and one more is refused with the form's words.
    expect((await get(pathOf(inv.url))).html).toContain("Alla platser i inbjudan är redan använda.");
    const more = await post(`/e/${ev.slug}?lang=en`, { invitation: inv.token, name: "Dan Ek", email: "dan.ek@volvo.example" });
    expect(more.status).toBe(409);
    expect(await more.text()).toContain("All the seats on this invitation have been taken.");
    expect(await registrations(ev.id)).toHaveLength(2);
  });

  it("says a revoked, a used-up or a wrong link cannot be used, in sv, nb and en", async () => {
    const ev = await newEvent({ access: "invitation" });
    const inv = await invite(ev.id, { email: "eva@abb.example", seats: 1 });
    const wrong = `${inv.token.slice(0, -4)}0000`;
    const wrongPage = (lang: string) => get(`/e/${ev.slug}?invitation=${wrong}&lang=${lang}`);
    expect((await wrongPage("sv")).html).toContain("Länken till inbjudan stämmer inte.");
    expect((await wrongPage("nb")).html).toContain("Lenken til invitasjonen stemmer ikke.");
    const en = await wrongPage("en");
    expect(en.status).toBe(403);
    expect(en.html).toContain("This invitation link is not valid.");
    expect(en.html).not.toContain('id="signup"');

    const used = await invite(ev.id, { email: "frida@abb.example", seats: 1 });
    expect((await post(`/e/${ev.slug}`, { invitation: used.token, name: "Frida Ek", email: "frida@abb.example" })).status).toBe(303);
    expect((await get(`${pathOf(used.url)}&lang=nb`)).html).toContain("Alle plassene i invitasjonen er allerede brukt.");
    expect((await get(`${pathOf(used.url)}&lang=en`)).html).toContain("All the seats on this invitation have been taken.");

    expect((await h.api("POST", `/invitations/${inv.id}/revoke`)).status).toBe(200);
    const revoked = (lang: string) => get(`${pathOf(inv.url)}&lang=${lang}`);
    expect((await revoked("sv")).html).toContain("Arrangören har dragit tillbaka den här inbjudan");
    expect((await revoked("nb")).html).toContain("Arrangøren har trukket tilbake denne invitasjonen");
    expect((await revoked("en")).html).toContain("The organiser has withdrawn this invitation");
    // Posting through the revoked link changes nothing.
    const res = await post(`/e/${ev.slug}`, { invitation: inv.token, name: "Eva Ek", email: "eva@abb.example" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Arrangören har dragit tillbaka den här inbjudan");
    expect((await registrations(ev.id)).map((r) => r.email)).toEqual(["frida@abb.example"]);
  });

  it("never answers bad posts with a 500, and they change nothing", async () => {
    const ev = await newEvent({ access: "invitation" });
    const person = { name: "Gun Ek", email: "gun@example.se" };
    for (const invitation of [undefined, "", "x", "inv_zzzzzzzzzzzzzzzzzzzz.00000000000000000000000000000000", "a.b.c", "%00"]) {
      const res = await post(`/e/${ev.slug}`, invitation === undefined ? person : { ...person, invitation });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("bara för inbjudna");
    }
    const odd = await h.app.request(`/e/${ev.slug}`, { method: "POST", headers: { "content-type": "multipart/form-data", origin: PUBLIC_URL }, body: "--x" });
    expect(odd.status).toBeLessThan(500);
    for (const path of ["/i/nonsense/decline", "/i/%FF/decline", `/e/${ev.slug}?invitation=%E2%80%AE`]) expect((await get(path)).status).toBeLessThan(500);
    expect((await post("/i/nonsense/decline", {})).status).toBe(403);
    expect(await registrations(ev.id)).toEqual([]);
  });
});

describe("a company's quota", () => {
  it("refuses the one who hits it with the form's words, in their language, and writes nothing", async () => {
    const ev = await newEvent({ companyQuota: 1 });
    expect((await post(`/e/${ev.slug}`, { name: "Kim Ek", email: "kim@volvo.example", organisation: "Volvo AB" })).status).toBe(303);
    const res = await post(`/e/${ev.slug}?lang=nb`, { name: "Lars Ek", email: "lars@volvo.example", organisation: "volvo" });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("Organisasjonen din har allerede så mange påmeldinger som arrangøren tar imot");
    expect(html).toContain('value="lars@volvo.example"');
    expect((await registrations(ev.id)).map((r) => r.email)).toEqual(["kim@volvo.example"]);
  });
});

describe("declining an invitation", () => {
  it("shows the event and one button on GET, which declines nothing; the POST declines, from our own pages only", async () => {
    const ev = await newEvent({ access: "invitation" });
    const inv = await invite(ev.id, { ...anna, language: "en" });
    const page = await get(`/i/${inv.token}/decline`);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Decline the invitation?");
    expect(page.html).toContain(ev.title);
    expect(page.html).toContain(`<form method="post" action="/i/${inv.token}/decline?lang=en"`);
    expect((await invitationRow(inv.id)).status).toBe("created");

    // Another site's form is refused by the same origin rule as every public form.
    expect((await post(`/i/${inv.token}/decline`, {}, "https://evil.example")).status).toBe(403);
    expect((await invitationRow(inv.id)).status).toBe("created");

    const done = await post(`/i/${inv.token}/decline?lang=sv`, {});
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Du har tackat nej till");
    expect((await invitationRow(inv.id)).status).toBe("declined");
  });

  it("says a revoked or wrong link cannot be used", async () => {
    const ev = await newEvent({ access: "invitation" });
    const inv = await invite(ev.id, { email: "hans@example.se" });
    await h.api("POST", `/invitations/${inv.id}/revoke`);
    const page = await get(`/i/${inv.token}/decline?lang=nb`);
    expect(page.status).toBe(403);
    expect(page.html).toContain("Invitasjonen kan ikke brukes");
    expect(page.html).toContain("Arrangøren har trukket tilbake denne invitasjonen");
    expect((await post(`/i/${inv.token}/decline`, {})).status).toBe(403);
    expect((await invitationRow(inv.id)).status).toBe("revoked");
    expect((await get(`/i/${inv.token.replace(/.$/, "0")}x/decline?lang=en`)).html).toContain("This invitation link is not valid.");
  });
});

describe("an event by approval", () => {
  const apply = async (slug: string, name: string, email: string) => {
    const res = await post(`/e/${slug}`, { name, email });
    expect(res.status).toBe(303);
    const result = await get(res.headers.get("location")!);
    const token = /\/r\/([A-Za-z0-9_-]{22})/.exec(result.html)![1]!;
    return { result, token };
  };

  it("says applications are reviewed; the result and the registrant's page say pending, and the application can be withdrawn", async () => {
    const ev = await newEvent({ access: "approval" });
    const form = await get(`/e/${ev.slug}`);
    expect(form.html).toContain("Arrangören går igenom alla ansökningar");
    expect(form.html).toContain("Skicka ansökan");
    expect((await get(`/e/${ev.slug}?lang=en`)).html).toContain("The organiser reviews every application");

    const { result, token } = await apply(ev.slug, "Ida Ek", "ida@example.se");
    expect(result.html).toContain("Din ansökan är skickad");
    const mine = await get(`/r/${token}?lang=en`);
    expect(mine.html).toContain("Your application is being reviewed by the organiser.");
    expect(mine.html).toContain("Withdraw my application");
    const confirm = await get(`/r/${token}/cancel?lang=nb`);
    expect(confirm.html).toContain("Vil du trekke søknaden din?");
    const withdrawn = await post(`/r/${token}/cancel?lang=sv`, {});
    expect(withdrawn.status).toBe(303);
    expect(withdrawn.headers.get("location")).toContain("done=withdrawn");
    expect((await get(withdrawn.headers.get("location")!)).html).toContain("Din ansökan är tillbakadragen.");
    expect((await registrations(ev.id))[0]!.status).toBe("cancelled");
  });

  it("shows a declined application a polite no, with nothing left to change", async () => {
    const ev = await newEvent({ access: "approval" });
    const { token } = await apply(ev.slug, "Jon Ek", "jon@example.se");
    const [application] = await h.database.db.all<{ id: string }>(sql`SELECT id FROM registrations WHERE event_id = ${ev.id}`);
    expect((await h.api("POST", `/registrations/${application!.id}/decline`)).status).toBe(200);
    const mine = await get(`/r/${token}`);
    expect(mine.html).toContain("Tyvärr kunde du inte få plats den här gången.");
    expect(mine.html).not.toContain("Dra tillbaka ansökan");
    expect((await get(`/r/${token}?lang=en`)).html).toContain("Unfortunately we could not offer you a seat this time.");
  });
});

describe("an unlisted event", () => {
  it("is left off the front page, the organisation's page and its feed, but is reachable by its link", async () => {
    const listed = await newEvent({ title: "Öppet frukostmöte" });
    const hidden = await newEvent({ title: "Styrgruppsmöte EU-projekt", listed: false });
    for (const path of ["/", `/?org=${orgSlug}`]) {
      const page = await get(path);
      expect(page.html).toContain(listed.title);
      expect(page.html).not.toContain(hidden.title);
    }
    const feed = await get(`/o/${orgSlug}/calendar.ics`);
    expect(feed.html).toContain("Öppet frukostmöte");
    expect(feed.html).not.toContain("Styrgruppsmöte");
    const own = await get(`/e/${hidden.slug}`);
    expect(own.status).toBe(200);
    expect(own.html).toContain(hidden.title);
    expect(own.html).toContain('name="robots" content="noindex"');
    expect((await get(`/e/${hidden.slug}/calendar.ics`)).status).toBe(200);
  });
});
