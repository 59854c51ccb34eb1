import { expect, it } from "vitest";
import { browserSuite, DESKTOP, expectAccessible } from "./helpers/browser";
import { PUBLIC_URL, liveEventBody } from "./helpers/harness";

// An invitee opens their personal link and registers with a colleague; the invitation
// page, the decline page and an applicant's own page pass axe in each language.
const s = browserSuite();

const invite = async (eventId: string, invitee: Record<string, unknown>) => {
  const res = await s.h.api("POST", `/events/${eventId}/invitations`, { invitees: [invitee], send: false });
  expect(res.status).toBe(201);
  // The link as the server would write it: the same token, the server's own address.
  const url = (res.body.invitations[0].url as string).replace(PUBLIC_URL, s.server.url);
  return { url, token: new URL(url).searchParams.get("invitation")! };
};
const statuses = async (eventId: string) =>
  ((await s.h.api("GET", `/events/${eventId}/registrations`)).body.registrations as { email: string; status: string }[]).map((r) => [r.email, r.status]);

it("lets an invitee register with a colleague through their link", async () => {
  const event = (await s.h.api("POST", "/events", liveEventBody({ title: "Industriforum Kronoberg", access: "invitation" }))).body;
  const { url } = await invite(event.id, { email: "karin@saab.example", name: "Karin Lund", organisation: "Saab", seats: 2 });
  const context = await s.browser.newContext({ ...DESKTOP, locale: "sv-SE" });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await expect.poll(() => page.getByLabel("E-post").first().inputValue()).toBe("karin@saab.example");
    expect(await page.getByLabel("Förnamn").first().inputValue()).toBe("Karin");
    await page.getByText("Anmäl en kollega samtidigt").click();
    const colleague = page.getByRole("group", { name: "Kollega 1" });
    await colleague.getByLabel("Förnamn").fill("Nils");
    await colleague.getByLabel("Efternamn").fill("Berg");
    await colleague.getByLabel("E-post").fill("nils@saab.example");
    await Promise.all([page.waitForURL(/\/done\//), page.getByRole("button", { name: "Anmäl mig" }).click()]);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Tack för anmälan!");
    expect(await statuses(event.id)).toEqual([
      ["karin@saab.example", "confirmed"],
      ["nils@saab.example", "confirmed"],
    ]);
  } finally {
    await context.close();
  }
});

it("keeps the invitation page, the decline page and an applicant's page accessible in sv, en and nb", async () => {
  const invited = (await s.h.api("POST", "/events", liveEventBody({ title: "Klusterstyrelsen", access: "invitation" }))).body;
  const { url, token } = await invite(invited.id, { email: "ola@hydro.example", name: "Ola Nordmann", seats: 3 });
  const approval = (await s.h.api("POST", "/events", liveEventBody({ title: "Medlemsfrukost", access: "approval" }))).body;
  const applied = await s.h.api("POST", `/events/${approval.id}/registrations`, { firstName: "Siv", lastName: "Holm", email: "siv@example.se" }, { token: null });
  expect(applied.body.status).toBe("pending");
  const manage = (applied.body.manageUrl as string).replace(PUBLIC_URL, s.server.url);

  const context = await s.browser.newContext({ ...DESKTOP });
  const page = await context.newPage();
  try {
    for (const lang of ["sv", "en", "nb"]) {
      await page.goto(`${url}&lang=${lang}`);
      await expectAccessible(page, `invitation page (${lang})`);
      await page.goto(`${s.server.url}/i/${token}/decline?lang=${lang}`);
      await expectAccessible(page, `decline page (${lang})`);
      await page.goto(`${manage}?lang=${lang}`);
      await expect.poll(() => page.locator(".badge").first().textContent()).toMatch(/arrangören|organiser|Arrangøren/);
      await expectAccessible(page, `pending manage page (${lang})`);
    }
  } finally {
    await context.close();
  }
  // Opening the decline page nine times declined nothing.
  const list = (await s.h.api("GET", `/events/${invited.id}/invitations`)).body.invitations;
  expect(list[0].status).toBe("visited");
});
