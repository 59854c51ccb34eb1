import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "../src/http/web/admin/attendeeShared";
import { counted } from "../src/i18n/format";
import { workspaceMessages } from "../src/i18n/workspace";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { listPath, newEvent, regPath, signUp } from "./admin-attendees-fixture";

// The attendance list and its pages in Swedish (the default: a browser naming none of our
// languages) and Norwegian Bokmål: the words, the dates the GLOSSARY's way, no English left.
let h: AdminHarness;
let organiser: SignedIn;
beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser", h.orgId, "");
});
afterAll(() => h.close());

type Lang = "sv" | "nb";
/** Every optional column of the list, as its column chooser asks for them. */
const allColumns = "email,organisation,phone,answers,signedUp,checkedIn,notes";
const browser: Record<Lang, string> = { sv: "", nb: "nb" };
/** The page as a member of that browser reads it: its visible text squeezed, and its html. */
async function read(lang: Lang, path: string, form?: Record<string, string>) {
  const m = lang === "sv" ? organiser : await h.signedIn("organiser", h.orgId, "nb");
  const res = await m.request(path, { form, headers: { "accept-language": browser[lang] } });
  expect(res.status).toBeLessThan(500);
  expect(res.text).toContain(`<html lang="${lang}">`);
  const text = res.text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  return { status: res.status, html: res.text, text };
}
function expectWords(page: { text: string }, present: string[], absent: string[]) {
  for (const w of present) expect(page.text).toContain(w);
  for (const w of absent) expect(page.text).not.toContain(w);
}

/** Bertil has a seat, Cecilia is offered the seat Anna gave up (until 12:00 in Stockholm), David waits. */
async function seeded() {
  const questions = [{ id: "photo", label: "Foto", kind: "checkbox" }];
  const eventId = await newEvent(h, { capacity: 2, waitlistMode: "offer", offerMinutes: 120, timezone: "Europe/Stockholm", questions });
  const anna = await signUp(h, eventId, { name: "Anna Ek", email: "anna@example.se", answers: { photo: true } });
  await signUp(h, eventId, { name: "Bertil Berg", email: "bertil@example.se", answers: { photo: true } });
  const cecilia = await signUp(h, eventId, { name: "Cecilia Lund", email: "cecilia@example.se" });
  const david = await signUp(h, eventId, { name: "David Dahl", email: "david@example.se" });
  expect((await organiser.request(regPath(eventId, anna.id, "cancel"), { form: {} })).status).toBe(303);
  return { eventId, cecilia: cecilia.id, david: david.id };
}

describe("the attendance list in the member's language", () => {
  let s: Awaited<ReturnType<typeof seeded>>;
  beforeAll(async () => {
    s = await seeded();
  });

  const englishList = ["Add attendee", "Message attendees", "Confirmed and waitlisted", "Search name", "Signed up", "Checked in", "Resend email", "Promote", "reply by", "seats left", "registrations", "Name badges", "Yes", "No email"];

  it("speaks Swedish by default: counts, filters, table, row actions, links, dates", async () => {
    const page = await read("sv", `${listPath(s.eventId)}?notice=added-confirmed&mail=0&cols=${allColumns}`);
    expectWords(
      page,
      [
        "Evenemang ›",
        "torsdag 18 mars 2027 kl. 09.30–16.30",
        "Tillagd med plats. Inget mejl skickades.",
        "1 / 2 bekräftade",
        "0 platser kvar",
        "1 plats hålls för ett erbjudande",
        "Lägg till deltagare",
        "Skicka meddelande till deltagarna",
        "Namnbrickor",
        "CSV (semikolon, för Excel)",
        "Bekräftade och på väntelistan (3)",
        "Sök på namn, e-post eller organisation",
        "3 anmälningar · bekräftade och på väntelistan",
        "Namn Status E-post Organisation Telefon Foto Anmäld Incheckad Anteckningar Åtgärder",
        "Bertil Berg bekräftad bertil@example.se Ja 21 nov. 2026 10:00",
        "Cecilia Lund erbjuden plats svara senast 21 nov. 2026 12:00",
        "Förläng… Återkalla erbjudandet",
        "David Dahl på väntelistan #1",
        "Ge en plats Skicka mejlet igen Avboka…",
      ],
      englishList,
    );
    expect(page.html).toContain('aria-label="Ge David Dahl en plats"');
    expect(page.html).toContain('aria-label="Antal"');
  });

  it("speaks Bokmål to a Norwegian browser", async () => {
    const page = await read("nb", `${listPath(s.eventId)}?notice=cancelled&cols=${allColumns}`);
    expectWords(
      page,
      [
        "Arrangementer ›",
        "torsdag 18. mars 2027",
        "Deltakeren er meldt av, og e-post er sendt.",
        "1 / 2 bekreftede",
        "0 plasser igjen",
        "Legg til deltaker",
        "Send melding til deltakerne",
        "Navnelapper",
        "Bekreftede og på ventelisten (3)",
        "Søk etter navn, e-post eller organisasjon",
        "3 påmeldinger · bekreftede og på ventelisten",
        "Navn Status E-post Organisasjon Telefon Foto Påmeldt Sjekket inn Merknader Handlinger",
        "Bertil Berg bekreftet bertil@example.se Ja 21. nov. 2026",
        "Cecilia Lund tilbudt plass svar innen 21. nov. 2026",
        "Forleng… Trekk tilbake tilbudet",
        "David Dahl på ventelisten #1",
        "Tildel plass Send e-posten på nytt Meld av…",
      ],
      englishList,
    );
    expect(page.html).toContain('aria-label="Dette arrangementet"');
  });

  it("writes a search that finds nobody, and large counts, the language's way", async () => {
    const none = await read("sv", `${listPath(s.eventId)}?q=ingen-alls`);
    expectWords(none, ["Ingen matchar ”ingen-alls”.", "Rensa"], ["Nobody matches", "Clear"]);
    const nobody = await read("nb", `${listPath(s.eventId)}?q=ingen-alls`);
    expectWords(nobody, ["Ingen treff på «ingen-alls».", "Nullstill"], ["Nobody matches"]);
    // A thousand and more with a space between the thousands (no-break, as Intl writes it).
    expect(counted("sv", workspaceMessages("sv").attendees.table.count, 1500)).toBe("1\u00a0500 anmälningar");
    expect(counted("nb", workspaceMessages("nb").attendees.table.count, 1)).toBe("1 påmelding");
    expect(people(2, "nb")).toBe("2 personer");
  });

  it("adds an attendee in Swedish and Norwegian, errors included", async () => {
    const add = `${listPath(s.eventId)}/add`;
    const english = ["Add an attendee", "seats taken", "Language of their emails", "Seat and email", "Back to the list", "Answers"];
    expectWords(
      await read("sv", add),
      ["Lägg till en deltagare", "1 av 2 platser är tagna, 1 står på väntelistan.", "Förnamn Efternamn E-post Organisation (frivilligt)", "Språk i deltagarens mejl", "Plats och mejl", "Lägg till deltagare Tillbaka till listan"],
      english,
    );
    const refused = await read("nb", add, { firstName: "", lastName: "", email: "x" });
    expect(refused.status).toBe(400);
    expectWords(refused, ["Legg til en deltaker", "1 av 2 plasser er tatt", "Noe må rettes", "Organisasjon (valgfritt) Telefon (valgfritt)", "Språk i deltakerens e-post", "Plass og e-post", "Tilbake til listen"], english);
  });

  it("messages attendees: the form and its preview", async () => {
    const path = `${listPath(s.eventId)}/message`;
    const english = ["Message attendees", "Subject", "Preview", "Send the message?", "Send to", "Change the message", "everyone"];
    expectWords(await read("sv", path), ["Skicka meddelande till deltagarna", "Till alla som har plats", "(1 person)", "Ämne", "Förhandsgranska"], english);
    expectWords(await read("nb", path), ["Send melding til deltakerne", "Til alle som har plass", "Emne", "Forhåndsvis"], english);
    const draft = { step: "preview", audience: "waitlisted", subject: "Parkering", body: "Parkera vid entrén." };
    expectWords(await read("sv", path, draft), ["Skicka meddelandet?", "Det går till alla på väntelistan: 1 person", "Skicka till 1 person", "Ändra meddelandet"], english);
    expectWords(await read("nb", path, draft), ["Sende meldingen?", "Den går til alle på ventelisten: 1 person", "Send til 1 person", "Endre meldingen"], english);
  });

  it("confirms cancelling and promoting beyond capacity", async () => {
    const cancel = regPath(s.eventId, s.david, "cancel");
    const english = ["Cancel the registration", "Keep it", "is told by email", "waitlisted", "Seat beyond capacity", "Keep them waiting", "Email"];
    expectWords(await read("sv", cancel), ["Avboka anmälan för David Dahl?", "Status på väntelistan, plats 1", "David Dahl får besked med mejl.", "Avboka anmälan Behåll anmälan"], english);
    expectWords(await read("nb", cancel), ["Melde av David Dahl?", "Status på ventelisten, nummer 1", "David Dahl får beskjed på e-post.", "Meld av Behold påmeldingen"], english);
    const promote = regPath(s.eventId, s.david, "promote");
    expectWords(await read("sv", promote, {}), ["Ge plats utöver antalet platser?", "Evenemanget är fullbokat: 1 bekräftade av 2 platser.", "1 person för många", "Låt personen stå kvar på väntelistan"], english);
    expectWords(await read("nb", promote, {}), ["Gi plass utover antall plasser?", "Arrangementet er fullt: 1 bekreftet av 2 plasser.", "1 person for mange", "La personen stå på ventelisten"], english);
  });

  it("extends an offer, its deadline written in running text", async () => {
    const extend = regPath(s.eventId, s.cecilia, "offer/extend");
    const english = ["Extend the offer", "The seat is held", "New deadline", "Back to the list"];
    expectWords(await read("sv", extend), ["Förläng erbjudandet till Cecilia Lund", "till lördag 21 november 2026 kl. 12.00", "Ny svarstid (Europe/Stockholm)"], english);
    expectWords(await read("nb", extend), ["Forleng tilbudet til Cecilia Lund", "til lørdag 21. november 2026 kl. 12.00", "Ny svarfrist (Europe/Stockholm)"], english);
  });
});
