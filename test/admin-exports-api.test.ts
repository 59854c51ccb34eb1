import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendanceFixture, readCsv } from "./admin-exports-fixture";
import { harness, type Harness } from "./helpers/harness";

// GET /api/v1/events/:id/registrations.csv: the same CSV as the workspace's, for a token.
let h: Harness;
let event: { id: string; slug: string };
beforeAll(async () => {
  h = await harness();
  ({ event } = await attendanceFixture(h, "Medlemsfrukost på Gräsvik"));
});
afterAll(() => h.close());

/** The raw response: the harness's api() decodes text without keeping the BOM visible. */
async function csv(path: string, token: string | null = h.token) {
  const res = await h.app.request(`/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = await res.arrayBuffer();
  return { status: res.status, headers: res.headers, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

describe("the attendance list as CSV over the API", () => {
  it("is the workspace's CSV: BOM, header with the questions, live registrations in arrival order", async () => {
    const res = await csv(`/events/${event.id}/registrations.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="${event.slug}-attendees-2026-11-21.csv"; filename*=UTF-8''${event.slug}-attendees-2026-11-21.csv`,
    );
    const rows = await readCsv(res.text, ",");
    expect(rows[0]!.slice(-4)).toEqual(["Kost / allergier", "Spår", "Dagar", "Får fotograferas"]);
    expect(rows.slice(1).map((r) => [r[0], r[4], r[5]])).toEqual([
      ["Åsa Öberg", "confirmed", ""],
      ["'=1+1", "confirmed", ""],
      ["Erik Väntare", "waitlisted", "1"],
      ["Karin Kö", "waitlisted", "2"],
    ]);
    expect(res.text.split("\r\n").length).toBeGreaterThan(5);
  });

  it("takes the same ?status= as the JSON list, and ?sep=semicolon", async () => {
    const confirmed = await readCsv((await csv(`/events/${event.id}/registrations.csv?status=confirmed&sep=semicolon`)).text, ";");
    expect(confirmed.slice(1).map((r) => r[0])).toEqual(["Åsa Öberg", "'=1+1"]);
    const cancelled = await readCsv((await csv(`/events/${event.id}/registrations.csv?status=cancelled`)).text, ",");
    expect(cancelled.slice(1).map((r) => r[0])).toEqual(["Nils Avbokad"]);
  });

  it("records the export in the audit log as done by an API token", async () => {
    await csv(`/events/${event.id}/registrations.csv?status=waitlisted`);
    const row = await h.database.db.get<{ actor_email: string; user_id: string | null; detail: string }>(
      sql`SELECT actor_email, user_id, detail FROM audit_log WHERE action = 'export.attendees' ORDER BY seq DESC LIMIT 1`,
    );
    expect(row).toMatchObject({ actor_email: "API token", user_id: null });
    expect(JSON.parse(row!.detail)).toEqual({ format: "csv", status: "waitlisted", rows: 2, via: "api" });
  });

  it("refuses a bad status or an unknown parameter with 400 in the one error shape", async () => {
    for (const query of ["status=everyone", "sep=tab", "format=xlsx"]) {
      const res = await h.api("GET", `/events/${event.id}/registrations.csv?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
    }
  });

  it("answers 401 without a token and 404 for an unknown or another organisation's event", async () => {
    const anonymous = await h.api("GET", `/events/${event.id}/registrations.csv`, undefined, { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthorized");
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);

    const unknown = await h.api("GET", "/events/evt_nope/registrations.csv");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });

    const other = await h.otherOrg();
    const foreign = await h.api("GET", `/events/${event.id}/registrations.csv`, undefined, { token: other.token });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("not_found");
    expect(JSON.stringify(foreign.body)).not.toContain("Åsa");
  });
});
