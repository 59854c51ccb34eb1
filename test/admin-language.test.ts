import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_URL } from "./helpers/harness";
import { adminHarness, PASSWORD, type AdminHarness } from "./helpers/admin";

let h: AdminHarness;
beforeAll(async () => {
  h = await adminHarness();
});
afterAll(() => h.close());

const stored = async (id: string) =>
  (await h.database.db.all<{ language: string; language_chosen_at: number | null }>(sql`SELECT language, language_chosen_at FROM users WHERE id = ${id}`))[0]!;

// The header's navigation and switch, as each language writes them.
const nav = { sv: ["Evenemang", "Rapporter", "Logga ut", "Språk"], nb: ["Arrangementer", "Rapporter", "Logg ut", "Språk"], en: ["Events", "Reports", "Sign out", "Language"] };

describe("the workspace's language", () => {
  it("speaks Swedish to a member who never chose, when the browser names no language of ours", async () => {
    const m = await h.signedIn("owner", h.orgId, "");
    for (const header of ["", "de-DE,de;q=0.9", "fr"]) {
      const page = await m.request("/admin/reports", { headers: { "accept-language": header } });
      expect(page.status).toBe(200);
      expect(page.text).toContain('<html lang="sv">');
      for (const word of nav.sv) expect(page.text).toContain(word);
      expect(page.text).not.toContain(">Sign out<");
    }
  });

  it("follows the browser until the member chooses; Norwegian browsers saying no or nn get Bokmål", async () => {
    const m = await h.signedIn("owner");
    for (const header of ["nb-NO,nb;q=0.9", "no", "nn-NO"]) {
      const page = await m.request("/admin/reports", { headers: { "accept-language": header } });
      expect(page.text).toContain('<html lang="nb">');
      for (const word of nav.nb) expect(page.text).toContain(word);
    }
    const english = await m.request("/admin/reports", { headers: { "accept-language": "en-GB" } });
    for (const word of nav.en) expect(english.text).toContain(word);
  });

  it("keeps the member's choice from the header's switch, whatever the browser says, and goes back to the page", async () => {
    const m = await h.signedIn("checkin");
    const page = await m.request("/admin/checkin");
    expect(page.text).toContain('action="/admin/language"');
    expect(page.text).toMatch(/<option value="nb" lang="nb">Norsk bokmål<\/option>/);

    const chosen = await m.request("/admin/language", { form: { language: "nb" }, headers: { referer: `${PUBLIC_URL}/admin/checkin?q=anna` } });
    expect(chosen.status).toBe(303);
    expect(chosen.location).toBe("/admin/checkin?q=anna");
    expect(await stored(m.member.id)).toMatchObject({ language: "nb", language_chosen_at: expect.any(Number) });

    for (const header of ["en", "sv", ""]) {
      const after = await m.request("/admin/checkin", { headers: { "accept-language": header } });
      expect(after.text).toContain('<html lang="nb">');
      expect(after.text).toMatch(/<option value="nb" lang="nb" selected="">Norsk bokmål<\/option>/);
    }
    // A later sign-in from an English browser keeps the choice.
    await h.request("/admin/login", { form: { email: m.member.email, password: PASSWORD }, headers: { "accept-language": "en" } });
    expect((await stored(m.member.id)).language).toBe("nb");
  });

  it("goes back only to a workspace page of our own; elsewhere to the dashboard", async () => {
    const m = await h.signedIn("owner");
    for (const referer of [undefined, "https://evil.example/admin/reports", `${PUBLIC_URL}/e/some-event`, "not a url", `${PUBLIC_URL}/admin/language`, `${PUBLIC_URL}/administrators`]) {
      const res = await m.request("/admin/language", { form: { language: "en" }, headers: referer ? { referer } : {} });
      expect(res.status).toBe(303);
      expect(res.location).toBe("/admin");
    }
  });

  it("refuses a language it does not speak and changes nothing", async () => {
    const m = await h.signedIn("organiser", h.orgId, "");
    for (const language of ["de", "", "SV", "x".repeat(5000)]) {
      const res = await m.request("/admin/language", { form: { language } });
      expect(res.status).toBe(400);
    }
    expect(await stored(m.member.id)).toMatchObject({ language: "sv", language_chosen_at: null });
    // Only from our own pages, and only signed in.
    expect((await m.request("/admin/language", { form: { language: "nb" }, origin: "https://evil.example" })).status).toBe(403);
    expect((await h.request("/admin/language", { form: { language: "nb" } })).location).toMatch(/^\/admin\/login/);
    expect((await stored(m.member.id)).language_chosen_at).toBeNull();
  });

  it("takes the browser's language at sign-in for a member who never chose, so their emails speak it too", async () => {
    const m = await h.signedIn("owner");
    expect((await stored(m.member.id)).language).toBe("en");
    const res = await h.request("/admin/login", { form: { email: m.member.email, password: PASSWORD }, headers: { "accept-language": "nb" } });
    expect(res.status).toBe(303);
    expect(await stored(m.member.id)).toMatchObject({ language: "nb", language_chosen_at: null });
    // A browser naming no language of ours leaves it as it is.
    await h.request("/admin/login", { form: { email: m.member.email, password: PASSWORD }, headers: { "accept-language": "de" } });
    expect((await stored(m.member.id)).language).toBe("nb");
  });
});
