import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { setCover } from "../src/domain/events";
import { setLogo } from "../src/domain/organisations";
import { join } from "node:path";
import { browserSuite, expectAccessible, screenshot, screenshotDir } from "./helpers/browser";
import { liveEventBody } from "./helpers/harness";
import { pngOfSize } from "./helpers/images";

// The event page on a phone and a desktop, as people see it: the cover without layout
// shift, the summary, the formatted description, the sign-up link that stays at the
// bottom of a phone's screen and leads to the form, nothing wider than the screen, and
// axe clean in each language. Its screenshots at 390 and 1280 px (device scale 1, in
// test/artifacts/screenshots) are the ones in docs/images for docs/event-page.md.
const suite = browserSuite();
let slug: string;

const description = `**Leankonferens Blekinge** samlar industrin i regionen för en dag om *ständiga förbättringar*.

Programmet:
- Kaffe och registrering
- Föredrag: [Lean i små företag](https://techtank.se/lean)
- Workshops i tre spår
- Avslutning och mingel

1. Anmäl dig senast en vecka före.
2. Ta med en kollega.

Frågor om programmet? Se https://techtank.se/leankonferens eller mejla [oss](mailto:evenemang@techtank.se).`;

beforeAll(async () => {
  const actor = { orgId: suite.h.orgId, id: null, email: "test" };
  await suite.h.api("PATCH", "/organisation", {
    name: "Techtank",
    contactEmail: "evenemang@techtank.se",
    contactPhone: "+46 455 12 34 56",
    accentColor: "#0b6e4f",
    footer: "Techtank, Box 1, 371 21 Karlskrona",
  });
  await setLogo({ ctx: suite.h.ctx, input: { orgId: suite.h.orgId, bytes: pngOfSize(96, 96) }, actor });
  const event = (
    await suite.h.api(
      "POST",
      "/events",
      liveEventBody({ slug: "leankonferens", title: "Leankonferens Blekinge 2027", venue: "BTH Campus Karlshamn", address: "Biblioteksgatan 4, 374 35 Karlshamn", capacity: 120, description }),
    )
  ).body;
  slug = event.slug;
  await setCover({ ctx: suite.h.ctx, input: { orgId: suite.h.orgId, id: event.id, bytes: pngOfSize(1600, 900), alt: "Scenen i aulan på BTH i Karlshamn" }, actor });
});

describe.each([360, 390])("on a %i px phone", (width) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await suite.browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    page = await context.newPage();
    await page.goto(`${suite.server.url}/e/${slug}?lang=sv`);
  });
  afterAll(() => context.close());

  it("fits the screen: nothing scrolls sideways; the cover keeps its place as it loads", async () => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const cover = page.locator(".cover img");
    expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1600);
    // Its box is sized from the attributes' ratio before and after loading: 16:9 of the width.
    const box = (await cover.boundingBox())!;
    expect(Math.abs(box.height - (box.width * 9) / 16)).toBeLessThan(2);
    expect(await page.locator("h1").textContent()).toBe("Leankonferens Blekinge 2027");
  });

  it("keeps the sign-up link at the bottom of the screen, and it leads to the form", async () => {
    const link = page.locator(".sticky-signup a");
    expect(await link.isVisible()).toBe(true);
    const box = (await link.boundingBox())!;
    expect(box.y + box.height).toBeGreaterThan(800 - 40);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    expect(box.height).toBeGreaterThanOrEqual(44);
    if (width === 390) {
      await screenshot(page, "event-page-390");
      // What the phone shows before any scrolling (a full-page capture draws the sticky link where the first screen ends).
      await page.screenshot({ path: join(screenshotDir, "event-page-390-first-screen.png") });
    }
    await link.click();
    await page.waitForURL(/#signup$/);
    const form = (await page.locator("#signup").boundingBox())!;
    expect(form.y).toBeGreaterThanOrEqual(-1);
    expect(form.y).toBeLessThan(800);
    // Scrolled past, it rests before the form and covers none of it.
    const rest = (await page.locator(".sticky-signup").boundingBox())!;
    expect(rest.y + rest.height).toBeLessThanOrEqual(form.y + 1);
  });

  it("is axe clean in Swedish, English and Norwegian", async () => {
    for (const lang of ["sv", "en", "nb"]) {
      await page.goto(`${suite.server.url}/e/${slug}?lang=${lang}`);
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      await expectAccessible(page, `/e/${slug}?lang=${lang} at ${width} px`);
    }
  });
});

describe("on a desktop", () => {
  it("shows the summary and no sticky link, axe clean; its screenshot for the docs", async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${suite.server.url}/e/${slug}?lang=sv`);
      expect(await page.locator(".sticky-signup").isVisible()).toBe(false);
      expect(await page.locator("dl.meta .organiser img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
      expect(await page.locator(".description ul li").count()).toBe(4);
      await expectAccessible(page, `/e/${slug} at 1280 px`);
      await screenshot(page, "event-page-1280");
    } finally {
      await context.close();
    }
  });
});
