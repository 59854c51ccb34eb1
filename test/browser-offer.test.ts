import { readdirSync, readFileSync } from "node:fs";
import { simpleParser, type ParsedMail } from "mailparser";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/node";
import { connectBrowser, expectAccessible, PHONE, screenshot } from "./helpers/browser";
import { TestClock } from "./helpers/clock";
import { harness, liveEventBody, type Harness } from "./helpers/harness";
import { scratchMailDir, startTestServer } from "./helpers/server";
import { invitePart } from "./helpers/smtp";

// A waitlisted person gets a freed seat offered by email and takes it on their phone: the
// email as the server wrote it, its link opened in the browser, one button pressed.
let h: Harness;
let server: RunningServer & { url: string };
let browser: Browser;
const mailDir = scratchMailDir();

beforeAll(async () => {
  h = await harness({}, { clock: TestClock.real() });
  server = await startTestServer(h.database.url, { MAIL_DIR: mailDir });
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  h?.close();
});

/** The first email the server has written to `to` whose subject matches, waiting for the dispatcher. */
async function mailTo(to: string, subject: RegExp): Promise<ParsedMail & { raw: string }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    for (const file of readdirSync(mailDir).filter((f) => f.endsWith(".eml"))) {
      const raw = readFileSync(`${mailDir}/${file}`, "utf8");
      const mail = await simpleParser(raw);
      const rcpt = [mail.to].flat().map((a) => a?.text ?? "").join(",");
      if (rcpt.includes(to) && subject.test(mail.subject ?? "")) return Object.assign(mail, { raw });
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("a seat offered from the waitlist", () => {
  it("is taken from the email's link on a phone: one page, one button, then a seat", async () => {
    const event = (await h.api("POST", "/events", liveEventBody({ title: "Lean-frukost", capacity: 1, waitlistMode: "offer", offerMinutes: 120 }))).body;
    expect(event.waitlistMode).toBe("offer");
    const first = await h.api("POST", `/events/${event.id}/registrations`, { firstName: "Anna", lastName: "Först", email: "anna@example.se" }, { token: null });
    const waiting = await h.api("POST", `/events/${event.id}/registrations`, { firstName: "Bo", lastName: "Väntar", email: "bo@example.se" }, { token: null });
    expect([first.body.status, waiting.body.status]).toEqual(["confirmed", "waitlisted"]);
    // Anna cancels: her seat is held for Bo, and he is told so.
    const annasToken = first.body.manageUrl.split("/r/")[1];
    expect((await h.api("POST", `/manage/${annasToken}/cancel`, undefined, { token: null })).status).toBe(200);

    const offer = await mailTo("bo@example.se", /^Erbjudande om plats: Lean-frukost$/);
    expect(offer.text).toMatch(/^Hej Bo!/);
    const accept = /(http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{22}\/accept)\b/.exec(offer.text ?? "")?.[1];
    expect(accept, offer.text).toBeDefined();
    expect(offer.html).toContain(`href="${accept}`);

    const context = await browser.newContext({ ...PHONE, locale: "sv-SE" });
    const page = await context.newPage();
    try {
      // Opening the link changes nothing (mail scanners open links too); the button does.
      await page.goto(accept!);
      await expect.poll(() => page.locator("h1").textContent()).toBe("Vill du ha platsen?");
      expect((await h.api("GET", `/events/${event.id}/registrations`)).body.registrations.map((r: { status: string }) => r.status)).toEqual(["cancelled", "offered"]);
      await expectAccessible(page, "accept the offer");
      await screenshot(page, "offer-accept-phone");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Ja, jag tar platsen" }).click()]);
      await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Platsen är din!");
      const after = (await h.api("GET", `/events/${event.id}/registrations`)).body.registrations;
      expect(after.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([
        ["Anna Först", "cancelled"],
        ["Bo Väntar", "confirmed"],
      ]);
      // Reloading the answer shows the seat, not an error.
      await page.reload();
      await expect.poll(() => page.locator("main").textContent()).toContain("Du har en plats");
      // The confirmation with its invite follows.
      const confirmed = await mailTo("bo@example.se", /^(?!Erbjudande).*: Lean-frukost$/);
      expect(invitePart(confirmed.raw)?.method).toBe("REQUEST");
    } finally {
      await context.close();
    }
  });
});
