import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRegistrations, registrationPages, selectEventRegistrations } from "../src/domain/registrations";
import { toLocalInput } from "../src/lib/localTime";
import { toCsv, type Cell } from "../src/lib/spreadsheet";
import { readCsv } from "./admin-exports-fixture";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody } from "./helpers/harness";

// A list longer than two pages of 500, its statuses interleaved so that the pages of each
// status are merged back into arrival order: every fifth cancelled, every third of the
// rest waitlisted.
const PEOPLE = 1200;
let h: AdminHarness;
let organiser: SignedIn;
let eventId: string;
beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
  const created = (await h.api("POST", "/events", eventBody({ title: "Stor konferens", capacity: 900 }))).body;
  eventId = created.id;
  const t = h.clock.now().getTime();
  await h.database.db.run(sql`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${PEOPLE})
    INSERT INTO registrations (id, event_id, name, email, email_key, organisation, language, answers, status, created_at)
    SELECT 'reg_page' || printf('%04d', i), ${eventId},
           CASE WHEN i = 7 THEN '=HYPERLINK("x")' ELSE 'Person ' || printf('%04d', i) END,
           'p' || i || '@example.se', 'p' || i || '@example.se', CASE WHEN i % 2 THEN 'Företag "' || (i % 13) || '", AB' END, 'sv', '{}',
           CASE WHEN i % 5 = 0 THEN 'cancelled' WHEN i % 3 = 0 THEN 'waitlisted' ELSE 'confirmed' END, ${t} + i * 60000
    FROM n`);
});
afterAll(() => h.close());

const header = ["Name", "Email", "Organisation", "Phone", "Status", "Waitlist position", "Signed up at", "Checked in at", "Added by hand", "Over capacity", "Language", "Consent at"];

/** The list as the export built it before it was paged: one query, positions by window function, one toCsv. */
async function csvAsBefore(separator: "comma" | "semicolon" = "comma") {
  const all = await selectEventRegistrations(h.ctx, eventId);
  const rows: Cell[][] = all
    .filter(({ registration: r }) => r.status !== "cancelled")
    .map(({ registration: r, position }) => [
      r.name, r.email, r.organisation ?? "", r.phone ?? "", r.status, position,
      toLocalInput(r.createdAt, "Europe/Stockholm").replace("T", " "), "", "No", "No", "sv", "",
    ]);
  return toCsv({ columns: header.map((name) => ({ header: name })), rows }, separator);
}

/** A response body as the parts it arrived in. */
async function parts(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const out: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(decoder.decode(value, { stream: true }));
  }
}

const exportAudits = () =>
  h.database.db.all<{ detail: string }>(sql`SELECT detail FROM audit_log WHERE action = 'export.attendees' ORDER BY seq`);

describe("a long attendance list as CSV", () => {
  it("reads the rows in pages of at most 500, each status by its own index and merged back into arrival order", async () => {
    const { count, upTo } = await countRegistrations(h.ctx, eventId, ["confirmed", "waitlisted"]);
    expect(count).toBe(960);
    const sizes: number[] = [];
    const seqs: number[] = [];
    for await (const page of registrationPages(h.ctx, { eventId, statuses: ["confirmed", "waitlisted"], upTo })) {
      sizes.push(page.length);
      seqs.push(...page.map((r) => r.registration.seq));
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(500);
    expect(sizes.reduce((a, b) => a + b)).toBe(960);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it("is byte for byte the CSV built whole before, from the workspace and the API, in several parts", async () => {
    for (const sep of ["comma", "semicolon"] as const) {
      const res = await h.app.request(`/admin/events/${eventId}/attendees.csv?sep=${sep}`, { headers: { cookie: organiser.cookie } });
      expect(res.status).toBe(200);
      const received = await parts(res);
      // The header, then one part per page.
      expect(received.length).toBeGreaterThanOrEqual(3);
      expect(received.join("")).toBe(await csvAsBefore(sep));
    }
    const api = await h.app.request(`/api/v1/events/${eventId}/registrations.csv`, { headers: { authorization: `Bearer ${h.token}` } });
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await api.arrayBuffer())).toBe(await csvAsBefore());
    const rows = await readCsv(await csvAsBefore(), ",");
    expect(rows.find((r) => r[1] === "p7@example.se")![0]).toBe(`'=HYPERLINK("x")`);
    expect(rows.filter((r) => r[4] === "waitlisted").map((r) => Number(r[5]))).toEqual(Array.from({ length: 320 }, (_, i) => i + 1));
  });

  it("leaves out who signs up during the download, and audits the rows it sends", async () => {
    const before = (await exportAudits()).length;
    const res = await h.app.request(`/admin/events/${eventId}/attendees.csv`, { headers: { cookie: organiser.cookie } });
    // The audit entry is written before the first row leaves.
    expect((await exportAudits()).length).toBe(before + 1);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let text = decoder.decode((await reader.read()).value, { stream: true });
    await h.database.db.run(sql`
      INSERT INTO registrations (id, event_id, name, email, email_key, language, answers, status, created_at)
      VALUES ('reg_late', ${eventId}, 'Sen Anmälan', 'late@example.se', 'late@example.se', 'sv', '{}', 'confirmed', ${h.clock.now().getTime()})`);
    for (let next = await reader.read(); !next.done; next = await reader.read()) text += decoder.decode(next.value, { stream: true });
    expect(text).not.toContain("late@example.se");
    const sent = (await readCsv(text, ",")).length - 1;
    expect(JSON.parse((await exportAudits()).at(-1)!.detail)).toEqual({ format: "csv", status: "live", rows: sent });
    expect(sent).toBe(960);
    await h.database.db.run(sql`DELETE FROM registrations WHERE id = 'reg_late'`);
  });
});

describe("long lists in the workspace", () => {
  it("shows the attendance page 100 rows at a time, not the whole list (admin-attendees-pages.test.ts follows every page)", async () => {
    const res = await organiser.request(`/admin/events/${eventId}?status=all`);
    expect(res.status).toBe(200);
    const ids = [...res.text.matchAll(/<tr id="(reg_page\d+)"/g)].map((m) => Number(m[1]!.slice(8)));
    // The first 100 confirmed, in arrival order.
    expect(ids).toEqual(Array.from({ length: 1200 }, (_, k) => k + 1).filter((i) => i % 5 && i % 3).slice(0, 100));
    // Counts as English writes them: "1,200".
    expect(res.text).toContain(`${PEOPLE.toLocaleString("en-GB")} registrations · all, with cancelled · showing 1–100`);
    expect(res.text).toContain('rel="next">Next page</a>');
  });

  it("numbers the printable list through all its parts, by name", async () => {
    const res = await h.app.request(`/admin/events/${eventId}/print`, { headers: { cookie: organiser.cookie } });
    const received = await parts(res);
    expect(received.length).toBeGreaterThanOrEqual(3);
    const rows = [...received.join("").matchAll(/<td class="num">(\d+)<\/td><td>([^<]*)<\/td>/g)].map((m) => [Number(m[1]), m[2]]);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 640 }, (_, i) => i + 1));
    expect(rows[0]![1]).toBe("=HYPERLINK(&quot;x&quot;)");
    expect(rows[1]![1]).toBe("Person 0001");
  });
});
