import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchOutbox } from "../src/mail/dispatcher";
import type { Mailer } from "../src/mail/mailer";
import { adminHarness, PASSWORD, type AdminHarness, type SignedIn } from "./helpers/admin";
import { CLOCK_START, HOUR } from "./helpers/clock";
import { eventBody } from "./helpers/harness";
import { FROM } from "./helpers/mail";

// The organisation's own pages (members, API keys, settings, the account, the mail page)
// and signing in, in Swedish (the default) and Norwegian Bokmål: their words, their dates,
// and none of the English ones left behind.
let h: AdminHarness;
const browsers = { sv: "", nb: "nb" } as const;
const owners = {} as Record<keyof typeof browsers, SignedIn>;

beforeAll(async () => {
  h = await adminHarness();
  for (const [language, browser] of Object.entries(browsers)) {
    const owner = await h.signedIn("owner", h.orgId, browser);
    // Every request from that same browser (a member who never chose follows it).
    owners[language as keyof typeof browsers] = { ...owner, request: (path, init = {}) => owner.request(path, { ...init, headers: { "accept-language": browser, ...init.headers } }) };
  }
});
afterAll(() => h?.close());

/** A page in `language`: its html lang, the words it must say, and English it must not. */
function expectPage(text: string, language: string, words: string[], english: string[]) {
  expect(text).toContain(`<html lang="${language}">`);
  for (const word of words) expect(text).toContain(word);
  for (const word of english) expect(text).not.toContain(word);
}

describe("the members pages", () => {
  const english = [">Members<", "Add a member", "Signs in with", "Password or link", ">Remove…<", ">Change<", "Add and send a sign-in link", "Language of their emails", ">Owner<"];

  it("lists members and adds them, in Swedish", async () => {
    const page = await owners.sv.request("/admin/members?notice=role");
    expectPage(
      page.text,
      "sv",
      ["<h1>Medlemmar</h1>", ">E-post</th>", ">Roll</th>", ">Loggar in med</th>", "Lösenord eller länk", ">Ta bort…</a>", ">Ändra<", "(du)", "Lägg till en medlem", ">Ägare<", "Arrangör – evenemang och deltagare", "Språk i mejl till medlemmen", "Lägg till och skicka inloggningslänk", "Rollen är ändrad."],
      english,
    );
    // A new member's emails start in the adding member's language.
    expect(page.text).toContain('<option value="sv" selected="">Svenska</option>');
  });

  it("lists members and adds them, in Norwegian", async () => {
    const page = await owners.nb.request("/admin/members?notice=added");
    expectPage(
      page.text,
      "nb",
      ["<h1>Medlemmer</h1>", ">Navn</th>", ">Rolle</th>", ">Logger inn med</th>", "Passord eller lenke", ">Fjern…</a>", ">Endre<", "(deg)", "Legg til et medlem", ">Eier<", ">Innsjekking<", "Legg til og send innloggingslenke", "Medlemmet er lagt til, og en innloggingslenke er på vei."],
      english,
    );
    expect(page.text).toContain('<option value="nb" selected="">Norsk bokmål</option>');
    const refused = await owners.nb.request("/admin/members", { form: { email: "inte-en-adress", role: "organiser", language: "nb" } });
    expect(refused.status).toBe(400);
    expectPage(refused.text, "nb", ["Rett opp følgende"], ["Please correct the following"]);
  });

  it("asks before removing a member, in both", async () => {
    const other = await h.signedIn("organiser");
    const sv = await owners.sv.request(`/admin/members/${other.member.id}/remove`);
    expectPage(sv.text, "sv", [`Ta bort ${other.member.email}?`, "loggas ut överallt direkt", "Ta bort medlemmen", ">Avbryt</a>"], ["Remove the member", "Keep them", "audit log"]);
    const nb = await owners.nb.request(`/admin/members/${owners.nb.member.id}/remove`);
    expectPage(nb.text, "nb", [`Fjerne ${owners.nb.member.email}?`, "Du blir logget ut med en gang", "En eier kan legge deg til igjen senere.", "Fjern meg"], ["Remove myself", "Keep them"]);
  });
});

describe("the API keys page", () => {
  const english = ["<h1>API tokens</h1>", "Make a token", "Make the token", "Last used", ">Never<", ">Revoke<", ">Active<", "No tokens yet"];

  it("makes, lists and revokes keys in Swedish, dates written the Swedish way", async () => {
    const made = await owners.sv.request("/admin/tokens", { form: { name: "CRM-synk" } });
    expect(made.status).toBe(201);
    expectPage(made.text, "sv", ["Din nya nyckel ”CRM-synk”", "Den visas bara den här gången", "Skicka den som <code>Authorization: Bearer …</code> till <code>/api/v1</code>."], ["Your new token"]);
    const list = await owners.sv.request("/admin/tokens");
    expectPage(
      list.text,
      "sv",
      ["<h1>API-nycklar</h1>", ">Namn</th>", ">Skapad</th>", ">Senast använd</th>", ">Aldrig<", ">Aktiv<", ">Återkalla<", 'aria-label="Återkalla CRM-synk"', "Skapa en nyckel", "Skapa nyckeln"],
      english,
    );
    expect(list.text).toContain(`<time datetime="${CLOCK_START.replace("Z", ".000Z")}">21 nov. 2026 09:00:00 UTC</time>`);
    const [token] = await h.database.db.all<{ id: string }>(sql`SELECT id FROM api_tokens WHERE name = 'CRM-synk'`);
    const revoked = await owners.sv.request(`/admin/tokens/${token!.id}/revoke`, { form: {} });
    expectPage((await owners.sv.request(revoked.location!)).text, "sv", ["Nyckeln är återkallad", ">Återkallad<"], ["The token is revoked", ">Revoked<"]);
  });

  it("speaks Norwegian, dates with a full stop after the day", async () => {
    const list = await owners.nb.request("/admin/tokens");
    expectPage(list.text, "nb", ["<h1>API-nøkler</h1>", ">Opprettet</th>", ">Sist brukt</th>", ">Trukket tilbake<", "Lag en nøkkel", "Lag nøkkelen", "«CRM-synk»"], english);
    expect(list.text).toContain(">21. nov. 2026, 09:00:00 UTC</time>");
  });
});

describe("the settings page", () => {
  const english = ["<h1>Settings</h1>", "Contact email", "Privacy notice URL", "Embedding", "Save settings", "ten years"];

  it("is in Swedish, numbers written the Swedish way", async () => {
    const page = await owners.sv.request("/admin/settings?notice=saved");
    expectPage(
      page.text,
      "sv",
      ["<h1>Inställningar</h1>", "<h2>Organisation</h2>", "E-postadress för kontakt", "Adress till integritetspolicyn", "Kräv samtycke till integritetspolicyn vid anmälan", "Från 30 dagar", "till 3\u00a0650 (tio år)", "Inbäddning", "Spara inställningarna", "Inställningarna är sparade."],
      english,
    );
  });

  it("is in Norwegian, and says what to fix there", async () => {
    const page = await owners.nb.request("/admin/settings");
    expectPage(page.text, "nb", ["<h1>Innstillinger</h1>", "<h2>Organisasjon</h2>", "<h2>Personvern</h2>", "Adresse til personvernerklæringen", "til 3\u00a0650 (ti år)", "Innbygging", "Lagre innstillingene"], english);
    const refused = await owners.nb.request("/admin/settings", { form: { name: "Test org", retentionDays: "abc" } });
    expect(refused.status).toBe(400);
    expectPage(refused.text, "nb", ["Rett opp følgende", 'href="#f-retentionDays"'], ["Please correct the following"]);
  });
});

describe("the account page", () => {
  const english = ["Your account", "Current password", "New password", "Repeat it", "Set password", ">Owner<", ">owner<"];

  it("is in Swedish and Norwegian, the role in words", async () => {
    const sv = await owners.sv.request("/admin/account?notice=password");
    expectPage(sv.text, "sv", ["<h1>Ditt konto</h1>", "<dt>Roll</dt>", "<dd>Ägare</dd>", "<h2>Lösenord</h2>", "Nuvarande lösenord", "Minst 10 tecken.", "Upprepa lösenordet", "Spara lösenordet", "Ditt lösenord är sparat."], english);
    const nb = await owners.nb.request("/admin/account");
    expectPage(nb.text, "nb", ["<h1>Kontoen din</h1>", "<dt>Rolle</dt>", "<dd>Eier</dd>", "<h2>Passord</h2>", "Nåværende passord", "Minst 10 tegn.", "Gjenta passordet", "Lagre passordet"], english);
    const differ = await owners.nb.request("/admin/account/password", { form: { current: PASSWORD, password: "en lang setning her", confirm: "en annen setning" } });
    expect(differ.status).toBe(400);
    expectPage(differ.text, "nb", ["Rett opp følgende"], ["Please correct the following"]);
  });
});

describe("signing in", () => {
  const english = ["Sign in to Plats", ">Password<", "Email me a sign-in link", ">Sign in<", "Wrong email or password", "sign-in link is on its way"];

  it("speaks the browser's language, else Swedish; ?lang= picks, and the form keeps it", async () => {
    const sv = await h.request("/admin/login", { headers: { "accept-language": "" } });
    expectPage(sv.text, "sv", ["<title>Logga in · Plats</title>", "<h1>Logga in på Plats</h1>", ">Lösenord</label>", "Lämna fältet tomt", ">Logga in</button>", "Skicka en inloggningslänk till mig"], english);
    expect(sv.text).toContain('action="/admin/login"');
    const nb = await h.request("/admin/login", { headers: { "accept-language": "nb-NO,nb;q=0.9" } });
    expectPage(nb.text, "nb", ["<h1>Logg inn på Plats</h1>", ">Passord</label>", ">Logg inn</button>", "Send meg en innloggingslenke"], english);
    const picked = await h.request("/admin/login?lang=nb", { headers: { "accept-language": "sv" } });
    expectPage(picked.text, "nb", ["<h1>Logg inn på Plats</h1>", 'action="/admin/login?lang=nb"', 'formaction="/admin/login/link?lang=nb"'], english);
  });

  it("says what went wrong, and that a link is on its way, in the reader's language", async () => {
    const wrong = await h.request("/admin/login", { form: { email: "ingen@cluster.se", password: "fel" }, headers: { "accept-language": "sv-SE" } });
    expect(wrong.status).toBe(401);
    expectPage(wrong.text, "sv", ["Fel e-postadress eller lösenord."], english);
    const sent = await h.request("/admin/login/link", { form: { email: "ingen@cluster.se" }, headers: { "accept-language": "nb" } });
    expectPage(sent.text, "nb", ["Hvis adressen tilhører et medlem, er en innloggingslenke på vei. Den virker én gang, i 15 minutter."], english);
    const link = await h.request("/admin/login/link/abc", { headers: { "accept-language": "" } });
    expectPage(link.text, "sv", ["Fortsätt för att logga in med länken i mejlet.", ">Logga in</button>"], english);
    const used = await h.request("/admin/login/link/abc", { form: {}, headers: { "accept-language": "nb" } });
    expect(used.status).toBe(400);
    expectPage(used.text, "nb", ["Innloggingslenken er utløpt eller allerede brukt."], ["expired or was already used"]);
  });
});

describe("the mail page", () => {
  const english = ["Mail that did not arrive", "By event", "All emails", ">Failed<", ">Send again<", "Send them again", "The mail server said", "Emails are not going out", "1 attempt"];

  beforeAll(async () => {
    const ev = (await h.api("POST", "/events", eventBody({ title: "LEAN-kurs", capacity: 50 }))).body.id as string;
    for (const email of ["anna@example.se", "typo@exampel.se"]) await h.api("POST", `/events/${ev}/registrations`, { name: "Anna", email }, { token: null });
    const mailer: Mailer = {
      send: async (m) => (m.to.address === "typo@exampel.se" ? { ok: false, kind: "message", reason: "550 5.1.1 User unknown" } : { ok: true }),
    };
    expect(await dispatchOutbox({ ctx: h.ctx, mailer, settings: { from: FROM } })).toMatchObject({ failed: 1 });
    const since = Date.parse(CLOCK_START);
    await h.database.db.run(sql`INSERT INTO mail_hold (id, since, until, attempts, reason) VALUES ('queue', ${since}, ${since + HOUR}, 1, '553 sender rejected')`);
  });

  it("lists refused mail in Swedish", async () => {
    const page = await owners.sv.request("/admin/mail?resent=2");
    expectPage(
      page.text,
      "sv",
      ["<h1>E-post som inte kom fram</h1>", "<h2>Per evenemang</h2>", "<h2 class=\"spaced\">All e-post</h2>", ">Skapat</th>", ">E-postservern svarade</th>", ">Misslyckades<", "1 försök", ">Bekräftelse", ">Skicka igen<", 'aria-label="Skicka igen: Bekräftelse till typo@exampel.se"', "Skicka den igen", "Skicka dem igen", "2 mejl är på väg igen.", "Ingen e-post går ut: sedan <time", ">21 nov. 2026 09:00:00 UTC</time>", "(nästa försök <time"],
      english,
    );
    expect(page.text).toContain("550 5.1.1 User unknown");
  });

  it("lists refused mail in Norwegian", async () => {
    const page = await owners.nb.request("/admin/mail?resent=1");
    expectPage(
      page.text,
      "nb",
      ["<h1>E-post som ikke kom fram</h1>", "<h2>Per arrangement</h2>", ">Opprettet</th>", ">E-postserveren svarte</th>", ">Feilet<", "1 forsøk", ">Send på nytt<", "Send dem på nytt", "1 e-post er på vei igjen.", "Ingen e-post blir sendt: siden <time", ">21. nov. 2026, 09:00:00 UTC</time>"],
      english,
    );
  });
});
