import { createServer, type Server } from "node:http";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import { PHONE, browserSuite, screenshot } from "./helpers/browser";
import { liveEventBody } from "./helpers/harness";
import { freePort } from "./helpers/server";

// The form embedded in an organisation's own site: a page on another origin (another
// port) holding the organiser's snippet. Allowed origins see the form; others get nothing.
const suite = browserSuite();
const hosts: Server[] = [];

/** A stand-in for the cluster's website: serves one page with the given HTML. */
async function hostSite(body: string): Promise<string> {
  const port = await freePort();
  const site = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="sv"><head><title>Techtank</title></head><body><h1>Techtank</h1>${body}</body></html>`);
  });
  site.listen(port, "127.0.0.1");
  await once(site, "listening");
  hosts.push(site);
  return `http://127.0.0.1:${port}`;
}

afterAll(() => {
  for (const site of hosts) site.close();
});

async function embedFrame(page: Page, path: string): Promise<Frame | null> {
  await page.waitForLoadState("load");
  // The snippet's iframe is loading="lazy": on a busy machine it may load after the page.
  const deadline = Date.now() + 10_000;
  let frame: Frame | undefined;
  while (!(frame = page.frames().find((f) => f.url().includes(path))) && Date.now() < deadline) await page.waitForTimeout(100);
  await frame?.waitForLoadState("load");
  return frame ?? null;
}

describe("the embedded form", () => {
  it("works inside an iframe on an allowed origin, sized to its content by the snippet", async () => {
    const ev = (await suite.h.api("POST", "/events", liveEventBody({ slug: "embed-ok", capacity: 5 }))).body;
    // The snippet is written for PUBLIC_URL; the test server's is its own address.
    const snippet: string = ev.embed.snippet.replaceAll("https://plats.test", suite.server.url);
    const site = await hostSite(snippet);
    expect((await suite.h.api("PATCH", "/organisation", { embedOrigins: [site] })).status).toBe(200);

    const page = await suite.browser.newPage({ viewport: { width: 1024, height: 800 } });
    await page.goto(site);
    const frame = await embedFrame(page, "/e/embed-ok");
    expect(frame).not.toBeNull();
    expect(await frame!.locator("h1").textContent()).toBe("Leankonferens Blekinge 2027");
    // No site chrome inside the frame.
    expect(await frame!.locator("header.site").count()).toBe(0);
    // embed.js sets the iframe's height from what frame.js reports.
    await page.waitForFunction(() => (document.querySelector("iframe") as HTMLIFrameElement).style.height !== "");
    const height = await page.evaluate(() => (document.querySelector("iframe") as HTMLIFrameElement).getBoundingClientRect().height);
    const content = await frame!.evaluate(() => document.documentElement.getBoundingClientRect().height);
    expect(Math.abs(height - content)).toBeLessThanOrEqual(2);
    await screenshot(page, "embed-allowed");

    // Registering inside the frame works (the form posts to Plats' own origin).
    await frame!.getByLabel("Förnamn", { exact: true }).first().fill("Gustav");
    await frame!.getByLabel("Efternamn", { exact: true }).first().fill("Inbäddad");
    await frame!.getByLabel("E-post", { exact: true }).first().fill("gustav@example.se");
    await Promise.all([frame!.waitForNavigation(), frame!.getByRole("button", { name: "Anmäl mig" }).click()]);
    expect(await frame!.locator("h1").textContent()).toBe("Du är anmäld!");
    // The manage link leaves the frame: the cluster's page stays as it was.
    expect(await frame!.getByRole("link", { name: /Hantera min anmälan/ }).getAttribute("target")).toBe("_blank");
    const list = await suite.h.api("GET", `/events/${ev.id}/registrations`);
    expect(list.body.registrations.map((r: { email: string }) => r.email)).toEqual(["gustav@example.se"]);
    await page.close();
  });

  it("on a 360 px phone scrolls to its result, without sideways scrolling", async () => {
    const questions = [{ id: "lunch", label: "Lunch", kind: "select", options: ["Fisk", "Vegetariskt"], required: true }];
    const ev = (await suite.h.api("POST", "/events", liveEventBody({ slug: "embed-phone", capacity: 5, waitlist: false, questions, description: "En dag om lean.\n\n".repeat(6) }))).body;
    const snippet: string = ev.embed.snippet.replaceAll("https://plats.test", suite.server.url);
    // The cluster's page: text above the form and a footer below it, as on a real site.
    const site = await hostSite(`<p style="height:900px">Om konferensen …</p>${snippet}<footer style="height:1200px">Techtank</footer>`);
    expect((await suite.h.api("PATCH", "/organisation", { embedOrigins: [site] })).status).toBe(200);

    const context = await suite.browser.newContext({ ...PHONE, locale: "sv-SE" });
    const page = await context.newPage();
    await page.goto(site);
    await page.evaluate(() => window.scrollTo(0, 800));
    const frame = (await embedFrame(page, "/e/embed-phone"))!;
    const noSideways = async () => {
      for (const doc of [page, frame]) {
        const [scroll, width] = await doc.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        expect(scroll).toBeLessThanOrEqual(width!);
      }
    };
    await frame.locator("details.colleagues summary").click();
    await noSideways();
    await frame.getByLabel("Förnamn", { exact: true }).first().fill("Hedda");
    await frame.getByLabel("Efternamn", { exact: true }).first().fill("Telefon");
    await frame.getByLabel("E-post", { exact: true }).first().fill("hedda@example.se");
    await frame.locator("#f-answers-lunch").selectOption("Fisk");
    const colleague = frame.getByRole("group", { name: "Kollega 1" });
    await colleague.getByLabel("Förnamn").fill("Ivar");
    await colleague.getByLabel("Efternamn").fill("Mobil");
    await colleague.getByLabel("E-post").fill("ivar@example.se");
    await colleague.getByLabel("Lunch").selectOption("Vegetariskt");
    // The button sits far down the host page; the result loads at the frame's top.
    await Promise.all([frame.waitForNavigation(), frame.getByRole("button", { name: "Anmäl mig" }).click()]);
    expect(await frame.locator("h1").textContent()).toBe("Tack för anmälan!");
    await page.waitForFunction(() => Math.abs((document.querySelector("iframe") as HTMLIFrameElement).getBoundingClientRect().top) < 2, null, { timeout: 5000 });
    await noSideways();
    expect(await frame.locator("header.site").count()).toBe(0);
    expect(await frame.locator("footer.foot").count()).toBe(0);
    await screenshot(page, "embed-phone-result");
    await context.close();
  });

  it("is refused inside an iframe on an origin the organisation did not list", async () => {
    const ev = (await suite.h.api("POST", "/events", liveEventBody({ slug: "embed-refused" }))).body;
    const allowed = await hostSite("");
    expect((await suite.h.api("PATCH", "/organisation", { embedOrigins: [allowed] })).status).toBe(200);
    const stranger = await hostSite(`<iframe src="${suite.server.url}/e/${ev.slug}?embed=1" title="Anmälan"></iframe>`);

    const page = await suite.browser.newPage();
    const refusals: string[] = [];
    page.on("console", (m) => refusals.push(m.text()));
    await page.goto(stranger);
    await page.waitForTimeout(300);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    // Chromium replaces a frame refused by frame-ancestors with its own error document.
    expect(frame!.url()).toMatch(/^chrome-error:/);
    expect(await frame!.locator("#f-firstName").count()).toBe(0);
    expect(refusals.join("\n")).toContain("frame-ancestors");
    await page.close();
  });

  it("is not frameable at all without ?embed=1, even from an allowed origin", async () => {
    const ev = (await suite.h.api("POST", "/events", liveEventBody({ slug: "embed-plain" }))).body;
    const site = await hostSite(`<iframe src="${suite.server.url}/e/${ev.slug}" title="Anmälan"></iframe>`);
    expect((await suite.h.api("PATCH", "/organisation", { embedOrigins: [site] })).status).toBe(200);
    const page = await suite.browser.newPage();
    await page.goto(site);
    await page.waitForTimeout(300);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame!.url()).toMatch(/^chrome-error:/);
    expect(await frame!.locator("#f-firstName").count()).toBe(0);
    await page.close();
  });
});
