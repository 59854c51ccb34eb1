import { beforeAll, describe, expect, it } from "vitest";
import type { Language } from "../src/db/schema";
import { workspaceMessages } from "../src/i18n/workspace";
import { en as enCodes } from "../src/i18n/workspace/errors/en";
import { nb as nbCodes } from "../src/i18n/workspace/errors/nb";
import { sv as svCodes } from "../src/i18n/workspace/errors/sv";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { workspaceFixture } from "./helpers/adminRoutes";

// Every page of the workspace, found in the app's route table, read as a Swedish and as a
// Norwegian member: no sentence of the English catalogue may show, and no Swedish one on
// a Norwegian page. What is compared is what a person sees or hears: the text, the title
// and the labels screen readers read (aria-label, title, alt, placeholder).

/** Every string of a catalogue, cut at its placeholders ("{n} seats left" → "seats left"). */
function sentences(node: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof node === "string") {
    for (const part of node.split(/\{[^}]*\}/)) {
      const s = part.replace(/^[\s.,:;!?()–—«»"“”'’-]+|[\s.,:;!?()–—«»"“”'’-]+$/g, "");
      // Two words or more: a single word ("Status", "E-post") is too often the same.
      if (/\S+\s+\S+/.test(s)) out.add(s);
    }
  } else if (node && typeof node === "object") for (const v of Object.values(node)) sentences(v, out);
  return out;
}

const catalogue = (language: Language) => {
  const codes = { sv: svCodes, nb: nbCodes, en: enCodes }[language];
  return sentences([workspaceMessages(language), codes]);
};

/** What a page shows and says: text, title and the accessible labels, entities decoded. */
function visible(html: string) {
  const labels = [...html.matchAll(/\s(?:aria-label|title|alt|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  const text = html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ");
  return [text, ...labels]
    .join(" \n ")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** Strings of `foreign` that the page's own language does not also use. */
const only = (foreign: Set<string>, own: Set<string>) => [...foreign].filter((s) => ![...own].some((o) => o.includes(s)));

let h: AdminHarness;
let pages: { route: string; path: string }[];
let pathOf: (pattern: string) => string;
const members: Partial<Record<Language, SignedIn>> = {};

beforeAll(async () => {
  h = await adminHarness();
  const fixture = await workspaceFixture(h);
  pathOf = fixture.pathOf;
  const { routes } = fixture;
  pages = routes()
    // The preview and the poster are for attendees: in the event's language, not the member's.
    .filter((r) => r.startsWith("GET ") && !/\.(csv|xlsx)$|\/login|\/counts$|\/preview$|\/poster$/.test(r))
    .map((route) => ({ route, path: pathOf(route.slice(4)) }));
  for (const language of ["sv", "nb", "en"] as const) {
    const member = await h.signedIn("owner", h.orgId, language);
    expect((await member.request("/admin/language", { form: { language } })).status).toBe(303);
    members[language] = member;
  }
});

describe.each([
  { language: "sv" as const, foreign: () => only(catalogue("en"), catalogue("sv")) },
  { language: "nb" as const, foreign: () => [...only(catalogue("en"), catalogue("nb")), ...only(catalogue("sv"), catalogue("nb"))] },
])("every workspace page for a member who reads $language", ({ language, foreign }) => {
  it("shows no sentence of another language's catalogue", async () => {
    const strangers = foreign();
    expect(strangers.length).toBeGreaterThan(300);
    // The comparison finds what it looks for: the same pages in English show many of them.
    const english = visible((await members.en!.request(pathOf(`/admin/events/:id{evt_[0-9a-z]+}`))).text);
    expect(strangers.filter((s) => english.includes(s)).length).toBeGreaterThan(10);
    let read = 0;
    const found: string[] = [];
    for (const { route, path } of pages) {
      const res = await members[language]!.request(path);
      if (!(res.headers.get("content-type") ?? "").startsWith("text/html")) continue;
      expect(res.status, route).toBeLessThan(500);
      expect(res.text, route).toContain(`<html lang="${language}"`);
      read++;
      const text = visible(res.text);
      for (const s of strangers) if (text.includes(s)) found.push(`${route}: “${s}”`);
    }
    // The walk reached the pages it is about (dashboard, events, lists, door, settings…).
    expect(read).toBeGreaterThan(25);
    expect(found).toEqual([]);
  });
});
