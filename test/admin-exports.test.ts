import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentDisposition } from "../src/http/download";
import { neutralise } from "../src/lib/spreadsheet";
import { attendanceFixture, readCsv, readXlsx } from "./admin-exports-fixture";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody } from "./helpers/harness";

let h: AdminHarness;
let organiser: SignedIn;
let event: { id: string; slug: string; title: string };
beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
  ({ event } = await attendanceFixture(h));
});
afterAll(() => h.close());

const header = [
  "Name", "Email", "Organisation", "Phone", "Status", "Waitlist position", "Signed up at", "Checked in at",
  "Added by hand", "Over capacity", "Language", "Consent at", "Kost / allergier", "Spår", "Dagar", "Får fotograferas",
];
// The clock starts at 2026-11-21 09:00 UTC: 10:00 in Stockholm; a minute between signups.
const asa = ["Åsa Öberg", "asa@industri.se", 'Bröderna "Ek" AB, Ronneby', "'+46 70 123 45 67", "confirmed", "", "2026-11-21 10:00", "2026-11-21 10:04", "No", "No", "sv", "", "Laktos\nNötter", "Lean", "Dag 1, Dag 2", "Yes"];
const formula = ["'=1+1", "formula@evil.example", "'@SUM(A1)", "", "confirmed", "", "2026-11-21 10:01", "", "No", "No", "sv", "", "'-2+3", "", "", "No"];
const erik = ["Erik Väntare", "erik@example.se", "Techtank", "", "waitlisted", "1", "2026-11-21 10:02", "", "No", "No", "sv", "", "", "", "", "No"];
const karin = ["Karin Kö", "karin@example.se", "", "", "waitlisted", "2", "2026-11-21 10:03", "", "No", "No", "sv", "", "", "", "", "No"];

/** A download as bytes, with the member's session. */
async function download(path: string, cookie = organiser.cookie) {
  const res = await h.app.request(path, { headers: { cookie } });
  return { status: res.status, headers: res.headers, bytes: await res.arrayBuffer() };
}
const text = (bytes: ArrayBuffer) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
const auditRows = () =>
  h.database.db.all<{ action: string; detail: string; actor_email: string; subject_id: string }>(
    sql`SELECT action, detail, actor_email, subject_id FROM audit_log WHERE action = 'export.attendees' ORDER BY seq`,
  );

describe("the attendance list as CSV", () => {
  it("is UTF-8 with a BOM, comma-separated, CRLF, with answers as columns and live registrations in arrival order", async () => {
    const res = await download(`/admin/events/${event.id}/attendees.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="${event.slug}-attendees-2026-11-21.csv"; filename*=UTF-8''${event.slug}-attendees-2026-11-21.csv`,
    );
    const body = text(res.bytes);
    expect([...new Uint8Array(res.bytes.slice(0, 3))]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.split("\r\n")[0]).toBe("\uFEFF" + header.map((h) => (h.includes(",") ? `"${h}"` : h)).join(","));
    // The line break inside an answer is quoted, so it does not start a record.
    expect(body).toContain('"Laktos\nNötter"');
    expect(await readCsv(body, ",")).toEqual([header, asa, formula, erik, karin]);
  });

  it("gives the semicolon variant for Swedish Excel, also with a BOM", async () => {
    const res = await download(`/admin/events/${event.id}/attendees.csv?sep=semicolon`);
    const body = text(res.bytes);
    expect(body.startsWith("\uFEFFName;Email;Organisation;Phone;")).toBe(true);
    expect(body).toContain(';"Bröderna ""Ek"" AB, Ronneby";');
    expect(await readCsv(body, ";")).toEqual([header, asa, formula, erik, karin]);
  });

  it("filters by status like the JSON list", async () => {
    const cancelled = await readCsv(text((await download(`/admin/events/${event.id}/attendees.csv?status=cancelled`)).bytes), ",");
    expect(cancelled.slice(1).map((r) => [r[0], r[4]])).toEqual([["Nils Avbokad", "cancelled"]]);
    const waiting = await readCsv(text((await download(`/admin/events/${event.id}/attendees.csv?status=waitlisted`)).bytes), ",");
    expect(waiting.slice(1)).toEqual([erik, karin]);
  });

  it("refuses an unknown status with a 400 page", async () => {
    const res = await organiser.request(`/admin/events/${event.id}/attendees.csv?status=everyone`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.text).toContain("confirmed, offered, waitlisted, cancelled or expired");
  });

  it("writes a CSV with just the header for an event nobody signed up to", async () => {
    const empty = (await h.api("POST", "/events", eventBody({ title: "Tomt seminarium" }))).body;
    const rows = await readCsv(text((await download(`/admin/events/${empty.id}/attendees.csv`)).bytes), ",");
    expect(rows).toEqual([header.slice(0, 12)]);
  });
});

describe("the attendance list as XLSX", () => {
  it("has a bold, frozen header, the question columns and the same rows, with text as typed", async () => {
    const res = await download(`/admin/events/${event.id}/attendees.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toContain(`filename="${event.slug}-attendees-2026-11-21.xlsx"`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { sheet, rows } = await readXlsx(res.bytes);
    expect(sheet.name).toBe("Leankonferens Blekinge 2027");
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(rows[0]).toEqual(header);
    // Positions are numbers; empty cells are empty; nothing carries CSV's apostrophe.
    const asXlsx = (row: string[]) => row.map((v, i) => (i === 5 && v ? Number(v) : v === "" ? null : v.replace(/^'/, "")));
    expect(rows.slice(1)).toEqual([asa, formula, erik, karin].map(asXlsx));
    expect(rows[2]!.slice(0, 3)).toEqual(["=1+1", "formula@evil.example", "@SUM(A1)"]);
    expect(rows[1]![3]).toBe("+46 70 123 45 67");
    // Text as typed is a text cell, never a formula.
    for (const [row, col] of [[3, 1], [3, 3], [2, 4]]) expect(sheet.getRow(row!).getCell(col!).type).toBe(3 /* ExcelJS.ValueType.String */);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(20);
  });

  it("writes the moments as date cells on the event's clock, formatted as date and time", async () => {
    const { sheet } = await readXlsx((await download(`/admin/events/${event.id}/attendees.xlsx`)).bytes);
    const signedUp = sheet.getRow(2).getCell(7);
    expect(signedUp.type).toBe(4 /* ExcelJS.ValueType.Date */);
    // 09:00 UTC is 10:00 in Stockholm: the cell holds the wall clock the organiser reads.
    expect(signedUp.value).toEqual(new Date(Date.UTC(2026, 10, 21, 10, 0)));
    expect(signedUp.numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(sheet.getRow(2).getCell(8).type).toBe(4);
    expect(sheet.getColumn(7).width).toBeGreaterThanOrEqual(16);
  });
});

describe("the XLSX sheet name", () => {
  const sheetOf = async (title: string) => {
    const created = await h.api("POST", "/events", eventBody({ title }));
    expect(created.status).toBe(201);
    const res = await download(`/admin/events/${created.body.id}/attendees.xlsx`);
    expect(res.status).toBe(200);
    return (await readXlsx(res.bytes)).sheet.name;
  };

  it("is the title made acceptable to Excel: no []:*?/\\, no apostrophe first or last, 31 units cut between characters", async () => {
    // Cleaned, the second emoji would straddle the 31st unit: it is left out whole.
    const name = await sheetOf("'Lean' [dag] 😀 Blekinge/Ronneby 😀 vår?'");
    expect(name).toBe("Lean' dag 😀 Blekinge Ronneby");
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it("falls back to 'Attendees' when nothing of the title is left, or it is Excel's reserved name", async () => {
    expect(await sheetOf("[*?] ''")).toBe("Attendees");
    expect(await sheetOf("History")).toBe("Attendees");
  });
});

describe("audit of exports", () => {
  it("records each export with its format and row count and no personal data", async () => {
    const before = (await auditRows()).length;
    await download(`/admin/events/${event.id}/attendees.xlsx?status=confirmed`);
    const rows = await auditRows();
    expect(rows.length).toBe(before + 1);
    const last = rows.at(-1)!;
    expect(last).toMatchObject({ action: "export.attendees", actor_email: organiser.member.email, subject_id: event.id });
    expect(JSON.parse(last.detail)).toEqual({ format: "xlsx", status: "confirmed", rows: 2 });
    expect(last.detail).not.toContain("asa@");
  });
});

describe("the printable list", () => {
  it("shows the confirmed attendees by last name with row numbers and an empty signature column", async () => {
    const res = await organiser.request(`/admin/events/${event.id}/print`);
    expect(res.status).toBe(200);
    expect(res.text).toContain("<h1>Leankonferens Blekinge 2027</h1>");
    expect(res.text).toContain("BTH Campus Karlshamn");
    expect(res.text).toContain("Thursday 18 March 2027, 09:30–16:30");
    expect(res.text).toContain('<th scope="col">Signature</th>');
    expect(res.text).toContain("Use your browser&#39;s Print");
    expect(res.text).not.toContain("<script");
    const names = [...res.text.matchAll(/<td class="num">(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td class="signature"><\/td>/g)].map((m) => m.slice(1));
    // By last name, shown first; "=" sorts before letters; escaping is hono/jsx's.
    expect(names).toEqual([
      ["1", "=1+1", "@SUM(A1)"],
      ["2", "Öberg, Åsa", "Bröderna &quot;Ek&quot; AB, Ronneby"],
    ]);
    expect(res.text).not.toContain("Erik Väntare");
  });
});

describe("name badges", () => {
  it("puts everyone with a seat on A4 sheets of eight labels, by name, escaped, nobody waiting", async () => {
    const res = await organiser.request(`/admin/events/${event.id}/badges`);
    expect(res.status).toBe(200);
    expect(res.text).toContain("2 badges on 1 A4 sheet of 8 labels");
    const badges = [...res.text.matchAll(/<div class="name-badge"><p class="badge-name">([^<]*)<\/p>(?:<p class="badge-org">([^<]*)<\/p>)?<p class="badge-event">([^<]*)<\/p><\/div>/g)].map((m) => m.slice(1));
    expect(badges).toEqual([
      ["=1+1", "@SUM(A1)", "Leankonferens Blekinge 2027"],
      ["Åsa Öberg", "Bröderna &quot;Ek&quot; AB, Ronneby", "Leankonferens Blekinge 2027"],
    ]);
    expect(res.text).not.toContain("Erik Väntare");
    expect((res.text.match(/class="badge-sheet"/g) ?? []).length).toBe(1);
  });

  it("starts a new sheet after every eighth badge", async () => {
    const big = (await h.api("POST", "/events", eventBody({ title: "Stor konferens", capacity: 30 }))).body;
    for (let i = 0; i < 17; i++) await h.api("POST", `/events/${big.id}/registrations`, { name: `Deltagare ${i}`, email: `d${i}@x.se` }, { token: null });
    const res = await organiser.request(`/admin/events/${big.id}/badges`);
    expect(res.text).toContain("17 badges on 3 A4 sheets");
    const sheets = res.text.split('<div class="badge-sheet">').slice(1).map((s) => (s.match(/class="name-badge"/g) ?? []).length);
    expect(sheets).toEqual([8, 8, 1]);
  });
});

describe("helpers", () => {
  it("neutralises every formula start OWASP names, and leaves numbers and plain text alone", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutralise(`${start}x`)).toBe(`'${start}x`);
    expect(neutralise("Anna")).toBe("Anna");
    expect(neutralise(-3)).toBe(-3);
    expect(neutralise(null)).toBe(null);
  });

  it("keeps Swedish letters in the filename through RFC 5987", () => {
    expect(contentDisposition("öppet-hus-attendees-2027-01-02.csv")).toBe(
      `attachment; filename="oppet-hus-attendees-2027-01-02.csv"; filename*=UTF-8''%C3%B6ppet-hus-attendees-2027-01-02.csv`,
    );
    expect(contentDisposition('a"b\\c.csv')).toContain('filename="a_b_c.csv"');
  });
});

describe("who may export", () => {
  const paths = () => [`/admin/events/${event.id}/attendees.csv`, `/admin/events/${event.id}/attendees.xlsx`, `/admin/events/${event.id}/print`, `/admin/events/${event.id}/badges`];

  it("sends a signed-out visitor to the sign-in page, and a script gets 401 JSON", async () => {
    for (const path of paths()) {
      const page = await h.request(path);
      expect(page.status).toBe(303);
      expect(page.location).toBe(`/admin/login?next=${encodeURIComponent(path)}`);
      const script = await h.request(path, { headers: { accept: "application/json" } });
      expect(script.status).toBe(401);
      expect(JSON.parse(script.text).error.code).toBe("unauthorized");
    }
  });

  it("refuses the check-in role with 403, and audits nothing", async () => {
    const door = await h.signedIn("checkin");
    const before = (await auditRows()).length;
    for (const path of paths()) {
      const res = await door.request(path);
      expect(res.status, path).toBe(403);
      expect(res.text).not.toContain("asa@industri.se");
    }
    expect((await auditRows()).length).toBe(before);
  });

  it("lets an owner export too", async () => {
    const owner = await h.signedIn("owner");
    expect((await download(`/admin/events/${event.id}/attendees.csv`, owner.cookie)).status).toBe(200);
  });

  it("answers another organisation's event with 404, and an unknown one too", async () => {
    const other = await h.otherOrg();
    const stranger = await h.signedIn("owner", other.orgId);
    for (const path of paths()) {
      const res = await stranger.request(path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain("Åsa");
    }
    expect((await organiser.request("/admin/events/evt_nope/attendees.xlsx")).status).toBe(404);
  });

  it("refuses a cross-site POST with 403; a POST from our own pages finds no route", async () => {
    const before = (await auditRows()).length;
    const evil = await organiser.request(`/admin/events/${event.id}/attendees.csv`, { method: "POST", origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    const own = await organiser.request(`/admin/events/${event.id}/attendees.csv`, { method: "POST" });
    expect(own.status).toBe(404);
    expect((await auditRows()).length).toBe(before);
  });
});
