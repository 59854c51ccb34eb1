import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchOutbox } from "../src/mail/dispatcher";
import type { Mailer, OutgoingMail } from "../src/mail/mailer";
import { PUBLIC_URL, eventBody, formFields, harness, person, type Harness } from "./helpers/harness";

// The signup form of /e/:slug as a browser without JavaScript uses it: language, groups,
// validation and consent. Abuse, escaping and headers are in web-security.test.ts.
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

let slugs = 0;
const newEvent = async (overrides: Record<string, unknown> = {}, token?: string) => {
  const slug = `web-signup-${++slugs}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await h.api("POST", "/events", eventBody({ slug, ...overrides }), token ? { token } : {});
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string; title: string };
};
type Fields = Record<string, string | string[]>;
const submit = (path: string, fields: Fields, headers: Record<string, string> = {}) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(formFields(fields))) for (const one of [v].flat()) body.append(k, one);
  const init = { "content-type": "application/x-www-form-urlencoded", origin: PUBLIC_URL, ...headers };
  return h.app.request(path, { method: "POST", headers: init, body: body.toString() });
};
const page = (path: string, headers: Record<string, string> = {}) => h.app.request(path, { headers });
/** A signup answers with a redirect to its result (Post/Redirect/Get): the page it leads to. */
const result = async (posted: Response | Promise<Response>) => {
  const res = await posted;
  expect(res.status).toBe(303);
  return page(res.headers.get("location")!);
};
const listOf = async (eventId: string, token?: string) => {
  const res = await h.api("GET", `/events/${eventId}/registrations`, undefined, token ? { token } : {});
  expect(res.status).toBe(200);
  return res.body.registrations as { id: string; name: string; email: string; status: string; position: number | null; language: string; consentAt: string | null }[];
};
const htmlLang = (html: string) => /<html lang="([a-z]+)"/.exec(html)?.[1];

describe("page language", () => {
  it("takes ?lang= over the event's language, and the event's over Accept-Language", async () => {
    const ev = await newEvent({ language: "nb" });
    const chosen = await page(`/e/${ev.slug}?lang=en`, { "accept-language": "sv-SE,sv;q=0.9" });
    expect(chosen.status).toBe(200);
    const en = await chosen.text();
    expect(htmlLang(en)).toBe("en");
    expect(en).toContain("Skip to content");
    // The form posts back in the language it was shown in.
    expect(en).toContain(`action="/e/${ev.slug}?lang=en"`);

    const events = await page(`/e/${ev.slug}`, { "accept-language": "en-GB,en;q=0.9" });
    const nb = await events.text();
    expect(htmlLang(nb)).toBe("nb");
    expect(nb).toContain("Hopp til innholdet");
    expect(nb).toContain(`action="/e/${ev.slug}?lang=nb"`);
  });

  it("follows Accept-Language on the home page, with Norwegian as Bokmål", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ "accept-language": "en-GB,en;q=0.9" }, "en", "Upcoming events"],
      [{ "accept-language": "no" }, "nb", "Kommende arrangementer"],
      [{ "accept-language": "nn-NO" }, "nb", "Kommende arrangementer"],
      [{ "accept-language": "de-DE,fr;q=0.8" }, "sv", "Kommande evenemang"],
      [{}, "sv", "Kommande evenemang"],
    ];
    for (const [headers, lang, heading] of cases) {
      const res = await page("/", headers);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(htmlLang(html), JSON.stringify(headers)).toBe(lang);
      expect(html).toContain(`<h1>${heading}</h1>`);
    }
    expect(htmlLang(await (await page("/?lang=nb", { "accept-language": "en" })).text())).toBe("nb");
  });

  it("stores the language the form was used in on the registration", async () => {
    const ev = await newEvent({ language: "sv" });
    const res = await result(submit(`/e/${ev.slug}?lang=en`, { name: "Emma English", email: "emma.en@example.se" }));
    expect(res.status).toBe(200);
    expect(htmlLang(await res.text())).toBe("en");
    const nbEvent = await newEvent({ language: "nb" });
    expect((await submit(`/e/${nbEvent.slug}`, { name: "Nora Norsk", email: "nora@example.se" })).status).toBe(303);
    expect((await listOf(ev.id)).map((r) => r.language)).toEqual(["en"]);
    expect((await listOf(nbEvent.id)).map((r) => r.language)).toEqual(["nb"]);
  });
});

describe("group signup", () => {
  it("registers the submitter and colleagues in order, each with their own status and manage link", async () => {
    const ev = await newEvent({ capacity: 2 });
    const res = await result(submit(`/e/${ev.slug}`, {
      name: "Anna Ek",
      email: "anna.ek@example.se",
      organisation: "Ekfabriken AB",
      "attendees.1.name": "Bo Berg",
      "attendees.1.email": "bo.berg@example.se",
      "attendees.2.name": "Cia Dahl",
      "attendees.2.email": "cia.dahl@example.se",
    }));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("Tack för anmälan!");
    const row = (name: string, email: string, status: string) =>
      new RegExp(`<tr>\\s*<td>${name}</td>\\s*<td>${email}</td>\\s*<td>${status}</td>\\s*</tr>`);
    expect(html).toMatch(row("Anna Ek", "anna.ek@example.se", "Har plats"));
    expect(html).toMatch(row("Bo Berg", "bo.berg@example.se", "Har plats"));
    expect(html).toMatch(row("Cia Dahl", "cia.dahl@example.se", "Väntelista, nummer 1"));

    const list = await listOf(ev.id);
    expect(list.map((r) => [r.name, r.status, r.position])).toEqual([
      ["Anna Ek", "confirmed", null],
      ["Bo Berg", "confirmed", null],
      ["Cia Dahl", "waitlisted", 1],
    ]);
    // Colleagues share the submitter's organisation.
    expect(list.every((r) => (r as unknown as { organisation: string }).organisation === "Ekfabriken AB")).toBe(true);

    // The page links the submitter's own registration; each person's email carries theirs.
    const ownToken = /href="https:\/\/plats\.test\/r\/([A-Za-z0-9_-]{22})"/.exec(html)?.[1];
    expect((await h.api("GET", `/manage/${ownToken}`, undefined, { token: null })).body.email).toBe("anna.ek@example.se");
    const sent: OutgoingMail[] = [];
    const mailer: Mailer = { send: async (mail) => (sent.push(mail), { ok: true }) };
    await dispatchOutbox({ ctx: h.ctx, mailer, settings: { from: "Plats <noreply@plats.test>" } });
    const tokens = new Map<string, string>();
    const group = new Set(list.map((r) => r.email));
    for (const mail of sent.filter((m) => group.has(m.to.address)))
      tokens.set(mail.to.address, /\/r\/([A-Za-z0-9_-]{22})/.exec(mail.text)![1]!);
    expect(new Set(tokens.values()).size).toBe(3);
    for (const r of list) {
      const managed = await h.api("GET", `/manage/${tokens.get(r.email)}`, undefined, { token: null });
      expect(managed.status).toBe(200);
      expect(managed.body).toMatchObject({ id: r.id, email: r.email, status: r.status });
    }
  });

  it("offers and reads no more colleague rows than the event's group limit", async () => {
    const ev = await newEvent({ groupLimit: 2 });
    const form = await (await page(`/e/${ev.slug}`)).text();
    expect(form).toContain('name="attendees.1.email"');
    expect(form).not.toContain('name="attendees.2.email"');
    const res = await submit(`/e/${ev.slug}`, {
      ...person({ name: "Solo Submitter" }),
      "attendees.1.name": "Allowed Colleague",
      "attendees.1.email": "allowed.colleague@example.se",
      "attendees.2.name": "Extra One",
      "attendees.2.email": "extra.one@example.se",
      "attendees.5.name": "Extra Five",
      "attendees.5.email": "extra.five@example.se",
    } as Fields);
    expect(res.status).toBe(303);
    expect((await listOf(ev.id)).map((r) => r.name)).toEqual(["Solo Submitter", "Allowed Colleague"]);

    const alone = await newEvent({ groupLimit: 1 });
    expect(await (await page(`/e/${alone.slug}`)).text()).not.toContain('name="attendees.1.name"');
    const single = await submit(`/e/${alone.slug}`, { ...person({ name: "Only Me" }), "attendees.1.name": "Nope", "attendees.1.email": "nope@example.se" } as Fields);
    expect(single.status).toBe(303);
    expect((await listOf(alone.id)).map((r) => r.name)).toEqual(["Only Me"]);
  });

  it("refuses the same email twice in one submission and registers nobody", async () => {
    const ev = await newEvent();
    const res = await submit(`/e/${ev.slug}`, {
      name: "Dora Dubbel",
      email: "Dup@Example.se",
      "attendees.1.name": "Dora Again",
      "attendees.1.email": " dup@example.se ",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toMatch(/<p class="field-error" id="f-attendees-1-email-error">Samma e-postadress finns två gånger i anmälan.<\/p>/);
    expect(html).toContain('value="Dora"');
    expect(html).toContain('value="Again"');
    expect(await listOf(ev.id)).toEqual([]);
  });

  it("tells someone signing up again that they already are, as information, and sends their link again", async () => {
    const ev = await newEvent();
    await h.api("POST", `/events/${ev.id}/registrations`, { name: "Early Bird", email: "early@example.se" }, { token: null });
    const res = await submit(`/e/${ev.slug}`, { name: "Early Bird", email: " EARLY@example.se " });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<p class="notice ok" role="status">Du är redan anmäld till ${ev.title} med EARLY@example.se. Vi har skickat länken till din anmälan dit igen, så att du kan se eller ändra den.</p>`);
    expect(html).not.toContain("error-summary");
    expect(html).not.toContain("Fel: ");
    expect((await listOf(ev.id)).map((r) => r.email)).toEqual(["early@example.se"]);
    const links = await h.database.db.all(sql`SELECT 1 FROM outbox WHERE event_id = ${ev.id} AND kind = 'manage_link'`);
    expect(links).toHaveLength(1);
    const en = await submit(`/e/${ev.slug}?lang=en`, { name: "Early Bird", email: "early@example.se" });
    expect(await en.text()).toContain("You&#39;re already registered for");
  });

  it("names the colleague who is already registered and registers nobody of the group", async () => {
    const ev = await newEvent();
    await h.api("POST", `/events/${ev.id}/registrations`, { name: "Early Bird", email: "early@example.se" }, { token: null });
    const res = await submit(`/e/${ev.slug}`, {
      name: "Gustav Grupp",
      email: "gustav@example.se",
      "attendees.1.name": "Hanna Ny",
      "attendees.1.email": "hanna@example.se",
      "attendees.2.name": "Early Again",
      "attendees.2.email": "EARLY@example.se",
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('id="f-attendees-2-email-error"');
    expect(html).toContain("Den här adressen är redan anmäld och har fått länken till sin anmälan igen. Skicka anmälan utan den här personen.");
    expect(html).not.toContain('id="f-email-error"');
    expect(html).not.toContain('id="f-attendees-1-email-error"');
    expect((await listOf(ev.id)).map((r) => r.email)).toEqual(["early@example.se"]);
  });
});

describe("validation", () => {
  it("shows errors in the summary and beside each field, keeps the values and stores nothing", async () => {
    const ev = await newEvent({
      questions: [{ id: "lunch", label: "Lunchval", kind: "select", options: ["Kött", "Vegetariskt"], required: true }],
    });
    const res = await submit(`/e/${ev.slug}`, { name: "Kim Typed", email: "kim@not an email", organisation: "Kims AB", phone: "0701234567" });
    expect(res.status).toBe(400);
    const html = await res.text();
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
    expect(summary).toContain('href="#f-email"');
    expect(summary).toContain("Skriv en giltig e-postadress");
    expect(summary).toContain('href="#f-answers-lunch"');
    expect(summary).toContain("Lunchval: Fyll i det här fältet.");
    expect(html).toMatch(/<p class="field-error" id="f-email-error">Skriv en giltig e-postadress/);
    expect(html).toMatch(/id="f-answers-lunch-error">Fyll i det här fältet.</);
    expect(html).toMatch(/<input[^>]*id="f-firstName"[^>]*value="Kim"/);
    expect(html).toMatch(/<input[^>]*id="f-lastName"[^>]*value="Typed"/);
    expect(html).toMatch(/<input[^>]*id="f-email"[^>]*aria-invalid="true"[^>]*value="kim@not an email"/);
    expect(html).toMatch(/value="Kims AB"/);
    expect(html).toMatch(/<title>Fel: /);
    expect(await listOf(ev.id)).toEqual([]);

    const chosen = await submit(`/e/${ev.slug}`, { name: "", email: "kim@example.se", "answers.lunch": "Vegetariskt" });
    expect(chosen.status).toBe(400);
    const again = await chosen.text();
    expect(again).toContain('id="f-firstName-error"');
    expect(again).toMatch(/<option value="Vegetariskt" selected="">Vegetariskt<\/option>/);
    expect(await listOf(ev.id)).toEqual([]);
  });
});

describe("consent", () => {
  it("asks for consent with a link to the privacy notice and records when it was given", async () => {
    const org = await h.otherOrg();
    const patch = await h.api("PATCH", "/organisation", { requireConsent: true, privacyUrl: "https://example.se/privacy" }, { token: org.token });
    expect(patch.status).toBe(200);
    const ev = await newEvent({}, org.token);
    const form = await (await page(`/e/${ev.slug}`)).text();
    expect(form).toMatch(/<input type="checkbox" id="f-consent" name="consent" value="yes"/);
    expect(form).toContain('href="https://example.se/privacy"');

    const without = await submit(`/e/${ev.slug}`, { name: "Utan Samtycke", email: "utan@example.se" });
    expect(without.status).toBe(400);
    const refused = await without.text();
    expect(refused).toContain('id="f-consent-error"');
    expect(refused).toContain("Godkänn behandlingen av uppgifterna");
    expect(await listOf(ev.id, org.token)).toEqual([]);

    const withConsent = await submit(`/e/${ev.slug}`, { name: "Med Samtycke", email: "med@example.se", consent: "yes" });
    expect(withConsent.status).toBe(303);
    const [reg] = await listOf(ev.id, org.token);
    expect(reg).toMatchObject({ name: "Med Samtycke", status: "confirmed", consentAt: h.clock.now().toISOString() });
  });

  it("shows no consent box where the organisation does not ask for it", async () => {
    const ev = await newEvent();
    const form = await (await page(`/e/${ev.slug}`)).text();
    expect(form).not.toContain('name="consent"');
    expect((await submit(`/e/${ev.slug}`, person() as Fields)).status).toBe(303);
    expect((await listOf(ev.id))[0]!.consentAt).toBeNull();
  });
});
