import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { setPassword } from "../src/domain/accounts";
import { seedDemo } from "../src/domain/demo";
import { PASSWORD } from "./helpers/admin";
import { join } from "node:path";
import { browserSuite, DESKTOP, screenshot, screenshotDir } from "./helpers/browser";


// The demo's conference (talks and three workshops of 25 to choose) and its LEAN course (a
// package of four dates) as an organiser and an attendee see them: the screenshots in
// docs/images for docs/programme.md come from here (test/artifacts/screenshots, 1280 px).
const suite = browserSuite();
let context: BrowserContext;
let page: Page;
let conference: { id: string; slug: string };
let course: { id: string; slug: string };

beforeAll(async () => {
  const demo = await seedDemo({ ctx: suite.h.ctx });
  [conference, course] = demo.events as unknown as [typeof conference, typeof course];
  await setPassword({ ctx: suite.h.ctx, member: demo.owner, password: PASSWORD });
  context = await suite.browser.newContext({ ...DESKTOP, locale: "sv-SE" });
  page = await context.newPage();
  await page.goto(`${suite.server.url}/admin/login`);
  await page.locator("#f-email").fill("demo@techtank.example");
  await page.locator("#f-password").fill(PASSWORD);
  await Promise.all([page.waitForURL(/\/admin$/), page.locator("form button[type=submit]").first().click()]);
});
afterAll(() => context?.close());

describe("the programme as the docs show it", () => {
  it("the workspace lists the conference's sessions by day, the workshops with 25 seats each", async () => {
    await page.goto(`${suite.server.url}/admin/events/${conference.id}/programme?lang=sv`);
    const rows = page.locator("table tbody tr");
    expect(await rows.count()).toBe(6);
    expect(await page.locator("table").textContent()).toMatch(/Workshop: 5S i praktiken[\s\S]*25/);
    await screenshot(page, "docs-programme-workspace");
  });

  it("the event page shows the programme and the form's session boxes; a package lists its dates", async () => {
    await page.goto(`${suite.server.url}/e/${conference.slug}?lang=sv`);
    expect(await page.locator('input[name="sessions"]').count()).toBe(6);
    await page.locator("section.programme").screenshot({ path: join(screenshotDir, "docs-programme-event.png") });
    await page.locator(".session-choices").screenshot({ path: join(screenshotDir, "docs-programme-form.png") });
    await page.goto(`${suite.server.url}/e/${course.slug}?lang=sv`);
    expect(await page.locator("body").textContent()).toContain("Tillfälle 4: Handlingsplan och uppföljning");
    await page.locator("section.programme").screenshot({ path: join(screenshotDir, "docs-programme-package.png") });
  });
});
