import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness } from "./helpers/admin";
import { PUBLIC_URL, eventBody } from "./helpers/harness";
import { mailHarness, manageTokenIn, type MailHarness } from "./helpers/mail";
import { invitePart } from "./helpers/smtp";

// Issue 15: an event's title, description, place and question labels in other languages.
let m: MailHarness;
beforeAll(async () => {
  m = await mailHarness();
});
afterAll(() => m.stop());

let slugs = 0;
const question = { id: "diet", label: "Specialkost", kind: "select", options: ["Vegetarisk", "Vegansk"] };
const english = {
  title: "Lean Conference Blekinge 2027",
  description: "A day about **lean** in the public sector.",
  venue: "BTH Campus Karlshamn, hall A",
  questions: { diet: "Dietary needs" },
};
const create = (overrides: Record<string, unknown> = {}) =>
  m.api("POST", "/events", eventBody({ slug: `translated-${++slugs}`, description: "En dag om lean.", questions: [question], translations: { en: english }, ...overrides }));
const page = async (path: string) => (await m.app.request(path)).text();
const stored = async (id: string) => (await m.database.db.all<{ translations: string }>(sql`SELECT translations FROM events WHERE id = ${id}`))[0]?.translations;

describe("the API", () => {
  it("stores the translations and returns them, blanks left out", async () => {
    const res = await create({ translations: { en: { ...english, address: "  " }, nb: { title: "" } } });
    expect(res.status).toBe(201);
    expect(res.body.translations).toEqual({ en: english });
    expect((await m.api("GET", `/events/${res.body.id}`)).body.translations).toEqual({ en: english });
    // The public view (no token) carries them too.
    expect((await m.api("GET", `/events/${res.body.id}`, undefined, { token: null })).body.translations).toEqual({ en: english });
  });

  it("an event without translations has an empty object", async () => {
    const res = await create({ translations: undefined });
    expect(res.body.translations).toEqual({});
    expect(await stored(res.body.id)).toBe("{}");
  });

  it("a PATCH replaces the whole object", async () => {
    const { body: ev } = await create();
    const res = await m.api("PATCH", `/events/${ev.id}`, { translations: { nb: { title: "Leankonferanse" } } });
    expect(res.status).toBe(200);
    expect(res.body.translations).toEqual({ nb: { title: "Leankonferanse" } });
    expect((await m.api("PATCH", `/events/${ev.id}`, { translations: {} })).body.translations).toEqual({});
  });

  it.each([
    ["an unknown language", { de: { title: "Konferenz" } }, "translations.de", "unknown_field"],
    ["an unknown field", { en: { subtitle: "x" } }, "translations.en.subtitle", "unknown_field"],
    ["a title too long", { en: { title: "x".repeat(201) } }, "translations.en.title", "too_long"],
    ["a title of two lines", { en: { title: "a\nb" } }, "translations.en.title", "one_line"],
    ["a bad question id", { en: { questions: { "no spaces": "x" } } }, "translations.en.questions", undefined],
    ["a label that is not text", { en: { questions: { diet: 5 } } }, "translations.en.questions.diet", "text"],
    ["not an object", "English", "translations", "object"],
  ])("refuses %s with the field named, storing nothing", async (_, translations, field, fieldCode) => {
    const slug = `refused-${++slugs}`;
    const res = await create({ slug, translations });
    expect(res.status).toBe(400);
    const codes = res.body.error.fieldCodes as Record<string, { code: string }>;
    const key = Object.keys(codes).find((k) => k.startsWith(field));
    expect(key, JSON.stringify(res.body)).toBeDefined();
    if (fieldCode) expect(codes[key!]!.code).toBe(fieldCode);
    expect((await m.api("GET", `/events/${slug}`)).status).toBe(404);
  });

  it("a PATCH with bad translations changes nothing", async () => {
    const { body: ev } = await create();
    const res = await m.api("PATCH", `/events/${ev.id}`, { translations: { en: { title: "x".repeat(201) } } });
    expect(res.status).toBe(400);
    expect(JSON.parse((await stored(ev.id))!)).toEqual({ en: english });
  });
});

describe("the event page", () => {
  it("shows the English words with ?lang=en and the Swedish with ?lang=sv", async () => {
    const { body: ev } = await create();
    const en = await page(`/e/${ev.slug}?lang=en`);
    expect(en).toContain("<h1>Lean Conference Blekinge 2027</h1>");
    expect(en).toContain("<strong>lean</strong> in the public sector");
    expect(en).toContain("Dietary needs");
    expect(en).toContain("hall A");
    // The options stay as written: answers are stored by them.
    expect(en).toContain('value="Vegetarisk"');
    expect(en).not.toContain("Specialkost");
    const sv = await page(`/e/${ev.slug}?lang=sv`);
    expect(sv).toContain("<h1>Leankonferens Blekinge 2027</h1>");
    expect(sv).toContain("En dag om lean.");
    expect(sv).toContain("Specialkost");
    expect(sv).not.toContain("Lean Conference");
  });

  it("falls back to the event's own words in a language without a translation, field by field", async () => {
    const { body: ev } = await create({ translations: { en: { title: "Lean Conference" } } });
    const nb = await page(`/e/${ev.slug}?lang=nb`);
    expect(nb).toContain("<h1>Leankonferens Blekinge 2027</h1>");
    const en = await page(`/e/${ev.slug}?lang=en`);
    expect(en).toContain("<h1>Lean Conference</h1>");
    // No English description or label given: the Swedish ones.
    expect(en).toContain("En dag om lean.");
    expect(en).toContain("Specialkost");
  });

  it("never shows a translation into the event's own language", async () => {
    const { body: ev } = await create({ translations: { sv: { title: "Annan titel" } } });
    expect(await page(`/e/${ev.slug}?lang=sv`)).not.toContain("Annan titel");
  });

  it("the form in English signs up with the options as written, and the result page names the event in English", async () => {
    const { body: ev } = await create();
    const body = new URLSearchParams({ firstName: "Erik", lastName: "Ek", email: "erik.tr@example.se", "answers.diet": "Vegansk" });
    const headers = { "content-type": "application/x-www-form-urlencoded", origin: PUBLIC_URL };
    const posted = await m.app.request(`/e/${ev.slug}?lang=en`, { method: "POST", headers, body: body.toString() });
    expect(posted.status, (await posted.clone().text()).slice(0, 300)).toBe(303);
    const done = await page(posted.headers.get("location")!);
    expect(done).toContain("Lean Conference Blekinge 2027");
    expect(done).not.toContain("Leankonferens");
    const list = await m.api("GET", `/events/${ev.id}/registrations`);
    expect(list.body.registrations[0]).toMatchObject({ language: "en", answers: { diet: "Vegansk" } });
  });

  it("escapes a translated title", async () => {
    const { body: ev } = await create({ translations: { en: { title: "<script>alert(1)</script>" } } });
    const en = await page(`/e/${ev.slug}?lang=en`);
    expect(en).not.toContain("<script>alert(1)");
    expect(en).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("the public calendar file follows ?lang=, else the event's language", async () => {
    const { body: ev } = await create();
    expect(await page(`/e/${ev.slug}/calendar.ics?lang=en`)).toContain("SUMMARY:Lean Conference Blekinge 2027");
    expect(await page(`/e/${ev.slug}/calendar.ics`)).toContain("SUMMARY:Leankonferens Blekinge 2027");
    expect(await page(`/e/${ev.slug}/calendar.ics?lang=xx`)).toContain("SUMMARY:Leankonferens Blekinge 2027");
  });
});

describe("emails and invites", () => {
  it("an English registrant gets the English title in the subject, the text and the invite", async () => {
    const { body: ev } = await create();
    const res = await m.signUp(ev.id, { firstName: "Emma", lastName: "Evans", email: "emma.tr@example.se", language: "en", answers: { diet: "Vegansk" } });
    expect(res.status).toBe(201);
    expect(await m.dispatch()).toMatchObject({ failed: 0 });
    const [msg] = m.inbox("emma.tr@example.se");
    expect(msg!.mail.subject).toContain("Lean Conference Blekinge 2027");
    expect(msg!.mail.text).toContain("hall A");
    expect(msg!.mail.text).not.toContain("Leankonferens");
    const invite = invitePart(msg!.raw)!;
    expect(invite.text).toContain("SUMMARY:Lean Conference Blekinge 2027");
    expect(invite.description).toContain("A day about lean in the public sector.");
    // The manage page, in the registrant's language, names the event in it; asked for in Swedish, in Swedish.
    const token = manageTokenIn(msg!.mail.text!)!;
    const manage = await page(`/r/${token}`);
    expect(manage).toContain("Lean Conference Blekinge 2027");
    expect(manage).toContain("Dietary needs");
    expect(await page(`/r/${token}?lang=sv`)).not.toContain("Lean Conference");
    expect(await page(`/r/${token}/calendar.ics`)).toContain("SUMMARY:Lean Conference Blekinge 2027");
  });

  it("a Norwegian registrant, with no Norwegian words given, gets the event's own", async () => {
    const { body: ev } = await create();
    await m.signUp(ev.id, { firstName: "Nora", lastName: "Nilsen", email: "nora.tr@example.se", language: "nb" });
    await m.dispatch();
    const [msg] = m.inbox("nora.tr@example.se");
    expect(msg!.mail.subject).toContain("Leankonferens Blekinge 2027");
    expect(invitePart(msg!.raw)!.text).toContain("SUMMARY:Leankonferens Blekinge 2027");
  });
});

describe("the workspace event form", () => {
  let a: AdminHarness;
  beforeAll(async () => {
    a = await adminHarness();
  });
  afterAll(() => a.close());

  const form = (overrides: Record<string, string> = {}) => ({
    title: "LEAN-kurs",
    slug: "",
    description: "",
    venue: "Techtank",
    address: "",
    onlineUrl: "",
    startsAt: "2027-03-18T09:30",
    endsAt: "2027-03-18T12:00",
    timezone: "Europe/Stockholm",
    capacity: "12",
    groupLimit: "3",
    language: "sv",
    status: "published",
    registrationOpensAt: "",
    registrationClosesAt: "",
    "questions.0.id": "",
    "questions.0.label": "Lunch",
    "questions.0.kind": "text",
    "questions.0.options": "",
    ...overrides,
  });
  const translationsOf = async (id: string) =>
    JSON.parse((await a.database.db.all<{ translations: string }>(sql`SELECT translations FROM events WHERE id = ${id}`))[0]!.translations);

  it("saves the other languages' words, shows them again, and keeps the API's question labels", async () => {
    const owner = await a.signedIn("organiser");
    const blank = await owner.request("/admin/events/new");
    expect(blank.text).toContain("Other languages");
    expect(blank.text).toContain('name="translations.nb.venue"');
    const created = await owner.request("/admin/events/new", {
      form: form({ "translations.en.title": "LEAN course", "translations.en.venue": "Techtank, room 2", "translations.nb.title": "" }),
    });
    expect(created.status, created.text.slice(0, 300)).toBe(303);
    const id = /\/admin\/events\/(evt_\w+)\//.exec(created.location!)![1]!;
    expect(await translationsOf(id)).toEqual({ en: { title: "LEAN course", venue: "Techtank, room 2" } });

    // A label given through the API survives a save of the form, which has no field for it.
    await a.api("PATCH", `/events/${id}`, { translations: { en: { title: "LEAN course", questions: { lunch: "Lunch choice" } } } });
    const edit = await owner.request(`/admin/events/${id}/edit`);
    expect(edit.text).toContain('value="LEAN course"');
    const saved = await owner.request(`/admin/events/${id}/edit`, {
      form: form({ "questions.0.id": "lunch", "translations.en.title": "LEAN course, spring", "translations.nb.title": "LEAN-kurs, vår" }),
    });
    expect(saved.status, saved.text.slice(0, 300)).toBe(303);
    expect(await translationsOf(id)).toEqual({
      en: { title: "LEAN course, spring", questions: { lunch: "Lunch choice" } },
      nb: { title: "LEAN-kurs, vår" },
    });
  });

  it("names a wrong translated field in the summary of errors and stores nothing", async () => {
    const owner = await a.signedIn("organiser");
    const res = await owner.request("/admin/events/new", { form: form({ title: "Unsaved", "translations.en.title": "x".repeat(201) }) });
    expect(res.status).toBe(400);
    expect(res.text).toContain("English, title: ");
    expect(res.text).toContain('href="#f-translations.en.title"');
    expect((await a.database.db.all(sql`SELECT id FROM events WHERE title = 'Unsaved'`)).length).toBe(0);
  });
});
