import { sql } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, setPassword } from "../src/domain/accounts";
import { passOf } from "./admin-checkin-fixture";
import { programmeFixture } from "./admin-session-fixture";
import { PASSWORD } from "./helpers/admin";
import { browserSuite, PHONE, screenshot } from "./helpers/browser";
import { fromNow, HOUR } from "./helpers/clock";

// The door of one session on a 390×844 phone, in chromium against the real server: a
// check-in member picks a session of today's programme, checks a seat-holder in by
// search, is told that someone found has no seat in it, switches session and checks
// someone in by code.
const suite = browserSuite();
let context: BrowserContext;
let page: Page;
let f: Awaited<ReturnType<typeof programmeFixture>>;
const problems: string[] = [];

beforeAll(async () => {
  const h = suite.h;
  // Starting within the hour, so the pick page counts it among today's events.
  f = await programmeFixture(h, { startsAt: fromNow(HOUR), endsAt: fromNow(7 * HOUR) }, "Programdag");
  const member = await createMember({ ctx: h.ctx, input: { orgId: h.orgId, email: "passdorr@cluster.se", role: "checkin" } });
  await setPassword({ ctx: h.ctx, member, password: PASSWORD });
  context = await suite.browser.newContext({ ...PHONE, viewport: { width: 390, height: 844 } });
  page = await context.newPage();
  // A refused code answers 409, which the console also notes; only script errors and CSP refusals count.
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
const sessionArrival = async (registrationId: string, sessionId: string) =>
  (await suite.h.database.db.all<{ at: number | null }>(
    sql`SELECT checked_in_at AS at FROM session_choices WHERE registration_id = ${registrationId} AND session_id = ${sessionId} AND status = 'confirmed'`,
  ))[0]?.at ?? null;
const fitsTheScreen = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe("checking in to a session on a phone", () => {
  it("the pick page offers each session of today's programme; one tap opens its door", async () => {
    await page.getByRole("link", { name: /Workshop 5S/ }).tap();
    await page.waitForURL(new RegExp(`/admin/events/${f.eventId}/checkin\\?session=${f.sessions.workshop}$`));
    await expect.poll(() => page.locator("h2.door-session").textContent()).toBe("Session: Workshop 5S");
    // Only the session's seat-holders, and its own counts.
    expect(await page.locator("#arrivals li strong").allTextContents()).toEqual(["Åsa Söderström"]);
    expect(await page.locator("[data-count=confirmed]").textContent()).toBe("1");
    expect(await page.locator("#f-session").inputValue()).toBe(f.sessions.workshop);
    expect(await fitsTheScreen()).toBe(true);
  });

  it("search says plainly that someone has no seat in the session, and offers no button", async () => {
    await page.locator("#f-q").pressSequentially("bo ek", { delay: 30 });
    await expect.poll(() => row("Bo Ek").count()).toBe(1);
    await expect.poll(() => row("Bo Ek").textContent()).toContain("On the session's waitlist – no seat");
    expect(await row("Bo Ek").getByRole("button").count()).toBe(0);
    await page.locator("#f-q").fill("cia");
    await expect.poll(() => row("Cia Berg").textContent()).toContain("No seat in this session");
    expect(await row("Cia Berg").getByRole("button").count()).toBe(0);
    // The search stays on the session: its address keeps the session.
    expect(new URL(page.url()).searchParams.get("session")).toBe(f.sessions.workshop);
  });

  it("one tap checks a seat-holder in to the session (and so to the event)", async () => {
    await page.locator("#f-q").fill("söder");
    await expect.poll(() => row("Åsa Söderström").count()).toBe(1);
    await expect.poll(() => page.locator("#arrivals li").count()).toBe(1);
    await row("Åsa Söderström").getByRole("button", { name: "Check in Åsa Söderström" }).tap();
    await expect.poll(() => live().textContent()).toBe("Åsa Söderström: Checked in");
    expect(await page.locator("[data-count=checkedIn]").textContent()).toBe("1");
    expect(await sessionArrival(f.people.asa.id, f.sessions.workshop)).not.toBeNull();
    expect(await sessionArrival(f.people.asa.id, f.sessions.talk)).toBeNull();
    await screenshot(page, "admin-session-door-390");
  });

  it("a code of someone without a seat in the session is refused with the reason", async () => {
    const cia = await passOf(suite.h, suite.h.orgId, f.people.cia.id);
    await page.locator("#f-code").fill(cia.code);
    await page.locator("#code-form").getByRole("button", { name: "Check in" }).tap();
    await expect.poll(() => live().textContent()).toBe("The person has no seat in this session.");
    expect(await page.locator("#f-code").inputValue()).toBe(cia.code);
    expect(await sessionArrival(f.people.cia.id, f.sessions.formula)).toBeNull();
  });

  it("switching to another session, a code checks its holder in there", async () => {
    await page.locator("#f-session").selectOption(f.sessions.talk);
    await Promise.all([page.waitForURL(new RegExp(`session=${f.sessions.talk}`)), page.getByRole("button", { name: "Switch" }).tap()]);
    await expect.poll(() => page.locator("h2.door-session").textContent()).toBe("Session: Öppning");
    expect(await page.locator("#arrivals li strong").allTextContents()).toEqual(["Cia Berg", "Bo Ek", "Åsa Söderström"]);
    const cia = await passOf(suite.h, suite.h.orgId, f.people.cia.id);
    await page.locator("#f-code").fill(cia.code.replace("-", "").toLowerCase());
    await page.locator("#code-form").getByRole("button", { name: "Check in" }).tap();
    await expect.poll(() => live().textContent()).toBe("Cia Berg: Checked in");
    expect(await page.locator("[data-count=checkedIn]").textContent()).toBe("1");
    expect(await sessionArrival(f.people.cia.id, f.sessions.talk)).not.toBeNull();
    await expect.poll(() => row("Cia Berg").getAttribute("class")).toContain("in");
    expect(await fitsTheScreen()).toBe(true);
    await screenshot(page, "admin-session-door-code-390");
  });

  it("breaks no rule of the page's CSP and throws no script error", () => {
    expect(problems).toEqual([]);
  });
});
