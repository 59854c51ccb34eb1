import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, startSession } from "../src/domain/accounts";
import { browserSuite, DESKTOP, expectAccessible, screenshot } from "./helpers/browser";
import { liveEventBody, person } from "./helpers/harness";

// An organiser in Swedish pastes a list of invitees and sees them with their states, then
// approves an application from the attendance list's row menu; each page axe-clean.
const suite = browserSuite();
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  const organiser = await createMember({ ctx: suite.h.ctx, input: { orgId: suite.h.orgId, email: "arr@ifk.se", name: "Arrangör Ann", role: "organiser", language: "sv" } });
  // A session opened by the service, on the real clock the server runs on (see admin-settings.browser).
  const value = await startSession({ ...suite.h.ctx, now: () => new Date() }, organiser.id);
  context = await suite.browser.newContext({ ...DESKTOP, locale: "sv-SE" });
  await context.addCookies([{ name: "plats_admin", value, url: suite.server.url }]);
  page = await context.newPage();
});
afterAll(() => context?.close());

describe("invitations and approval in the browser", () => {
  it("an organiser pastes a list of invitees and sees them", async () => {
    const ev = (await suite.h.api("POST", "/events", liveEventBody({ title: "Industriforum Kronoberg", access: "invitation" }))).body.id as string;
    await page.goto(`${suite.server.url}/admin/events/${ev}`);
    await Promise.all([page.waitForURL(/\/invitations$/), page.getByRole("link", { name: "Inbjudningar", exact: true }).click()]);
    await expectAccessible(page, "the invitations page, empty");
    await page.getByLabel("Lista med inbjudna").fill("vd@volvo.se; Vera Vd; Volvo Cars AB; 3\ninfo@ifmetall.se; Ivar Ek; IF Metall\nfel-adress; Bo; X");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Bjud in", exact: true }).click()]);
    await expect.poll(() => page.locator("#invite-errors").textContent()).toContain("Rad 3: ”fel-adress” är inte en e-postadress.");
    await expectAccessible(page, "the invitations page with a list's errors");
    await page.getByLabel("Lista med inbjudna").fill("vd@volvo.se; Vera Vd; Volvo Cars AB; 3\ninfo@ifmetall.se; Ivar Ek; IF Metall");
    await Promise.all([page.waitForURL(/notice=invited/), page.getByRole("button", { name: "Bjud in", exact: true }).click()]);
    expect(await page.locator("p.notice.ok").textContent()).toBe("2 inbjudningar sparade. Utskicket har börjat.");
    const rows = page.locator("table.invitations tbody tr");
    expect(await rows.count()).toBe(2);
    expect(await rows.first().locator("th").textContent()).toBe("vd@volvo.se");
    expect(await rows.first().textContent()).toContain("0 av 3");
    expect(await rows.first().locator(".badge").textContent()).toBe("skickad");
    await rows.first().locator("summary").click();
    expect(await rows.first().locator("input[readonly]").inputValue()).toMatch(/\?invitation=inv_/);
    await expectAccessible(page, "the invitations page with invitations");
    await screenshot(page, "admin-invitations");
  }, 60_000);

  it("an organiser approves an application from the list", async () => {
    const ev = (await suite.h.api("POST", "/events", liveEventBody({ title: "Klusterstyrelsen", access: "approval", capacity: 5 }))).body.id as string;
    const applicant = (await suite.h.api("POST", `/events/${ev}/registrations`, person({ name: "Sara Sökande" }), { token: null })).body.id as string;
    await page.goto(`${suite.server.url}/admin/events/${ev}?status=pending`);
    const row = page.locator(`tr#${applicant}`);
    await row.locator("summary").click();
    await expectAccessible(page, "the attendance list with an application's menu open");
    await Promise.all([page.waitForURL(/notice=decided/), row.getByRole("button", { name: "Godkänn ansökan från Sara Sökande" }).click()]);
    expect(await page.locator("p.notice.ok").textContent()).toBe("Godkänt: 1 fick plats, 0 hamnade på väntelistan.");
    await page.goto(`${suite.server.url}/admin/events/${ev}?status=confirmed`);
    expect(await page.locator(`tr#${applicant} .badge`).textContent()).toBe("bekräftad");
  }, 60_000);
});
