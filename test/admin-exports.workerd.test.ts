import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../src/lib/secrets";
import { readCsv, readXlsx } from "./admin-exports-fixture";
import { isoDate } from "./helpers/clock";
import { liveEventBody, liveEventTimes } from "./helpers/harness";
import { postJson } from "./helpers/server";
import { sharedWorkerd, type Workerd } from "./helpers/workerdInstances";

// The exports in the Workers build (workerd, D1): the CSV library's browser build and the
// synchronous XLSX zip must load and run there, also for a list far larger than the
// 160 kB at which the library's usual entry would reach for a Web Worker.
let w: Workerd;
let eventId: string;
const PEOPLE = 600;
const token = "plats_workerdexporttoken0123456789abcdefghijk";
// A session token has the shape the service mints: 44 URL-safe characters.
const session = "workerd-export-session-0123456789abcdefghijk";

beforeAll(async () => {
  w = await sharedWorkerd();
  const far = Date.now() + 86_400_000;
  await w.d1(
    `INSERT INTO organisations (id, slug, name) VALUES ('org_x', 'x', 'Export org');
     INSERT INTO api_tokens (id, org_id, name, token_hash, created_at) VALUES ('tok_x', 'org_x', 'test', '${sha256Hex(token)}', 0);
     INSERT INTO users (id, org_id, email, email_key, role, created_at) VALUES ('usr_x', 'org_x', 'o@x.se', 'o@x.se', 'organiser', 0);
     INSERT INTO sessions (token_hash, user_id, created_at, expires_at, absolute_expires_at) VALUES ('${sha256Hex(session)}', 'usr_x', 0, ${far}, ${far});`,
  );
  const questions = [{ id: "diet", label: "Kost", kind: "text" }];
  const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ title: "Stor konferens", capacity: 1000, questions }), {
    authorization: `Bearer ${token}`,
  });
  expect(ev.status).toBe(201);
  eventId = ev.body.id;
  // A long list at once, straight into D1: the point is the export, not the signups.
  await w.d1(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${PEOPLE})
     INSERT INTO registrations (id, event_id, name, email, email_key, organisation, language, answers, status, created_at)
     SELECT 'reg_x' || i, '${eventId}', CASE WHEN i = 2 THEN '=1+1' ELSE 'Deltagare ' || printf('%03d', i) END,
            'p' || i || '@example.se', 'p' || i || '@example.se', 'Företag ' || (i % 17), 'sv', '{"diet":"Vegetarisk å ä ö"}',
            'confirmed', ${Date.now() - 86_400_000} + i * 1000
     FROM n;`,
  );
}, 180_000);
afterAll(() => w?.stop());

// The reports take events by their start: a range around the fixture event's day.
const range = `from=${isoDate(liveEventTimes.startsAt, -30)}&to=${isoDate(liveEventTimes.startsAt, 30)}`;
// The member was inserted without a language and would read Swedish: this file checks the English headers.
const admin = (path: string) => fetch(`${w.url}${path}`, { headers: { cookie: `plats_admin=${session}`, "accept-language": "en" }, redirect: "manual" });

describe("exports on Workers", () => {
  it("writes a long attendance list as XLSX", async () => {
    const res = await admin(`/admin/events/${eventId}/attendees.xlsx`);
    expect(res.status).toBe(200);
    const bytes = await res.arrayBuffer();
    // The sheet's XML is past the 160 kB at which the library's async zip wants a Worker.
    const parts = unzipSync(new Uint8Array(bytes));
    expect(parts["xl/worksheets/sheet1.xml"]!.length).toBeGreaterThan(160_000);
    const { sheet, rows } = await readXlsx(bytes);
    expect(rows).toHaveLength(PEOPLE + 1);
    expect(rows[0]!.at(-1)).toBe("Kost");
    expect(rows[1]!.slice(0, 3)).toEqual(["Deltagare 001", "p1@example.se", "Företag 1"]);
    // A text cell, never a formula: no apostrophe needed (the CSV below has one).
    expect(rows[2]![0]).toBe("=1+1");
    expect(sheet.getRow(3).getCell(1).type).toBe(3 /* ExcelJS.ValueType.String */);
    expect(rows[PEOPLE]!.at(-1)).toBe("Vegetarisk å ä ö");
  });

  it("writes the CSV over the API, and the report downloads", async () => {
    const res = await fetch(`${w.url}/api/v1/events/${eventId}/registrations.csv?sep=semicolon`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const rows = await readCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()), ";");
    expect(rows).toHaveLength(PEOPLE + 1);
    expect(rows[2]![0]).toBe("'=1+1");

    const people = await admin(`/admin/reports/people.xlsx?${range}`);
    expect(people.status).toBe(200);
    const report = await readXlsx(await people.arrayBuffer());
    expect(report.rows.filter((r) => typeof r[1] === "string" && r[1].endsWith("@example.se"))).toHaveLength(PEOPLE);
    const orgs = await admin(`/admin/reports/organisations.csv?${range}`);
    const orgRows = await readCsv(await orgs.text().then((t) => "\uFEFF" + t.replace(/^\uFEFF/, "")), ",");
    expect(orgRows.find((r) => r[0] === "Total")).toEqual(["Total", String(PEOPLE), String(PEOPLE), String(PEOPLE), "0", "1"]);
  });
});
