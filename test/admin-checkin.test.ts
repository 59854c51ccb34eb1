import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registrations } from "../src/db/schema";
import { BROWSE_PAGE } from "../src/domain/checkin";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { formFields } from "./helpers/harness";
import { arrivedAt, auditFor, door, makeEvent, signUp } from "./admin-checkin-fixture";
import { assetUrl } from "../src/http/web/assets";

// The door: /admin/checkin, /admin/events/:id/checkin (+ JSON), /admin/c/:code.
let h: AdminHarness;
let staff: SignedIn;
let d: Awaited<ReturnType<typeof door>>;
beforeAll(async () => {
  h = await adminHarness();
  staff = await h.signedIn("checkin");
  d = await door(h);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.ctx.db.update(registrations).set({ checkedInAt: null });
});

const desk = (eventId = d.eventId) => `/admin/events/${eventId}/checkin`;
const json = { accept: "application/json" };
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the door's pages", () => {
  it("lists today's and coming events first and recent past ones below, each linking to its door", async () => {
    const now = h.clock.now().getTime();
    const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
    const today = await makeEvent(h, { title: "Seminar today", startsAt: at(1), endsAt: at(3) });
    const tomorrow = await makeEvent(h, { title: "Course tomorrow", startsAt: at(25), endsAt: at(27) });
    const lastWeek = await makeEvent(h, { title: "Breakfast last week", startsAt: at(-170), endsAt: at(-168) });
    const draft = await makeEvent(h, { title: "A draft", startsAt: at(2), endsAt: at(4), status: "draft" });
    const other = await h.otherOrg();
    await makeEvent(h, { title: "Another cluster event", startsAt: at(1), endsAt: at(2) }, other.token);
    const res = await staff.request("/admin/checkin");
    expect(res.status).toBe(200);
    const page = text(res.text);
    expect(page.indexOf("Seminar today")).toBeLessThan(page.indexOf("Course tomorrow"));
    expect(page.indexOf("Course tomorrow")).toBeLessThan(page.indexOf("Recent events"));
    expect(page.indexOf("Recent events")).toBeLessThan(page.indexOf("Breakfast last week"));
    for (const id of [today, tomorrow, lastWeek]) expect(res.text).toContain(`href="/admin/events/${id}/checkin"`);
    expect(res.text).not.toContain(draft);
    expect(page).not.toContain("Another cluster event");
  });

  it("shows counts, a search that finds people of this event only (case and accents ignored), and their state", async () => {
    const res = await staff.request(`${desk()}?q=SODER`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.text).toContain(`<script src="${assetUrl["checkin.js"]}" defer="">`);
    expect(text(res.text)).toContain("0 checked in of 2 confirmed");
    expect(res.text).toContain("Åsa Söderström");
    expect(res.text).not.toContain("Åsa Andersson");
    expect(res.text).toContain(`action="${desk()}/r/${d.asa.id}"`);
    const all = await staff.request(`${desk()}/search?q=a`, { headers: json });
    expect(all.status).toBe(200);
    const found = JSON.parse(all.text);
    const names = found.results.map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(["Åsa Söderström", "Cia Väntar", "Dan Avbokad"]));
    expect(names).not.toContain("Åsa Andersson");
    const byName = Object.fromEntries(found.results.map((r: { name: string }) => [r.name, r]));
    expect(byName["Cia Väntar"]).toMatchObject({ status: "waitlisted", checkable: false });
    expect(byName["Dan Avbokad"]).toMatchObject({ status: "cancelled", checkable: false });
    expect(byName["Åsa Söderström"]).toMatchObject({ status: "confirmed", checkable: true, organisation: "Verkstad AB" });
    // No email addresses travel to the door's screen, though they can be searched.
    expect(all.text).not.toContain("@");
    expect(JSON.parse((await staff.request(`${desk()}/search?q=verkstad.se`, { headers: json })).text).results).toHaveLength(1);
    expect(found.counts).toMatchObject({ confirmed: 2, checkedIn: 0, waitlisted: 1 });
    // Without a query: everyone with a seat, by name, to browse.
    const browse = JSON.parse((await staff.request(`${desk()}/search`, { headers: json })).text);
    expect(browse).toMatchObject({ browsing: true, more: false, next: null });
    expect(browse.results.map((r: { name: string }) => r.name)).toEqual(["Bo Ek", "Åsa Söderström"]);
  });

  it("lists everyone with a seat by last name to browse, a page at a time, with the Nordic letters after Z", async () => {
    const ev = await makeEvent(h, { title: "Stor frukost", capacity: 200 });
    const names = Array.from({ length: 60 }, (_, i) => `Person ${String(i).padStart(2, "0")}`);
    for (const name of [...names, "Örjan Öst", "ärla Ek", "Zeta Zäta"]) await signUp(h, ev, { name, email: `${name.replace(/\W/g, "").toLowerCase()}${name.length}@x.se` });
    const deskOf = `/admin/events/${ev}/checkin`;
    const first = await staff.request(deskOf);
    expect(first.status).toBe(200);
    expect(first.text).toContain('aria-label="Everyone with a seat, by last name"');
    expect((first.text.match(/<li class="arrival/g) ?? []).length).toBe(BROWSE_PAGE);
    const next = /href="([^"]*\?after=reg_[0-9a-z]+)"/.exec(first.text)![1]!.replaceAll("&amp;", "&");
    const second = await staff.request(next);
    const shown = [...second.text.matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    expect(shown).toEqual([...names.slice(BROWSE_PAGE), "ärla Ek", "Zeta Zäta", "Örjan Öst"]);
    expect(second.text).not.toContain("?after=");
    expect((await staff.request(`${deskOf}?after=nonsense`)).status).toBe(400);
    // Someone of another event as the cursor: nobody after them here.
    expect((await staff.request(`${deskOf}?after=${d.asa.id}`)).text).not.toContain('<li class="arrival');
  });

  it("tells the door's counts alone, for the script to follow other doors", async () => {
    const before = JSON.parse((await staff.request(`${desk()}/counts`, { headers: json })).text);
    expect(before.counts).toMatchObject({ confirmed: 2, waitlisted: 1 });
    expect(Object.keys(before)).toEqual(["counts"]);
    const other = await h.otherOrg();
    const theirs = await makeEvent(h, {}, other.token);
    expect((await staff.request(`/admin/events/${theirs}/checkin/counts`, { headers: json })).status).toBe(404);
  });
});

describe("one rule for the row's button, on the page and in the script's JSON", () => {
  it("offers Undo only to someone checked in who can still be checked in; a cancelled arrival gets no button anywhere", async () => {
    // Checked in, then cancelled by the organiser: the check-in time stays.
    await h.ctx.db.update(registrations).set({ checkedInAt: h.clock.now() }).where(eq(registrations.id, d.dan.id));
    await staff.request(`${desk()}/r/${d.bo.id}`, { form: {} });
    const search = async (q: string) =>
      Object.fromEntries(
        (JSON.parse((await staff.request(`${desk()}/search?q=${q}`, { headers: json })).text).results as { name: string }[]).map((r) => [r.name, r]),
      );
    const a = await search("a");
    expect(a["Dan Avbokad"]).toMatchObject({ status: "cancelled", checkedInAt: expect.any(String), checkable: false, canUndo: false });
    expect(a["Åsa Söderström"]).toMatchObject({ status: "confirmed", checkedInAt: null, checkable: true, canUndo: false });
    expect(a["Cia Väntar"]).toMatchObject({ checkable: false, canUndo: false });
    expect((await search("bo"))["Bo Ek"]).toMatchObject({ checkedInAt: expect.any(String), checkable: true, canUndo: true });

    // The page shows the same: Undo for Bo, nothing at all for Dan.
    expect((await staff.request(`${desk()}?q=bo`)).text).toContain(`action="${desk()}/r/${d.bo.id}/undo"`);
    const dan = await staff.request(`${desk()}?q=dan`);
    expect(dan.text).toContain("Dan Avbokad");
    expect(dan.text).not.toContain(`/r/${d.dan.id}`);

    // A tap answers with the flags of the row as it now is.
    const undone = JSON.parse((await staff.request(`${desk()}/r/${d.bo.id}/undo`, { method: "POST", headers: json })).text);
    expect(undone.person).toMatchObject({ checkable: true, canUndo: false });
    const tapped = JSON.parse((await staff.request(`${desk()}/r/${d.bo.id}`, { method: "POST", headers: json })).text);
    expect(tapped.person).toMatchObject({ checkable: true, canUndo: true });
  });
});

describe("the door's search and the attendance list's search", () => {
  it("find the same people for the same words: case, accents and Nordic letters ignored alike", async () => {
    const organiser = await h.signedIn("organiser");
    const eventId = await makeEvent(h, { title: "Sökdag", capacity: 3 });
    const ids: Record<string, string> = {};
    for (const [name, email, organisation] of [
      ["Åsa Söderström", "asa@verkstad.se", "Verkstad AB"],
      ["Ørjan Ødegård", "orjan@fjord.no", "Fjord AS"],
      ["Émile Lefèvre", "emile@example.fr", "Ateliér Ek"],
      ["Bo Ek", "bo@ek.se", "50% Rabatt_AB"],
      ["ÆSE Ærlig", "aese@example.dk", null],
    ] as const)
      ids[name] = (await signUp(h, eventId, { name, email, ...(organisation ? { organisation } : {}) })).id;

    const atTheDoor = async (q: string) =>
      (JSON.parse((await staff.request(`${desk(eventId)}/search?q=${encodeURIComponent(q)}`, { headers: json })).text).results as { id: string }[])
        .map((r) => r.id)
        .sort();
    const inTheList = async (q: string) => {
      const page = (await organiser.request(`/admin/events/${eventId}?status=all&q=${encodeURIComponent(q)}`)).text;
      return [...page.matchAll(/<tr id="(reg_[0-9a-z]+)"/g)].map((m) => m[1]!).sort();
    };
    const expected: [string, string[]][] = [
      ["soder", ["Åsa Söderström"]],
      ["SÖDERSTRÖM", ["Åsa Söderström"]],
      ["orjan", ["Ørjan Ødegård"]],
      ["ØDEGÅRD fjord", ["Ørjan Ødegård"]],
      ["emile lefevre", ["Émile Lefèvre"]],
      ["ek", ["Émile Lefèvre", "Bo Ek"]],
      ["ateliér", ["Émile Lefèvre"]],
      ["aese", ["ÆSE Ærlig"]],
      ["50% rabatt_ab", ["Bo Ek"]],
      ["5_%", []],
      ["verkstad.se", ["Åsa Söderström"]],
      ["asa bo", []],
    ];
    for (const [q, names] of expected) {
      const want = names.map((n) => ids[n]!).sort();
      expect(await atTheDoor(q), `door: ${q}`).toEqual(want);
      expect(await inTheList(q), `list: ${q}`).toEqual(want);
    }
  });
});

describe("checking in and undoing", () => {
  it("works from a plain form: redirect back with the person named, idempotent, audited once per change", async () => {
    const first = await staff.request(`${desk()}/r/${d.asa.id}`, { form: { q: "åsa" } });
    expect(first.status).toBe(303);
    // The search is cleared for the next person.
    expect(first.location).toBe(`${desk()}?done=in&r=${d.asa.id}`);
    const at = await arrivedAt(h, d.asa.id);
    expect(at).toEqual(h.clock.now());
    const back = await staff.request(first.location!);
    expect(text(back.text)).toContain("Åsa Söderström: Checked in");
    expect(text(back.text)).toContain("1 checked in of 2 confirmed");
    expect(back.text).toContain(`action="${desk()}/r/${d.asa.id}/undo"`);

    h.clock.advance(60_000);
    expect((await staff.request(`${desk()}/r/${d.asa.id}`, { form: {} })).status).toBe(303);
    expect(await arrivedAt(h, d.asa.id)).toEqual(at);
    const undone = await staff.request(`${desk()}/r/${d.asa.id}/undo`, { form: {} });
    expect(undone.status).toBe(303);
    expect(await arrivedAt(h, d.asa.id)).toBeNull();
    expect((await staff.request(`${desk()}/r/${d.asa.id}/undo`, { form: {} })).status).toBe(303);

    const log = await auditFor(h, d.asa.id);
    expect(log.map((l) => l.action)).toEqual(["registration.check_in", "registration.check_in_undo"]);
    expect(log[0]).toMatchObject({ userId: staff.member.id, actorEmail: staff.member.email, subjectType: "registration" });
    expect(log[0]!.detail).toEqual({ eventId: d.eventId, via: "search" });
  });

  it("answers the script in JSON with the person, whether it changed, and the counts", async () => {
    const res = await staff.request(`${desk()}/r/${d.bo.id}`, { method: "POST", headers: json });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      person: { id: d.bo.id, name: "Bo Ek", checkedInAt: h.clock.now().toISOString() },
      changed: true,
      counts: { checkedIn: 1, confirmed: 2 },
    });
    const again = JSON.parse((await staff.request(`${desk()}/r/${d.bo.id}`, { method: "POST", headers: json })).text);
    expect(again.changed).toBe(false);
    const undo = JSON.parse((await staff.request(`${desk()}/r/${d.bo.id}/undo`, { method: "POST", headers: json })).text);
    expect(undo).toMatchObject({ changed: true, person: { checkedInAt: null }, counts: { checkedIn: 0 } });
  });

  it("refuses the waitlisted and the cancelled with the reason, changing nothing", async () => {
    for (const [who, reason] of [
      [d.cia, /waitlist/],
      [d.dan, /cancelled/],
    ] as const) {
      const before = (await auditFor(h, who.id)).length;
      const res = await staff.request(`${desk()}/r/${who.id}`, { method: "POST", headers: json });
      expect(res.status).toBe(409);
      const body = JSON.parse(res.text);
      expect(body.error.code).toBe("not_confirmed");
      expect(body.error.message).toMatch(reason);
      expect(await arrivedAt(h, who.id)).toBeNull();
      expect(await auditFor(h, who.id)).toHaveLength(before);
      const page = await staff.request(`${desk()}/r/${who.id}`, { form: {} });
      expect(page.status).toBe(409);
      expect(page.text).toMatch(reason);
    }
  });

  it("shows attended and no-show once the event has ended", async () => {
    await staff.request(`${desk()}/r/${d.asa.id}`, { form: {} });
    const during = text((await staff.request(desk())).text);
    expect(during).not.toContain("no-show");
    h.clock.set("2027-03-19T08:00:00Z");
    try {
      // A session from November has long expired by March: sign in anew.
      const later = await h.signedIn("checkin");
      const after = text((await later.request(desk())).text);
      expect(after).toContain("1 attended");
      expect(after).toContain("1 no-show");
    } finally {
      h.clock.set("2026-11-21T09:00:00Z");
    }
  });

  it("a cancelled event says so and checks nobody in", async () => {
    const eventId = await makeEvent(h, { title: "Inställt" });
    const eva = await signUp(h, eventId, { name: "Eva Inställd", email: "eva@example.se" });
    expect((await h.api("POST", `/events/${eventId}/cancel`)).status).toBe(200);
    expect((await staff.request(desk(eventId))).text).toContain("This event is cancelled");
    const res = await staff.request(`${desk(eventId)}/r/${eva.id}`, { method: "POST", headers: json });
    expect(res.status).toBe(409);
    expect(JSON.parse(res.text).error.code).toBe("event_cancelled");
    expect(await arrivedAt(h, eva.id)).toBeNull();
    expect(await auditFor(h, eva.id)).toHaveLength(0);
  });

  it("the JSON API's check-in keeps its answer and is audited as the API", async () => {
    const res = await h.api("POST", `/registrations/${d.bo.id}/check-in`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: d.bo.id, checkedInAt: h.clock.now().toISOString() });
    expect(res.body.changed).toBeUndefined();
    const log = await auditFor(h, d.bo.id);
    expect(log.at(-1)).toMatchObject({ action: "registration.check_in", userId: null, actorEmail: "API token" });
    expect(log.at(-1)!.detail).toEqual({ eventId: d.eventId, via: "api" });
  });
});

describe("a walk-in at the door", () => {
  const rowOf = async (email: string) =>
    (await h.ctx.db.select().from(registrations).where(eq(registrations.email, email)))[0];

  it("is added and checked in at once, by the door member, on the record", async () => {
    const ev = await makeEvent(h, { title: "Frukost med plats", capacity: 5 });
    const res = await staff.request(`${desk(ev)}/walk-in`, { form: { ...formFields({ name: "Vera Walk" }), email: "vera@walk.se", organisation: "Walk AB" } });
    expect(res.status).toBe(303);
    const vera = (await rowOf("vera@walk.se"))!;
    expect(res.location).toBe(`${desk(ev)}?done=in&r=${vera.id}`);
    expect(vera).toMatchObject({ status: "confirmed", organisation: "Walk AB", addedBy: staff.member.id, overCapacity: false });
    expect(vera.checkedInAt).toEqual(h.clock.now());
    expect(text((await staff.request(res.location!)).text)).toContain("Vera Walk: Checked in");
    const [entry] = await auditFor(h, vera.id);
    expect(entry).toMatchObject({ action: "registration.add", userId: staff.member.id });
    expect(entry!.detail).toMatchObject({ status: "confirmed", walkIn: true, emailed: false });
  });

  it("never waitlists: a full event refuses, unless seated beyond capacity, which is recorded", async () => {
    const ev = await makeEvent(h, { title: "Fullt seminarium", capacity: 1 });
    await signUp(h, ev, { name: "Först", email: "forst@x.se" });
    const refused = await staff.request(`${desk(ev)}/walk-in`, { form: { ...formFields({ name: "Sen Gäst" }), email: "sen@x.se" } });
    expect(refused.status).toBe(409);
    expect(text(refused.text)).toContain("The event is full. To let them in anyway, tick “Seat beyond capacity”");
    // The form keeps what was typed, open.
    expect(refused.text).toContain('value="sen@x.se"');
    expect(await rowOf("sen@x.se")).toBeUndefined();
    const seated = await staff.request(`${desk(ev)}/walk-in`, { form: { ...formFields({ name: "Sen Gäst" }), email: "sen@x.se", override: "yes", sendEmail: "yes" } });
    expect(seated.status).toBe(303);
    const sen = (await rowOf("sen@x.se"))!;
    expect(sen).toMatchObject({ status: "confirmed", overCapacity: true });
    expect(sen.checkedInAt).not.toBeNull();
    const mail = await h.ctx.db.all<{ kind: string }>(sql`SELECT kind FROM outbox WHERE registration_id = ${sen.id}`);
    expect(mail).toEqual([{ kind: "confirmed" }]);
  });

  it("refuses bad input and a second registration of the same address, changing nothing", async () => {
    const ev = await makeEvent(h, { title: "Kontroll", capacity: 5 });
    await signUp(h, ev, { name: "Redan Här", email: "redan@x.se" });
    const count = async () => (await h.ctx.db.select().from(registrations).where(eq(registrations.eventId, ev))).length;
    const before = await count();
    const bad = await staff.request(`${desk(ev)}/walk-in`, { form: { ...formFields({ name: "" }), email: "inte-en-adress" } });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="f-firstName"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-firstName"/);
    const twice = await staff.request(`${desk(ev)}/walk-in`, { form: { ...formFields({ name: "Redan Här" }), email: "REDAN@x.se" } });
    expect(twice.status).toBe(409);
    expect(await count()).toBe(before);
    const other = await h.otherOrg();
    const theirs = await makeEvent(h, {}, other.token);
    expect((await staff.request(`${desk(theirs)}/walk-in`, { form: { ...formFields({ name: "X" }), email: "x@x.se" } })).status).toBe(404);
  });
});

describe("someone offered a seat, at the door", () => {
  it("is shown as offered, not yet seated, with no button, and a code is refused with the reason", async () => {
    const ev = await makeEvent(h, { title: "Erbjudandekurs", capacity: 1, waitlistMode: "offer" });
    const first = await signUp(h, ev, { name: "Först Plats", email: "forst.plats@x.se" });
    const next = await signUp(h, ev, { name: "Olle Erbjuden", email: "olle@x.se" });
    expect((await h.api("POST", `/manage/${first.token}/cancel`, undefined, { token: null })).status).toBe(200);
    const found = JSON.parse((await staff.request(`${desk(ev)}/search?q=olle`, { headers: json })).text);
    expect(found.results).toEqual([expect.objectContaining({ id: next.id, status: "offered", checkable: false, canUndo: false })]);
    const page = await staff.request(`${desk(ev)}?q=olle`);
    expect(text(page.text)).toContain("Olle Erbjuden Offered a seat – not accepted yet");
    expect(page.text).not.toContain(`action="${desk(ev)}/r/${next.id}"`);
    // Not among those with a seat when browsing either.
    expect((await staff.request(desk(ev))).text).not.toContain("Olle Erbjuden");
    const tap = await staff.request(`${desk(ev)}/r/${next.id}`, { method: "POST", headers: json });
    expect(tap.status).toBe(409);
    expect(await arrivedAt(h, next.id)).toBeNull();
  });
});
