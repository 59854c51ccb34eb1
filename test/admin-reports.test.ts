import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participationReport } from "../src/domain/reports";
import { reportRange } from "../src/domain/reports";
import { readCsv, readXlsx } from "./admin-exports-fixture";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody } from "./helpers/harness";

let h: AdminHarness;
let organiser: SignedIn;

async function event(title: string, startsAt: string, capacity = 20) {
  const endsAt = new Date(Date.parse(startsAt) + 3 * 3_600_000).toISOString();
  const res = await h.api("POST", "/events", eventBody({ title, startsAt, endsAt, capacity }));
  if (res.status !== 201) throw new Error(`event: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}
async function signUp(eventId: string, name: string, email: string, organisation?: string) {
  const res = await h.api("POST", `/events/${eventId}/registrations`, { name, email, ...(organisation ? { organisation } : {}) }, { token: null });
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string; manageUrl: string };
}
const checkIn = (id: string) => h.api("POST", `/registrations/${id}/check-in`);
const cancel = (r: { manageUrl: string }) => h.api("POST", `/manage/${r.manageUrl.split("/r/")[1]}/cancel`, undefined, { token: null });

const RANGE = "from=2027-01-01&to=2027-12-31";

/**
 * Events of 2027 (on the Stockholm clock) with people from three companies typed three
 * ways, check-ins, a waitlist, cancellations; around them what must not count: a
 * cancelled event, an event of 2028, another organisation's event, and an event already
 * anonymised by retention.
 */
beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");

  const lean = await event("LEAN A", "2027-03-18T08:30:00Z");
  const anna1 = await signUp(lean, "Anna Andersson", "anna@acme.se", "Acme AB");
  await signUp(lean, "Bo Berg", "BO@acme.se", "  acme   ab ");
  const ceci1 = await signUp(lean, "Cecilia Carlsson", "ceci@volvo.se", "Volvo");
  await signUp(lean, "Dan Dahl", "dan@example.se");
  await signUp(lean, '=HYPERLINK("http://evil.example")', "g@evil.example", "-Minus AB");
  await cancel(await signUp(lean, "Eva Ek", "eva@acme.se", "Acme AB"));
  await checkIn(anna1.id);
  await checkIn(ceci1.id);

  const small = await event("LEAN B", "2027-05-10T07:00:00Z", 1);
  const anna2 = await signUp(small, "Anna Andersson", "anna@ACME.se", "ACME AB");
  expect((await signUp(small, "Cecilia Carlsson", "ceci@volvo.se", "Volvo")).status).toBe("waitlisted");
  await checkIn(anna2.id);

  // 23:30 UTC on New Year's Eve is already 2027 in Stockholm.
  const newYear = await event("Nyårsfrukost", "2026-12-31T23:30:00Z");
  await signUp(newYear, "Frida Fors", "frida@techtank.se", "Techtank");

  const called = await event("Inställd kurs", "2027-06-01T08:00:00Z");
  await signUp(called, "Anna Andersson", "anna@acme.se", "Acme AB");
  await h.api("POST", `/events/${called}/cancel`);

  const later = await event("LEAN 2028", "2028-01-10T08:00:00Z");
  await signUp(later, "Anna Andersson", "anna@acme.se", "Acme AB");
  // 23:30 UTC on 31 December 2027 is 2028 in Stockholm.
  await signUp(await event("Nyår 2028", "2027-12-31T23:30:00Z"), "Hugo Holm", "hugo@example.se", "Hugo AB");

  const other = await h.otherOrg();
  const foreign = (await h.api("POST", "/events", eventBody({ title: "Annan org" }), { token: other.token })).body.id;
  await signUp(foreign, "Anna Andersson", "anna@acme.se", "Acme AB");

  const old = await event("Gammal kurs", "2027-02-01T08:00:00Z");
  await checkIn((await signUp(old, "Ivar Ivarsson", "ivar@example.se", "Acme AB")).id);
  await signUp(old, "Jon Jonsson", "jon@example.se");
  await cancel(await signUp(old, "Kim Kock", "kim@example.se"));
  // What retention leaves behind (as src/domain/privacy/retention.ts does): the rows without
  // names, status and check-in times kept, the event marked.
  await h.database.db.run(sql`
    UPDATE registrations SET name = '', email = '', email_key = 'anon:' || id, organisation = NULL, phone = NULL, answers = '{}', consent_at = NULL
    WHERE event_id = ${old}`);
  await h.database.db.run(sql`UPDATE events SET anonymised_at = ${Date.parse("2027-03-01T00:00:00Z")} WHERE id = ${old}`);
});
afterAll(() => h.close());

const expectedOrganisations = [
  { organisation: "Acme AB", people: 2, registrations: 3, confirmed: 3, attended: 2, events: 2 },
  { organisation: "-Minus AB", people: 1, registrations: 1, confirmed: 1, attended: 0, events: 1 },
  { organisation: "Techtank", people: 1, registrations: 1, confirmed: 1, attended: 0, events: 1 },
  { organisation: "Volvo", people: 1, registrations: 2, confirmed: 1, attended: 1, events: 2 },
  { organisation: "(no organisation)", people: 1, registrations: 1, confirmed: 1, attended: 0, events: 1 },
];
const expectedPeople = [
  { name: '=HYPERLINK("http://evil.example")', email: "g@evil.example", organisation: "-Minus AB", confirmed: 1, attended: 0 },
  { name: "Anna Andersson", email: "anna@ACME.se", organisation: "ACME AB", confirmed: 2, attended: 2 },
  { name: "Bo Berg", email: "BO@acme.se", organisation: "acme ab", confirmed: 1, attended: 0 },
  { name: "Cecilia Carlsson", email: "ceci@volvo.se", organisation: "Volvo", confirmed: 1, attended: 1 },
  { name: "Dan Dahl", email: "dan@example.se", organisation: "", confirmed: 1, attended: 0 },
  { name: "Frida Fors", email: "frida@techtank.se", organisation: "Techtank", confirmed: 1, attended: 0 },
];

describe("participation across events", () => {
  it("counts per organisation and per person, leaving out what must not count", async () => {
    const report = await participationReport({ ctx: h.ctx, input: { orgId: h.orgId, from: "2027-01-01", to: "2027-12-31" } });
    expect(report.organisations).toEqual(expect.arrayContaining(expectedOrganisations));
    expect(report.organisations).toHaveLength(expectedOrganisations.length);
    expect(report.organisations[0]!.organisation).toBe("Acme AB");
    expect(report.organisations.at(-1)!.organisation).toBe("(no organisation)");
    expect(report.people).toEqual(expect.arrayContaining(expectedPeople));
    expect(report.people).toHaveLength(expectedPeople.length);
    // The anonymised event's two registrations (both confirmed, one checked in) count in
    // the totals, though in no line: people are only those who can be told apart.
    expect(report.totals).toEqual({ organisation: "Total", people: 6, registrations: 10, confirmed: 9, attended: 4, events: 4 });
    expect(report).toMatchObject({ events: 4, anonymisedEvents: 1, anonymisedRegistrations: 2, anonymisedConfirmed: 2, anonymisedAttended: 1, cancelledRegistrations: 2 });
  });

  it("counts per month of the events' starts, every month of the range listed", async () => {
    const report = await participationReport({ ctx: h.ctx, input: { orgId: h.orgId, from: "2027-01-01", to: "2027-12-31" } });
    const zero = { registrations: 0, confirmed: 0, attended: 0 };
    const counted: Record<string, typeof zero> = {
      // New Year's breakfast: 23:30 UTC on 31 December is January in Stockholm.
      "2027-01": { registrations: 1, confirmed: 1, attended: 0 },
      // The anonymised course still counts, as in the totals.
      "2027-02": { registrations: 2, confirmed: 2, attended: 1 },
      "2027-03": { registrations: 5, confirmed: 5, attended: 2 },
      "2027-05": { registrations: 2, confirmed: 1, attended: 1 },
    };
    expect(report.months).toEqual(Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, "0")}`).map((month) => ({ month, ...(counted[month] ?? zero) })));
    const sum = (k: keyof typeof zero) => report.months.reduce((n, m) => n + m[k], 0);
    expect([sum("registrations"), sum("confirmed"), sum("attended")]).toEqual([report.totals.registrations, report.totals.confirmed, report.totals.attended]);
    const short = await participationReport({ ctx: h.ctx, input: { orgId: h.orgId, from: "2027-11-15", to: "2028-02-03" } });
    expect(short.months.map((m) => m.month)).toEqual(["2027-11", "2027-12", "2028-01", "2028-02"]);
  });

  it("draws the months and the organisations that sent the most people, each chart with its numbers", async () => {
    const res = await organiser.request(`/admin/reports?${RANGE}`);
    expect(res.text).toContain('<h2 id="in-pictures">In pictures</h2>');
    expect(res.text).toMatch(/<svg class="chart"[^>]*role="img" aria-labelledby="per-month-title per-month-desc"/);
    expect(res.text).toContain('<title id="per-month-title">Registrations and attendance per month</title>');
    expect(res.text).toContain("<title>March 2027, Registrations: 5</title>");
    expect(res.text).toContain("<title>March 2027, Attended: 2</title>");
    expect(res.text).toContain('<title id="per-organisation-title">The 5 organisations that sent the most people</title>');
    expect(res.text).toContain("<title>Acme AB, Registrations: 3</title>");
    // The numbers behind the month chart, as a table.
    expect(res.text).toMatch(/<details class="chart-numbers"><summary>The numbers<\/summary><table class="data">.*?<th scope="row">May 2027<\/th><td class="num">2<\/td><td class="num">1<\/td>/s);
    // A value that looks like markup is text in the SVG too.
    expect(res.text).not.toContain("<Minus");
  });

  it("decides the day on each event's own clock", async () => {
    const dec = await participationReport({ ctx: h.ctx, input: { orgId: h.orgId, from: "2026-12-01", to: "2026-12-31" } });
    expect(dec.events).toBe(0);
    const newYear = await participationReport({ ctx: h.ctx, input: { orgId: h.orgId, from: "2028-01-01", to: "2028-01-01" } });
    expect(newYear.people.map((p) => p.name)).toEqual(["Hugo Holm"]);
  });

  it("shows the report as a page with totals and the anonymised count", async () => {
    const res = await organiser.request(`/admin/reports?${RANGE}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('value="2027-01-01"');
    expect(res.text).toContain("<td>Acme AB</td><td class=\"num\">2</td><td class=\"num\">3</td><td class=\"num\">3</td><td class=\"num\">2</td><td class=\"num\">2</td>");
    expect(res.text).toContain("<td>(no organisation)</td>");
    expect(res.text).toContain("<strong>2</strong> anonymised registrations");
    expect(res.text).toContain("<strong>9</strong> confirmed");
    expect(res.text).toContain("<strong>4</strong> attended");
    expect(res.text).toContain("their 2 registrations (2 confirmed, 1 attended) no longer have names. They are in the totals");
    expect(res.text).toContain('<th scope="row">Total</th><td class="num">6</td><td class="num">10</td><td class="num">9</td><td class="num">4</td><td class="num">4</td>');
    expect(res.text).toContain("Total: 6 people");
    expect(res.text).not.toContain("Ivar");
    // Escaped by hono/jsx, never markup.
    expect(res.text).toContain("=HYPERLINK(&quot;http://evil.example&quot;)");
    expect(res.text).toContain(`href="/admin/reports/people.xlsx?from=2027-01-01&amp;to=2027-12-31"`);
  });

  it("defaults to this calendar year on the Stockholm clock", async () => {
    const res = await organiser.request("/admin/reports");
    expect(res.status).toBe(200);
    expect(res.text).toContain('value="2026-01-01"');
    expect(res.text).toContain('value="2026-12-31"');
    expect(res.text).toContain("<strong>0</strong> events");
    expect(reportRange({}, new Date("2026-12-31T23:30:00Z"))).toEqual({ from: "2027-01-01", to: "2027-12-31" });
  });
});

describe("report downloads", () => {
  const get = async (path: string) => {
    const res = await h.app.request(path, { headers: { cookie: organiser.cookie } });
    return { status: res.status, headers: res.headers, bytes: await res.arrayBuffer() };
  };
  const text = (bytes: ArrayBuffer) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

  it("gives the organisations as CSV (both separators) with the total and notes, formulas neutralised", async () => {
    const res = await get(`/admin/reports/organisations.csv?${RANGE}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain('filename="participation-organisations-2027-01-01-to-2027-12-31.csv"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const rows = await readCsv(text(res.bytes), ",");
    expect(rows[0]).toEqual(["Organisation", "People", "Registrations", "Confirmed", "Attended", "Events"]);
    expect(rows[1]).toEqual(["Acme AB", "2", "3", "3", "2", "2"]);
    expect(rows.map((r) => r[0])).toContain("'-Minus AB");
    expect(rows.find((r) => r[0] === "Total")).toEqual(["Total", "6", "10", "9", "4", "4"]);
    expect(rows.some((r) => r[0]!.startsWith("Anonymised registrations (1 event past their retention period; in the Total row") && r[0]!.endsWith(": 2, of which 2 confirmed and 1 attended"))).toBe(true);
    const semi = await readCsv(text((await get(`/admin/reports/organisations.csv?${RANGE}&sep=semicolon`)).bytes), ";");
    expect(semi).toEqual(rows);
  });

  it("gives the people as XLSX, read back with exceljs", async () => {
    const res = await get(`/admin/reports/people.xlsx?${RANGE}`);
    expect(res.status).toBe(200);
    const { sheet, rows } = await readXlsx(res.bytes);
    expect(sheet.name).toBe("People");
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(rows[0]).toEqual(["Name", "Email", "Organisation", "Events registered (confirmed)", "Events attended"]);
    // Text as typed: an XLSX text cell is never a formula, so it needs no apostrophe.
    expect(rows).toContainEqual(["=HYPERLINK(\"http://evil.example\")", "g@evil.example", "-Minus AB", 1, 0]);
    expect(rows).toContainEqual(["Anna Andersson", "anna@ACME.se", "ACME AB", 2, 2]);
    expect(rows).toContainEqual(["Total: 6 people", null, null, 7, 3]);
    expect(rows.some((r) => String(r[0]).startsWith("Anonymised registrations") && String(r[0]).includes("not in the rows or the total above): 2, of which 2 confirmed and 1 attended"))).toBe(true);
    const audit = await h.database.db.get<{ detail: string }>(sql`SELECT detail FROM audit_log WHERE action = 'export.report' ORDER BY seq DESC LIMIT 1`);
    expect(JSON.parse(audit!.detail)).toEqual({ report: "people", format: "xlsx", from: "2027-01-01", to: "2027-12-31", rows: 6 });
  });

  it("also gives organisations as XLSX and people as CSV", async () => {
    const orgs = await readXlsx((await get(`/admin/reports/organisations.xlsx?${RANGE}`)).bytes);
    expect(orgs.rows[1]).toEqual(["Acme AB", 2, 3, 3, 2, 2]);
    const people = await readCsv(text((await get(`/admin/reports/people.csv?${RANGE}`)).bytes), ",");
    expect(people).toContainEqual(["Dan Dahl", "dan@example.se", "", "1", "0"]);
  });
});

describe("bad ranges", () => {
  const cases = [
    ["from=2027-13-01&to=2027-12-31", "Enter the start as a date"],
    ["from=2027-02-30", "Enter the start as a date"],
    ["from=yesterday&to=2027-12-31", "Enter the start as a date"],
    ["from=2027-01-01&to=31/12/2027", "Enter the end as a date"],
    ["from=2027-06-01&to=2027-05-31", "The end date is before the start date."],
    ["from=2020-01-01&to=2025-01-01", "at most 5 years"],
  ] as const;

  it("answer 400 with the form and a clear message", async () => {
    for (const [query, message] of cases) {
      const res = await organiser.request(`/admin/reports?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.text).toContain(message);
      expect(res.text).toContain('class="error-summary"');
      expect(res.text).toContain('id="f-from"');
    }
    expect((await organiser.request("/admin/reports?from=2020-01-01&to=2024-12-31")).status).toBe(200);
  });

  it("refuse a download too, and audit nothing", async () => {
    const count = async () => (await h.database.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'export.report'`))!.n;
    const before = await count();
    for (const path of ["organisations.csv", "people.xlsx"]) {
      const res = await organiser.request(`/admin/reports/${path}?from=2027-06-01&to=2027-05-31`);
      expect(res.status).toBe(400);
      expect(res.text).toContain("The end date is before the start date.");
    }
    expect(await count()).toBe(before);
  });
});

describe("who may see reports", () => {
  const paths = ["/admin/reports", `/admin/reports?${RANGE}`, "/admin/reports/organisations.csv", "/admin/reports/organisations.xlsx", "/admin/reports/people.csv", "/admin/reports/people.xlsx"];

  it("sends a signed-out visitor to sign in; a script gets 401", async () => {
    for (const path of paths) {
      const page = await h.request(path);
      expect(page.status, path).toBe(303);
      expect(page.location).toBe(`/admin/login?next=${encodeURIComponent(path)}`);
      expect((await h.request(path, { headers: { accept: "application/json" } })).status).toBe(401);
    }
  });

  it("refuses the check-in role with 403", async () => {
    const door = await h.signedIn("checkin");
    for (const path of paths) {
      const res = await door.request(path);
      expect(res.status, path).toBe(403);
      expect(res.text).not.toContain("Anna");
    }
  });

  it("shows another organisation only its own events", async () => {
    const other = await h.otherOrg();
    const stranger = await h.signedIn("owner", other.orgId);
    const res = await stranger.request(`/admin/reports/people.csv?${RANGE}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain("anna@");
  });

  it("refuses a cross-site POST with 403", async () => {
    const res = await organiser.request("/admin/reports", { form: { from: "2027-01-01" }, origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });
});
