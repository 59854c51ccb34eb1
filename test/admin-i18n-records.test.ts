import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendanceFixture, readCsv, readXlsx } from "./admin-exports-fixture";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";

// Reports, personal data, the audit log and the downloaded files in Swedish (a member whose
// browser names no language of ours) and Norwegian (a Norwegian browser). The files are
// parsed back, as the export tests do; the public API's files stay English.
let h: AdminHarness;
let event: { id: string; slug: string; title: string };
const as: Record<"sv" | "nb", { owner: SignedIn; browser: string }> = {} as never;

beforeAll(async () => {
  h = await adminHarness();
  ({ event } = await attendanceFixture(h));
  as.sv = { owner: await h.signedIn("owner", h.orgId, ""), browser: "" };
  as.nb = { owner: await h.signedIn("owner", h.orgId, "nb"), browser: "nb" };
});
afterAll(() => h.close());

type Lang = keyof typeof as;
const page = (lang: Lang, path: string, form?: Record<string, string>) =>
  as[lang].owner.request(path, { headers: { "accept-language": as[lang].browser }, ...(form ? { form } : {}) });

/** A download as the member's browser asks for it. */
async function download(lang: Lang, path: string) {
  const res = await h.app.request(path, { headers: { cookie: as[lang].owner.cookie, "accept-language": as[lang].browser } });
  expect(res.status, path).toBe(200);
  return { disposition: res.headers.get("content-disposition") ?? "", bytes: await res.arrayBuffer() };
}
const csvOf = (bytes: ArrayBuffer, sep = ",") => readCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), sep);

function expectWords(text: string, lang: string, present: string[], absent: string[]) {
  expect(text).toContain(`<html lang="${lang}">`);
  for (const word of present) expect(text, word).toContain(word);
  for (const word of absent) expect(text, word).not.toContain(word);
}

const RANGE = "from=2027-01-01&to=2027-12-31";

describe("the report page", () => {
  it("speaks Swedish, with the months and dates written the Swedish way", async () => {
    const res = await page("sv", `/admin/reports?${RANGE}`);
    expect(res.status).toBe(200);
    expectWords(
      res.text,
      "sv",
      ["<title>Rapporter · ", "<h1>Deltagande</h1>", ">Från</label>", ">Till</label>", ">Visa</button>", ">I diagram</h2>", "Anmälningar och deltagande per månad", "<title>mars 2027, Anmälningar: 4</title>", "De 4 organisationer som skickade flest deltagare", ">Per organisation</h2>", '<th scope="col" class="num">Anmälningar</th>', '<th scope="row">Totalt</th>', "Ladda ner:", "CSV med semikolon (svenskt Excel)", "<strong>1</strong> evenemang", "<strong>2</strong> bekräftade", "från 1 januari 2027 till och med 31 december 2027", "Evenemang med bekräftad plats", "Totalt: 4 personer"],
      [">Participation<", "In pictures", "Registrations", "Download:", ">Show<", ">From<", "Total:", "March", "2027-03,"],
    );
  });

  it("speaks Norwegian Bokmål", async () => {
    const res = await page("nb", `/admin/reports?${RANGE}`);
    expectWords(
      res.text,
      "nb",
      ["<h1>Deltakelse</h1>", ">Fra</label>", ">Vis</button>", ">I diagrammer</h2>", "Påmeldinger og oppmøte per måned", "<title>mars 2027, Påmeldinger: 4</title>", "De 4 organisasjonene som sendte flest deltakere", ">Per organisasjon</h2>", "Last ned:", "CSV med semikolon (norsk Excel)", "<strong>1</strong> arrangement", "fra og med 1. januar 2027 til og med 31. desember 2027", "Arrangementer med bekreftet plass", "Totalt: 4 personer"],
      [">Participation<", "In pictures", "Registrations", "Download:", ">Show<", "Anmälningar", "Ladda ner"],
    );
  });

  it("says what is wrong with the range in the member's language frame", async () => {
    const res = await page("sv", "/admin/reports?from=2027-06-01&to=2027-05-31");
    expect(res.status).toBe(400);
    expect(res.text).toContain("<h2>Rätta följande</h2>");
  });
});

describe("the report files", () => {
  it("have Swedish headers, totals, notes, sheet and file names for a Swedish member", async () => {
    const orgs = await download("sv", `/admin/reports/organisations.csv?${RANGE}&sep=semicolon`);
    expect(orgs.disposition).toContain('filename="deltagande-organisationer-2027-01-01-till-2027-12-31.csv"');
    const rows = await csvOf(orgs.bytes, ";");
    expect(rows[0]).toEqual(["Organisation", "Personer", "Anmälningar", "Bekräftade", "Deltog", "Evenemang"]);
    expect(rows.find((r) => r[0] === "Totalt")).toEqual(["Totalt", "4", "4", "2", "1", "1"]);
    expect(rows.map((r) => r[0])).toContain("(ingen organisation)");
    expect(rows.some((r) => r[0] === "Period: 2027-01-01 till 2027-12-31; 1 evenemang (inställda evenemang räknas inte).")).toBe(true);
    expect(rows.some((r) => r[0] === "Avbokade anmälningar (räknas inte ovan): 1")).toBe(true);

    const people = await download("sv", `/admin/reports/people.xlsx?${RANGE}`);
    expect(people.disposition).toContain('filename="deltagande-personer-2027-01-01-till-2027-12-31.xlsx"');
    const { sheet, rows: xlsx } = await readXlsx(people.bytes);
    expect(sheet.name).toBe("Personer");
    expect(xlsx[0]).toEqual(["Namn", "E-post", "Organisation", "Evenemang med bekräftad plats", "Evenemang personen deltog i"]);
    expect(xlsx).toContainEqual(["Totalt: 4 personer", null, null, 2, 1]);
  });

  it("have Norwegian ones for a Norwegian member", async () => {
    const orgs = await download("nb", `/admin/reports/organisations.xlsx?${RANGE}`);
    expect(orgs.disposition).toContain('filename="deltakelse-organisasjoner-2027-01-01-til-2027-12-31.xlsx"');
    const { sheet, rows } = await readXlsx(orgs.bytes);
    expect(sheet.name).toBe("Organisasjoner");
    expect(rows[0]).toEqual(["Organisasjon", "Personer", "Påmeldinger", "Bekreftet", "Møtte", "Arrangementer"]);
    expect(rows.map((r) => r[0])).toContain("Totalt");
    expect(rows.map((r) => r[0])).toContain("(ingen organisasjon)");
  });
});

describe("the attendance list files", () => {
  it("are Swedish for a Swedish member: headers, status words, yes and no, file name", async () => {
    const csv = await download("sv", `/admin/events/${event.id}/attendees.csv`);
    expect(csv.disposition).toContain(`filename="${event.slug}-deltagare-2026-11-21.csv"`);
    const rows = await csvOf(csv.bytes);
    expect(rows[0]!.slice(0, 12)).toEqual([
      "Namn", "E-post", "Organisation", "Telefon", "Status", "Plats på väntelistan", "Anmäld", "Incheckad",
      "Tillagd av arrangör", "Utöver antal platser", "Språk", "Samtycke",
    ]);
    // The questions keep the organiser's own labels.
    expect(rows[0]!.slice(12)).toEqual(["Kost / allergier", "Spår", "Dagar", "Får fotograferas"]);
    expect(rows.slice(1).map((r) => [r[0], r[4], r[5], r[8], r[15]])).toEqual([
      ["Åsa Öberg", "Bekräftad", "", "Nej", "Ja"],
      ["'=1+1", "Bekräftad", "", "Nej", "Nej"],
      ["Erik Väntare", "På väntelistan", "1", "Nej", "Nej"],
      ["Karin Kö", "På väntelistan", "2", "Nej", "Nej"],
    ]);
    const cancelled = await csvOf((await download("sv", `/admin/events/${event.id}/attendees.csv?status=cancelled`)).bytes);
    expect(cancelled.slice(1).map((r) => r[4])).toEqual(["Avbokad"]);

    const xlsx = await download("sv", `/admin/events/${event.id}/attendees.xlsx`);
    expect(xlsx.disposition).toContain(`filename="${event.slug}-deltagare-2026-11-21.xlsx"`);
    const { rows: sheet } = await readXlsx(xlsx.bytes);
    expect(sheet[0]!.slice(0, 8)).toEqual(["Namn", "E-post", "Organisation", "Telefon", "Status", "Plats på väntelistan", "Anmäld", "Incheckad"]);
    expect(sheet[3]!.slice(4, 6)).toEqual(["På väntelistan", 1]);
  });

  it("are Norwegian for a Norwegian member", async () => {
    const { disposition, bytes } = await download("nb", `/admin/events/${event.id}/attendees.xlsx`);
    expect(disposition).toContain(`filename="${event.slug}-deltakere-2026-11-21.xlsx"`);
    const { rows } = await readXlsx(bytes);
    expect(rows[0]!.slice(0, 12)).toEqual([
      "Navn", "E-post", "Organisasjon", "Telefon", "Status", "Nummer på ventelisten", "Påmeldt", "Sjekket inn",
      "Lagt til av arrangør", "Utover antall plasser", "Språk", "Samtykke",
    ]);
    expect(rows.slice(1).map((r) => [r[4], r[8], r[15]])).toEqual([
      ["Bekreftet", "Nei", "Ja"],
      ["Bekreftet", "Nei", "Nei"],
      ["På ventelisten", "Nei", "Nei"],
      ["På ventelisten", "Nei", "Nei"],
    ]);
  });

  it("stay English through the public API, whatever the caller's language", async () => {
    const res = await h.app.request(`/api/v1/events/${event.id}/registrations.csv`, { headers: { authorization: `Bearer ${h.token}`, "accept-language": "sv" } });
    expect(res.headers.get("content-disposition")).toContain(`filename="${event.slug}-attendees-2026-11-21.csv"`);
    const rows = await csvOf(await res.arrayBuffer());
    expect(rows[0]!.slice(0, 5)).toEqual(["Name", "Email", "Organisation", "Phone", "Status"]);
    expect(rows[1]!.slice(4, 10)).toEqual(["confirmed", "", "2026-11-21 10:00", "2026-11-21 10:04", "No", "No"]);
  });
});

describe("the audit log", () => {
  it("shows the actions in Swedish, with the stored codes kept for the filter", async () => {
    const res = await page("sv", "/admin/audit");
    expect(res.status).toBe(200);
    expectWords(
      res.text,
      "sv",
      ["<title>Logg över ändringar · ", "<h1>Logg över ändringar</h1>", "den senaste först", ">Åtgärder som börjar med</label>", ">Filtrera", '<th scope="col">Tid</th>', '<th scope="col">Vem</th>', '<th scope="col">Åtgärd</th>', '<th scope="col">Gäller</th>', "Deltagarlista exporterad", "<code>export.attendees</code>", "Rapport exporterad", `>evenemang ${event.id}</a>`],
      ["<h1>Audit log", ">Filter<", ">Action<", ">Who<", "Older entries", ">event evt_"],
    );
    expect(res.text).toMatch(/<time datetime="2026-11-21T[^"]+">21 nov\. 2026 \d\d:\d\d:\d\d UTC<\/time>/);
    const none = await page("sv", "/admin/audit?action=nothing.");
    expect(none.text).toContain("Inga poster för åtgärder som börjar med ”nothing.”.");
  });

  it("shows them in Norwegian", async () => {
    const res = await page("nb", "/admin/audit");
    expectWords(
      res.text,
      "nb",
      ["<h1>Endringslogg</h1>", ">Handlinger som begynner med</label>", ">Filtrer", '<th scope="col">Hvem</th>', '<th scope="col">Handling</th>', "Deltakerliste eksportert", "<code>export.attendees</code>", `>arrangement ${event.id}</a>`],
      ["<h1>Audit log", ">Filter<", ">Action<", "Deltagarlista"],
    );
    expect(res.text).toMatch(/>21\. nov\. 2026, \d\d:\d\d:\d\d UTC<\/time>/);
  });
});

describe("personal data", () => {
  it("is found, listed and explained in Swedish", async () => {
    const start = await page("sv", "/admin/privacy");
    expectWords(start.text, "sv", ["<h1>Personuppgifter</h1>", ">E-postadress", "Stora och små bokstäver spelar ingen roll.", ">Sök</button>"], ["Personal data", ">Search<", "Email address"]);

    const res = await page("sv", "/admin/privacy", { email: "asa@industri.se" });
    expect(res.status).toBe(200);
    expectWords(
      res.text,
      "sv",
      ["Sparat om asa@industri.se", "Ladda ner som JSON", "Radera…", "Anmälningar (1)", "Meddelanden (", "Medlemskonton (0)", '<th scope="col">Evenemang</th>', '<th scope="col">Samtycke</th>', "<td>Bekräftad</td>", "photo: ja", '<time datetime="2026-11-21T09:00:00.000Z">21 nov. 2026 10:00</time>', "<td>bekräftelse</td>", "Tiderna står i varje evenemangs egen tidszon"],
      ["Stored about", "Download as JSON", "Registrations (", "<td>confirmed</td>", "Member accounts"],
    );
    expect(res.text).toMatch(/21 nov\. 2026 \d\d:\d\d:\d\d UTC/);
    const nothing = await page("sv", "/admin/privacy", { email: "nobody@example.se" });
    expect(nothing.text).toContain("Inget finns sparat om nobody@example.se i organisationen.");

    const json = await page("sv", "/admin/privacy/export", { email: "asa@industri.se" });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-disposition")).toContain('filename="personuppgifter-2026-11-21.json"');
  });

  it("is found and listed in Norwegian", async () => {
    const res = await page("nb", "/admin/privacy", { email: "asa@industri.se" });
    expectWords(
      res.text,
      "nb",
      ["<h1>Personopplysninger</h1>", "Lagret om asa@industri.se", "Last ned som JSON", "Slett…", "Påmeldinger (1)", "Meldinger (", "<td>Bekreftet</td>", '<time datetime="2026-11-21T09:00:00.000Z">21. nov. 2026, 10:00</time>', "<td>bekreftelse</td>"],
      ["Stored about", "Download as JSON", "Registrations (", "Erase…"],
    );
  });

  it("asks before erasing, and says what was erased, in the member's language", async () => {
    const nb = await page("nb", "/admin/privacy/erase/review", { email: "asa@industri.se" });
    expectWords(nb.text, "nb", ["<h1>Slette asa@industri.se?</h1>", "Dette slettes for godt:", "1 påmelding: Leankonferens Blekinge 2027 (bekreftet), med svar og lenker til påmeldingen;", "1 bekreftet plass blir ledig", ">Slett</button>", ">Avbryt</button>"], ["Erase", "This deletes", ">Cancel<"]);

    const sv = await page("sv", "/admin/privacy/erase/review", { email: "asa@industri.se" });
    expectWords(
      sv.text,
      "sv",
      ["<title>Radera personuppgifter · ", "<h1>Radera asa@industri.se?</h1>", "Det här raderas för gott:", "1 anmälan: Leankonferens Blekinge 2027 (bekräftad), med svar och länkar till anmälan;", "1 bekräftad plats blir ledig", "Ingen får mejl om raderingen.", ">Radera</button>", ">Avbryt</button>"],
      ["Erase", "This deletes", ">Cancel<", "registration(s)"],
    );

    const erased = await page("sv", "/admin/privacy/erase", { email: "karin@example.se" });
    expect(erased.status).toBe(303);
    const after = await page("sv", erased.location!);
    expect(after.text).toMatch(/1 anmälan och (1 meddelande|\d+ meddelanden) är raderade\./);
  });
});
