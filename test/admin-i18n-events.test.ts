import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventFieldLabel } from "../src/http/web/admin/eventFormPage";
import { utcText } from "../src/http/web/admin/instant";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody, person } from "./helpers/harness";

// The events pages in Swedish (the default, for a browser naming no language of ours) and
// Norwegian: the dashboard, the event form, cancelling, signups over time.
let h: AdminHarness;
let sv: SignedIn;
let nb: SignedIn;
let full: string;
/** A member whose browser says `browser` on every request (the harness says English unless told). */
async function member(browser: string): Promise<SignedIn> {
  const m = await h.signedIn("organiser", h.orgId, browser);
  return { ...m, request: (path, init = {}) => m.request(path, { ...init, headers: { "accept-language": browser, ...init.headers } }) };
}

beforeAll(async () => {
  h = await adminHarness();
  sv = await member("");
  nb = await member("nb-NO,nb;q=0.9,en;q=0.5");
  // One seat, two signups: full, one waiting.
  full = (await h.api("POST", "/events", eventBody({ title: "Fullsatt seminarium", capacity: 1 }))).body.id;
  for (let i = 0; i < 2; i++) expect((await h.api("POST", `/events/${full}/registrations`, person(), { token: null })).status).toBe(201);
  await h.api("POST", "/events", eventBody({ title: "Förra årets kick-off", startsAt: "2025-01-10T08:00:00Z", endsAt: "2025-01-10T10:00:00Z" }));
});
afterAll(() => h.close());

/** A page in one language: its html lang, words it has, English words it must not have. */
async function speaks(m: SignedIn, path: string, lang: "sv" | "nb", has: string[], lacks: string[]) {
  const page = await m.request(path);
  expect(page.status, page.text.slice(0, 300)).toBe(200);
  expect(page.text).toContain(`<html lang="${lang}">`);
  for (const text of has) expect(page.text, text).toContain(text);
  for (const text of lacks) expect(page.text, text).not.toContain(text);
  return page.text;
}

const NBSP = "\u00a0";

describe("the dashboard", () => {
  const english = [">Events</h1>", ">New event<", ">Upcoming<", ">Past<", ">When<", ">Filled<", ">Actions<", ">Full<", ">Duplicate<", "upcoming events", "The numbers", "Seats filled"];

  it("in Swedish", async () => {
    const text = await speaks(sv, "/admin", "sv", [
      "<h1>Evenemang</h1>",
      "Nytt evenemang",
      ">Kommande</h2>",
      ">Tidigare</h2>",
      '<th scope="col">När</th>',
      '<th scope="col">Beläggning</th>',
      '<span class="badge">Fullbokat</span>',
      'data-label="Väntelista"',
      "torsdag 18 mars 2027",
      `100${NBSP}%`,
      "kommande evenemang",
      "bekräftad deltagare",
      "Tagna platser",
      "Evenemang: 1, varav fullbokade: 1.",
      "Siffrorna",
      ">Kopiera</a>",
      "Närvarade",
    ], english);
    expect(text).toContain("Fullsatt seminarium: 100");
  });

  it("in Norwegian", async () => {
    await speaks(nb, "/admin", "nb", [
      "<h1>Arrangementer</h1>",
      "Nytt arrangement",
      ">Kommende</h2>",
      ">Tidligere</h2>",
      '<th scope="col">Når</th>',
      '<span class="badge">Fullt</span>',
      'data-label="Venteliste"',
      "torsdag 18. mars 2027",
      "kommende arrangementer",
      "Plasser tatt",
      "Tallene",
      ">Kopier</a>",
      "Møtte",
    ], english);
  });

  it("says what happened in the member's language", async () => {
    await speaks(sv, "/admin?notice=cancelled", "sv", ["Evenemanget är inställt och alla anmälda får besked."], ["The event is cancelled"]);
    await speaks(nb, "/admin?notice=cancelled", "nb", ["Arrangementet er avlyst, og alle påmeldte får beskjed."], ["The event is cancelled"]);
    await speaks(sv, "/admin?notice=toString", "sv", [], ["function", "notice ok"]);
  });
});

describe("the event form", () => {
  const english = ["About the event", "When and where", "Create the event", "Questions to attendees", "Add more questions", "Short text", "Back to events", "Time zone"];

  it("for a new event", async () => {
    await speaks(sv, "/admin/events/new", "sv", [
      "<h1>Nytt evenemang</h1>",
      "<h2>Om evenemanget</h2>",
      "<h2>Tid och plats</h2>",
      "<h2>Frågor till deltagarna</h2>",
      "Skapa evenemanget",
      "Lägg till fler frågor",
      "Kort text",
      "Tidszon",
      "Ny fråga",
      "Publicerat: öppet för anmälan",
      ">Avbryt</a>",
    ], english);
    await speaks(nb, "/admin/events/new", "nb", [
      "<h1>Nytt arrangement</h1>",
      "<h2>Om arrangementet</h2>",
      "<h2>Tid og sted</h2>",
      "<h2>Spørsmål til deltakerne</h2>",
      "Opprett arrangementet",
      "Legg til flere spørsmål",
      "Kort tekst",
      "Tidssone",
      "Nytt spørsmål",
      "Publisert: åpent for påmelding",
    ], english);
  });

  it("names each field of the summary of errors in the member's language", async () => {
    const res = await sv.request("/admin/events/new", {
      form: {
        title: "",
        startsAt: "2027-03-18T09:30",
        endsAt: "2027-03-18T12:00",
        timezone: "Europe/Stockholm",
        capacity: "tolv",
        groupLimit: "3",
        language: "sv",
        status: "published",
        "questions.0.id": "",
        "questions.0.label": "Lunch",
        "questions.0.kind": "select",
        "questions.0.options": "",
      },
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain("Rätta följande");
    expect(res.text).toContain('<a href="#f-capacity">Platser: ');
    expect(res.text).not.toContain("Seats:");
    expect(eventFieldLabel("questions.0.options", "sv")).toBe("Fråga 1, alternativ");
    expect(eventFieldLabel("questions.2.kind", "nb")).toBe("Spørsmål 3, type svar");
    expect(eventFieldLabel("title", "nb")).toBe("Navn");
    expect(eventFieldLabel("title")).toBe("Title");
  });

  it("for editing and duplicating", async () => {
    await speaks(sv, `/admin/events/${full}/edit`, "sv", ["Redigera: Fullsatt seminarium", "Spara ändringar", "Bädda in formuläret på din webbplats", "Kopiera koden"], ["Save changes", "Embed the form", "Copy the snippet"]);
    await speaks(nb, `/admin/events/${full}/edit`, "nb", ["Rediger: Fullsatt seminarium", "Lagre endringene", "Bygg inn skjemaet på nettstedet ditt"], ["Save changes", "Embed the form"]);
    await speaks(sv, `/admin/events/${full}/duplicate`, "sv", ["<h1>Kopiera evenemang</h1>", "En kopia av ”Fullsatt seminarium”, en vecka senare.", "Skapa kopian"], ["Duplicate event", "Create the copy", "A copy of"]);
    await speaks(nb, `/admin/events/${full}/duplicate`, "nb", ["<h1>Kopier arrangement</h1>", "En kopi av «Fullsatt seminarium», én uke senere.", "Opprett kopien"], ["Duplicate event", "Create the copy"]);
  });
});

describe("cancelling an event", () => {
  const english = ["Cancel “", "will be told by email", "Cancel the event and tell", "Keep it", "cannot be undone"];

  it("says who will be told, in the member's language", async () => {
    await speaks(sv, `/admin/events/${full}/cancel`, "sv", [
      "<h1>Vill du ställa in ”Fullsatt seminarium”?</h1>",
      "torsdag 18 mars 2027",
      "2 personer får besked via mejl",
      "(bekräftade: 1, på väntelistan: 1)",
      "Det går inte att ångra.",
      "Ställ in och meddela 2 personer",
      "Nej, behåll evenemanget",
    ], english);
    await speaks(nb, `/admin/events/${full}/cancel`, "nb", [
      "<h1>Vil du avlyse «Fullsatt seminarium»?</h1>",
      "torsdag 18. mars 2027",
      "2 personer får beskjed på e-post",
      "(bekreftet: 1, på ventelisten: 1)",
      "Dette kan ikke angres.",
      "Avlys og gi beskjed til 2 personer",
      "Nei, behold arrangementet",
    ], english);
  });
});

describe("signups over time", () => {
  const english = ["Signups over time", "Signups to", "Capacity (", "The numbers", ">Day<", "Back to the attendance list", "Nobody has signed up"];

  it("draws and names the curve in the member's language", async () => {
    await speaks(sv, `/admin/events/${full}/signups`, "sv", [
      "<h1>Anmälningar över tid</h1>",
      "Anmälningar till Fullsatt seminarium",
      "Från 21 november 2026 till 21 november 2026: 1 av 1 platser bekräftade och 1 på väntelistan",
      "Antal platser (1)",
      "<summary>Siffrorna</summary>",
      '<th scope="col">Dag</th>',
      "Tillbaka till deltagarlistan",
    ], english);
    await speaks(nb, `/admin/events/${full}/signups`, "nb", [
      "<h1>Påmeldinger over tid</h1>",
      "Påmeldinger til Fullsatt seminarium",
      "Fra 21. november 2026 til 21. november 2026",
      "Antall plasser (1)",
      "<summary>Tallene</summary>",
      "På ventelisten",
      "Tilbake til deltakerlisten",
    ], english);
    const empty = (await h.api("POST", "/events", eventBody({ title: "Tomt" }))).body.id;
    await speaks(sv, `/admin/events/${empty}/signups`, "sv", ["Ingen har anmält sig än."], english);
    await speaks(nb, `/admin/events/${empty}/signups`, "nb", ["Ingen har meldt seg på ennå."], english);
  });
});

describe("moments in UTC", () => {
  it("are written as the reader's language writes them", () => {
    const at = new Date("2027-02-13T08:30:05Z");
    expect(utcText(at, "sv")).toBe("13 feb. 2027 08:30:05 UTC");
    expect(utcText(at, "nb")).toBe("13. feb. 2027, 08:30:05 UTC");
    expect(utcText(at, "en")).toBe("13 Feb 2027, 08:30:05 UTC");
  });
});
