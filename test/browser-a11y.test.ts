import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { browserSuite, expectAccessible, screenshot } from "./helpers/browser";
import { setLogo } from "../src/domain/organisations";
import { liveEventBody, person } from "./helpers/harness";
import { PNG } from "./helpers/images";

// axe-core on every attendee page, in all three languages: no serious or critical
// violation anywhere (WCAG 2.1 A and AA rules plus axe's best practices).
const suite = browserSuite();
let token: string;
let orgSlug: string;

const questions = [
  { id: "lunch", label: "Lunch", kind: "select", options: ["Fisk", "Vegetariskt"], required: true },
  { id: "allergies", label: "Allergier", kind: "text" },
  { id: "why", label: "Vad vill du få ut av dagen?", kind: "textarea" },
  { id: "workshops", label: "Workshops", kind: "multiselect", options: ["5S", "Kaizen"] },
  { id: "photo", label: "Det går bra att fotografera mig", kind: "checkbox" },
];

beforeAll(async () => {
  // Branded, with a pale colour: the pages must stay readable whatever colour is chosen.
  await suite.h.api("PATCH", "/organisation", {
    requireConsent: true,
    privacyUrl: "https://example.se/integritet",
    name: "Techtank",
    contactEmail: "evenemang@techtank.se",
    accentColor: "#ffd700",
    contactPhone: "+46 455 12 34 56",
    footer: "Techtank, Box 1, 371 21 Karlskrona",
  });
  await setLogo({ ctx: suite.h.ctx, input: { orgId: suite.h.orgId, bytes: PNG }, actor: { orgId: suite.h.orgId, id: null, email: "test" } });
  orgSlug = (await suite.h.api("GET", "/organisation")).body.slug;
  await suite.h.api("POST", "/events", liveEventBody({ slug: "a11y", capacity: 2, questions, description: "En dag om lean.\n\nLunch ingår." }));
  await suite.h.api("POST", "/events", liveEventBody({ slug: "a11y-group", capacity: 1, waitlist: false, questions }));
  const full = (await suite.h.api("POST", "/events", liveEventBody({ slug: "a11y-full", capacity: 0 }))).body;
  const waiting = await suite.h.api("POST", `/events/${full.id}/registrations`, person({ consent: true }), { token: null });
  token = waiting.body.manageUrl.slice(waiting.body.manageUrl.lastIndexOf("/") + 1);
});


describe.each(["sv", "en", "nb"] as const)("accessibility in %s", (lang) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await suite.browser.newContext({ viewport: { width: 1024, height: 800 } });
    page = await context.newPage();
  });
  afterAll(() => context.close());

  const open = async (path: string) => {
    const res = await page.goto(`${suite.server.url}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
    expect(await page.getAttribute("html", "lang")).toBe(lang);
    return res;
  };

  it("the list of events", async () => {
    await open("/");
    await expectAccessible(page, "/");
    await open(`/?org=${orgSlug}`);
    expect(await page.locator(".org-logo img").getAttribute("alt")).toBe("Techtank");
    await expectAccessible(page, "/?org=");
  });

  it("the event page with every kind of question, consent and colleagues", async () => {
    await open("/e/a11y");
    await page.locator("details.colleagues summary").click();
    await expectAccessible(page, "/e/a11y");
    // The logo loaded (in the summary, beside the name), and the colour applied through its stylesheet.
    expect(await page.locator("dl.meta .organiser-logo").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await page.locator("#signup button[type=submit]").evaluate((b) => getComputedStyle(b).backgroundColor)).toBe("rgb(255, 215, 0)");
    expect(await page.locator("dl.meta .organiser").textContent()).toContain("+46 455 12 34 56");
    await open("/e/a11y?embed=1");
    await expectAccessible(page, "/e/a11y?embed=1");
    expect(await page.locator(".org-foot").textContent()).toContain("Techtank, Box 1");
  });

  it("the form with errors", async () => {
    await open("/e/a11y");
    await Promise.all([page.waitForNavigation(), page.locator("#signup button[type=submit]").click()]);
    expect(await page.locator(".error-summary li").count()).toBeGreaterThan(2);
    await expectAccessible(page, "form errors");
    if (lang !== "sv") await screenshot(page, `form-errors-${lang}`);
  });

  it("the result page of a group signup", async () => {
    await open("/e/a11y");
    await page.fill("#f-firstName", "Anna");
    await page.fill("#f-lastName", lang);
    await page.fill("#f-email", `anna-a11y-${lang}@example.se`);
    await page.selectOption("#f-answers-lunch", "Fisk");
    await page.locator("details.colleagues summary").click();
    await page.fill("#f-attendees-1-firstName", "Bo");
    await page.fill("#f-attendees-1-lastName", lang);
    await page.fill("#f-attendees-1-email", `bo-a11y-${lang}@example.se`);
    await page.selectOption("#f-attendees-1-answers-lunch", "Vegetariskt");
    await page.check("#f-consent");
    await Promise.all([page.waitForNavigation(), page.locator("#signup button[type=submit]").click()]);
    expect(await page.locator("table.people tbody tr").count()).toBe(2);
    await expectAccessible(page, "result");
    await screenshot(page, `result-group-${lang}`);
  });

  it("a group's own answers and its choice on an event without a waitlist, with errors and when it does not fit", async () => {
    await open("/e/a11y-group");
    await page.locator("details.colleagues summary").click();
    expect(await page.locator('input[name="groupMode"]').count()).toBe(2);
    await expectAccessible(page, "/e/a11y-group");
    await page.fill("#f-firstName", "Anna");
    await page.fill("#f-lastName", lang);
    await page.fill("#f-email", `anna-group-${lang}@example.se`);
    await page.selectOption("#f-answers-lunch", "Fisk");
    await page.fill("#f-attendees-1-firstName", "Bo");
    await page.fill("#f-attendees-1-lastName", lang);
    await page.fill("#f-attendees-1-email", `bo-group-${lang}@example.se`);
    await page.check("#f-consent");
    // Bo's lunch is missing: the error sits in his row.
    await Promise.all([page.waitForNavigation(), page.locator("#signup button[type=submit]").click()]);
    expect(await page.locator("#f-attendees-1-answers-lunch-error").count()).toBe(1);
    await expectAccessible(page, "colleague's errors");
    // Two for the one seat left, together: nobody is registered, and the form says why.
    await page.selectOption("#f-attendees-1-answers-lunch", "Vegetariskt");
    await page.check("#f-consent");
    await Promise.all([page.waitForNavigation(), page.locator("#signup button[type=submit]").click()]);
    expect(await page.locator(".error-summary").textContent()).toMatch(/1/);
    await expectAccessible(page, "group does not fit");
    if (lang !== "sv") await screenshot(page, `group-does-not-fit-${lang}`);
  });

  it("the manage page and its confirmation steps", async () => {
    await open(`/r/${token}`);
    await expectAccessible(page, "/r/:token");
    await open(`/r/${token}/cancel`);
    await expectAccessible(page, "/r/:token/cancel");
    await open(`/r/${token}/delete`);
    await expectAccessible(page, "/r/:token/delete");
  });

  it("the not-found page", async () => {
    const res = await open("/e/no-such-event");
    expect(res?.status()).toBe(404);
    await expectAccessible(page, "404");
  });
});
