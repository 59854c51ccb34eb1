import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINUTE } from "./helpers/clock";
import { PUBLIC_URL, eventBody, formFields } from "./helpers/harness";
import { mailHarness, type MailHarness } from "./helpers/mail";

// Groups on the signup form: each colleague answers for themselves, a full event without
// a waitlist takes the group together or as many as fit, and the form answers with a
// redirect to its result (Post/Redirect/Get), which a reload shows again.
let h: MailHarness;
beforeAll(async () => {
  h = await mailHarness();
});
afterAll(() => h.stop());

const lunch = { id: "lunch", label: "Lunch", kind: "select", options: ["Kött", "Fisk", "Vegetariskt"], required: true };
const allergies = { id: "allergies", label: "Allergier", kind: "text" };
let slugs = 0;
const newEvent = async (overrides: Record<string, unknown> = {}) => {
  const res = await h.api("POST", "/events", eventBody({ slug: `group-${++slugs}`, questions: [lunch, allergies], ...overrides }));
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string; title: string };
};
type Fields = Record<string, string | string[]>;
const submit = (path: string, fields: Fields) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(formFields(fields))) for (const one of [v].flat()) body.append(k, one);
  return h.app.request(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: PUBLIC_URL }, body: body.toString() });
};
const get = (path: string) => h.app.request(path);
const mailsOf = (eventId: string) => h.database.db.all(sql`SELECT kind FROM outbox WHERE event_id = ${eventId}`);
const list = async (eventId: string) =>
  (await h.api("GET", `/events/${eventId}/registrations`)).body.registrations as { name: string; email: string; status: string; answers: Record<string, unknown> }[];

/** Anna and two colleagues, each with their own lunch. */
const trio = (extra: Fields = {}): Fields => ({
  name: "Anna Svensson",
  email: "anna.svensson@example.se",
  "answers.lunch": "Kött",
  "attendees.1.name": "Bo Berg",
  "attendees.1.email": "bo.berg@example.se",
  "attendees.1.answers.lunch": "Fisk",
  "attendees.1.answers.allergies": "Nötter",
  "attendees.2.name": "Cia Dahl",
  "attendees.2.email": "cia.dahl@example.se",
  "attendees.2.answers.lunch": "Vegetariskt",
  ...extra,
});

describe("colleagues answer for themselves", () => {
  it("asks each colleague the event's questions and stores each person's own answers", async () => {
    const ev = await newEvent();
    const form = await (await get(`/e/${ev.slug}`)).text();
    expect(form).toContain('name="attendees.1.answers.lunch"');
    expect(form).toContain('name="attendees.4.answers.allergies"');
    const res = await submit(`/e/${ev.slug}`, trio());
    expect(res.status).toBe(303);
    expect((await list(ev.id)).map((r) => [r.name, r.answers])).toEqual([
      ["Anna Svensson", { lunch: "Kött" }],
      ["Bo Berg", { lunch: "Fisk", allergies: "Nötter" }],
      ["Cia Dahl", { lunch: "Vegetariskt" }],
    ]);
  });

  it("puts a colleague's missing required answer beside that colleague's field, names them in the summary, and writes nothing", async () => {
    const ev = await newEvent();
    const res = await submit(`/e/${ev.slug}`, trio({ "attendees.2.answers.lunch": "" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<p class="field-error" id="f-attendees-2-answers-lunch-error">Fyll i det här fältet.<\/p>/);
    expect(html).not.toContain('id="f-answers-lunch-error"');
    expect(html).not.toContain('id="f-attendees-1-answers-lunch-error"');
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)![0];
    expect(summary).toContain('href="#f-attendees-2-answers-lunch">Cia Dahl, Lunch: Fyll i det här fältet.');
    // What the others chose is kept.
    expect(html).toMatch(/<select id="f-attendees-1-answers-lunch"[\s\S]*?<option value="Fisk" selected="">/);
    expect(await list(ev.id)).toEqual([]);
    expect(await mailsOf(ev.id)).toEqual([]);

    // A row with only an answer is someone too: their name is asked for, in the row's words.
    const begun = await submit(`/e/${ev.slug}`, { name: "Dan Ek", email: "dan.ek@example.se", "answers.lunch": "Fisk", "attendees.3.answers.lunch": "Fisk" });
    expect(begun.status).toBe(400);
    expect(await begun.text()).toContain('href="#f-attendees-3-firstName">Kollega 3, Förnamn:');
  });

  it("answers a colleague row with unknown questions or a made-up group mode with the form, never a 500", async () => {
    const ev = await newEvent({ waitlist: false });
    const unknown = await submit(`/e/${ev.slug}`, trio({ "attendees.1.answers.nope": "x", "attendees.9.answers.lunch": "Fisk" }));
    expect(unknown.status).toBe(303);
    expect((await list(ev.id)).map((r) => r.answers)).toEqual([{ lunch: "Kött" }, { lunch: "Fisk", allergies: "Nötter" }, { lunch: "Vegetariskt" }]);
    const other = await newEvent({ waitlist: false });
    const bad = await submit(`/e/${other.slug}?lang=en`, trio({ groupMode: "everyone-or-else" }));
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="f-groupMode-error">Choose one of the options.');
    expect(html).toContain('href="#f-groupMode">If there are not enough seats for everyone: Choose one of the options.');
    expect(await list(other.id)).toEqual([]);
  });
});

describe("a full event without a waitlist", () => {
  it("offers the choice only without a waitlist and with groups, with 'together' chosen", async () => {
    const none = await (await get(`/e/${(await newEvent({ waitlist: false })).slug}`)).text();
    expect(none).toMatch(/<input type="radio" id="f-groupMode-0" name="groupMode" value="together" checked=""/);
    expect(none).toMatch(/<input type="radio" id="f-groupMode-1" name="groupMode" value="as_many_as_fit"/);
    expect(await (await get(`/e/${(await newEvent()).slug}`)).text()).not.toContain('name="groupMode"');
    expect(await (await get(`/e/${(await newEvent({ waitlist: false, groupLimit: 1 })).slug}`)).text()).not.toContain('name="groupMode"');
  });

  it("together: registers nobody when the group does not fit, and says how many seats are left", async () => {
    const ev = await newEvent({ capacity: 2, waitlist: false });
    const res = await submit(`/e/${ev.slug}`, trio({ groupMode: "together" }));
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("Det finns bara 2 platser kvar, så hela gruppen får inte plats och ingen av er är anmäld.");
    // The form keeps what was typed, the choice included.
    expect(html).toMatch(/value="together" checked=""/);
    expect(html).toContain('value="Cia"');
    expect(await list(ev.id)).toEqual([]);
    expect(await mailsOf(ev.id)).toEqual([]);
    // The same group fits once it is small enough.
    const two = await submit(`/e/${ev.slug}`, trio({ "attendees.2.name": "", "attendees.2.email": "", "attendees.2.answers.lunch": "" }));
    expect(two.status).toBe(303);
    expect((await list(ev.id)).map((r) => r.status)).toEqual(["confirmed", "confirmed"]);
  });

  it("as many as fit: the first in order get the seats, the rest are shown without one", async () => {
    const ev = await newEvent({ capacity: 2, waitlist: false });
    const res = await submit(`/e/${ev.slug}`, trio({ groupMode: "as_many_as_fit" }));
    expect(res.status).toBe(303);
    expect((await list(ev.id)).map((r) => [r.name, r.status])).toEqual([
      ["Anna Svensson", "confirmed"],
      ["Bo Berg", "confirmed"],
    ]);
    const html = await (await get(res.headers.get("location")!)).text();
    expect(html).toMatch(/<td>Cia Dahl<\/td>\s*<td>cia.dahl@example.se<\/td>\s*<td>Ingen plats – fullbokat<\/td>/);
  });

  it("has no effect with a waitlist: the group lines up in order", async () => {
    const ev = await newEvent({ capacity: 2 });
    expect((await submit(`/e/${ev.slug}`, trio({ groupMode: "together" }))).status).toBe(303);
    expect((await list(ev.id)).map((r) => r.status)).toEqual(["confirmed", "confirmed", "waitlisted"]);
  });
});

describe("the result after submitting (Post/Redirect/Get)", () => {
  it("redirects to a result that a reload shows again, and a second post is information, not an error", async () => {
    const ev = await newEvent({ capacity: 2 });
    const res = await submit(`/e/${ev.slug}?lang=en`, trio());
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^/e/${ev.slug}/done/[A-Za-z0-9_-]{100,}\\?lang=en$`));
    for (let i = 0; i < 2; i++) {
      const shown = await get(location);
      expect(shown.status).toBe(200);
      expect(shown.headers.get("cache-control")).toBe("no-store");
      expect(shown.headers.get("referrer-policy")).toBe("no-referrer");
      const html = await shown.text();
      expect(html).toContain('<html lang="en">');
      expect(html).toMatch(/<td>Bo Berg<\/td>\s*<td>bo.berg@example.se<\/td>\s*<td>Has a seat<\/td>/);
      expect(html).toMatch(/<td>Cia Dahl<\/td>\s*<td>cia.dahl@example.se<\/td>\s*<td>Waitlist, number 1<\/td>/);
      // Only the submitter's own link is on the page; the colleagues' are in their emails.
      expect(new Set(html.match(/https:\/\/plats\.test\/r\/[A-Za-z0-9_-]{22}/g))).toHaveProperty("size", 1);
    }
    // Nothing in the address reads as a name, an address or a link.
    expect(location).not.toMatch(/anna|svensson|example|plats/i);
    expect(await list(ev.id)).toHaveLength(3);

    // The same form again (back, then submit): everyone is registered already, said as information.
    const again = await submit(`/e/${ev.slug}`, trio());
    expect(again.status).toBe(200);
    const html = await again.text();
    expect(html).toContain(`<p class="notice ok" role="status">Alla i anmälan är redan anmälda till ${ev.title}.`);
    expect(html).not.toContain("error-summary");
    const alone = await submit(`/e/${ev.slug}`, { name: "Anna Svensson", email: "anna.svensson@example.se", "answers.lunch": "Kött" });
    expect(alone.status).toBe(200);
    expect(await alone.text()).toContain("Du är redan anmäld till");
    expect(await list(ev.id)).toHaveLength(3);
  });

  it("keeps the embedded view and the language through the redirect", async () => {
    const ev = await newEvent();
    const res = await submit(`/e/${ev.slug}?lang=nb&embed=1`, { name: "Kari Nordmann", email: "kari@example.no", "answers.lunch": "Fisk" });
    const location = res.headers.get("location")!;
    expect(location).toMatch(/\?lang=nb&embed=1$/);
    const html = await (await get(location)).text();
    expect(html).toContain('<body class="embed">');
    expect(html).toContain("data-plats-result");
    expect(html).toContain("<h1 data-plats-result=\"\">Du er påmeldt!</h1>");
  });

  it("answers a tampered, foreign or run-out result address with a 404 page", async () => {
    const ev = await newEvent();
    const other = await newEvent();
    const res = await submit(`/e/${ev.slug}`, { name: "Eva Lund", email: "eva.lund@example.se", "answers.lunch": "Fisk" });
    const location = res.headers.get("location")!;
    const ref = /\/done\/([^?]+)/.exec(location)![1]!;
    const flipped = ref.slice(0, 40) + (ref[40] === "A" ? "B" : "A") + ref.slice(41);
    for (const path of [`/e/${ev.slug}/done/${flipped}`, `/e/${ev.slug}/done/${ref.slice(0, -4)}`, `/e/${other.slug}/done/${ref}`, `/e/${ev.slug}/done/x`]) {
      const shown = await get(path);
      expect(shown.status, path).toBe(404);
      expect(await shown.text(), path).toContain("<h1>Sidan finns inte</h1>");
    }
    h.clock.advance(61 * MINUTE);
    try {
      const late = await get(location);
      expect(late.status).toBe(404);
      expect(await late.text()).toContain("Resultatet av en anmälan visas bara en stund efteråt.");
    } finally {
      h.clock.advance(-61 * MINUTE);
    }
  });
});

describe("the colleague's email", () => {
  it.each([
    ["sv", "Anna Svensson har anmält dig till", "Har Anna Svensson fyllt i något fel, eller kan du inte komma?"],
    ["en", "Anna Svensson has registered you for", "Did Anna Svensson get something wrong, or can you not come?"],
  ])("says who registered them and links to their own page (%s)", async (lang, intro, note) => {
    const ev = await newEvent({ capacity: 1, language: lang });
    const pair: Fields = { ...trio(), "attendees.2.name": "", "attendees.2.email": "", "attendees.2.answers.lunch": "" };
    for (const [k, v] of Object.entries(pair)) if (typeof v === "string" && v.includes("@")) pair[k] = v.replace("@", `.${lang}@`);
    expect((await submit(`/e/${ev.slug}`, pair)).status).toBe(303);
    await h.dispatch();
    const [colleague] = h.inbox(`bo.berg.${lang}@example.se`);
    const [own] = h.inbox(`anna.svensson.${lang}@example.se`);
    expect(colleague).toBeDefined();
    // Bo is second for one seat: on the waitlist, told who put him there.
    expect(colleague!.mail.text).toContain(`${intro} ${ev.title}.`);
    expect(colleague!.mail.text).toContain(note);
    expect(colleague!.mail.text).toMatch(/https:\/\/plats\.test\/r\/[A-Za-z0-9_-]{22}/);
    expect(own!.mail.text).not.toContain("Anna Svensson");
  });

  it("in a confirmation, too", async () => {
    const ev = await newEvent();
    expect((await submit(`/e/${ev.slug}`, trio({ name: "Anna Svensson", email: "anna.c@example.se", "attendees.1.email": "bo.c@example.se", "attendees.2.email": "cia.c@example.se" }))).status).toBe(303);
    await h.dispatch();
    const [mail] = h.inbox("bo.c@example.se");
    expect(mail!.mail.subject).toBe(`Bekräftelse: ${ev.title}`);
    expect(mail!.mail.text).toContain(`Anna Svensson har anmält dig till ${ev.title}. Välkommen!`);
  });
});
