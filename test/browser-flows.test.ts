import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { DESKTOP, PHONE, browserSuite, screenshot } from "./helpers/browser";
import { liveEventBody, person } from "./helpers/harness";

// The attendee's flows in a real browser (Debian's chromium) against the real Node
// server, once with JavaScript and once without: the pages must work either way.
const suite = browserSuite();
let slugs = 0;

async function newEvent(overrides: Record<string, unknown> = {}) {
  const res = await suite.h.api("POST", "/events", liveEventBody({ slug: `flow-${++slugs}`, ...overrides }));
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string };
}

const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

/** Clicks something that loads a new page, and waits until that page has loaded. */
async function go(page: Page, click: () => Promise<unknown>) {
  await Promise.all([page.waitForEvent("framenavigated", (f) => f === page.mainFrame()), click()]);
  await page.waitForLoadState();
}

const heading = (page: Page) => page.locator("h1").textContent();
const mainText = (page: Page) => page.locator("main").textContent();

async function fillAndSubmit(page: Page, who: { name: string; email: string }) {
  const [first, ...rest] = who.name.split(" ");
  await page.getByLabel("Förnamn", { exact: true }).first().fill(first!);
  await page.getByLabel("Efternamn", { exact: true }).first().fill(rest.join(" "));
  await page.getByLabel("E-post", { exact: true }).first().fill(who.email);
  await go(page, () => page.getByRole("button", { name: /Anmäl mig|Ställ mig på väntelistan/ }).click());
}

describe.each([
  { js: true, label: "with JavaScript" },
  { js: false, label: "without JavaScript" },
])("attendee flows $label", ({ js }) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await suite.browser.newContext({ ...DESKTOP, javaScriptEnabled: js, locale: "sv-SE" });
    page = await context.newPage();
  });
  afterAll(() => context.close());
  const shot = (name: string) => (js ? screenshot(page, name) : Promise.resolve());

  it("registers on a free event and shows the confirmation", async () => {
    const ev = await newEvent({ capacity: 10, description: "En dag om lean i praktiken.\n\nLunch ingår." });
    await page.goto(`${suite.server.url}/e/${ev.slug}`);
    expect(await heading(page)).toBe("Leankonferens Blekinge 2027");
    expect(await mainText(page)).toContain("10 platser kvar");
    await shot("event-desktop");
    await fillAndSubmit(page, { name: "Anna Lind", email: `anna-${js}@example.se` });
    expect(await heading(page)).toBe("Du är anmäld!");
    expect(await mainText(page)).toContain(`anna-${js}@example.se`);
    expect(await page.getByRole("link", { name: "Google" }).isVisible()).toBe(true);
    await shot("result-confirmed-desktop");
    const list = await suite.h.api("GET", `/events/${ev.id}/registrations`);
    expect(list.body.registrations.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([["Anna Lind", "confirmed"]]);
  });

  it("registers on a full event and shows the waitlist position", async () => {
    const ev = await newEvent({ capacity: 1 });
    await suite.h.api("POST", `/events/${ev.id}/registrations`, person(), { token: null });
    await suite.h.api("POST", `/events/${ev.id}/registrations`, person(), { token: null });
    await page.goto(`${suite.server.url}/e/${ev.slug}`);
    expect(await mainText(page)).toContain("Fullbokat – ställ dig på väntelistan");
    await fillAndSubmit(page, { name: "Bo Ek", email: `bo-${js}@example.se` });
    expect(await heading(page)).toBe("Du står på väntelistan");
    expect(await mainText(page)).toContain("nummer 2 på väntelistan");
    await shot("result-waitlisted-desktop");
  });

  it("cancels from the manage page, and the first waitlisted person gets the seat", async () => {
    const ev = await newEvent({ capacity: 1 });
    await page.goto(`${suite.server.url}/e/${ev.slug}`);
    await fillAndSubmit(page, { name: "Cecilia Holm", email: `cecilia-${js}@example.se` });
    const waiting = await suite.h.api("POST", `/events/${ev.id}/registrations`, person({ name: "Dan Waiting" }), { token: null });
    expect(waiting.body.status).toBe("waitlisted");

    await go(page, () => page.getByRole("link", { name: "Hantera min anmälan" }).click());
    expect(await heading(page)).toContain("Din anmälan");
    expect(await mainText(page)).toContain("Du har en plats.");
    await shot("manage-desktop");
    await go(page, () => page.getByRole("link", { name: "Avboka min plats" }).click());
    expect(await heading(page)).toBe("Vill du avboka?");
    await go(page, () => page.getByRole("button", { name: "Ja, avboka" }).click());
    expect(await page.getByRole("status").textContent()).toContain("Din anmälan är avbokad");

    const other = await suite.browser.newPage();
    await other.goto(`${suite.server.url}/r/${tokenOf(waiting.body.manageUrl)}`);
    expect(await mainText(other)).toContain("Du har en plats.");
    await other.close();
    const after = await suite.h.api("GET", `/manage/${tokenOf(waiting.body.manageUrl)}`, undefined, { token: null });
    expect(after.body.status).toBe("confirmed");
  });

  it("shows the field errors of an invalid form, with the values kept", async () => {
    const ev = await newEvent({
      questions: [{ id: "lunch", label: "Lunch", kind: "select", options: ["Fisk", "Vegetariskt"], required: true }],
    });
    await page.goto(`${suite.server.url}/e/${ev.slug}`);
    await page.getByLabel("Förnamn", { exact: true }).first().fill("Eva");
    await page.getByLabel("Efternamn", { exact: true }).first().fill("Berg");
    await page.getByLabel("E-post", { exact: true }).first().fill("eva-at-example");
    await go(page, () => page.getByRole("button", { name: "Anmäl mig" }).click());
    const summary = page.locator(".error-summary");
    const problems = await summary.textContent();
    expect(problems).toContain("Något behöver rättas");
    expect(problems).toContain("E-post: Skriv en giltig e-postadress");
    expect(problems).toContain("Lunch: Fyll i det här fältet.");
    expect(await page.locator("#f-email-error").textContent()).toMatch(/giltig e-postadress/);
    expect(await page.locator("#f-email").getAttribute("aria-invalid")).toBe("true");
    expect(await page.inputValue("#f-firstName")).toBe("Eva");
    expect(await page.inputValue("#f-lastName")).toBe("Berg");
    expect(await page.inputValue("#f-email")).toBe("eva-at-example");
    await shot("form-errors-desktop");
    // The summary's links take you to the field.
    await summary.getByRole("link", { name: /Lunch/ }).click();
    expect(page.url()).toContain("#f-answers-lunch");
    const list = await suite.h.api("GET", `/events/${ev.id}/registrations`);
    expect(list.body.registrations).toEqual([]);
  });
});

describe("groups and the result page", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await suite.browser.newContext({ ...DESKTOP, locale: "sv-SE" });
    page = await context.newPage();
  });
  afterAll(() => context.close());
  const lunch = { id: "lunch", label: "Lunch", kind: "select", options: ["Kött", "Fisk", "Vegetariskt"], required: true };

  it("a group where each colleague picks a different lunch", async () => {
    const ev = await newEvent({ capacity: 10, questions: [lunch] });
    await page.goto(`${suite.server.url}/e/${ev.slug}`);
    await page.fill("#f-firstName", "Anna");
    await page.fill("#f-lastName", "Svensson");
    await page.fill("#f-email", "anna.lunch@example.se");
    await page.selectOption("#f-answers-lunch", "Kött");
    await page.locator("details.colleagues summary").click();
    const colleague = page.getByRole("group", { name: "Kollega 1" });
    await colleague.getByLabel("Förnamn").fill("Bo");
    await colleague.getByLabel("Efternamn").fill("Berg");
    await colleague.getByLabel("E-post").fill("bo.lunch@example.se");
    await colleague.getByLabel("Lunch").selectOption("Fisk");
    const second = page.getByRole("group", { name: "Kollega 2" });
    await second.getByLabel("Förnamn").fill("Cia");
    await second.getByLabel("Efternamn").fill("Dahl");
    await second.getByLabel("E-post").fill("cia.lunch@example.se");
    // Cia's lunch is forgotten at first: the error sits beside her field and names her.
    await go(page, () => page.getByRole("button", { name: "Anmäl mig" }).click());
    expect(await page.locator(".error-summary").textContent()).toContain("Cia Dahl, Lunch: Fyll i det här fältet.");
    expect(await page.locator("#f-attendees-2-answers-lunch-error").isVisible()).toBe(true);
    await page.getByRole("group", { name: "Kollega 2" }).getByLabel("Lunch").selectOption("Vegetariskt");
    await go(page, () => page.getByRole("button", { name: "Anmäl mig" }).click());
    expect(await heading(page)).toBe("Tack för anmälan!");
    await screenshot(page, "result-group-lunches");
    const list = await suite.h.api("GET", `/events/${ev.id}/registrations`);
    expect(list.body.registrations.map((r: { name: string; answers: { lunch: string } }) => [r.name, r.answers.lunch])).toEqual([
      ["Anna Svensson", "Kött"],
      ["Bo Berg", "Fisk"],
      ["Cia Dahl", "Vegetariskt"],
    ]);
  });

  it("reload and back after submitting", async () => {
    const ev = await newEvent({ capacity: 10 });
    await page.goto(`${suite.server.url}/e/${ev.slug}`);
    await fillAndSubmit(page, { name: "Dora Åter", email: "dora.reload@example.se" });
    expect(await heading(page)).toBe("Du är anmäld!");
    expect(page.url()).toContain(`/e/${ev.slug}/done/`);
    // A reload shows the same result: it is a page of its own, not the form sent again.
    await page.reload();
    expect(await heading(page)).toBe("Du är anmäld!");
    expect(await mainText(page)).toContain("dora.reload@example.se");
    // Back leads to the form, and sends nothing.
    await page.goBack();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${suite.server.url}/e/${ev.slug}`);
    expect(await heading(page)).toBe("Leankonferens Blekinge 2027");
    await page.goForward();
    expect(await heading(page)).toBe("Du är anmäld!");
    // Sending the form once more is information, not an error.
    await page.goBack();
    await fillAndSubmit(page, { name: "Dora Åter", email: "dora.reload@example.se" });
    expect(await page.getByRole("status").textContent()).toContain("Du är redan anmäld till");
    expect(await page.locator(".error-summary").count()).toBe(0);
    const list = await suite.h.api("GET", `/events/${ev.id}/registrations`);
    expect(list.body.registrations).toHaveLength(1);
  });
});

describe("on a 360 px phone", () => {
  it("the event page and form fit the screen without sideways scrolling", async () => {
    const ev = await newEvent({
      capacity: 5,
      title: "Kick-off: Digitalisering i industrin med ett långt namn som måste radbrytas snyggt",
      questions: [{ id: "workshops", label: "Workshops", kind: "multiselect", options: ["5S", "Kaizen"] }],
    });
    const context = await suite.browser.newContext({ ...PHONE, locale: "sv-SE" });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/e/${ev.slug}`);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    await screenshot(page, "event-phone");
    await page.getByLabel("Förnamn", { exact: true }).first().fill("Fia");
    await page.getByLabel("Efternamn", { exact: true }).first().fill("Ström");
    await page.getByLabel("E-post", { exact: true }).first().fill("fia@example.se");
    await page.getByLabel("Kaizen").first().check();
    await go(page, () => page.getByRole("button", { name: "Anmäl mig" }).click());
    expect(await heading(page)).toBe("Du är anmäld!");
    const resultWidths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(resultWidths[0]).toBeLessThanOrEqual(resultWidths[1]!);
    await screenshot(page, "result-phone");
    await go(page, () => page.getByRole("link", { name: "Hantera min anmälan" }).click());
    await screenshot(page, "manage-phone");
    await context.close();
  });

  it("prints the event page without the form", async () => {
    const ev = await newEvent();
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.url}/e/${ev.slug}`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#signup").isVisible()).toBe(false);
    expect(await page.locator("#lost-link").isVisible()).toBe(false);
    expect(await page.locator("h1").isVisible()).toBe(true);
    await page.close();
  });
});
