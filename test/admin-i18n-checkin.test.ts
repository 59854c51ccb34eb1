import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { door, makeEvent, passOf, signUp } from "./admin-checkin-fixture";

// The door and what is printed for it, in Swedish (the default) and Norwegian Bokmål.
let h: AdminHarness;
let d: Awaited<ReturnType<typeof door>>;
let today: string;
const as: Record<"sv" | "nb", { member: SignedIn; browser: string }> = {} as never;
beforeAll(async () => {
  h = await adminHarness();
  as.sv = { member: await h.signedIn("organiser", h.orgId, ""), browser: "" };
  as.nb = { member: await h.signedIn("organiser", h.orgId, "nb"), browser: "nb" };
  d = await door(h);
  const now = h.clock.now().getTime();
  const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
  today = await makeEvent(h, { title: "Frukostseminarium", startsAt: at(1), endsAt: at(3), capacity: 10 });
  for (const n of [1, 2]) await signUp(h, today, { name: `Gäst ${n}`, email: `g${n}@x.se` });
});
afterAll(() => h.close());

const get = (lang: "sv" | "nb", path: string, init: { form?: Record<string, string> } = {}) =>
  as[lang].member.request(path, { ...init, headers: { "accept-language": as[lang].browser } });
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
const desk = (id = d.eventId) => `/admin/events/${id}/checkin`;

function expectPage(html: string, lang: "sv" | "nb", present: string[], english: string[]) {
  expect(html).toContain(`<html lang="${lang}">`);
  const shown = text(html);
  for (const words of present) expect(shown).toContain(words);
  for (const words of english) expect(shown).not.toContain(words);
}

describe("the door's pages in Swedish and Norwegian", () => {
  const englishPick = ["Today and coming days", "Recent events", "No events in the last 30 days", "confirmed"];
  it("picks the event", async () => {
    const sv = await get("sv", "/admin/checkin");
    expectPage(sv.text, "sv", ["Incheckning", "I dag och de närmaste dagarna", "Senaste evenemangen", "Inga evenemang de senaste 30 dagarna.", "2 bekräftade"], englishPick);
    expect(sv.text).toContain("<title>Incheckning · ");
    const nb = await get("nb", "/admin/checkin");
    expectPage(nb.text, "nb", ["Innsjekking", "I dag og de nærmeste dagene", "Nylige arrangementer", "Ingen arrangementer de siste 30 dagene.", "2 bekreftede"], englishPick);
  });

  const englishDesk = ["Other events", "Find a person", "Search", "Add a walk-in", "Check in by code", "Scan QR code", "Stop scanning", "checked in of", "on the waitlist", "Not checked in", "Waitlisted", "Cancelled", "Everyone with a seat"];
  it("lists the people at the door, with the counts, the walk-in form and the code", async () => {
    const sv = await get("sv", desk());
    expectPage(
      sv.text,
      "sv",
      ["Lean-frukost", "torsdag 18 mars 2027", "Andra evenemang", "0 av 2 bekräftade har checkat in", "1 på väntelistan", "Hitta en person", "Inte incheckad", "På väntelistan – ingen plats", "Avbokad", "Alla med plats, efter efternamn.", "Lägg till deltagare utan anmälan", "Förnamn", "Efternamn", "E-post", "Ge plats utöver antalet platser", "Lägg till och checka in", "Checka in med kod", "Skanna QR-kod", "Koden från mejlet eller deltagarens sida"],
      englishDesk,
    );
    expect(sv.text).toContain('aria-label="Checka in Åsa Söderström"');
    expect(sv.text).toContain('placeholder="Namn, organisation eller e-post"');
    expect(sv.text).toContain('aria-label="Alla med plats, efter efternamn"');
    expect(sv.text).toContain("<title>Incheckning: Lean-frukost · ");
    const nb = await get("nb", desk());
    expectPage(
      nb.text,
      "nb",
      ["torsdag 18. mars 2027", "Andre arrangementer", "0 av 2 bekreftede har sjekket inn", "1 på ventelisten", "Finn en person", "Ikke sjekket inn", "På ventelisten – ingen plass", "Avmeldt", "Legg til deltaker uten påmelding", "Navn", "Organisasjon", "Legg til og sjekk inn", "Sjekk inn med kode", "Skann QR-kode"],
      englishDesk,
    );
    expect(nb.text).toContain('aria-label="Sjekk inn Bo Ek"');
  });

  it("gives the door's script its words in the member's language", async () => {
    const block = (html: string) => JSON.parse(/<script type="application\/json" id="checkin-words">([^<]*)<\/script>/.exec(html)![1]!);
    const sv = block((await get("sv", desk())).text);
    expect(sv).toMatchObject({ locale: "sv-SE", timeZone: "Europe/Stockholm", checkIn: "Checka in", undo: "Ångra", notice: { offline: "Ingen anslutning. Försök igen." } });
    expect(sv.desk.next).toMatch(/^Nästa \d+ efter efternamn$/);
    const nb = block((await get("nb", desk())).text);
    expect(nb).toMatchObject({ locale: "nb-NO", checkIn: "Sjekk inn", status: { checkedIn: "Sjekket inn" }, notice: { camera: "Kameraet kunne ikke åpnes. Skriv inn koden i stedet." } });
  });

  it("says what a tap, an undo and a second scan did", async () => {
    const tapped = await get("sv", `${desk()}/r/${d.asa.id}`, { form: { q: "" } });
    expect(tapped.status).toBe(303);
    const after = text((await get("sv", tapped.location!)).text);
    expect(after).toContain("Åsa Söderström är incheckad.");
    expect(after).toContain("1 av 2 bekräftade har checkat in");
    expect((await get("nb", desk())).text).toContain('aria-label="Angre innsjekkingen av Åsa Söderström"');
    const undone = await get("nb", `${desk()}/r/${d.asa.id}/undo`, { form: { q: "" } });
    expect(text((await get("nb", undone.location!)).text)).toContain("Innsjekkingen av Åsa Söderström er angret.");

    const path = new URL((await passOf(h, h.orgId, d.bo.id)).url).pathname;
    const scanned = await get("sv", path);
    expectPage(scanned.text, "sv", ["Bo Ek", "Checka in", "Öppna incheckningslistan för evenemanget"], ["Open the check-in list"]);
    expect(text((await get("sv", path, { form: {} })).text)).toContain("Bo Ek är incheckad.");
    expect(text((await get("sv", path, { form: {} })).text)).toMatch(/Bo Ek checkade redan in kl\. \d\d\.\d\d\./);
    expect(text((await get("nb", path, { form: {} })).text)).toMatch(/Bo Ek sjekket allerede inn kl\. \d\d\.\d\d\./);
  });

  it("explains a walk-in's mistakes in the member's language", async () => {
    const res = await get("sv", `${desk()}/walk-in`, { form: { name: "", email: "", organisation: "" } });
    expect(res.status).toBe(400);
    expectPage(res.text, "sv", ["Rätta följande", "Lägg till deltagare utan anmälan"], ["Add a walk-in", "Fix the following"]);
  });
});

describe("what is printed, in Swedish and Norwegian", () => {
  const englishPrint = ["Back to the attendance list", "Use your browser", "confirmed attendees", "Signature", "Organisation", "Print:"];
  it("prints the list people sign at the door", async () => {
    const sv = await get("sv", `/admin/events/${d.eventId}/print`);
    expect(sv.status).toBe(200);
    expectPage(sv.text, "sv", ["torsdag 18 mars 2027", "Tillbaka till deltagarlistan", "Skriv ut listan eller spara den som PDF", "2 bekräftade deltagare", "Nr", "Namn", "Namnteckning"], englishPrint.filter((w) => w !== "Organisation"));
    expect(sv.text).toContain('<th scope="col">Organisation</th>');
    expect(sv.text).toContain("<title>Utskrift: Lean-frukost · ");
    const nb = await get("nb", `/admin/events/${d.eventId}/print`);
    expectPage(nb.text, "nb", ["torsdag 18. mars 2027", "Tilbake til deltakerlisten", "2 bekreftede deltakere", "Nr.", "Navn", "Organisasjon", "Underskrift"], englishPrint);
  });

  it("prints name badges", async () => {
    const englishBadges = ["Name badges", "badges on", "sheet", "Print at 100 %"];
    const sv = await get("sv", `/admin/events/${d.eventId}/badges`);
    expectPage(sv.text, "sv", ["Namnbrickor", "2 namnbrickor på 1 A4-ark med 8 etiketter", "Skriv ut i 100 % (inte ”anpassa till sidan”)"], englishBadges);
    const nb = await get("nb", `/admin/events/${d.eventId}/badges`);
    expectPage(nb.text, "nb", ["Navneskilt", "2 navneskilt på 1 A4-ark med 8 etiketter", "(ikke «tilpass til siden»)"], englishBadges);
  });
});
