import { beforeAll, describe, expect, it } from "vitest";
import { questions, readCsv, readXlsx } from "../admin-exports-fixture";
import { cancelByLink, newEvent, signUp, type GetTarget } from "./common";

/** The organiser's attendance list: JSON with ?status=, and the same as CSV. */
export function attendanceBehaviour(target: GetTarget) {
  let event: { id: string; slug: string };
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const t = target();
    event = await newEvent(t, { title: "Medlemsfrukost på Gräsvik", capacity: 2, questions });
    const people: [string, Record<string, unknown>][] = [
      ["asa", { name: "Åsa Öberg", email: "asa@industri.se", organisation: 'Bröderna "Ek" AB, Ronneby', phone: "+46 70 123 45 67", answers: { diet: "Laktos\nNötter", track: "Lean", days: ["Dag 1", "Dag 2"], photo: true } }],
      ["formula", { name: "=1+1", email: "formula@evil.example", organisation: "@SUM(A1)", answers: { diet: "-2+3" } }],
      ["wait1", { name: "Erik Väntare", email: "erik@example.se", organisation: "Techtank" }],
      ["wait2", { name: "Karin Kö", email: "karin@example.se" }],
      ["gone", { name: "Nils Avbokad", email: "nils@example.se" }],
    ];
    for (const [key, body] of people) {
      const res = await signUp(t, event.id, body);
      if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
      ids[key] = res.body.id;
      if (key === "gone") await cancelByLink(t, res.body.manageUrl);
    }
    expect((await t.api("POST", `/registrations/${ids.asa}/check-in`)).status).toBe(200);
  });

  /** The raw CSV: the BOM must be seen, which Response.text() would drop. */
  async function csv(path: string) {
    const res = await target().fetch(`/api/v1${path}`, { headers: { authorization: `Bearer ${target().orgs[0]!.token}` } });
    return { status: res.status, headers: res.headers, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()) };
  }

  describe("attendance list", () => {
    it("lists live and cancelled registrations in arrival order with positions and answers", async () => {
      const t = target();
      const res = await t.api("GET", `/events/${event.id}/registrations`);
      expect(res.status).toBe(200);
      const rows = res.body.registrations as Record<string, unknown>[];
      expect(rows.map((r) => [r.id, r.status, r.position])).toEqual([
        [ids.asa, "confirmed", null],
        [ids.formula, "confirmed", null],
        [ids.wait1, "waitlisted", 1],
        [ids.wait2, "waitlisted", 2],
        [ids.gone, "cancelled", null],
      ]);
      expect(rows[0]).toMatchObject({
        eventId: event.id,
        name: "Åsa Öberg",
        email: "asa@industri.se",
        organisation: 'Bröderna "Ek" AB, Ronneby',
        phone: "+46 70 123 45 67",
        language: "sv",
        answers: { diet: "Laktos\nNötter", track: "Lean", days: ["Dag 1", "Dag 2"], photo: true },
        consentAt: null,
        cancelledAt: null,
      });
      expect(rows[0]!.checkedInAt).toEqual(expect.any(String));
      expect(rows[4]!.cancelledAt).toEqual(expect.any(String));
    });

    it("filters by ?status=", async () => {
      const t = target();
      const names = async (status: string) =>
        (await t.api("GET", `/events/${event.id}/registrations?status=${status}`)).body.registrations.map((r: { name: string }) => r.name);
      expect(await names("confirmed")).toEqual(["Åsa Öberg", "=1+1"]);
      expect(await names("waitlisted")).toEqual(["Erik Väntare", "Karin Kö"]);
      expect(await names("cancelled")).toEqual(["Nils Avbokad"]);
    });

    it("comes in pages of ?limit= with a cursor to the next, positions counted from the head of the waitlist", async () => {
      const t = target();
      const page = async (query: string) => (await t.api("GET", `/events/${event.id}/registrations?${query}`)).body as { registrations: { id: string; position: number | null }[]; next: string | null };
      const seen: [string, number | null][] = [];
      let query = "limit=2";
      for (let pages = 0; ; pages++) {
        const p = await page(query);
        expect(p.registrations.length).toBeLessThanOrEqual(2);
        seen.push(...p.registrations.map((r): [string, number | null] => [r.id, r.position]));
        if (!p.next) {
          expect(pages).toBe(2);
          break;
        }
        query = `limit=2&cursor=${p.next}`;
      }
      expect(seen).toEqual([[ids.asa!, null], [ids.formula!, null], [ids.wait1!, 1], [ids.wait2!, 2], [ids.gone!, null]]);
      const firstWaiting = await page("status=waitlisted&limit=1");
      expect(firstWaiting.registrations.map((r) => r.position)).toEqual([1]);
      expect((await page(`status=waitlisted&limit=1&cursor=${firstWaiting.next}`)).registrations.map((r) => [r.id, r.position])).toEqual([[ids.wait2, 2]]);
      // Without ?limit=, 100 at most; the whole list here, so no next page.
      expect((await page("")).next).toBe(null);
    });

    it("is the organisation's own: 401 without a token, 404 for another organisation", async () => {
      const t = target();
      const anonymous = await t.api("GET", `/events/${event.id}/registrations`, undefined, { token: null });
      expect(anonymous.status).toBe(401);
      const foreign = await t.api("GET", `/events/${event.id}/registrations`, undefined, { token: t.orgs[1]!.token });
      expect(foreign.status).toBe(404);
      expect(JSON.stringify(foreign.body)).not.toContain("Åsa");
    });
  });

  describe("registrations.csv", () => {
    it("has a BOM, a header with the questions, and the live registrations in arrival order", async () => {
      const res = await csv(`/events/${event.id}/registrations.csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-disposition")).toMatch(
        new RegExp(`^attachment; filename="${event.slug}-attendees-\\d{4}-\\d{2}-\\d{2}\\.csv"; filename\\*=UTF-8''${event.slug}-attendees-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
      );
      expect(res.text.startsWith("\uFEFF")).toBe(true);
      const rows = await readCsv(res.text, ",");
      expect(rows[0]!.slice(0, 6)).toEqual(["Name", "Email", "Organisation", "Phone", "Status", "Waitlist position"]);
      expect(rows[0]!.slice(-4)).toEqual(["Kost / allergier", "Spår", "Dagar", "Får fotograferas"]);
      expect(rows.slice(1).map((r) => [r[0], r[4], r[5]])).toEqual([
        ["Åsa Öberg", "confirmed", ""],
        // A name that a spreadsheet would run as a formula is defused.
        ["'=1+1", "confirmed", ""],
        ["Erik Väntare", "waitlisted", "1"],
        ["Karin Kö", "waitlisted", "2"],
      ]);
      expect(rows[1]![2]).toBe('Bröderna "Ek" AB, Ronneby');
      expect(rows[1]!.at(-4)).toBe("Laktos\nNötter");
      expect(res.text.split("\r\n").length).toBeGreaterThan(5);
    });

    it("takes the same ?status= as the JSON list, and ?sep=semicolon", async () => {
      const confirmed = await readCsv((await csv(`/events/${event.id}/registrations.csv?status=confirmed&sep=semicolon`)).text, ";");
      expect(confirmed.slice(1).map((r) => r[0])).toEqual(["Åsa Öberg", "'=1+1"]);
      const cancelled = await readCsv((await csv(`/events/${event.id}/registrations.csv?status=cancelled`)).text, ",");
      expect(cancelled.slice(1).map((r) => r[0])).toEqual(["Nils Avbokad"]);
    });

    it("records the export in the audit log as done by the API token, by its name", async () => {
      await csv(`/events/${event.id}/registrations.csv?status=waitlisted`);
      const [row] = await target().sql<{ actor_email: string; user_id: string | null; detail: string }>(
        "SELECT actor_email, user_id, detail FROM audit_log WHERE action = 'export.attendees' ORDER BY seq DESC LIMIT 1",
      );
      expect(row).toMatchObject({ actor_email: "API token “test”", user_id: null });
      expect(JSON.parse(row!.detail)).toEqual({ format: "csv", status: "waitlisted", rows: 2, via: "api" });
    });
  });

  // On Node this goes through the server's export worker thread (started under tsx as
  // `npm start` runs it); on Workers the file is built in the request.
  describe("registrations.xlsx", () => {
    const xlsx = (path: string) => target().fetch(`/api/v1${path}`, { headers: { authorization: `Bearer ${target().orgs[0]!.token}` } });

    it("has the CSV's rows as a sheet named after the event, and is audited", async () => {
      const [first, second] = await Promise.all([xlsx(`/events/${event.id}/registrations.xlsx`), xlsx(`/events/${event.id}/registrations.xlsx?status=cancelled`)]);
      expect(first.status).toBe(200);
      expect(first.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      expect(first.headers.get("content-disposition")).toMatch(new RegExp(`filename="${event.slug}-attendees-\\d{4}-\\d{2}-\\d{2}\\.xlsx"`));
      const { sheet, rows } = await readXlsx(await first.arrayBuffer());
      expect(sheet.name).toBe("Medlemsfrukost på Gräsvik");
      // A text cell is never a formula, so the sheet keeps "=1+1" as typed (the CSV above neutralises it).
      expect(rows.slice(1).map((r) => [r[0], r[4], r[5]])).toEqual([
        ["Åsa Öberg", "confirmed", null],
        // A text cell is never a formula: kept as typed (the CSV neutralises it).
        ["=1+1", "confirmed", null],
        ["Erik Väntare", "waitlisted", 1],
        ["Karin Kö", "waitlisted", 2],
      ]);
      expect((await readXlsx(await second.arrayBuffer())).rows.slice(1).map((r) => r[0])).toEqual(["Nils Avbokad"]);
      const [row] = await target().sql<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'export.attendees' ORDER BY seq DESC LIMIT 1");
      expect(JSON.parse(row!.detail)).toMatchObject({ format: "xlsx", via: "api" });
    });

    it("refuses an unknown query parameter or status with 400, and no token with 401", async () => {
      expect((await xlsx(`/events/${event.id}/registrations.xlsx?status=everyone`)).status).toBe(400);
      expect((await xlsx(`/events/${event.id}/registrations.xlsx?colour=red`)).status).toBe(400);
      expect((await target().fetch(`/api/v1/events/${event.id}/registrations.xlsx`)).status).toBe(401);
    });
  });
}
