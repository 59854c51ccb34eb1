import jsQR from "jsqr";
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueReminders } from "../src/mail/reminders";
import { connectBrowser } from "./helpers/browser";
import { DAY, HOUR } from "./helpers/clock";
import { eventBody } from "./helpers/harness";
import { mailHarness, type MailHarness } from "./helpers/mail";
import type { Received } from "./helpers/smtp";
import { passOf } from "./admin-checkin-fixture";

// The check-in block of the emails and of the attendee's own page: the QR code must scan
// to the signed link, the typed code must be in the text, and only a seat has one.
let m: MailHarness;
let browser: Browser;
beforeAll(async () => {
  m = await mailHarness();
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
  await m.stop();
});

const at = (ms: number) => new Date(m.clock.now().getTime() + ms).toISOString();
const mailsTo = (address: string) => m.inbox(address).map((r) => r.mail);

/**
 * Reads a QR code the way a camera would: chromium draws the element, the screenshot's
 * pixels go to jsQR. Nothing of our own rendering code is used to read it back.
 */
async function scan(element: Locator): Promise<string | null> {
  const png = await element.screenshot();
  const page = element.page();
  const { width, height, data } = await page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = canvas.getContext("2d")!;
    g.drawImage(bitmap, 0, 0);
    const pixels = g.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width: pixels.width, height: pixels.height, data: Array.from(pixels.data) };
  }, png.toString("base64"));
  return jsQR(Uint8ClampedArray.from(data), width, height)?.data ?? null;
}

async function scanEmail(html: string) {
  const page = await browser.newPage({ viewport: { width: 600, height: 1400 } });
  try {
    await page.setContent(html);
    return await scan(page.locator("table[role=img]"));
  } finally {
    await page.close();
  }
}

function expectCheckinBlock(received: Received, pass: { code: string; url: string }) {
  const html = received.mail.html as string;
  expect(received.mail.text).toContain(pass.code);
  expect(html).toContain(pass.code);
  expect(html).toMatch(/<table role="img"[^>]*>/);
  expect(received.mail.attachments.filter((a) => a.contentType !== "text/calendar")).toEqual([]);
  expect(html).not.toMatch(/<img\b/);
  // Gmail clips a message over 102 KB; the whole raw message stays well under that.
  expect(Buffer.byteLength(received.raw)).toBeLessThan(60_000);
}

describe("the check-in block in emails", () => {
  let eventId: string;
  let first: { id: string; token: string };
  let second: { id: string };
  beforeAll(async () => {
    eventId = (await m.api("POST", "/events", eventBody({ capacity: 1, startsAt: at(3 * DAY), endsAt: at(3 * DAY + 2 * HOUR) }))).body.id;
    const a = await m.signUp(eventId, { name: "Anna Först", email: "anna@example.se", language: "en" });
    const b = await m.signUp(eventId, { name: "Bertil Sen", email: "bertil@example.se" });
    first = { id: a.body.id, token: a.body.manageUrl.split("/r/")[1] };
    second = { id: b.body.id };
    await m.dispatch();
  });

  it("the confirmation carries the QR code (an HTML table) and the typed code, and the QR scans to the signed link", async () => {
    const pass = await passOf(m, m.orgId, first.id);
    const [confirmed] = m.inbox("anna@example.se");
    expect(confirmed!.mail.subject).toMatch(/confirmed|registered/i);
    expectCheckinBlock(confirmed!, pass);
    expect(confirmed!.mail.text).toContain("Check-in");
    expect(await scanEmail(confirmed!.mail.html as string)).toBe(pass.url);
  });

  it("a waitlisted person's email has none", async () => {
    const [waitlisted] = mailsTo("bertil@example.se");
    expect(waitlisted!.html).not.toContain('role="img"');
    expect(waitlisted!.text).not.toContain((await passOf(m, m.orgId, second.id)).code);
  });

  it("the promotion, the change notice and the reminder carry it too, each with the holder's own code", async () => {
    await m.api("POST", `/manage/${first.token}/cancel`, undefined, { token: null });
    await m.dispatch();
    const pass = await passOf(m, m.orgId, second.id);
    const promoted = m.inbox("bertil@example.se").at(-1)!;
    expect(promoted.mail.subject).toMatch(/plats|seat/i);
    expectCheckinBlock(promoted, pass);
    expect(promoted.mail.text).toContain("Incheckning");

    await m.api("PATCH", `/events/${eventId}`, { startsAt: at(3 * DAY + HOUR), endsAt: at(3 * DAY + 3 * HOUR) });
    await m.dispatch();
    const updated = m.inbox("bertil@example.se").at(-1)!;
    expect(updated.mail.subject).not.toBe(promoted.mail.subject);
    expectCheckinBlock(updated, pass);

    m.clock.advance(2 * DAY + 2 * HOUR);
    expect((await queueReminders({ ctx: m.ctx, leadMs: DAY })).queued).toBe(1);
    await m.dispatch();
    const reminder = m.inbox("bertil@example.se").at(-1)!;
    expect(reminder.mail.subject).toMatch(/Påminnelse/);
    expectCheckinBlock(reminder, pass);
    expect(await scanEmail(reminder.mail.html as string)).toBe(pass.url);

    // The cancelled person's cancellation email has no code.
    const cancelled = m.inbox("anna@example.se").at(-1)!;
    expect(cancelled.mail.html).not.toContain('role="img"');
  });
});

describe("the attendee's own page", () => {
  it("shows the QR code (inline SVG that scans to the signed link) and the code, in the page's language; only with a seat", async () => {
    const eventId = (await m.api("POST", "/events", eventBody({ capacity: 1 }))).body.id;
    const seated = await m.signUp(eventId, { name: "Sara Sittplats", email: "sara@example.se" });
    const waiting = await m.signUp(eventId, { name: "Vera Väntar", email: "vera@example.se" });
    const pass = await passOf(m, m.orgId, seated.body.id);
    const path = new URL(seated.body.manageUrl).pathname;
    const headings = { sv: "Incheckning", en: "Check-in", nb: "Innsjekking" };
    for (const [lang, heading] of Object.entries(headings)) {
      const res = await m.app.request(`${path}?lang=${lang}`);
      const html = await res.text();
      expect(res.status).toBe(200);
      expect(html).toContain(`<h2 id="checkin-title">${heading}</h2>`);
      expect(html).toContain(pass.code);
      expect(html).toMatch(/<svg[^>]*role="img"/);
    }
    const page = await browser.newPage({ viewport: { width: 400, height: 1600 } });
    try {
      await page.setContent(await (await m.app.request(`${path}?lang=en`)).text());
      expect(await scan(page.locator("svg[role=img]"))).toBe(pass.url);
    } finally {
      await page.close();
    }
    const other = await (await m.app.request(new URL(waiting.body.manageUrl).pathname)).text();
    expect(other).not.toContain("checkin-title");
    expect(other).not.toContain("<svg");
  });
});
