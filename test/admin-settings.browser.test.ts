import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember } from "../src/domain/accounts";
import { startSession } from "../src/domain/accounts";
import { browserSuite, DESKTOP, expectAccessible, PHONE, screenshot } from "./helpers/browser";
import { PNG } from "./helpers/images";
import { liveEventBody } from "./helpers/harness";

// The owner's settings page in chromium, for a reviewer's eye (screenshots) and to see
// that the retention field carries its range for the browser too.
const suite = browserSuite();
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  await suite.h.api("PATCH", "/organisation", {
    name: "Techtank",
    contactEmail: "evenemang@techtank.se",
    privacyUrl: "https://www.techtank.se/integritet",
    requireConsent: true,
    embedOrigins: ["https://www.techtank.se"],
    retentionDays: 365,
  });
  const owner = await createMember({ ctx: suite.h.ctx, input: { orgId: suite.h.orgId, email: "agare@techtank.se", name: "Ägare Åsa", role: "owner" } });
  // A session opened by the service, on the real clock the server runs on (see admin-exports.browser).
  const value = await startSession({ ...suite.h.ctx, now: () => new Date() }, owner.id);
  context = await suite.browser.newContext(DESKTOP);
  await context.addCookies([{ name: "plats_admin", value, url: suite.server.url }]);
  page = await context.newPage();
});
afterAll(() => context?.close());

describe("settings in the browser", () => {
  it("shows the saved settings with the retention range, on a desktop and a phone", async () => {
    await page.goto(`${suite.server.url}/admin/settings`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Settings");
    const retention = page.getByLabel("Keep attendees' personal data for this many days after an event ends");
    expect(await retention.inputValue()).toBe("365");
    expect(await retention.getAttribute("min")).toBe("30");
    expect(await retention.getAttribute("max")).toBe("3650");
    expect(await page.getByLabel("Require consent to the privacy notice at signup").isChecked()).toBe(true);
    expect(await page.getByLabel("Sites that may embed the signup form").inputValue()).toBe("https://www.techtank.se");
    await screenshot(page, "admin-settings");

    const phone = await suite.browser.newContext(PHONE);
    await phone.addCookies(await context.cookies());
    const small = await phone.newPage();
    await small.goto(`${suite.server.url}/admin/settings`);
    // Nothing runs off the side of a phone.
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(small, "admin-settings-phone");
    await phone.close();
  });

  it("shows members, one person's data and the audit log", async () => {
    await createMember({ ctx: suite.h.ctx, input: { orgId: suite.h.orgId, email: "dorr@techtank.se", name: "Dörr Dan", role: "checkin" } });
    const ev = (await suite.h.api("POST", "/events", liveEventBody({ title: "Leankonferens Blekinge 2027", questions: [{ id: "lunch", label: "Lunch", kind: "text" }] }))).body.id;
    await suite.h.api("POST", `/events/${ev}/registrations`, { name: "Anna Svensson", email: "anna@example.se", organisation: "Volvo CE", answers: { lunch: "Vegetarisk" }, consent: true }, { token: null });

    await page.goto(`${suite.server.url}/admin/members`);
    expect(await page.locator("table.data tbody tr").count()).toBe(2);
    await screenshot(page, "admin-members");

    await page.goto(`${suite.server.url}/admin/privacy`);
    await page.getByLabel("Email address").fill("ANNA@example.se");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("heading", { name: "Stored about anna@example.se" }).waitFor();
    // A POST: the address stays out of the address bar.
    expect(page.url()).toBe(`${suite.server.url}/admin/privacy`);
    await screenshot(page, "admin-privacy");
    await page.getByRole("button", { name: "Erase…" }).click();
    await page.getByRole("heading", { name: "Erase anna@example.se?" }).waitFor();
    expect(page.url()).toBe(`${suite.server.url}/admin/privacy/erase/review`);
    await screenshot(page, "admin-privacy-erase");

    await page.goto(`${suite.server.url}/admin/audit`);
    expect(await page.locator("h1").textContent()).toBe("Audit log");
    await screenshot(page, "admin-audit");
  });

  it("uploads a logo through the file field, refuses an SVG on that field, and removes it", async () => {
    await page.goto(`${suite.server.url}/admin/settings`);
    await page.getByLabel("Image file").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from(PNG) });
    await Promise.all([page.waitForURL(/notice=logo$/), page.getByRole("button", { name: "Upload the logo" }).click()]);
    expect(await page.locator("p.notice").textContent()).toContain("The logo is uploaded.");
    expect(await page.getByRole("img", { name: "Techtank" }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await expectAccessible(page, "settings with a logo");

    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    await page.getByLabel("Image file").setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(svg) });
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Replace the logo" }).click()]);
    await page.locator(".error-summary").waitFor();
    expect(await page.locator("#f-logo-error").textContent()).toBe("The logo must be a PNG, JPEG or WebP image.");
    expect(await page.locator("#f-logo").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "a refused logo");
    await screenshot(page, "admin-settings-logo-refused");

    await Promise.all([page.waitForURL(/notice=logo-removed$/), page.getByRole("button", { name: "Remove the logo" }).click()]);
    expect(await page.locator("p.notice").textContent()).toContain("The logo is removed.");
  });
});
