import { sql } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Language } from "../src/db/schema";
import { createMember, setPassword } from "../src/domain/accounts";
import { fill } from "../src/i18n/messages";
import { workspaceMessages } from "../src/i18n/workspace";
import { PASSWORD } from "./helpers/admin";
import { browserSuite, DESKTOP, expectAccessible } from "./helpers/browser";
import { isoDate } from "./helpers/clock";

// The organiser's day in each member language, with the words of that language's catalogue:
// sign in, create a draft, copy its link, publish, print the poster, message two ticked
// attendees, and add a walk-in at the door on a 390×844 phone.
const suite = browserSuite();
const locales: Record<Language, string> = { sv: "sv-SE", nb: "nb-NO", en: "en-GB" };
/** The sentence before a placeholder: what a button's name starts with whatever the count. */
const lead = (template: string) => new RegExp(`^${template.split("{")[0]!.replace(/[.*+?^$()|[\]\\]/g, "\\$&")}`);

describe.each(["sv", "nb", "en"] as const)("an organiser's day in %s", (language) => {
  const w = workspaceMessages(language);
  const title = `Leanfrukost ${language}`;
  let context: BrowserContext;
  let page: Page;
  let eventPath = "";
  const problems: string[] = [];

  async function go(click: () => Promise<unknown>) {
    await Promise.all([page.waitForEvent("framenavigated", (f) => f === page.mainFrame()), click()]);
    await page.waitForLoadState();
    expect(await page.locator("html").getAttribute("lang")).toBe(language);
  }

  beforeAll(async () => {
    const member = await createMember({ ctx: suite.h.ctx, input: { orgId: suite.h.orgId, email: `dag-${language}@techtank.se`, role: "owner" } });
    await setPassword({ ctx: suite.h.ctx, member, password: PASSWORD });
    context = await suite.browser.newContext({ ...DESKTOP, locale: locales[language] });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: suite.server.url });
    page = await context.newPage();
    page.on("pageerror", (err) => problems.push(err.message));
  });
  afterAll(() => context?.close());

  it("signs in and creates a draft from the form", async () => {
    await page.goto(`${suite.server.url}/admin/login`);
    await page.locator("#f-email").fill(`dag-${language}@techtank.se`);
    await page.locator("#f-password").fill(PASSWORD);
    await go(() => page.getByRole("button", { name: w.organisation.signIn.signIn, exact: true }).click());
    expect(await page.locator("h1").textContent()).toBe(w.events.dashboard.title);
    await go(() => page.getByRole("link", { name: w.events.dashboard.newEvent }).first().click());
    await page.locator("#f-title").fill(title);
    // Tomorrow on the server's real clock, so the door is open for the walk-in below.
    const day = isoDate(Date.now(), 1);
    await page.locator("#f-startsAt").fill(`${day}T08:30`);
    await page.locator("#f-endsAt").fill(`${day}T10:00`);
    await page.locator("#f-capacity").fill("2");
    await go(() => page.getByRole("button", { name: w.events.form.create }).click());
    expect(await page.getByRole("status").first().textContent()).toContain(w.events.notices.created);
    eventPath = new URL(page.url()).pathname.replace(/\/share$/, "");
  });

  it("copies the public link, then publishes", async () => {
    const link = (await page.locator("#share-link").inputValue()).trim();
    expect(link).toMatch(/\/e\/leanfrukost-/);
    // Found by what it copies: its name changes once it has.
    const copy = page.locator('button[data-copy="share-link"]');
    expect(await copy.textContent()).toBe(w.events.share.copyLink);
    // The clipboard takes text only from the page in front.
    await page.bringToFront();
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe(w.shell.copied);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await go(() => page.getByRole("button", { name: w.events.share.publish }).click());
    expect(await page.getByRole("status").first().textContent()).toContain(w.events.notices.published);
    expect((await page.request.get(link)).status()).toBe(200);
  });

  it("prints the poster: one A4 page with the title and the QR code", async () => {
    await go(() => page.getByRole("link", { name: w.events.share.poster }).click());
    expect(await page.locator("h1").textContent()).toContain(title);
    expect(await page.locator("svg").count()).toBeGreaterThan(0);
    await expectAccessible(page, `the poster in ${language}`);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    // A4 is 595 × 842 points.
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
  });

  it("messages two ticked attendees", async () => {
    const eventId = eventPath.split("/").pop()!;
    for (const [first, last] of [["Bo", "Ek"], ["Cia", "Dahl"]] as const)
      await suite.h.api("POST", `/events/${eventId}/registrations`, { firstName: first, lastName: `${last} ${language}`, email: `${first.toLowerCase()}-${language}@example.se` }, { token: null });
    await page.goto(`${suite.server.url}${eventPath}`);
    for (const name of [`Bo Ek ${language}`, `Cia Dahl ${language}`]) await page.getByLabel(fill(w.attendees.bulk.select, { name }), { exact: true }).check();
    await go(() => page.getByRole("button", { name: w.attendees.bulk.message }).click());
    expect(await page.locator("h1").textContent()).toBe(w.attendees.message.title);
    await page.getByLabel(w.attendees.message.subject, { exact: true }).fill("Parkering");
    await page.getByLabel(w.attendees.message.body, { exact: true }).fill("Parkera vid norra entrén.");
    await go(() => page.getByRole("button", { name: w.attendees.message.preview }).click());
    await go(() => page.getByRole("button", { name: lead(w.attendees.message.send) }).click());
    const queued = await suite.h.database.db.all<{ to_email: string }>(sql`SELECT to_email FROM outbox WHERE kind = 'organiser_message' AND event_id = ${eventId} ORDER BY rowid`);
    expect(queued.map((q) => q.to_email)).toEqual([`bo-${language}@example.se`, `cia-${language}@example.se`]);
  });

  it("adds a walk-in at the door on a 390×844 phone, beyond capacity only when ticked", async () => {
    const phone = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: locales[language], storageState: await context.storageState() });
    try {
      const door = await phone.newPage();
      await door.goto(`${suite.server.url}${eventPath}/checkin`);
      expect(await door.locator("html").getAttribute("lang")).toBe(language);
      await door.getByText(w.checkin.walkIn.heading).tap();
      await door.getByLabel(w.checkin.walkIn.firstName, { exact: true }).fill("Wilma");
      await door.getByLabel(w.checkin.walkIn.lastName, { exact: true }).fill(`Walk ${language}`);
      await door.getByLabel(w.checkin.walkIn.email, { exact: true }).fill(`wilma-${language}@walk.se`);
      await door.getByLabel(w.checkin.walkIn.override).check();
      await Promise.all([door.waitForLoadState("load"), door.getByRole("button", { name: w.checkin.walkIn.submit }).tap()]);
      await expect
        .poll(async () => (await suite.h.database.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM registrations WHERE email = ${`wilma-${language}@walk.se`} AND checked_in_at IS NOT NULL AND over_capacity = 1`))[0]!.n)
        .toBe(1);
      // Back at the door after the redirect, with the walk-in checked in.
      await door.waitForURL((url) => url.pathname.endsWith("/checkin") && url.searchParams.get("done") === "in");
      await door.waitForLoadState("load");
      expect(await door.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible(door, `the door in ${language}`);
    } finally {
      await phone.close();
    }
    expect(problems).toEqual([]);
  });
});
