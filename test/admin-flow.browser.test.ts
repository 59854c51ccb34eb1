import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, setPassword } from "../src/domain/accounts";
import { readCsv, readXlsx } from "./admin-exports-fixture";
import { PASSWORD } from "./helpers/admin";
import { browserSuite, DESKTOP, downloadBytes, screenshot } from "./helpers/browser";
import { isoDate } from "./helpers/clock";

// An organiser's day in chromium, end to end against the real server: sign in, create an
// event with a question, watch a public signup arrive, promote from the waitlist, check
// someone in by search, and take the lists away as CSV and XLSX.
const suite = browserSuite();
let context: BrowserContext;
let page: Page;
let eventPath: string;
const problems: string[] = [];

/** Clicks something that loads a new page, and waits until that page has loaded. */
async function go(click: () => Promise<unknown>) {
  await Promise.all([page.waitForEvent("framenavigated", (f) => f === page.mainFrame()), click()]);
  await page.waitForLoadState();
}

async function download(href: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`a[href="${href}"]`).first().click()]);
  return downloadBytes(file);
}

beforeAll(async () => {
  const owner = await createMember({ ctx: suite.h.ctx, input: { orgId: suite.h.orgId, email: "ulla@techtank.se", name: "Ulla Owner", role: "owner" } });
  await setPassword({ ctx: suite.h.ctx, member: owner, password: PASSWORD });
  context = await suite.browser.newContext({ ...DESKTOP, acceptDownloads: true });
  page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(err.message));
});
afterAll(() => context?.close());

describe("an organiser's day in the workspace", () => {
  it("signs in with email and password and lands on the dashboard", async () => {
    await page.goto(`${suite.server.url}/admin`);
    expect(new URL(page.url()).pathname).toBe("/admin/login");
    await page.locator("#f-email").fill("ulla@techtank.se");
    await page.locator("#f-password").fill(PASSWORD);
    await go(() => page.getByRole("button", { name: "Sign in", exact: true }).click());
    expect(new URL(page.url()).pathname).toBe("/admin");
    expect(await page.locator("h1").textContent()).toBe("Events");
  });

  it("creates an event with a question from the form, then publishes it", async () => {
    await go(() => page.getByRole("link", { name: "New event" }).click());
    await page.getByLabel("Title", { exact: true }).fill("Workshop: Lean i vården");
    // Two months ahead of the real clock the server runs on, in the form's local time.
    const day = isoDate(Date.now(), 60);
    await page.getByLabel("Starts").fill(`${day}T09:30`);
    await page.getByLabel("Ends").fill(`${day}T12:00`);
    await page.locator("#f-capacity").fill("1");
    await page.locator("#f-questions\\.0\\.label").fill("Lunch");
    await page.locator("#f-questions\\.0\\.kind").selectOption("select");
    await page.locator("#f-questions\\.0\\.options").fill("Kött\nVegetariskt");
    await go(() => page.getByRole("button", { name: "Create the event" }).click());
    // A new event is a draft: the share page offers publishing it as its own step.
    const sharePath = new URL(page.url()).pathname;
    expect(sharePath).toMatch(/^\/admin\/events\/evt_\w+\/share$/);
    expect(await page.getByRole("status").first().textContent()).toContain("The event is created.");
    await go(() => page.getByRole("button", { name: "Publish" }).click());
    expect(await page.getByRole("status").first().textContent()).toContain("The event is published.");
    eventPath = sharePath.replace(/\/share$/, "");
    await go(() => page.getByRole("link", { name: "Back to the attendance list" }).click());
    expect(new URL(page.url()).pathname).toBe(eventPath);
    expect(await page.locator("h1").textContent()).toBe("Workshop: Lean i vården");
  });

  it("shows a signup made on the public page, and a second one on the waitlist", async () => {
    const visitor = await context.newPage();
    await visitor.goto(`${suite.server.url}/e/workshop-lean-i-varden`);
    await visitor.locator("#f-firstName").fill("Greta");
    await visitor.locator("#f-lastName").fill("Gäst");
    await visitor.locator("#f-email").fill("greta@vard.se");
    await visitor.locator("#f-organisation").fill("=HYPERLINK(\"https://evil.example\")");
    await visitor.locator("#f-answers-lunch").selectOption("Vegetariskt");
    const [answer] = await Promise.all([
      visitor.waitForResponse((r) => r.request().method() === "POST"),
      visitor.getByRole("button", { name: "Anmäl mig" }).click(),
    ]);
    // The form answers with a redirect to its result, so a reload shows the status again.
    expect(answer.status()).toBe(303);
    await visitor.waitForURL(/\/e\/workshop-lean-i-varden\/done\//);
    await visitor.waitForLoadState();
    expect(await visitor.locator("main").textContent()).toContain("Du är anmäld");
    await visitor.close();
    const late = await suite.h.api("POST", `/events/${eventPath.split("/").pop()}/registrations`, { name: "Hugo Sen", email: "hugo@vard.se", answers: { lunch: "Kött" } }, { token: null });
    expect(late.body.status).toBe("waitlisted");

    // The answers are a column to choose; the default view leaves them out.
    await page.goto(`${suite.server.url}${eventPath}?cols=email,organisation,answers,checkedIn,notes`);
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain("Greta Gäst");
    expect(await rows.nth(0).textContent()).toContain("Vegetariskt");
    expect(await rows.nth(1).textContent()).toContain("waitlisted #1");
  });

  it("promotes Hugo from the waitlist, over capacity by explicit choice", async () => {
    // Row actions sit in the row's menu.
    await page.locator("tbody tr", { hasText: "Hugo Sen" }).locator("summary").click();
    await go(() => page.getByRole("button", { name: "Promote Hugo Sen" }).click());
    await go(() => page.getByRole("button", { name: "Seat beyond capacity" }).click());
    expect(await page.getByRole("status").first().textContent()).toContain("Promoted beyond capacity");
    expect(await page.locator("tbody tr", { hasText: "Hugo Sen" }).textContent()).toContain("over capacity");
  });

  it("checks Greta in at the door by typing part of her name", async () => {
    await page.goto(`${suite.server.url}${eventPath}/checkin`);
    await page.locator("#f-q").pressSequentially("gre", { delay: 30 });
    const greta = page.locator("#arrivals li", { hasText: "Greta Gäst" });
    await expect.poll(() => greta.count()).toBe(1);
    await greta.getByRole("button", { name: "Check in Greta Gäst" }).click();
    await expect.poll(() => page.locator("#checkin-live").textContent()).toBe("Greta Gäst: Checked in");
  });

  it("exports the list as CSV (a formula neutralised) and XLSX (kept as text) with the answers", async () => {
    await page.goto(`${suite.server.url}${eventPath}`);
    const csv = await readCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await download(`${eventPath}/attendees.csv`)), ",");
    const header = csv[0]!;
    const name = header.indexOf("Name");
    const organisation = header.indexOf("Organisation");
    const lunch = header.indexOf("Lunch");
    expect(csv.slice(1).map((r) => [r[name], r[organisation], r[lunch]])).toEqual([
      ["Greta Gäst", "'=HYPERLINK(\"https://evil.example\")", "Vegetariskt"],
      ["Hugo Sen", "", "Kött"],
    ]);
    const bytes = await download(`${eventPath}/attendees.xlsx`);
    const { rows } = await readXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(rows[0]).toContain("Lunch");
    expect(rows.slice(1).map((r) => [r[name], r[organisation], r[lunch]])).toEqual([
      ["Greta Gäst", "=HYPERLINK(\"https://evil.example\")", "Vegetariskt"],
      ["Hugo Sen", null, "Kött"],
    ]);
  });

  it("shows the dashboard with the event's fill rate, and nothing broke the pages' CSP", async () => {
    await page.goto(`${suite.server.url}/admin`);
    const row = page.locator("table.cards tbody tr", { hasText: "Workshop: Lean i vården" });
    expect(await row.textContent()).toContain("2 / 1");
    await screenshot(page, "admin-dashboard");
    expect(problems).toEqual([]);
  });
});
