import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { browserSuite, expectAccessible, screenshot } from "./helpers/browser";
import { HOUR, shift } from "./helpers/clock";
import { liveEventBody, liveEventTimes } from "./helpers/harness";

// Choosing sessions in a real chromium: with JavaScript (sessions at the same time greyed
// out, a stop at the maximum, said in a live region), without it (the server's errors, the
// boxes kept), changing them on the manage page, and axe on each page in sv, en and nb.
const suite = browserSuite();
const at = (hours: number) => shift(liveEventTimes.startsAt, hours * HOUR);
const ids: Record<string, string> = {};
let token = "";

beforeAll(async () => {
  const { h } = suite;
  const ev = (await h.api("POST", "/events", liveEventBody({ slug: "programme", programme: "choose", maxSessions: 2, groupLimit: 2, endsAt: at(31) }))).body;
  const add = async (key: string, title: string, from: number, to: number, extra: Record<string, unknown> = {}) => {
    const res = await h.api("POST", `/events/${ev.id}/sessions`, { title, startsAt: at(from), endsAt: at(to), ...extra });
    expect(res.status).toBe(201);
    ids[key] = res.body.id;
  };
  await add("lean", "Lean i praktiken", 0.5, 1.5, { capacity: 20, track: "Sal A" });
  await add("lead", "Ledarskap", 1, 2, { capacity: 10, track: "Sal B" });
  await add("fives", "Workshop 5S", 1.5, 2.5, { capacity: 1, waitlist: false, description: "Sortera, systematisera, städa." });
  await add("visit", "Studiebesök", 24, 25);
  // Someone holds the only seat of the 5S workshop: it is full, without a waitlist.
  const held = await h.api("POST", `/events/${ev.id}/registrations`, { name: "Anna Först", email: "forst@example.se", sessions: [ids.fives] }, { token: null });
  token = held.body.manageUrl.split("/").pop();
});

const box = (page: Page, key: string) => page.locator(`input[name="sessions"][value="${ids[key]}"]`);

describe("choosing sessions with JavaScript", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await suite.browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
  });
  afterAll(() => context.close());

  it("greys out the sessions at the same time, stops at the maximum, says so politely, and signs up", async () => {
    await page.goto(`${suite.server.url}/e/programme`);
    await screenshot(page, "programme-event-390-sv");
    expect(await box(page, "fives").isDisabled()).toBe(true);
    await box(page, "lean").check();
    expect(await box(page, "lead").isDisabled()).toBe(true);
    expect(await box(page, "visit").isDisabled()).toBe(false);
    expect(await page.locator(`#${await box(page, "lead").getAttribute("aria-describedby")}`).textContent()).toBe("Går samtidigt som ett pass du har valt");
    const live = page.locator(".session-choices [aria-live=polite]");
    expect(await live.textContent()).toBe("Pass som går samtidigt som Lean i praktiken går inte att välja nu.");
    await box(page, "visit").check();
    expect(await live.textContent()).toContain("Du har valt 2 pass");
    await box(page, "lean").uncheck();
    expect(await box(page, "lead").isEnabled()).toBe(true);
    await box(page, "lean").check();
    // A 390 px phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.fill("#f-firstName", "Bo");
    await page.fill("#f-lastName", "Berg");
    await page.fill("#f-email", "bo.berg@example.se");
    await Promise.all([page.waitForNavigation(), page.locator("#signup button[type=submit]").click()]);
    const schedule = await page.locator(".my-sessions").textContent();
    expect(schedule).toMatch(/Lean i praktiken.*Har plats.*Studiebesök.*Har plats/s);
    await screenshot(page, "programme-result-sv");
  });
});

describe("choosing sessions without JavaScript", () => {
  it("gets the server's error with the boxes kept, then signs up", async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/e/programme?lang=en`);
    await page.fill("#f-firstName", "Cecilia");
    await page.fill("#f-lastName", "Ceder");
    await page.fill("#f-email", "cecilia@example.se");
    await box(page, "lean").check();
    await box(page, "lead").check();
    await Promise.all([page.waitForNavigation(), page.locator("#signup button[type=submit]").click()]);
    expect(await page.locator(".error-summary").textContent()).toContain("Two of the sessions are at the same time.");
    expect(await box(page, "lean").isChecked()).toBe(true);
    expect(await box(page, "lead").isChecked()).toBe(true);
    await box(page, "lead").uncheck();
    await Promise.all([page.waitForNavigation(), page.locator("#signup button[type=submit]").click()]);
    expect(await page.locator(".my-sessions").textContent()).toMatch(/Lean i praktiken.*Has a seat/s);
    await context.close();
  });
});

describe("changing sessions on the manage page", () => {
  it("saves the boxes ticked and shows the new schedule", async () => {
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/r/${token}`);
    // Their own full session stays theirs to give up.
    expect(await box(page, "fives").isChecked()).toBe(true);
    expect(await box(page, "fives").isEnabled()).toBe(true);
    await box(page, "fives").uncheck();
    await box(page, "lead").check();
    await Promise.all([page.waitForNavigation(), page.locator("#change-sessions button[type=submit]").click()]);
    expect(await page.locator(".notice.ok").textContent()).toBe("Dina pass är sparade.");
    expect(await page.locator(".my-sessions").textContent()).toMatch(/Ledarskap.*Har plats/s);
    expect(await page.locator(".my-sessions").textContent()).not.toContain("Workshop 5S");
    await context.close();
  });
});

describe.each(["sv", "en", "nb"] as const)("accessibility of the programme in %s", (lang) => {
  it("the event page, the form with errors and the manage page", async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/e/programme?lang=${lang}`);
    await box(page, "lean").check();
    await expectAccessible(page, `/e/programme (${lang})`);
    await Promise.all([page.waitForNavigation(), page.locator("#signup button[type=submit]").click()]);
    expect(await page.locator(".error-summary li").count()).toBeGreaterThan(1);
    expect(await box(page, "lean").isChecked()).toBe(true);
    await expectAccessible(page, `form errors (${lang})`);
    await page.goto(`${suite.server.url}/r/${token}?lang=${lang}`);
    await expectAccessible(page, `/r/:token (${lang})`);
    if (lang !== "sv") await screenshot(page, `programme-manage-${lang}`);
    await context.close();
  });
});
