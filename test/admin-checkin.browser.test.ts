import { eq } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registrations } from "../src/db/schema";
import { createMember, setPassword } from "../src/domain/accounts";
import { arrivedAt, makeEvent, passOf, signUp } from "./admin-checkin-fixture";
import { PASSWORD } from "./helpers/admin";
import { browserSuite, PHONE, screenshot } from "./helpers/browser";

// The door on a phone, in chromium against the real server: a check-in member signs in,
// finds a person by typing, checks them in with one tap, undoes, and checks in by code.
const suite = browserSuite();
let context: BrowserContext;
let page: Page;
let eventId: string;
let people: { asa: { id: string }; bo: { id: string } };
const problems: string[] = [];

beforeAll(async () => {
  const h = suite.h;
  const soon = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
  eventId = await makeEvent(h, { title: "Frukostseminarium", capacity: 2, startsAt: soon(1), endsAt: soon(3) });
  people = {
    asa: await signUp(h, eventId, { name: "Åsa Söderström", email: "asa@verkstad.se", organisation: "Verkstad AB" }),
    bo: await signUp(h, eventId, { name: "Bo Ek", email: "bo@ek.se", organisation: "Ek & Son" }),
  };
  await signUp(h, eventId, { name: "Sören Väntar", email: "soren@example.se" });
  // Checked in, then cancelled: the check-in time stays, but there is nothing to undo.
  const dan = await signUp(h, eventId, { name: "Dan Avbokad", email: "dan@example.se" });
  await h.api("POST", `/manage/${dan.token}/cancel`, undefined, { token: null });
  await h.ctx.db.update(registrations).set({ checkedInAt: new Date() }).where(eq(registrations.id, dan.id));
  const member = await createMember({ ctx: h.ctx, input: { orgId: h.orgId, email: "dorr@cluster.se", role: "checkin" } });
  await setPassword({ ctx: h.ctx, member, password: PASSWORD });
  context = await suite.browser.newContext(PHONE);
  page = await context.newPage();
  // A refused code answers 404, which the console also notes; only script errors and CSP refusals count.
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(err.message));
  await page.goto(`${suite.server.url}/admin/login`);
  await page.locator("#f-email").fill(member.email);
  await page.locator("#f-password").fill(PASSWORD);
  await Promise.all([page.waitForURL(/\/admin\/checkin$/), page.getByRole("button", { name: "Sign in" }).first().click()]);
});
afterAll(() => context?.close());

const live = () => page.locator("#checkin-live");
const row = (name: string) => page.locator("#arrivals li", { hasText: name });

describe("check-in on a phone", () => {
  it("a check-in member lands on the event picker and opens the event's door", async () => {
    await page.getByRole("link", { name: /Frukostseminarium/ }).click();
    await page.waitForURL(new RegExp(`/admin/events/${eventId}/checkin$`));
    await expect.poll(() => page.locator("h1").textContent()).toBe("Frukostseminarium");
    expect(await page.locator("[data-count=checkedIn]").textContent()).toBe("0");
    expect(await page.locator("[data-count=confirmed]").textContent()).toBe("2");
  });

  it("typing part of a name finds the person; one tap checks in, the answer is obvious, and undo works", async () => {
    await page.locator("#f-q").pressSequentially("söd", { delay: 40 });
    await expect.poll(() => row("Åsa Söderström").count()).toBe(1);
    // Only this event's people, and the waitlisted one is shown but cannot be checked in.
    // (Polled: until the search answers, which on a busy machine can take a moment, the
    // list still shows everyone, Åsa included.)
    await expect.poll(() => row("Bo Ek").count()).toBe(0);
    await page.locator("#f-q").fill("s");
    await expect.poll(() => row("Sören Väntar").count()).toBe(1);
    expect(await row("Sören Väntar").getByRole("button").count()).toBe(0);
    expect(await row("Sören Väntar").textContent()).toContain("Waitlisted");
    // The script draws the button the server's flags call for: none for a cancelled arrival.
    await page.locator("#f-q").fill("dan");
    await expect.poll(() => row("Dan Avbokad").count()).toBe(1);
    expect(await row("Dan Avbokad").textContent()).toContain("Cancelled");
    expect(await row("Dan Avbokad").getByRole("button").count()).toBe(0);
    await page.locator("#f-q").fill("söder");
    // Dan's list also has one row: wait until it is Åsa's.
    await expect.poll(() => row("Dan Avbokad").count()).toBe(0);
    await expect.poll(() => page.locator("#arrivals li").count()).toBe(1);
    // The search is kept in the address, so a reload shows the same list.
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("söder");

    await row("Åsa Söderström").getByRole("button", { name: "Check in Åsa Söderström" }).tap();
    await expect.poll(() => live().textContent()).toBe("Åsa Söderström: Checked in");
    expect(await live().getAttribute("aria-live")).toBe("polite");
    expect(await page.locator("[data-count=checkedIn]").textContent()).toBe("1");
    expect(await row("Åsa Söderström").getAttribute("class")).toContain("in");
    expect(await arrivedAt(suite.h, people.asa.id)).not.toBeNull();
    // Done with her: the search is cleared and waits for the next person, over everyone with a seat.
    expect(await page.locator("#f-q").inputValue()).toBe("");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-q");
    await expect.poll(() => page.locator("#arrivals").getAttribute("aria-label")).toBe("Everyone with a seat, by last name");
    await expect.poll(() => page.locator("#arrivals li strong").allTextContents()).toEqual(["Bo Ek", "Åsa Söderström"]);
    await screenshot(page, "admin-checkin");

    await row("Åsa Söderström").getByRole("button", { name: "Undo check-in of Åsa Söderström" }).tap();
    await expect.poll(() => live().textContent()).toBe("Åsa Söderström: Check-in undone");
    expect(await page.locator("[data-count=checkedIn]").textContent()).toBe("0");
    expect(await arrivedAt(suite.h, people.asa.id)).toBeNull();
  });

  it("follows the counts when another door checks someone in", async () => {
    expect(await page.locator("[data-count=checkedIn]").textContent()).toBe("0");
    // Another device, through the API: the door's script asks for the counts every 10 s.
    expect((await suite.h.api("POST", `/registrations/${people.asa.id}/check-in`)).status).toBe(200);
    await expect.poll(() => page.locator("[data-count=checkedIn]").textContent(), { timeout: 15_000 }).toBe("1");
    expect((await suite.h.api("DELETE", `/registrations/${people.asa.id}/check-in`)).status).toBe(200);
    await expect.poll(() => page.locator("[data-count=checkedIn]").textContent(), { timeout: 15_000 }).toBe("0");
  });

  it("a typed code (lower case, no dash) checks its holder in; a wrong one says why", async () => {
    const pass = await passOf(suite.h, suite.h.orgId, people.bo.id);
    await page.locator("#f-code").fill("ZZZZZ-ZZZZZ");
    await page.locator("#code-form").getByRole("button", { name: "Check in" }).tap();
    await expect.poll(() => live().textContent()).toMatch(/No such registration with this code/);
    expect(await page.locator("#f-code").inputValue()).toBe("ZZZZZ-ZZZZZ");

    await page.locator("#f-code").fill(pass.code.replace("-", "").toLowerCase());
    await page.locator("#code-form").getByRole("button", { name: "Check in" }).tap();
    await expect.poll(() => live().textContent()).toBe("Bo Ek: Checked in");
    expect(await page.locator("#f-code").inputValue()).toBe("");
    expect(await page.locator("[data-count=checkedIn]").textContent()).toBe("1");
    expect(await arrivedAt(suite.h, people.bo.id)).not.toBeNull();
  });

  it("adds a walk-in on a 390×844 phone: one form, checked in at once, over capacity only when ticked", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator("details.walk-in summary").tap();
    await page.locator("details.walk-in #f-firstName").fill("Wilma");
    await page.locator("details.walk-in #f-lastName").fill("Walk-in");
    await page.locator("details.walk-in #f-email").fill("wilma@walk.se");
    await page.locator("details.walk-in #f-organisation").fill("Walk AB");
    // Two seats, both taken: the door may not waitlist her, and says what to do.
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Add and check in" }).tap()]);
    await expect.poll(() => page.locator("details.walk-in .notice.bad").textContent()).toContain("The event is full");
    expect(await page.locator("details.walk-in #f-email").inputValue()).toBe("wilma@walk.se");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.locator("details.walk-in #f-override").check();
    await Promise.all([page.waitForURL(/done=in/), page.getByRole("button", { name: "Add and check in" }).tap()]);
    await expect.poll(() => live().textContent()).toBe("Wilma Walk-in: Checked in");
    expect(await page.locator("[data-count=checkedIn]").textContent()).toBe("2");
    await screenshot(page, "admin-checkin-walk-in-390");
  });

  it("offers the camera wherever the page may use one, and breaks no rule of the page's CSP", async () => {
    // Read by BarcodeDetector or, where the browser has none, by jsQR (admin-scanner.browser.test.ts).
    const camera = await page.evaluate(() => Boolean(navigator.mediaDevices && navigator.mediaDevices.getUserMedia));
    expect(await page.locator("#scan").isVisible()).toBe(camera);
    expect(problems).toEqual([]);
  });
});
