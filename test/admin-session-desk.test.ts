import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv, readXlsx } from "./admin-exports-fixture";
import { makeEvent, passOf } from "./admin-checkin-fixture";
import { programmeFixture } from "./admin-session-fixture";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventTimes } from "./helpers/clock";

// A programme at the desk and the door: a session's list and printed list, the door that
// checks people in to one session (by search and by code, and refuses those without a
// seat in it), the attendance file's session columns, and the reports' hours in sessions.
let h: AdminHarness;
let organiser: SignedIn;
let doorKeeper: SignedIn;
let stranger: SignedIn;
let f: Awaited<ReturnType<typeof programmeFixture>>;

beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
  doorKeeper = await h.signedIn("checkin");
  stranger = await h.signedIn("owner", (await h.otherOrg()).orgId);
  f = await programmeFixture(h, eventTimes(h.clock.now()));
});
afterAll(() => h.close());

const choice = async (registrationId: string, sessionId: string) =>
  (await h.database.db.all<{ status: string; at: number | null }>(
    sql`SELECT status, checked_in_at AS at FROM session_choices WHERE registration_id = ${registrationId} AND session_id = ${sessionId} ORDER BY seq DESC LIMIT 1`,
  ))[0];
const arrived = async (registrationId: string) =>
  (await h.database.db.all<{ at: number | null }>(sql`SELECT checked_in_at AS at FROM registrations WHERE id = ${registrationId}`))[0]!.at;
const cells = (html: string, cls: string) => [...html.matchAll(new RegExp(`<table class="${cls}"[\\s\\S]*?</table>`, "g"))].map((m) => m[0]);
const rowTexts = (table: string) =>
  [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, "").trim())).filter((r) => r.length);
const door = (path: string, session: string) => `/admin/events/${f.eventId}/checkin${path}${path.includes("?") ? "&" : "?"}session=${session}`;

describe("a session's list", () => {
  it("shows its seats, then its waitlist with positions, each with organisation and arrival", async () => {
    const res = await organiser.request(`/admin/sessions/${f.sessions.workshop}`);
    expect(res.status).toBe(200);
    const [table] = cells(res.text, "data session-list");
    expect(rowTexts(table!)).toEqual([
      ["1", "Åsa Söderström", "Verkstad AB", "confirmed", "No"],
      ["2", "Bo Ek", "Ek &amp; Son", "waitlisted, position 1", "No"],
    ]);
    expect(res.text).toContain(`href="/admin/events/${f.eventId}/checkin?session=${f.sessions.workshop}"`);
    expect(res.text).toContain(`href="/admin/sessions/${f.sessions.workshop}/print"`);
  });

  it("puts the wishes of those waiting for the event last", async () => {
    const res = await organiser.request(`/admin/sessions/${f.sessions.talk}`);
    const rows = rowTexts(cells(res.text, "data session-list")[0]!);
    expect(rows.map((r) => [r[1], r[3]])).toEqual([
      ["Åsa Söderström", "confirmed"],
      ["Bo Ek", "confirmed"],
      ["Cia Berg", "confirmed"],
      ["Dan Väntar", "waiting for a seat at the event"],
    ]);
  });

  it("escapes a title that looks like markup or a formula", async () => {
    const res = await organiser.request(`/admin/sessions/${f.sessions.formula}`);
    expect(res.text).toContain("<h1>=HYPERLINK(&quot;http://evil.example&quot;)</h1>");
  });

  it("is linked from the event's attendance list, in a sessions box only for an event with a programme", async () => {
    const res = await organiser.request(`/admin/events/${f.eventId}`);
    const box = /<section class="sessions-box[\s\S]*?<\/section>/.exec(res.text)![0];
    for (const id of Object.values(f.sessions)) expect(box).toContain(`href="/admin/sessions/${id}"`);
    expect(box).toContain("1 of 1 seats");
    expect(box).toContain("1 waitlisted");
    const plain = await makeEvent(h, { title: "Utan program" });
    expect((await organiser.request(`/admin/events/${plain}`)).text).not.toContain("sessions-box");
  });
});

describe("a session's printed list", () => {
  it("has the seat-holders by last name, written “Last, First”, with a column to tick", async () => {
    const res = await organiser.request(`/admin/sessions/${f.sessions.talk}/print`);
    expect(res.status).toBe(200);
    const rows = [...res.text.matchAll(/<tr><td class="num">(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td class="signature"><\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual([
      ["1", "Berg, Cia", "verkstad  ab"],
      ["2", "Ek, Bo", "Ek &amp; Son"],
      ["3", "Söderström, Åsa", "Verkstad AB"],
    ]);
    expect(res.text).toContain(">Present</th>");
    expect(res.text).toContain("3 with a seat in the session");
  });
});

describe("the attendance file with the sessions as columns", () => {
  const header = ["Öppning (2027-03-18 09:30)", "Workshop 5S (2027-03-18 11:00)", `'=HYPERLINK("http://evil.example") (2027-03-18 13:30)`];
  const expected = [
    ["Åsa Söderström", "checked in", "confirmed", ""],
    ["Bo Ek", "confirmed", "waitlisted, position 1", ""],
    ["Cia Berg", "confirmed", "", "confirmed"],
    ["Dan Väntar", "waiting for a seat at the event", "", ""],
  ];
  beforeAll(async () => {
    expect((await h.api("POST", `/registrations/${f.people.asa.id}/check-in?session=${f.sessions.talk}`)).status).toBe(200);
  });
  const download = async (path: string, cookie = organiser.cookie) => {
    const res = await h.app.request(path, { headers: { cookie } });
    expect(res.status).toBe(200);
    return res.arrayBuffer();
  };

  it("CSV: one column per session, headed by its title and start, each cell the person's place; formulas neutralised", async () => {
    const bytes = await download(`/admin/events/${f.eventId}/attendees.csv`);
    const rows = await readCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), ",");
    expect(rows[0]!.slice(-3)).toEqual(header);
    expect(rows.slice(1).map((r) => [r[0], ...r.slice(-3)])).toEqual(expected);
  });

  it("XLSX: the same columns and cells", async () => {
    const { rows } = await readXlsx(await download(`/admin/events/${f.eventId}/attendees.xlsx`));
    // A cell of text in a workbook is never a formula: the title stays as typed.
    expect(rows[0]!.slice(-3)).toEqual([...header.slice(0, 2), header[2]!.slice(1)]);
    expect(rows.slice(1).map((r) => [r[0], ...r.slice(-3).map((c) => c ?? "")])).toEqual(expected);
  });

  it("speaks the member's language, and an event without a programme has no session columns", async () => {
    const swede = await h.signedIn("organiser", h.orgId, "sv");
    const sv = await readCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await download(`/admin/events/${f.eventId}/attendees.csv`, swede.cookie)), ",");
    expect(sv[2]!.slice(-3)).toEqual(["Bekräftad", "På väntelistan, plats 1", ""]);
    expect(sv[1]!.slice(-3)).toEqual(["Incheckad", "Bekräftad", ""]);
    const plain = await makeEvent(h, { title: "Seminarium utan program" });
    const rows = await readCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await download(`/admin/events/${plain}/attendees.csv`)), ",");
    expect(rows[0]).toHaveLength(12);
  });
});

describe("the door of one session", () => {
  it("offers the whole event or a session, and lists the session's seat-holders by last name", async () => {
    const whole = await doorKeeper.request(`/admin/events/${f.eventId}/checkin`);
    expect(whole.text).toContain('<option value="" selected="">The whole event</option>');
    expect(whole.text).toContain(`<option value="${f.sessions.workshop}">Workshop 5S (`);
    const res = await doorKeeper.request(door("", f.sessions.talk));
    expect(res.status).toBe(200);
    expect(res.text).toContain(`data-session="${f.sessions.talk}"`);
    expect(res.text).toContain("Session: Öppning");
    expect([...res.text.matchAll(/<li class="arrival[^"]*" data-id="[^"]+"><div class="who"><strong>([^<]+)</g)].map((m) => m[1])).toEqual(["Cia Berg", "Bo Ek", "Åsa Söderström"]);
    // Åsa is checked in to the talk already: her row offers undo, with the session in its address.
    expect(res.text).toContain(`action="/admin/events/${f.eventId}/checkin/r/${f.people.asa.id}/undo?session=${f.sessions.talk}"`);
  });

  it("search finds the event's people and says who has no seat in the session", async () => {
    const res = JSON.parse((await doorKeeper.request(door("/search?q=cia", f.sessions.workshop), { headers: { accept: "application/json" } })).text);
    expect(res.results).toEqual([expect.objectContaining({ name: "Cia Berg", seat: "none", checkable: false, canUndo: false })]);
    const page = await doorKeeper.request(door("?q=bo", f.sessions.workshop));
    expect(page.text).toContain("On the session&#39;s waitlist – no seat");
  });

  it("a tap checks a seat-holder in to the session and to the event; undo leaves the event's arrival", async () => {
    const res = await doorKeeper.request(door(`/r/${f.people.asa.id}`, f.sessions.workshop), { method: "POST", headers: { accept: "application/json" } });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(body.person).toMatchObject({ id: f.people.asa.id, seat: "confirmed", canUndo: true });
    expect(body.counts).toMatchObject({ confirmed: 1, checkedIn: 1, waitlisted: 1 });
    expect((await choice(f.people.asa.id, f.sessions.workshop))!.at).not.toBeNull();
    expect(await arrived(f.people.asa.id)).not.toBeNull();
    const undo = await doorKeeper.request(door(`/r/${f.people.asa.id}/undo`, f.sessions.workshop), { form: {} });
    expect(undo.status).toBe(303);
    expect(undo.location).toBe(`/admin/events/${f.eventId}/checkin?done=undo&r=${f.people.asa.id}&session=${f.sessions.workshop}`);
    expect((await choice(f.people.asa.id, f.sessions.workshop))!.at).toBeNull();
    expect(await arrived(f.people.asa.id)).not.toBeNull();
  });

  it("refuses someone without a seat in the session, and changes nothing", async () => {
    const before = await h.database.db.all(sql`SELECT id, checked_in_at FROM registrations ORDER BY id`);
    const choices = await h.database.db.all(sql`SELECT * FROM session_choices ORDER BY seq`);
    const bo = await doorKeeper.request(door(`/r/${f.people.bo.id}`, f.sessions.workshop), { method: "POST", headers: { accept: "application/json" } });
    expect(bo.status).toBe(409);
    expect(JSON.parse(bo.text).error.message).toBe("The person has no seat in this session.");
    const cia = await passOf(h, h.orgId, f.people.cia.id);
    const typed = await doorKeeper.request(door("/code", f.sessions.workshop), { form: { code: cia.code } });
    expect(typed.status).toBe(409);
    expect(typed.text).toContain("The person has no seat in this session.");
    const dan = await passOf(h, h.orgId, f.people.dan.id);
    const waiting = await doorKeeper.request(door("/code", f.sessions.talk), { json: { code: dan.code } });
    expect([waiting.status, JSON.parse(waiting.text).error.code]).toEqual([409, "not_confirmed"]);
    expect(await h.database.db.all(sql`SELECT id, checked_in_at FROM registrations ORDER BY id`)).toEqual(before);
    expect(await h.database.db.all(sql`SELECT * FROM session_choices ORDER BY seq`)).toEqual(choices);
  });

  it("a scanned or typed code checks its holder in to the session", async () => {
    const cia = await passOf(h, h.orgId, f.people.cia.id);
    const res = await doorKeeper.request(door("/code", f.sessions.talk), { json: { code: cia.url } });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ person: { name: "Cia Berg", seat: "confirmed" }, changed: true, counts: { checkedIn: 2, confirmed: 3 } });
    expect((await choice(f.people.cia.id, f.sessions.talk))!.at).not.toBeNull();
    const again = await doorKeeper.request(door("/code", f.sessions.talk), { form: { code: cia.code } });
    expect(again.status).toBe(303);
    expect(again.location).toContain(`session=${f.sessions.talk}`);
    const counts = JSON.parse((await doorKeeper.request(door("/counts", f.sessions.talk))).text).counts;
    expect(counts).toMatchObject({ confirmed: 3, checkedIn: 2, waitlisted: 0 });
  });

  it("a session that is not the event's, or unknown, is not found", async () => {
    const other = await makeEvent(h, { title: "Annat program", programme: "choose", ...eventTimes(h.clock.now()) });
    const foreign = (await h.api("POST", `/events/${other}/sessions`, { title: "Främmande", ...eventTimes(h.clock.now()) })).body.id as string;
    for (const session of [foreign, "ses_nope"]) {
      expect((await doorKeeper.request(door("", session))).status).toBe(404);
      expect((await doorKeeper.request(door(`/r/${f.people.asa.id}`, session), { form: {} })).status).toBe(404);
    }
  });
});

describe("reports: attendance per session and hours in sessions", () => {
  const RANGE = "from=2027-01-01&to=2027-12-31";
  beforeAll(async () => {
    // Åsa: talk (1 h) and workshop (2 h); Bo: talk; Cia: talk and the formula (1 h).
    for (const [who, session] of [["asa", "workshop"], ["bo", "talk"], ["cia", "formula"]] as const)
      expect((await h.api("POST", `/registrations/${f.people[who].id}/check-in?session=${f.sessions[session]}`)).status).toBe(200);
  });
  const csv = async (name: string) => {
    const res = await h.app.request(`/admin/reports/${name}.csv?${RANGE}`, { headers: { cookie: organiser.cookie } });
    expect(res.status).toBe(200);
    return readCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()), ",");
  };

  it("sums each person's session lengths, and each company's people (its spellings as one)", async () => {
    expect(await csv("hours-people")).toEqual([
      ["Name", "Email", "Company", "Sessions", "Hours"],
      ["Bo Ek", "bo@ek.se", "Ek & Son", "1", "1"],
      ["Cia Berg", "cia@verkstad.se", "verkstad  ab", "2", "2"],
      ["Åsa Söderström", "asa@verkstad.se", "Verkstad AB", "2", "3"],
      ["Total", "", "", "", "6"],
    ]);
    expect(await csv("hours-organisations")).toEqual([
      ["Company", "People", "Sessions", "Hours"],
      ["Verkstad AB", "2", "4", "5"],
      ["Ek & Son", "1", "1", "1"],
      ["Total", "", "", "6"],
    ]);
  });

  it("counts seats and arrivals per session, titles neutralised, and shows it all on the page", async () => {
    const rows = await csv("sessions");
    expect(rows[0]).toEqual(["Event", "Session", "Starts", "Length (hours)", "Seats", "Checked in"]);
    expect(rows.filter((r) => r[0] === "Leankonferens med program").map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
      ["Öppning", "1", "3", "3"],
      ["Workshop 5S", "2", "1", "1"],
      [`'=HYPERLINK("http://evil.example")`, "1", "1", "1"],
    ]);
    const xlsx = await h.app.request(`/admin/reports/hours-people.xlsx?${RANGE}`, { headers: { cookie: organiser.cookie } });
    expect((await readXlsx(await xlsx.arrayBuffer())).rows.at(-1)).toEqual(["Total", null, null, null, 6]);
    const page = await organiser.request(`/admin/reports?${RANGE}`);
    expect(page.text).toContain("Attendance per session");
    expect(page.text).toContain("Hours per company");
    expect(page.text).toContain(`href="/admin/reports/hours-people.csv?from=2027-01-01&amp;to=2027-12-31"`);
    const audit = await h.database.db.all<{ detail: string }>(sql`SELECT detail FROM audit_log WHERE action = 'export.report' ORDER BY seq`);
    expect(audit.map((a) => JSON.parse(a.detail).report)).toEqual(["hoursPeople", "hoursOrganisations", "sessions", "hoursPeople"]);
  });

  it("refuses a bad range with the workspace's error and no file", async () => {
    const res = await organiser.request(`/admin/reports/hours-people.csv?from=2027-13-01`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  });
});

describe("guards", () => {
  it("another organisation gets 404 for our sessions, at the desk and at the door", async () => {
    for (const path of [`/admin/sessions/${f.sessions.talk}`, `/admin/sessions/${f.sessions.talk}/print`, door("", f.sessions.talk)])
      expect((await stranger.request(path)).status, path).toBe(404);
  });

  it("the door's role may check people in to a session but not open its lists", async () => {
    expect((await doorKeeper.request(`/admin/sessions/${f.sessions.talk}`)).status).toBe(403);
    expect((await doorKeeper.request(`/admin/sessions/${f.sessions.talk}/print`)).status).toBe(403);
    expect((await h.request(`/admin/sessions/${f.sessions.talk}`)).status).toBe(303);
  });
});

describe("in Swedish and Norwegian", () => {
  it("the session's list, its printed list, the box and the door speak the member's language", async () => {
    const expected = {
      sv: ["Programmets pass", "På väntelistan, plats 1", "Närvarande", "Checka in på", "Hela evenemanget", "Pass: Workshop 5S"],
      nb: ["Øktene i programmet", "På ventelisten, nummer 1", "Til stede", "Sjekk inn på", "Hele arrangementet", "Økt: Workshop 5S"],
    };
    for (const language of ["sv", "nb"] as const) {
      const member = await h.signedIn("organiser", h.orgId, language);
      expect((await member.request("/admin/language", { form: { language } })).status).toBe(303);
      const pages = await Promise.all(
        [`/admin/events/${f.eventId}`, `/admin/sessions/${f.sessions.workshop}`, `/admin/sessions/${f.sessions.workshop}/print`, door("", f.sessions.workshop)].map(
          async (path) => (await member.request(path)).text,
        ),
      );
      const text = pages.join("\n");
      for (const words of expected[language]) expect(text, `${language}: ${words}`).toContain(words);
      expect(text).not.toMatch(/Sessions of the programme|The whole event|waitlisted, position/);
    }
  });
});
