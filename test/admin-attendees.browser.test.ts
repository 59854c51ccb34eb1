import { sql } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, setPassword } from "../src/domain/accounts";
import { PASSWORD } from "./helpers/admin";
import { browserSuite, DESKTOP, screenshot } from "./helpers/browser";
import { liveEventBody } from "./helpers/harness";

// An organiser follows an event's attendance list in chromium: a public signup appears,
// and people are promoted from the waitlist with the page's own buttons.
const suite = browserSuite();
let context: BrowserContext;
let page: Page;
let eventId: string;

/** Clicks something that loads a new page, and waits until that page has loaded. */
async function go(click: () => Promise<unknown>) {
  await Promise.all([page.waitForEvent("framenavigated", (f) => f === page.mainFrame()), click()]);
  await page.waitForLoadState();
}

const signUp = async (name: string, email: string, organisation: string, lunch: string) => {
  const res = await suite.h.api("POST", `/events/${eventId}/registrations`, { name, email, organisation, answers: { lunch } }, { token: null });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string };
};

const row = (id: string) => page.locator(`tr[id="${id}"]`);

/** Opens a row's menu of actions (a disclosure), where its buttons are. */
const openMenu = (name: string) => page.getByText(name, { exact: true }).locator("xpath=ancestor::tr").locator("summary").click();

beforeAll(async () => {
  const res = await suite.h.api(
    "POST",
    "/events",
    liveEventBody({
      title: "LEAN-kurs: Ständiga förbättringar",
      capacity: 3,
      venue: "Blekinge Science Park",
      questions: [{ id: "lunch", label: "Lunch", kind: "select", options: ["Kött", "Vegetariskt"] }],
    }),
  );
  eventId = res.body.id;
  await signUp("Åsa Öberg", "asa@verkstad.se", "Öberg Verkstad AB", "Vegetariskt");
  await signUp("Bo Berg", "bo@abb.se", "ABB Karlskrona", "Kött");
  await signUp("Cecilia Ek", "cecilia@volvo.se", "Volvo Olofström", "Kött");
  await signUp("David Dahl", "david@ericsson.se", "Ericsson", "Vegetariskt");

  const member = await createMember({ ctx: suite.h.ctx, input: { orgId: suite.h.orgId, email: "lista@cluster.se", name: "Lina Lista", role: "organiser" } });
  await setPassword({ ctx: suite.h.ctx, member, password: PASSWORD });
  context = await suite.browser.newContext({ ...DESKTOP });
  page = await context.newPage();
  await page.goto(`${suite.server.url}/admin/login?next=${encodeURIComponent(`/admin/events/${eventId}`)}`);
  await page.locator("#f-email").fill(member.email);
  await page.locator("#f-password").fill(PASSWORD);
  await go(() => page.getByRole("button", { name: "Sign in" }).click());
  // Every test below needs the session: fail here, with what the page said, not later.
  expect(new URL(page.url()).pathname, (await page.locator("main").textContent()) ?? "").toBe(`/admin/events/${eventId}`);
});
afterAll(() => context?.close());

describe("the attendance list in a browser", () => {
  it("opens after sign-in and shows a signup made through the public API", async () => {
    expect(await page.locator("h1").textContent()).toBe("LEAN-kurs: Ständiga förbättringar");
    const erik = await signUp("Erik Väntare", "erik@sibbhultsverken.se", "Sibbhultsverken", "Kött");
    expect(erik.status).toBe("waitlisted");
    await page.reload();
    await expect.poll(() => row(erik.id).count()).toBe(1);
    expect(await row(erik.id).textContent()).toContain("waitlisted #2");
    expect(await page.locator(".stats").textContent()).toMatch(/3 \/ 3\s*confirmed/);
  });

  it("finds people by a search typed into the page", async () => {
    await page.getByLabel("Search name, email or organisation").fill("volvo");
    await go(() => page.getByRole("button", { name: "Show", exact: true }).click());
    const names = await page.locator("tbody th[scope=row]").allTextContents();
    expect(names).toEqual(["Cecilia Ek"]);
    await go(() => page.getByRole("link", { name: "Clear" }).click());
    expect(await page.locator("tbody tr").count()).toBe(5);
  });

  it("promotes from the waitlist: with the event full it asks for the override, then records it", async () => {
    await openMenu("David Dahl");
    await go(() => page.getByRole("button", { name: "Promote David Dahl" }).click());
    expect(await page.locator("h1").textContent()).toBe("Seat beyond capacity?");
    expect(await page.locator("main").textContent()).toContain("exceeds the capacity by 1 person");
    await go(() => page.getByRole("button", { name: "Seat beyond capacity" }).click());
    expect(new URL(page.url()).pathname).toBe(`/admin/events/${eventId}`);
    expect(await page.getByRole("status").textContent()).toContain("Promoted beyond capacity");
    const david = page.locator("tr", { has: page.locator("th", { hasText: "David Dahl" }) });
    expect(await david.textContent()).toContain("confirmed");
    expect(await david.textContent()).toContain("over capacity");
    expect(await page.locator(".stats").textContent()).toMatch(/4 \/ 3\s*confirmed/);
  });

  it("promotes straight away when a seat is free, and the list looks right at 1280 px", async () => {
    // Someone cancels their own place: the seat goes to nobody (4 confirmed of 3 seats).
    await openMenu("Bo Berg");
    await go(() => page.getByRole("link", { name: "Cancel Bo Berg's registration" }).click());
    expect(await page.locator("h1").textContent()).toBe("Cancel Bo Berg's registration?");
    await go(() => page.getByRole("button", { name: "Cancel the registration" }).click());
    expect(await page.getByRole("status").textContent()).toContain("Registration cancelled");
    // A seat more, set behind the app's back (as after the window closed): Erik waits with a seat free.
    await suite.h.database.db.run(sql`UPDATE events SET capacity = 4 WHERE id = ${eventId}`);
    await page.reload();
    await openMenu("Erik Väntare");
    await go(() => page.getByRole("button", { name: "Promote Erik Väntare" }).click());
    expect(await page.getByRole("status").textContent()).toContain("Promoted from the waitlist.");
    expect(await page.locator("tbody tr", { hasText: "Erik Väntare" }).textContent()).toContain("confirmed");
    expect(await page.locator(".stats").textContent()).toMatch(/4 \/ 4\s*confirmed/);
    await page.goto(`${suite.server.url}/admin/events/${eventId}?status=all`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "admin-attendance-list");
    expect(await page.locator("tbody tr").count()).toBe(5);
  });
});
