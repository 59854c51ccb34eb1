import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { promoteByHand } from "../src/domain/attendees";
import { expireOffers } from "../src/domain/seats";
import { messages } from "../src/i18n/messages";
import { pageMessages } from "../src/i18n/pages";
import { HOUR } from "./helpers/clock";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { talliesDrift } from "./helpers/db";
import { eventBody, PUBLIC_URL } from "./helpers/harness";

// Offers where people meet them: the registrant's page and the page an offer's email links
// to (no state change on GET), the workspace's list with its extend and withdraw, and a
// crowd of every seat decision at once.
let h: AdminHarness;
let organiser: SignedIn;
beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
});
afterAll(() => h?.close());

let n = 0;
type Reg = { id: string; status: string; token: string };
async function offerEvent(capacity: number, overrides: Record<string, unknown> = {}) {
  const res = await h.api("POST", "/events", eventBody({ slug: `offer-pages-${++n}`, capacity, waitlistMode: "offer", offerMinutes: 120, ...overrides }));
  expect(res.status).toBe(201);
  return res.body as { id: string };
}
async function signUp(eventId: string, name = `Person ${++n}`): Promise<Reg> {
  const res = await h.api("POST", `/events/${eventId}/registrations`, { name, email: `p${++n}@example.se` }, { token: null });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id, status: res.body.status, token: res.body.manageUrl.split("/r/")[1] };
}
const status = async (r: Reg) =>
  (await h.database.db.all<{ status: string }>(sql`SELECT status FROM registrations WHERE id = ${r.id}`))[0]!.status;
/** One confirmed (who then cancels), two waiting: the first of them is offered the seat. */
async function withOffer() {
  const ev = await offerEvent(1);
  const seated = await signUp(ev.id, "Anna Ek");
  const first = await signUp(ev.id, "Cecilia Berg");
  const second = await signUp(ev.id, "David Lund");
  expect((await h.api("POST", `/manage/${seated.token}/cancel`, undefined, { token: null })).status).toBe(200);
  expect(await status(first)).toBe("offered");
  return { ev, first, second };
}

describe("the registrant's pages", () => {
  it("shows the offer with its deadline and both answers; the email's page takes nothing on GET", async () => {
    const { first } = await withOffer();
    const page = await (await h.app.request(`/r/${first.token}`)).text();
    expect(page).toContain("Du har fått ett erbjudande om plats.");
    // 21 November 2026 09:00 UTC + 2 hours, on Stockholm's clock.
    expect(page).toContain("Vi håller platsen åt dig till lördag 21 november 2026 kl. 12.00.");
    expect(page).toMatch(new RegExp(`<form method="post" action="/r/${first.token}/accept\\?lang=sv"`));
    expect(page).toContain(`href="/r/${first.token}/decline?lang=sv"`);
    expect(page).not.toContain(`/r/${first.token}/cancel`);

    const onePage = await h.app.request(`/r/${first.token}/accept?lang=nb`);
    expect(onePage.status).toBe(200);
    const html = await onePage.text();
    expect(html).toContain("Vil du ha plassen?");
    expect(html).toContain("holdes av til deg til lørdag 21. november 2026 kl. 12.00.");
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(await status(first)).toBe("offered");

    const accepted = await h.app.request(`/r/${first.token}/accept?lang=en`, { method: "POST", headers: { origin: PUBLIC_URL } });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toBe(`/r/${first.token}?lang=en&done=accepted`);
    expect(await status(first)).toBe("confirmed");
    expect(await (await h.app.request(accepted.headers.get("location")!)).text()).toContain("The seat is yours!");
  });

  it("declines after a page that asks, and says a run-out offer on the page with 409", async () => {
    const { first, second } = await withOffer();
    expect(await (await h.app.request(`/r/${first.token}/decline?lang=en`)).text()).toContain("Decline the seat?");
    expect(await status(first)).toBe("offered");
    const declined = await h.app.request(`/r/${first.token}/decline?lang=en`, { method: "POST", headers: { origin: PUBLIC_URL } });
    expect(declined.headers.get("location")).toBe(`/r/${first.token}?lang=en&done=declined`);
    expect(await status(second)).toBe("offered");

    h.clock.advance(2 * HOUR);
    const late = await h.app.request(`/r/${second.token}/accept`, { method: "POST", headers: { origin: PUBLIC_URL } });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Tiden för att svara på erbjudandet har gått ut");
    h.clock.set("2026-11-21T09:00:00Z");
  });

  it("lets a waitlisted person leave the waitlist in words that fit", async () => {
    const { second } = await withOffer();
    const page = await (await h.app.request(`/r/${second.token}`)).text();
    expect(page).toContain("<h2 id=\"cancel-title\">Lämna väntelistan</h2>");
    expect(page).toContain("Behöver du inte längre en plats?");
    expect(page).not.toContain("så går platsen till nästa person");
    expect(await (await h.app.request(`/r/${second.token}/cancel?lang=nb`)).text()).toContain("Vil du melde deg av ventelisten?");
    const left = await h.app.request(`/r/${second.token}/cancel?lang=en`, { method: "POST", headers: { origin: PUBLIC_URL } });
    expect(left.headers.get("location")).toBe(`/r/${second.token}?lang=en&done=left`);
    expect(await (await h.app.request(left.headers.get("location")!)).text()).toContain("You are no longer on the waitlist.");
  });

  it("has every new string in sv, nb and en", () => {
    const keys = ["youAreOffered", "youAreExpired", "offerHeading", "offerText", "acceptButton", "declineLink", "acceptTitle", "acceptText",
      "declineTitle", "declineText", "declineYes", "acceptedNotice", "declinedNotice", "leaveHeading", "leaveText", "leaveConfirm",
      "leaveConfirmText", "leaveYes", "leftNotice", "resultWaitlistedTextOffer"] as const;
    for (const language of ["sv", "nb", "en"] as const) {
      const t = pageMessages(language);
      for (const key of keys) expect(t[key], `${language} ${key}`).toMatch(/\S/);
      for (const reason of ["offer_expired", "not_offered"] as const) expect(t.refusals[reason], `${language} ${reason}`).toMatch(/\S/);
      const m = messages(language);
      for (const kind of ["offered", "expired", "offer_withdrawn"] as const) expect(m[kind].subject).toContain("{event}");
      expect(m.offered.intro).toContain("{deadline}");
      expect(m.waitlisted.introOffer).toContain("{position}");
    }
    expect(new Set((["sv", "nb", "en"] as const).map((l) => pageMessages(l).acceptButton)).size).toBe(3);
  });
});

describe("the workspace's list", () => {
  it("shows an offer with its deadline, extends it (audited, emailed) and refuses a bad deadline", async () => {
    const { ev, first } = await withOffer();
    const list = await organiser.request(`/admin/events/${ev.id}`);
    expect(list.text).toContain(`<span class="badge wait">offered</span>`);
    expect(list.text).toMatch(/reply by <time datetime="2026-11-21T11:00:00.000Z">21 Nov 2026, 12:00<\/time>/);
    expect(list.text).toContain(`/registrations/${first.id}/offer/withdraw`);

    const path = `/admin/events/${ev.id}/registrations/${first.id}/offer/extend`;
    expect((await organiser.request(path)).text).toContain("Extend the offer to Cecilia Berg");
    for (const [value, words] of [["2026-11-21T08:00", "Must be in the future"], ["2027-03-18T09:00", "Must be in the future"], ["someday", "Enter a date and time"]]) {
      const res = await organiser.request(path, { form: { offerExpiresAt: value! } });
      expect(res.status, value).toBe(400);
      expect(res.text).toContain(words);
    }
    const before = (await h.database.db.all(sql`SELECT kind FROM outbox WHERE registration_id = ${first.id}`)).length;
    const done = await organiser.request(path, { form: { offerExpiresAt: "2026-11-22T18:00" } });
    expect(done.status).toBe(303);
    const [row] = await h.database.db.all<{ until: number }>(sql`SELECT offer_expires_at AS until FROM registrations WHERE id = ${first.id}`);
    expect(new Date(row!.until).toISOString()).toBe("2026-11-22T17:00:00.000Z");
    const kinds = await h.database.db.all<{ kind: string }>(sql`SELECT kind FROM outbox WHERE registration_id = ${first.id} ORDER BY rowid`);
    expect(kinds.length).toBe(before + 1);
    expect(kinds.at(-1)!.kind).toBe("offered");
    const [audit] = await h.database.db.all<{ detail: string }>(sql`SELECT detail FROM audit_log WHERE action = 'registration.offer_extend' AND subject_id = ${first.id}`);
    expect(JSON.parse(audit!.detail)).toEqual({ eventId: ev.id, offerExpiresAt: "2026-11-22T17:00:00.000Z" });
  });

  it("withdraws an offer: expired, told, the seat offered to the next person, audited; twice is refused", async () => {
    const { ev, first, second } = await withOffer();
    const path = `/admin/events/${ev.id}/registrations/${first.id}/offer/withdraw`;
    expect((await organiser.request(path, { form: {} })).location).toBe(`/admin/events/${ev.id}?notice=offer-withdrawn`);
    expect(await status(first)).toBe("expired");
    expect(await status(second)).toBe("offered");
    const kinds = await h.database.db.all<{ kind: string }>(sql`SELECT kind FROM outbox WHERE registration_id = ${first.id} ORDER BY rowid`);
    expect(kinds.map((k) => k.kind)).toEqual(["waitlisted", "offered", "offer_withdrawn"]);
    expect(await h.database.db.all(sql`SELECT 1 FROM audit_log WHERE action = 'registration.offer_withdraw' AND subject_id = ${first.id}`)).toHaveLength(1);
    const again = await organiser.request(path, { form: {} });
    expect(again.status).toBe(409);
    expect(again.text).toContain("has no open offer of a seat");
    expect((await organiser.request(`/admin/events/${ev.id}/registrations/reg_nosuch/offer/withdraw`, { form: {} })).status).toBe(404);
  });
});

describe("the workspace's event form", () => {
  it("sets the waitlist mode and the offer's length, and refuses a length out of range", async () => {
    const fields = (overrides: Record<string, string>) => ({
      title: "Kurs med erbjudanden",
      slug: `kurs-${++n}`,
      timezone: "Europe/Stockholm",
      startsAt: "2027-03-18T09:30",
      endsAt: "2027-03-18T16:30",
      capacity: "10",
      groupLimit: "3",
      language: "sv",
      status: "published",
      waitlist: "yes",
      ...overrides,
    });
    const refused = await organiser.request("/admin/events/new", { form: fields({ waitlistMode: "offer", offerMinutes: "20000" }) });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('href="#f-offerMinutes"');
    const made = await organiser.request("/admin/events/new", { form: fields({ waitlistMode: "offer", offerMinutes: "90" }) });
    expect(made.status).toBe(303);
    const id = /events\/(evt_\w+)/.exec(made.location!)![1]!;
    expect((await h.api("GET", `/events/${id}`)).body).toMatchObject({ waitlistMode: "offer", offerMinutes: 90 });
    const edit = await organiser.request(`/admin/events/${id}/edit`);
    expect(edit.text).toMatch(/<option value="offer" selected="">/);
    expect(edit.text).toMatch(/id="f-offerMinutes"[^>]*value="90"/);
  });
});

describe("a crowd at an event in offer mode", () => {
  it("never overbooks: cancellations, a capacity raise, promotions by hand, signups, answers and the sweep at once", async () => {
    const ev = await offerEvent(10);
    const people: Reg[] = [];
    for (let i = 0; i < 30; i++) people.push(await signUp(ev.id));
    const [seated, waiting] = [people.slice(0, 10), people.slice(10)];
    const actor = { orgId: h.orgId, id: null, email: "api" };
    const answer = async (r: Reg, action: string) => h.api("POST", `/manage/${r.token}/${action}`, undefined, { token: null });
    await Promise.all([
      ...seated.slice(0, 5).map((r) => answer(r, "cancel")),
      h.api("PATCH", `/events/${ev.id}`, { capacity: 14 }),
      ...waiting.slice(10, 14).map((r) => promoteByHand({ ctx: h.ctx, input: { orgId: h.orgId, eventId: ev.id, registrationId: r.id, override: false }, actor }).catch(() => null)),
      ...Array.from({ length: 20 }, () => signUp(ev.id)),
      ...waiting.slice(0, 6).flatMap((r) => [answer(r, "accept"), answer(r, "decline")]),
      expireOffers({ ctx: h.ctx }),
    ]);
    h.clock.advance(3 * HOUR);
    await expireOffers({ ctx: h.ctx });
    h.clock.set("2026-11-21T09:00:00Z");

    const rows = await h.database.db.all<{ status: string; seq: number; over: number }>(
      sql`SELECT status, seq, over_capacity AS over FROM registrations WHERE event_id = ${ev.id} ORDER BY seq`,
    );
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    expect(rows.some((r) => r.over)).toBe(false);
    // The sweep ended the first round of offers and made a second one.
    expect(count("expired")).toBeGreaterThan(0);
    expect(count("offered")).toBeGreaterThan(0);
    expect(count("confirmed") + count("offered")).toBeLessThanOrEqual(14);
    // While people wait, no seat stands empty: every free seat is confirmed or held.
    if (count("waitlisted") > 0) expect(count("confirmed") + count("offered")).toBe(14);
    // FIFO: every open offer went to someone who arrived before everyone still waiting.
    const lastOffered = Math.max(0, ...rows.filter((r) => r.status === "offered").map((r) => r.seq));
    const firstWaiting = Math.min(Infinity, ...rows.filter((r) => r.status === "waitlisted").map((r) => r.seq));
    expect(lastOffered).toBeLessThan(firstWaiting);
    expect(await talliesDrift(h.database.db)).toEqual([]);
  });
});
