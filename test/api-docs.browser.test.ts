import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { browserSuite, screenshot } from "./helpers/browser";

// The API's reference page (Swagger UI) in chromium with every other origin cut off: it
// must render from what the service itself serves, under its own Content-Security-Policy,
// without a console error or a failed request of ours. Not held to axe as the other pages
// are: Swagger UI's own markup fails it (contrast of its method badges, a button inside the
// operation's summary button, its unnamed server select), which is not ours to change here.
const suite = browserSuite();

describe("the API reference at /api/docs", () => {
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const elsewhere: string[] = [];

  beforeAll(async () => {
    context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(suite.server.url).origin;
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin || url.startsWith("data:")) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
  });
  afterAll(() => context?.close());

  it("shows the operations from the service's own files, asking no other origin for anything", async () => {
    await page.goto(`${suite.server.url}/api/docs`);
    expect(await page.title()).toBe("Plats API");
    const createEvent = page.locator(".opblock-summary", { hasText: "/events" }).filter({ has: page.locator(".opblock-summary-method", { hasText: "POST" }) }).first();
    await createEvent.waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator(".opblock").count()).toBeGreaterThan(20);
    await expect.poll(() => page.locator(".info .title").textContent()).toContain("Plats API");
    // Opening an operation shows its example in the domain's words.
    await createEvent.click();
    await page.getByText("Leankonferens Blekinge 2027").first().waitFor();
    await screenshot(page, "api-docs");
    // Swagger UI shows what it could not resolve in the description in a box of its own.
    expect(await page.locator(".errors-wrapper").count()).toBe(0);
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });


  it("answers with and without the trailing slash", async () => {
    for (const path of ["/api/docs", "/api/docs/"]) {
      const res = await page.request.get(`${suite.server.url}${path}`);
      expect(res.status(), path).toBe(200);
      expect(await res.text(), path).toContain("<title>Plats API</title>");
      expect(res.headers()["content-security-policy"], path).toMatch(/default-src 'none'/);
    }
  });
});
