import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceError, workspaceField } from "../src/i18n/workspace/errors";
import { fieldCodes, reasons, type FieldCode, type FieldIssue, type Reason } from "../src/lib/errorCodes";
import { adminScript } from "../src/http/web/assets/adminScript";
import { adminHarness, type AdminHarness } from "./helpers/admin";
import { door, passOf } from "./admin-checkin-fixture";

// The words every workspace page shares: the field codes and refusal reasons, the error
// page, and the error shape the workspace's scripts read, each in the member's language.
let h: AdminHarness;
beforeAll(async () => {
  h = await adminHarness();
});
afterAll(() => h.close());

// Any value for a parameter: a list for `options`, a name for names, a number for the rest.
const sample = (name: string) => (name === "options" ? ["a", "b"] : ["name", "event", "slug", "id"].includes(name) ? "Anna Berg" : 7);
const issueOf = (code: FieldCode) => ({ code, ...Object.fromEntries(fieldCodes[code].map((p) => [p, sample(p)])) }) as FieldIssue;
const paramsOf = (reason: Reason) => Object.fromEntries(reasons[reason].params.map((p) => [p, sample(p)]));

// Words that are the same in every language by nature (none yet: even "JSON" sentences differ).
const sameByNature = new Set<string>([]);

describe("the workspace's words for every code", () => {
  it.each(["sv", "nb"] as const)("has %s words for every field code, never the English ones", (language) => {
    for (const code of Object.keys(fieldCodes) as FieldCode[]) {
      if (sameByNature.has(code)) continue;
      const said = workspaceField(issueOf(code), language);
      expect(said, code).not.toBe(workspaceField(issueOf(code), "en"));
      expect(said, code).not.toMatch(/\{\w+\}/);
      expect(said, code).toMatch(/[.!?]$/);
    }
  });

  it.each(["sv", "nb"] as const)("has %s words for every refusal reason, never the English ones", (language) => {
    for (const reason of Object.keys(reasons) as Reason[]) {
      if (sameByNature.has(reason)) continue;
      const said = workspaceError(reason, paramsOf(reason), language);
      expect(said, reason).not.toBe(workspaceError(reason, paramsOf(reason), "en"));
      expect(said, reason).not.toMatch(/\{\w+\}/);
      for (const p of reasons[reason].params) expect(said, reason).toContain(String(sample(p)));
    }
  });

  it("says Swedish and Norwegian differently, not Swedish with Norwegian spelling", () => {
    const differ = (Object.keys(reasons) as Reason[]).filter((r) => workspaceError(r, paramsOf(r), "sv") !== workspaceError(r, paramsOf(r), "nb"));
    expect(differ.length).toBe(Object.keys(reasons).length);
    expect(workspaceError("event_not_found", {}, "sv")).toBe("Evenemanget finns inte.");
    expect(workspaceError("event_not_found", {}, "nb")).toBe("Arrangementet finnes ikke.");
    expect(workspaceField({ code: "one_of", options: ["sv", "nb"] }, "nb")).toBe("Velg sv eller nb.");
  });
});

const english = ["Not found", "Not allowed", "Back to the workspace", "No such event", "Your role does not allow this", "That did not work"];

describe("the workspace's error page", () => {
  it("is Swedish for a Swedish member", async () => {
    const m = await h.signedIn("organiser", h.orgId, "");
    const sv = { headers: { "accept-language": "" } };
    const missing = await m.request("/admin/events/evt_doesnotexist0000000", sv);
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('<html lang="sv">');
    expect(missing.text).toContain("<h1>Hittades inte</h1>");
    expect(missing.text).toContain("<title>Hittades inte");
    expect(missing.text).toContain("Tillbaka till arbetsytan");
    const door = await h.signedIn("checkin", h.orgId, "");
    const refused = await door.request("/admin/events/new", sv);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("<h1>Inte tillåtet</h1>");
    expect(refused.text).toContain("Din roll ger inte behörighet till det här.");
    for (const word of english) {
      expect(missing.text).not.toContain(word);
      expect(refused.text).not.toContain(word);
    }
  });

  it("is Norwegian for a Norwegian member, and for a Norwegian browser before sign-in", async () => {
    const m = await h.signedIn("checkin", h.orgId, "nb");
    const refused = await m.request("/admin/events/new", { headers: { "accept-language": "nb" } });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('<html lang="nb">');
    expect(refused.text).toContain("<h1>Ikke tillatt</h1>");
    expect(refused.text).toContain("Rollen din gir ikke tilgang til dette.");
    expect(refused.text).toContain("Tilbake til arbeidsflaten");
    for (const word of english) expect(refused.text).not.toContain(word);

    const crossSite = await h.request("/admin/login", { form: { email: "a@b.se", password: "x" }, origin: "https://evil.example", headers: { "accept-language": "nb" } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.text).toContain('<html lang="nb">');
    expect(crossSite.text).toContain("Forespørsler fra andre nettsteder avvises.");
  });

  it("stays English, word for word, for an English member", async () => {
    const m = await h.signedIn("checkin");
    const refused = await m.request("/admin/events/new");
    expect(refused.text).toContain("<h1>Not allowed</h1>");
    expect(refused.text).toContain("Back to the workspace");
  });
});

describe("the error shape the workspace's scripts read", () => {
  it("is in the member's language", async () => {
    const d = await door(h);
    const code = `/admin/events/${d.eventId}/checkin/code`;
    const said = async (browser: string, body: unknown) => {
      const m = await h.signedIn("checkin", h.orgId, browser);
      const res = await m.request(code, { json: body, headers: { "accept-language": browser } });
      return { status: res.status, error: JSON.parse(res.text).error };
    };
    const typo = await said("", { code: "hello" });
    expect(typo.status).toBe(400);
    expect(typo.error.code).toBe("invalid_request");
    expect(typo.error.message).toBe("Något i formuläret behöver rättas.");
    expect(typo.error.fields.code).toMatch(/^Det här är ingen incheckningskod/);
    const waiting = await said("nb", { code: (await passOf(h, h.orgId, d.cia.id)).url });
    expect(waiting.status).toBe(409);
    expect(waiting.error.message).toBe("Personen står på ventelisten og har ingen plass: ikke sjekket inn.");
    const other = await said("", { code: (await passOf(h, h.orgId, d.twin.id)).url });
    expect(other.error.message).toBe("Koden gäller ett annat evenemang: Styrelsemöte.");
  });

  it("the copy buttons take their words from the page, English when it gives none", () => {
    expect(adminScript).toContain('button.dataset.copied || "Copied"');
    expect(adminScript).toContain('button.dataset.copyFailed || "Press Ctrl+C to copy"');
  });
});
