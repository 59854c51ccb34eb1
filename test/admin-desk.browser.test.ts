import { sql } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, setPassword } from "../src/domain/accounts";
import { PASSWORD } from "./helpers/admin";
import { browserSuite, DESKTOP, expectAccessible, screenshot } from "./helpers/browser";
import { liveEventBody } from "./helpers/harness";

// The attendance list at the desk: a realistic conference (long names, long addresses,
// organisations, three questions) fits a 1280 px screen and a tablet without the page
// scrolling sideways; a row's actions open from its menu; two ticked rows get a message.
const suite = browserSuite();
let context: BrowserContext;
let page: Page;
let eventId: string;
const ids: Record<string, string> = {};

const people = [
  ["Karl-Johan Vilhelmsson-Lindqvist", "karl-johan.vilhelmsson-lindqvist@oresundsregionens-verktygsindustri.se", "Öresundsregionens Verktygsindustri Aktiebolag"],
  ["Anna-Karin Söderström Åberg", "anna-karin.soderstrom.aberg@blekinge-tekniska-hogskola.se", "Blekinge Tekniska Högskola, Institutionen för industriell ekonomi"],
  ["Bo Ek", "bo@abb.se", "ABB"],
  ["Ørjan Bækkelund", "orjan.baekkelund@kongsvinger-naeringsselskap.no", "Kongsvinger Næringsselskap AS"],
  ["Cecilia Maria Lundgren-Fredriksson", "cecilia@volvo.se", "Volvo Cars Olofström, Pressverkstaden"],
  ["David Dahl", "david.dahl@ericsson.com", "Ericsson AB"],
  ["Eva Sjöberg", "eva.sjoberg@sibbhultsverken.se", "Sibbhultsverken"],
  ["Fredrik Nilsson", "fredrik.nilsson@trelleborg.com", "Trelleborg Sealing Solutions"],
] as const;

async function go(click: () => Promise<unknown>) {
  await Promise.all([page.waitForEvent("framenavigated", (f) => f === page.mainFrame()), click()]);
  await page.waitForLoadState();
}

/** Whether the page, and the list inside its frame, fit the window's width. */
const fits = (p: Page) =>
  p.evaluate(() => {
    const wrap = document.querySelector(".table-wrap");
    return {
      page: document.documentElement.scrollWidth <= window.innerWidth,
      table: wrap ? wrap.scrollWidth <= wrap.clientWidth : true,
    };
  });

async function signIn(ctx: BrowserContext, email: string) {
  const p = await ctx.newPage();
  await p.goto(`${suite.server.url}/admin/login?next=${encodeURIComponent(`/admin/events/${eventId}`)}`);
  await p.locator("#f-email").fill(email);
  await p.locator("#f-password").fill(PASSWORD);
  await Promise.all([p.waitForURL(new RegExp(`/admin/events/${eventId}$`)), p.locator("form[action='/admin/login'] button[type=submit]").first().click()]);
  return p;
}

beforeAll(async () => {
  const questions = [
    { id: "lunch", label: "Lunch och specialkost", kind: "select", options: ["Kött", "Fisk", "Vegetariskt", "Veganskt"] },
    { id: "topics", label: "Vilka pass vill du gå på?", kind: "multiselect", options: ["Lean i tillverkning", "AI i produktionen", "Hållbar logistik"] },
    { id: "photo", label: "Får vi fotografera dig?", kind: "checkbox" },
  ];
  const res = await suite.h.api("POST", "/events", liveEventBody({ title: "Leankonferens Blekinge 2027: Ständiga förbättringar i praktiken", capacity: 6, questions }));
  eventId = res.body.id;
  for (const [name, email, organisation] of people) {
    const r = await suite.h.api(
      "POST",
      `/events/${eventId}/registrations`,
      { name, email, organisation, phone: "+46 70 123 45 67", answers: { lunch: "Vegetariskt", topics: ["Lean i tillverkning", "AI i produktionen", "Hållbar logistik"], photo: true } },
      { token: null },
    );
    expect(r.status).toBe(201);
    ids[name] = r.body.id;
  }
  const member = await createMember({ ctx: suite.h.ctx, input: { orgId: suite.h.orgId, email: "disken@cluster.se", name: "Disa Disk", role: "organiser" } });
  await setPassword({ ctx: suite.h.ctx, member, password: PASSWORD });
  context = await suite.browser.newContext({ ...DESKTOP });
  page = await signIn(context, member.email);
});
afterAll(() => context?.close());

describe("the attendance list at a 1280 px desk", () => {
  it("fits without scrolling sideways, and every column chosen still keeps the page itself in place", async () => {
    expect(await page.evaluate(() => window.innerWidth)).toBe(1280);
    expect(await fits(page)).toEqual({ page: true, table: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await screenshot(page, "admin-desk-1280");
    await page.goto(`${suite.server.url}/admin/events/${eventId}?cols=email,organisation,phone,answers,signedUp,checkedIn,notes`);
    expect((await fits(page)).page).toBe(true);
    await page.goto(`${suite.server.url}/admin/events/${eventId}`);
  });

  it("opens a row's menu to reach its actions", async () => {
    const name = "Eva Sjöberg";
    const menu = page.getByText("Actions", { exact: true }).and(page.locator(`summary[aria-label="Actions for ${name}"]`));
    expect(await page.getByRole("button", { name: `Resend email to ${name}` }).isVisible()).toBe(false);
    await menu.click();
    expect(await page.getByRole("button", { name: `Resend email to ${name}` }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: `Cancel ${name}'s registration` }).isVisible()).toBe(true);
    expect(await fits(page)).toEqual({ page: true, table: true });
    await expectAccessible(page, "the list with a row menu open");
    await menu.click();
  });

  it("ticks every row of the page at once", async () => {
    await page.getByLabel("Select all on this page").check();
    for (const name of Object.keys(ids)) expect(await page.getByLabel(`Select ${name}`, { exact: true }).isChecked(), name).toBe(true);
    await page.getByLabel("Select all on this page").uncheck();
    expect(await page.getByLabel("Select Bo Ek", { exact: true }).isChecked()).toBe(false);
  });

  it("bulk-messages the two selected attendees, and them alone", async () => {
    await page.getByLabel("Select Bo Ek", { exact: true }).check();
    await page.getByLabel("Select Ørjan Bækkelund", { exact: true }).check();
    await go(() => page.getByRole("button", { name: "Send a message…" }).click());
    expect(await page.locator("h1").textContent()).toBe("Message attendees");
    expect(await page.locator(".recipients li").allTextContents()).toEqual(["Bo Ek", "Ørjan Bækkelund"]);
    await page.getByLabel("Subject").fill("Parkering vid BTH");
    await page.getByLabel("Message", { exact: true }).fill("Hej!\n\nParkera vid norra entrén.");
    await go(() => page.getByRole("button", { name: "Preview" }).click());
    expect(await page.locator("main").textContent()).toContain("It goes to the selected attendees: 2 people");
    await go(() => page.getByRole("button", { name: "Send to 2 people" }).click());
    expect(await page.getByRole("status").textContent()).toContain("Your message is queued for 2 people.");
    const queued = await suite.h.database.db.all<{ to_email: string; payload: string }>(
      sql`SELECT to_email, payload FROM outbox WHERE kind = 'organiser_message' AND event_id = ${eventId} ORDER BY rowid`,
    );
    expect(queued.map((q) => q.to_email)).toEqual(["bo@abb.se", "orjan.baekkelund@kongsvinger-naeringsselskap.no"]);
    expect(JSON.parse(queued[0]!.payload)).toEqual({ subject: "Parkering vid BTH", body: "Hej!\n\nParkera vid norra entrén." });
  });

  it("checks in the ticked rows from the same bar", async () => {
    await page.getByLabel("Select David Dahl", { exact: true }).check();
    await go(() => page.getByRole("button", { name: "Check in" }).click());
    expect(await page.getByRole("status").textContent()).toContain("1 person checked in.");
    expect(await page.locator(`tr[id="${ids["David Dahl"]}"]`).textContent()).toMatch(/\d{4}/);
  });
});

describe("the attendance list on a tablet", () => {
  it("is readable at 820 px: the page never scrolls sideways, in English and in Swedish", async () => {
    for (const locale of ["en-GB", "sv-SE"]) {
      const tablet = await suite.browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true, locale, storageState: await context.storageState() });
      try {
        const p = await tablet.newPage();
        await p.goto(`${suite.server.url}/admin/events/${eventId}`);
        expect(await p.evaluate(() => document.documentElement.scrollWidth), locale).toBeLessThanOrEqual(820);
        if (locale === "sv-SE") {
          expect(await p.locator("html").getAttribute("lang")).toBe("sv");
          expect(await p.locator("summary", { hasText: "Åtgärder" }).count()).toBe(people.length);
          expect(await p.getByRole("button", { name: "Skicka meddelande…" }).isVisible()).toBe(true);
          await expectAccessible(p, "the list on a tablet in Swedish");
        }
        await screenshot(p, `admin-desk-820-${locale}`);
      } finally {
        await tablet.close();
      }
    }
  });

  it("fits 1280 px in Swedish too, whose words are longer", async () => {
    const sv = await suite.browser.newContext({ ...DESKTOP, locale: "sv-SE", storageState: await context.storageState() });
    try {
      const p = await sv.newPage();
      await p.goto(`${suite.server.url}/admin/events/${eventId}`);
      expect(await fits(p)).toEqual({ page: true, table: true });
      await p.goto(`${suite.server.url}/admin/people?q=${encodeURIComponent("söderström")}`);
      expect(await p.locator("h1").textContent()).toBe("Sök deltagare i alla evenemang");
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    } finally {
      await sv.close();
    }
  });
});
