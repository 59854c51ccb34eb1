import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, setPassword } from "../src/domain/accounts";
import { arrivedAt, makeEvent, passOf, signUp } from "./admin-checkin-fixture";
import { PASSWORD } from "./helpers/admin";
import { browserSuite, expectAccessible, launchWithCamera, PHONE, screenshot } from "./helpers/browser";
import { qrLuma, y4mOf } from "./helpers/qrPixels";

// The door's camera scanner where the browser has no QR reader of its own, as on an
// iPhone: chromium's fake camera shows an attendee's real check-in QR code, and jsQR (loaded
// on demand) reads it. BarcodeDetector is removed before the page runs, so this is the
// fallback whatever chromium has; on Linux it has none anyway.
const suite = browserSuite();
const PHONE_390 = { ...PHONE, viewport: { width: 390, height: 844 } };
let camera: Browser;
let folder: string;
let doorUrl: string;
let email: string;
let asa: { id: string };

// Before any page script: no BarcodeDetector (as in Safari), and every camera stream the
// page gets is kept, to see that its tracks end. window.cameraMode picks what the camera
// does: "deny" (the person said no), "blank" (a camera that sees no code), or the fake camera.
const cameraSpy = () => {
  const w = window as unknown as { BarcodeDetector?: unknown; streams: MediaStream[]; cameraMode?: string };
  delete w.BarcodeDetector;
  w.streams = [];
  const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    if (w.cameraMode === "deny") throw new DOMException("Permission denied", "NotAllowedError");
    let stream: MediaStream;
    if (w.cameraMode === "blank") {
      const canvas = document.createElement("canvas");
      canvas.width = 640;
      canvas.height = 480;
      const g = canvas.getContext("2d")!;
      g.fillStyle = "#fff";
      g.fillRect(0, 0, 640, 480);
      stream = canvas.captureStream(5);
    } else stream = await real(constraints);
    w.streams.push(stream);
    return stream;
  };
};

async function signedIn(browser: Browser, init?: () => void): Promise<{ context: BrowserContext; page: Page; problems: string[]; readerLoads: string[] }> {
  const context = await browser.newContext(PHONE_390);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems: string[] = [];
  const readerLoads: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(err.message));
  page.on("request", (req) => {
    if (/\/assets\/jsqr\.[0-9a-f]{16}\.js$/.test(new URL(req.url()).pathname)) readerLoads.push(req.url());
  });
  await page.goto(`${suite.server.url}/admin/login`);
  await page.locator("#f-email").fill(email);
  await page.locator("#f-password").fill(PASSWORD);
  await Promise.all([page.waitForURL(/\/admin\/checkin$/), page.getByRole("button", { name: "Sign in" }).first().click()]);
  await page.goto(doorUrl);
  return { context, page, problems, readerLoads };
}

/** Every camera track the page was given, ended or not. */
const tracks = (page: Page) =>
  page.evaluate(() => (window as unknown as { streams: MediaStream[] }).streams.flatMap((s) => s.getTracks().map((t) => t.readyState)));
const setMode = (page: Page, mode: string | null) => page.evaluate((m) => ((window as unknown as { cameraMode: string | null }).cameraMode = m), mode);

beforeAll(async () => {
  const h = suite.h;
  const soon = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
  const eventId = await makeEvent(h, { title: "Leankonferens", capacity: 5, startsAt: soon(1), endsAt: soon(5) });
  asa = await signUp(h, eventId, { name: "Åsa Söderström", email: "asa@verkstad.se", organisation: "Verkstad AB" });
  await signUp(h, eventId, { name: "Bo Ek", email: "bo@ek.se" });
  const member = await createMember({ ctx: h.ctx, input: { orgId: h.orgId, email: "skanner@cluster.se", role: "checkin" } });
  await setPassword({ ctx: h.ctx, member, password: PASSWORD });
  email = member.email;
  doorUrl = `${suite.server.url}/admin/events/${eventId}/checkin`;
  // What Åsa's confirmation email shows, as the camera would see it.
  const pass = await passOf(h, h.orgId, asa.id);
  folder = mkdtempSync(join(tmpdir(), "plats-camera-"));
  const video = join(folder, "asa-qr.y4m");
  writeFileSync(video, y4mOf(qrLuma(pass.url, 640, 480), 640, 480));
  camera = await launchWithCamera(video);
});
afterAll(async () => {
  await camera?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("the door's scanner without BarcodeDetector (iPhone Safari, Firefox, chromium on Linux)", () => {
  it("on a 390×844 phone: one tap on scan reads an attendee's QR code and checks them in, then the camera is off", async () => {
    const { context, page, problems, readerLoads } = await signedIn(camera, cameraSpy);
    try {
      expect(await page.evaluate(() => "BarcodeDetector" in window)).toBe(false);
      const scan = page.getByRole("button", { name: "Scan QR code" });
      expect(await scan.isVisible()).toBe(true);
      // The reader is not part of the door page: nothing fetched it yet.
      expect(readerLoads).toEqual([]);
      expect(await page.locator("[data-count=checkedIn]").textContent()).toBe("0");

      // A camera that sees no code: the dialog stays open, accessible, until it is closed.
      await setMode(page, "blank");
      await scan.tap();
      const dialog = page.getByRole("dialog", { name: "Scan QR code" });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(readerLoads).toHaveLength(1);
      expect(await page.evaluate(() => typeof (window as unknown as { jsQR?: unknown }).jsQR)).toBe("function");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("scan-stop");
      await expectAccessible(page, "scanner dialog");
      await screenshot(page, "admin-scanner-390");
      await page.getByRole("button", { name: "Stop scanning" }).tap();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      expect(await tracks(page)).toEqual(["ended"]);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("scan");

      // Escape closes it too; so does the page going out of view (another app, a locked phone).
      await scan.tap();
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await page.keyboard.press("Escape");
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await scan.tap();
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await page.evaluate(() => {
        Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
        document.dispatchEvent(new Event("visibilitychange"));
        delete (document as unknown as { visibilityState?: string }).visibilityState;
      });
      await expect.poll(() => dialog.isVisible()).toBe(false);
      expect(await tracks(page)).toEqual(["ended", "ended", "ended"]);

      // The fake camera shows Åsa's code.
      await setMode(page, null);
      await scan.tap();
      await expect.poll(() => page.locator("#checkin-live").textContent(), { timeout: 15_000 }).toBe("Åsa Söderström: Checked in");
      expect(await page.locator("[data-count=checkedIn]").textContent()).toBe("1");
      const row = page.locator("#arrivals li", { hasText: "Åsa Söderström" });
      expect(await row.getAttribute("class")).toContain("in");
      expect(await row.textContent()).toContain("Checked in");
      expect(await arrivedAt(suite.h, asa.id)).not.toBeNull();
      // One code, one check-in: the camera is off and the dialog closed.
      expect(await dialog.isVisible()).toBe(false);
      expect(await tracks(page)).toEqual(["ended", "ended", "ended", "ended"]);
      expect(await page.evaluate(() => (document.getElementById("scan-video") as HTMLVideoElement).srcObject)).toBeNull();
      // The reader was fetched once, for all four starts.
      expect(readerLoads).toHaveLength(1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("says so, in words, when the camera is refused; no dialog opens", async () => {
    const { context, page, problems } = await signedIn(camera, cameraSpy);
    try {
      await setMode(page, "deny");
      await page.getByRole("button", { name: "Scan QR code" }).tap();
      await expect.poll(() => page.locator("#checkin-live").textContent()).toBe(
        "The browser may not use the camera. Allow the camera for this page in the browser's settings, or type the code.",
      );
      expect(await page.locator("#scanner").isVisible()).toBe(false);
      expect(await tracks(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("keeps the scan button hidden where the page may not use a camera (no getUserMedia: plain HTTP, old browsers)", async () => {
    const { context, page, problems, readerLoads } = await signedIn(suite.browser, () => {
      delete (Navigator.prototype as unknown as { mediaDevices?: unknown }).mediaDevices;
    });
    try {
      expect(await page.evaluate(() => navigator.mediaDevices)).toBeUndefined();
      await expect.poll(() => page.locator("#f-q").isVisible()).toBe(true);
      expect(await page.locator("#scan").isVisible()).toBe(false);
      // The typed code is still there, and nothing fetched the reader.
      expect(await page.locator("#f-code").isVisible()).toBe(true);
      expect(readerLoads).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
