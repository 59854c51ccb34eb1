import { mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContextOptions, type Download, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import type { RunningServer } from "../../src/node";
import { TestClock } from "./clock";
import { harness, type Harness } from "./harness";
import { projectRoot, startTestServer } from "./server";

/** Debian's chromium (test/setup/chromium.sh installs it); nothing downloads a browser. */
export const CHROMIUM = process.env.PLATS_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * The run's chromium (launched once by test/setup/browser.ts), connected to from this
 * file; it may still be starting, so a refused connection is tried again for a while.
 * Closing the returned Browser disconnects this file and leaves chromium to the others.
 */
export async function connectBrowser(): Promise<Browser> {
  const ws = inject("browserWs");
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await chromium.connect(ws, { timeout: 30_000 });
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * A chromium of its own whose camera plays `videoFile` (a .y4m or .mjpeg), with camera
 * permission granted without a prompt. The run's shared chromium has no camera; this is
 * the one extra launch, for the door's scanner. Close it when done.
 */
export function launchWithCamera(videoFile: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${videoFile}`],
  });
}

/** The bytes of a file the browser downloaded (the browser runs elsewhere: no local path). */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** Screenshots for a reviewer, in a git-ignored folder: test/artifacts/screenshots. */
export const screenshotDir = join(projectRoot, "test", "artifacts", "screenshots");

export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

export interface BrowserSuite {
  h: Harness;
  server: RunningServer & { url: string };
  browser: Browser;
}

/**
 * What every browser suite needs, set up once per file: a fresh database with an
 * organisation (`h`, for the API, on the real clock as the server is), the real Node
 * server over it, and chromium.
 */
export function browserSuite(): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.h = await harness({}, { clock: TestClock.real() });
    suite.server = await startTestServer(suite.h.database.url);
    suite.browser = await connectBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
    suite.h?.close();
  });
  return suite;
}

/** axe-core on the page as it is now: no serious or critical violation (WCAG 2.1 A and AA plus axe's best practices). */
export async function expectAccessible(page: Page, what: string) {
  // axe.run in the page itself ("legacy" mode): our pages have no frames, and the default
  // runPartial/finishRun opens a blank page for every check, which took twice as long.
  // resultTypes: only violations list every node; passes and the rest keep one node each,
  // which spares chromium and the test a large result for every page.
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .options({ resultTypes: ["violations"] })
    .setLegacyMode(true)
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${what}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
  // The check ran on a real page, not an error document.
  expect(results.passes.length).toBeGreaterThan(10);
}
