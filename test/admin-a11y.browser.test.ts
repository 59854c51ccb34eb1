import { sql } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, setPassword } from "../src/domain/accounts";
import { setDefaultNotifications, setEventNotifications } from "../src/domain/notifications";
import { PASSWORD } from "./helpers/admin";
import { browserSuite, DESKTOP, expectAccessible, PHONE, screenshot } from "./helpers/browser";
import { setLogo } from "../src/domain/organisations";
import { liveEventBody, liveEventTimes, person } from "./helpers/harness";
import { PNG, pngOfSize } from "./helpers/images";
import { setCover } from "../src/domain/events";

// axe-core on every page of the workspace an organiser uses: no serious or critical
// violation (WCAG 2.1 A and AA plus axe's best practices), as on the attendee pages.
const suite = browserSuite();
let context: BrowserContext;
let page: Page;
let eventId: string;
let registrationId: string;
// An event with a programme, for the sessions box, a session's pages and its door.
let programmeId: string;
let sessionId: string;
// An event by invitation with invitations, and one by approval with an application.
let invitationEventId: string;
let invitationId: string;
let approvalEventId: string;
// A webhook made before the signups, so its delivery log has rows.
let webhookId: string;

beforeAll(async () => {
  webhookId = (await suite.h.api("POST", "/webhooks", { url: "https://crm.example.se/plats", description: "CRM", events: ["registration.created"] })).body.id;
  const questions = [{ id: "lunch", label: "Lunch", kind: "select", options: ["Fisk", "Vegetariskt"] }];
  eventId = (await suite.h.api("POST", "/events", liveEventBody({ capacity: 1, questions }))).body.id;
  await suite.h.api("POST", `/events/${eventId}/registrations`, person({ organisation: "ABB" }), { token: null });
  registrationId = (await suite.h.api("POST", `/events/${eventId}/registrations`, person(), { token: null })).body.id;
  // Paused once its log has rows: the server's dispatcher has no business with crm.example.se.
  await suite.h.api("PATCH", `/webhooks/${webhookId}`, { enabled: false });
  // One refused email and one being tried again, so the mail page has both kinds of row.
  await suite.h.database.db.run(sql`UPDATE outbox SET status = 'failed', attempts = 1, last_error = '550 5.1.1 User unknown'
    WHERE rowid = (SELECT min(rowid) FROM outbox)`);
  await suite.h.database.db.run(sql`UPDATE outbox SET attempts = 1, last_error = '451 4.3.0 Try again later'
    WHERE rowid = (SELECT max(rowid) FROM outbox)`);
  // Branded, so the settings page shows its logo and the remove button.
  await suite.h.api("PATCH", "/organisation", { accentColor: "#0b6e4f", contactPhone: "+46 455 12 34 56", footer: "Techtank, Karlskrona" });
  await setLogo({ ctx: suite.h.ctx, input: { orgId: suite.h.orgId, bytes: PNG }, actor: { orgId: suite.h.orgId, id: null, email: "test" } });
  // A cover, so its page shows the image, the alt text and the remove button.
  await setCover({ ctx: suite.h.ctx, input: { orgId: suite.h.orgId, id: eventId, bytes: pngOfSize(1200, 630), alt: "Scenen i Karlskrona" }, actor: { orgId: suite.h.orgId, id: null, email: "test" } });
  // A programme with two sessions at the same time (their move buttons) and one with people in it.
  const programme = (await suite.h.api("POST", "/events", liveEventBody({ title: "Programdag", programme: "choose", maxSessions: 2 }))).body;
  programmeId = programme.id;
  const at = (h: number) => new Date(Date.parse(programme.startsAt) + h * 3_600_000).toISOString();
  for (const track of ["Sal A", "Sal B"]) await suite.h.api("POST", `/events/${programmeId}/sessions`, { title: `Workshop i ${track}`, track, startsAt: at(1), endsAt: at(2), capacity: 10 });
  sessionId = (await suite.h.api("POST", `/events/${programmeId}/sessions`, { title: "Avslutning", startsAt: at(3), endsAt: at(4), capacity: 1 })).body.id;
  await suite.h.api("POST", `/events/${programmeId}/registrations`, person({ sessions: [sessionId] }), { token: null });
  const owner = await createMember({ ctx: suite.h.ctx, input: { orgId: suite.h.orgId, email: "axe@techtank.se", role: "owner" } });
  await setPassword({ ctx: suite.h.ctx, member: owner, password: PASSWORD });
  // Notifications chosen, so the account page shows its table of per-event choices.
  await setDefaultNotifications({ ctx: suite.h.ctx, member: owner, input: { mode: "digest", kinds: [] } });
  await setEventNotifications({ ctx: suite.h.ctx, member: owner, input: { eventId, mode: "each", kinds: ["signup", "cancellation"] } });
  programmeId = (await suite.h.api("POST", "/events", liveEventBody({ title: "Program med pass", programme: "choose" }))).body.id;
  sessionId = (await suite.h.api("POST", `/events/${programmeId}/sessions`, { title: "Workshop 5S", ...liveEventTimes, capacity: 1 })).body.id;
  for (const organisation of ["Verkstad AB", "Ek & Son"])
    await suite.h.api("POST", `/events/${programmeId}/registrations`, person({ organisation, sessions: [sessionId] }), { token: null });
  invitationEventId = (await suite.h.api("POST", "/events", liveEventBody({ title: "Industriforum", access: "invitation" }))).body.id;
  const invitees = [{ email: "vd@volvo.se", name: "Vera Vd", organisation: "Volvo Cars AB", seats: 3 }, { email: "info@ifmetall.se" }];
  invitationId = (await suite.h.api("POST", `/events/${invitationEventId}/invitations`, { invitees })).body.invitations[0].id;
  approvalEventId = (await suite.h.api("POST", "/events", liveEventBody({ title: "Styrgrupp", access: "approval" }))).body.id;
  await suite.h.api("POST", `/events/${approvalEventId}/registrations`, person({ organisation: "Region Kronoberg" }), { token: null });
  context = await suite.browser.newContext(DESKTOP);
  page = await context.newPage();
  await page.goto(`${suite.server.url}/admin/login`);
  await expectAccessible(page, "/admin/login");
  await page.locator("#f-email").fill("axe@techtank.se");
  await page.locator("#f-password").fill(PASSWORD);
  await Promise.all([page.waitForURL(/\/admin$/), page.getByRole("button", { name: "Sign in", exact: true }).click()]);
});
afterAll(() => context?.close());


const pages = () => [
  "/admin",
  "/admin/events/new",
  `/admin/events/${eventId}`,
  `/admin/events/${eventId}/edit`,
  `/admin/events/${eventId}/cancel`,
  `/admin/events/${eventId}/registrations/${registrationId}/cancel`,
  `/admin/events/${eventId}/add`,
  `/admin/events/${eventId}/message`,
  `/admin/events/${eventId}/checkin`,
  `/admin/events/${eventId}/print`,
  `/admin/events/${eventId}/badges`,
  `/admin/events/${eventId}/share`,
  `/admin/events/${eventId}/emails`,
  `/admin/events/${eventId}/cover`,
  `/admin/events/${eventId}/poster`,
  `/admin/events/${eventId}/signups`,
  `/admin/events/${eventId}?cols=email,organisation,phone,answers,signedUp,checkedIn,notes`,
  `/admin/events/${programmeId}/programme`,
  `/admin/sessions/${sessionId}/edit`,
  `/admin/sessions/${sessionId}/cancel`,
  "/admin/people",
  "/admin/people?q=test",
  "/admin/checkin",
  "/admin/reports",
  "/admin/settings",
  "/admin/settings?notice=logo",
  "/admin/members",
  "/admin/tokens",
  "/admin/privacy",
  "/admin/audit",
  "/admin/mail",
  "/admin/account",
  "/admin/account?notice=notifications",
  `/admin/events/${programmeId}`,
  `/admin/sessions/${sessionId}`,
  `/admin/sessions/${sessionId}/print`,
  `/admin/events/${programmeId}/checkin?session=${sessionId}`,
  `/admin/reports?from=${liveEventTimes.startsAt.slice(0, 10)}&to=${liveEventTimes.endsAt.slice(0, 10)}`,
  `/admin/events/${invitationEventId}/invitations`,
  `/admin/events/${invitationEventId}/invitations/${invitationId}/revoke`,
  `/admin/events/${approvalEventId}?status=pending`,
  "/admin/webhooks",
  `/admin/webhooks/${webhookId}`,
];

// Some forty pages, each analysed by axe in the page: seconds each on a busy machine, so
// they are taken in parts, each with its own time.
const PARTS = 4;
const part = (k: number) => pages().filter((_, i) => i % PARTS === k);

describe("accessibility of the workspace", () => {
  it.each(Array.from({ length: PARTS }, (_, k) => k))("has no serious or critical violation on any page (part %i)", async (k) => {
    for (const path of part(k)) {
      const res = await page.goto(`${suite.server.url}${path}`);
      expect(res?.status(), path).toBe(200);
      await expectAccessible(page, path);
      // For review: every workspace page as it looks at 1280 px.
      await screenshot(page, `admin-1280${path.replace(/evt_[0-9a-z]+/, "event").replace(/reg_[0-9a-z]+/, "registration").replace(/ses_[0-9a-z]+/g, "session").replaceAll("/", "-").replace(/[?=&,]/g, "_")}`);
    }
  }, 120_000);
});

describe("signing in", () => {
  it("asks for a sign-in link from the same email field, the password left empty", async () => {
    const fresh = await suite.browser.newContext(DESKTOP);
    try {
      const login = await fresh.newPage();
      await login.goto(`${suite.server.url}/admin/login`);
      await login.locator("#f-email").fill("axe@techtank.se");
      await Promise.all([login.waitForLoadState("load"), login.getByRole("button", { name: "Email me a sign-in link" }).click()]);
      await expect.poll(() => login.locator("p.notice.ok").textContent()).toContain("a sign-in link is on its way");
      // The address stays in the one field, ready for the password if they find it.
      expect(await login.locator("#f-email").inputValue()).toBe("axe@techtank.se");
      const links = await suite.h.database.db.all(sql`SELECT 1 FROM outbox WHERE kind = 'login_link' AND to_email = 'axe@techtank.se'`);
      expect(links).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });
});

describe("the dashboard on a phone", () => {
  it("fits 360 px without sideways scrolling: each event a card whose values name their column", async () => {
    const phone = await suite.browser.newContext({ ...PHONE, storageState: await context.storageState() });
    try {
      const small = await phone.newPage();
      expect((await small.goto(`${suite.server.url}/admin`))?.status()).toBe(200);
      expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const cell = small.locator('table.data.cards td[data-label="Confirmed"]').first();
      expect(await cell.evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"Confirmed"');
      expect(await small.locator("table.data.cards thead").first().isVisible()).toBe(false);
      await expectAccessible(small, "/admin on a phone");
      await screenshot(small, "admin-dashboard-phone");
    } finally {
      await phone.close();
    }
  });
});

describe("every page on a phone, in Swedish and Norwegian", () => {
  // A page wider than the phone makes a mobile browser zoom out, and taps land beside their
  // buttons: the header's language switch once did that. scrollWidth is measured against
  // the phone's own width, since a zoomed-out page widens innerWidth with it.
  it.each([["sv-SE", "sv"], ["nb-NO", "nb"]] as const)("fits 360 px without sideways scrolling, and speaks the browser's language (%s)", async (locale, lang) => {
    const tooWide: string[] = [];
    {
      const phone = await suite.browser.newContext({ ...PHONE, locale, storageState: await context.storageState() });
      try {
        const small = await phone.newPage();
        for (const path of pages()) {
          expect((await small.goto(`${suite.server.url}${path}`))?.status(), path).toBe(200);
          expect(await small.locator("html").getAttribute("lang"), path).toBe(lang);
          const width = await small.evaluate(() => document.documentElement.scrollWidth);
          if (width > PHONE.viewport!.width) tooWide.push(`${path.replace(/(evt|reg)_[0-9a-z]+/g, "$1")} in ${lang}: ${width} px`);
          // For review: every workspace page in Swedish as a 390 px phone shows it.
          if (lang === "sv") {
            await small.setViewportSize({ width: 390, height: 844 });
            await screenshot(small, `admin-390${path.replace(/evt_[0-9a-z]+/, "event").replace(/reg_[0-9a-z]+/, "registration").replace(/ses_[0-9a-z]+/g, "session").replaceAll("/", "-").replace(/[?=&,]/g, "_")}`);
            await small.setViewportSize(PHONE.viewport!);
          }
        }
      } finally {
        await phone.close();
      }
    }
    expect(tooWide).toEqual([]);
  }, 120_000);
});

describe("the event form's times", () => {
  it("suggests the end from the start, keeps the length as the start moves, and says at once when the end comes first", async () => {
    await page.goto(`${suite.server.url}/admin/events/new`);
    const start = page.locator("#f-startsAt");
    const end = page.locator("#f-endsAt");
    await start.fill("2027-03-18T08:30");
    expect(await end.inputValue()).toBe("2027-03-18T10:30");
    await end.fill("2027-03-18T12:00");
    await start.fill("2027-03-18T09:00");
    expect(await end.inputValue()).toBe("2027-03-18T12:30");
    expect(await page.locator("#f-endsAt-check").isVisible()).toBe(false);
    await end.fill("2027-03-18T08:00");
    expect(await page.locator("#f-endsAt-check").isVisible()).toBe(true);
    expect(await end.getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page, "/admin/events/new with the end before the start");
    await end.fill("2027-03-18T11:00");
    expect(await page.locator("#f-endsAt-check").isVisible()).toBe(false);
    expect(await page.locator("#f-timezone").evaluate((s: HTMLSelectElement) => s.value)).toBe("Europe/Stockholm");
  });
});
