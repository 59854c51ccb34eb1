import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registrationSearchText } from "../src/domain/registrations";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { caption, listPath, newEvent, pagerLinks, tableRows } from "./admin-attendees-fixture";

// The workspace's attendance list a page at a time: 100 rows in the list's order, a
// cursor (`after`) to the next page, and each waitlisted person's place in the whole
// queue on every page, searched or not.
let h: AdminHarness;
let organiser: SignedIn;
let eventId: string;
type Status = "confirmed" | "waitlisted" | "cancelled";
let people: { id: string; status: Status; organisation: string; position: number | null }[];

beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
  eventId = await newEvent(h, { capacity: 500 });
  // 1500 in arrival order: 500 confirmed, then every tenth cancelled and the rest waiting
  // (900, at 1..900); every third of them from Volvo.
  let waiting = 0;
  const rows = Array.from({ length: 1500 }, (_, k) => {
    const i = k + 1;
    const status: Status = i <= 500 ? "confirmed" : i % 10 === 0 ? "cancelled" : "waitlisted";
    const person = { id: `reg_bulk${String(i).padStart(4, "0")}`, name: `Bulk ${i}`, email: `bulk${i}@example.se`, organisation: i % 3 ? "ABB" : "Volvo Cars" };
    return { ...person, status, searchText: registrationSearchText(person), position: status === "waitlisted" ? ++waiting : null };
  });
  people = rows;
  // Inserted directly, in arrival order: 1500 signups through HTTP would test the signup path, not the list.
  const t = h.clock.now().getTime();
  await h.database.db.run(sql`
    INSERT INTO registrations (id, event_id, name, email, email_key, organisation, search_text, language, answers, status, created_at, confirmed_at)
    SELECT p.value ->> 'id', ${eventId}, p.value ->> 'name', p.value ->> 'email', p.value ->> 'email', p.value ->> 'organisation',
           p.value ->> 'searchText', 'sv', '{}', p.value ->> 'status', ${t} + p.key, CASE WHEN p.value ->> 'status' = 'confirmed' THEN ${t} END
    FROM json_each(${JSON.stringify(rows)}) p ORDER BY p.key`);
});
afterAll(() => h.close());

/** Every page from `path` on, following the page's own "Next page" link. */
async function follow(path: string) {
  const pages = [];
  for (let next: string | null = path; next; next = pages.at(-1)!.links.next) {
    const res = await organiser.request(next);
    expect(res.status, next).toBe(200);
    pages.push({ path: next, rows: tableRows(res.text), caption: caption(res.text), links: pagerLinks(res.text) });
    if (pages.length > 20) throw new Error("the pages never end");
  }
  return pages;
}

/** The rows a filter shows, in the list's order: confirmed, the queue, the cancelled. */
const expected = (statuses: Status[], keep: (p: (typeof people)[number]) => boolean = () => true) =>
  statuses.flatMap((s) => people.filter((p) => p.status === s && keep(p)));

/** Each row is the person expected there, with their place in the whole queue when waiting. */
function expectRows(rows: { id: string; text: string }[], want: typeof people) {
  expect(rows.map((r) => r.id)).toEqual(want.map((p) => p.id));
  for (const [i, row] of rows.entries()) {
    const p = want[i]!;
    if (p.position === null) expect(row.text, p.id).not.toMatch(/#\d/);
    else expect(row.text, p.id).toContain(`waitlisted #${p.position} `);
  }
}

describe("the attendance list's pages", () => {
  it("shows all 1500 on 15 pages of 100, each once and in order, the waitlist numbered over the whole queue", async () => {
    const pages = await follow(`${listPath(eventId)}?status=all`);
    expect(pages.map((p) => p.rows.length)).toEqual(Array(15).fill(100));
    expectRows(
      pages.flatMap((p) => p.rows),
      expected(["confirmed", "waitlisted", "cancelled"]),
    );
    for (const [k, page] of pages.entries()) {
      // Counts are written the reader's way: "1,500" in English (and "1 500" in Swedish).
      const n = (v: number) => v.toLocaleString("en-GB");
      expect(page.caption).toBe(`1,500 registrations · all, with cancelled · showing ${n(k * 100 + 1)}–${n(k * 100 + 100)}`);
      // The first page links to no first page; every later one does, to this filter's.
      expect(page.links.first).toBe(k ? `${listPath(eventId)}?status=all` : null);
    }
    // Page 6 starts the queue, page 14 ends it at #900, page 15 holds the cancelled.
    expect(pages[5]!.rows[0]!.text).toContain("waitlisted #1 ");
    expect(pages[13]!.rows[99]!.text).toContain("waitlisted #900 ");
    expect(pages[14]!.rows.every((r) => r.text.includes("cancelled"))).toBe(true);
    expect(pages[14]!.links.next).toBeNull();
  });

  it("pages the default filter (confirmed and waitlisted) and the waitlist alone the same way", async () => {
    const live = await follow(listPath(eventId));
    expect(live).toHaveLength(14);
    expectRows(
      live.flatMap((p) => p.rows),
      expected(["confirmed", "waitlisted"]),
    );
    expect(live[0]!.links.next).toMatch(new RegExp(`^${listPath(eventId)}\\?status=live&after=c\\d+$`));

    const queue = await follow(`${listPath(eventId)}?status=waitlisted`);
    expect(queue.map((p) => p.rows.length)).toEqual(Array(9).fill(100));
    expectRows(
      queue.flatMap((p) => p.rows),
      expected(["waitlisted"]),
    );
    expect(queue[4]!.caption).toBe("900 registrations · waitlisted · showing 401–500");
  });

  it("pages a search: only the matches, each with their place in the whole queue", async () => {
    const volvo = expected(["confirmed", "waitlisted"], (p) => p.organisation === "Volvo Cars");
    const pages = await follow(`${listPath(eventId)}?q=${encodeURIComponent("VOLVO cars")}`);
    expect(pages).toHaveLength(Math.ceil(volvo.length / 100));
    expectRows(
      pages.flatMap((p) => p.rows),
      volvo,
    );
    expect(pages[1]!.caption).toBe(`${volvo.length} registrations matching “VOLVO cars” · confirmed and waitlisted · showing 101–200`);
    expect(pages[1]!.links.next).toContain("q=VOLVO+cars");
    // A search with the waitlist filter: Bulk 1497 is the 898th waiting.
    const last = await follow(`${listPath(eventId)}?status=waitlisted&q=bulk1497%40`);
    expect(last.map((p) => p.rows.map((r) => r.text))).toEqual([[expect.stringContaining("Bulk 1497 waitlisted #898 ")]]);
  });

  it("a page after a change shows the queue as it is now: nobody skipped, places derived again", async () => {
    const first = await follow(`${listPath(eventId)}?status=waitlisted`).then((pages) => pages[0]!);
    const leaving = people.find((p) => p.position === 1)!;
    await h.database.db.run(sql`UPDATE registrations SET status = 'cancelled', cancelled_at = 1 WHERE id = ${leaving.id}`);
    try {
      const res = await organiser.request(first.links.next!);
      const rows = tableRows(res.text);
      // The 101st in the queue is next, now 100th.
      expect(rows[0]!.id).toBe(people.find((p) => p.position === 101)!.id);
      expect(rows[0]!.text).toContain("waitlisted #100 ");
      expect(caption(res.text)).toBe("899 registrations · waitlisted · showing 100–199");
    } finally {
      await h.database.db.run(sql`UPDATE registrations SET status = 'waitlisted', cancelled_at = NULL WHERE id = ${leaving.id}`);
    }
  });
});

describe("a page link that is not one", () => {
  const bad = ["garbage", "w", "w0", "c-5", "w1.5", "q100", "w99999999999999999", "w9999999999999999"];

  it("is refused with a 400 page that says so, or the error shape for a script, never a 500", async () => {
    for (const after of bad) {
      const res = await organiser.request(`${listPath(eventId)}?after=${encodeURIComponent(after)}`);
      expect(res.status, after).toBe(400);
      expect(res.text, after).toContain("This page link is not valid: open the list from its first page.");
    }
    const json = await organiser.request(`${listPath(eventId)}?after=garbage`, { headers: { accept: "application/json" } });
    expect(json.status).toBe(400);
    expect(JSON.parse(json.text).error).toMatchObject({ code: "invalid_request", fieldCodes: { after: { code: "page_link" } } });
  });

  it("is refused when it points into a status the filter does not show", async () => {
    const cancelled = people.find((p) => p.status === "cancelled")!.id.replace("reg_bulk", "");
    const res = await organiser.request(`${listPath(eventId)}?status=live&after=x${Number(cancelled)}`);
    expect(res.status).toBe(400);
    expect(res.text).toContain("This page link is not valid");
  });

  it("past the end shows no rows and the way back to the first page", async () => {
    const res = await organiser.request(`${listPath(eventId)}?status=confirmed&after=c99999999`);
    expect(res.status).toBe(200);
    expect(tableRows(res.text)).toEqual([]);
    expect(res.text).toContain("No more registrations after the last page.");
    expect(pagerLinks(res.text)).toEqual({ next: null, first: `${listPath(eventId)}?status=confirmed` });
  });

  it("of another organisation's event is 404 when well formed (a malformed query is refused before anything is looked up)", async () => {
    const other = await h.otherOrg();
    const stranger = await h.signedIn("owner", other.orgId);
    for (const after of ["w600", "x600"]) expect((await stranger.request(`${listPath(eventId)}?after=${after}`)).status, after).toBe(404);
    expect((await stranger.request(`${listPath(eventId)}?after=garbage`)).status).toBe(400);
  });
});
