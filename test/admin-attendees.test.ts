import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { caption, listPath, newEvent, pagerLinks, regPath, signUp, signUps, snapshot, tableRows } from "./admin-attendees-fixture";

// The attendance list at /admin/events/:id: counts, filters, search, positions, and who may see it.
// Its pages and its search at scale: admin-attendees-pages.test.ts and admin-attendees-search.test.ts.
let h: AdminHarness;
let organiser: SignedIn;
beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
});
afterAll(() => h.close());

const questions = [
  { id: "lunch", label: "Lunch", kind: "select", options: ["Meat", "Veg"] },
  { id: "topics", label: "Topics", kind: "multiselect", options: ["Lean", "AI", "Export"] },
  { id: "photo", label: "Photos OK", kind: "checkbox" },
];

describe("the attendance list", () => {
  let eventId: string;
  let regs: { id: string; status: string }[];
  beforeAll(async () => {
    eventId = await newEvent(h, { capacity: 2, questions, timezone: "Europe/Stockholm", venue: "Kulturhuset Karlshamn" });
    regs = [
      await signUp(h, eventId, { name: "Åsa Öberg", email: "asa@techtank.se", organisation: "Öresund Verktyg AB", phone: "0701", answers: { lunch: "Veg", topics: ["Lean", "AI"], photo: true } }),
      await signUp(h, eventId, { name: "Bo Berg", email: "Bo.Berg@Example.se", organisation: "ABB", answers: { photo: false } }),
      await signUp(h, eventId, { name: "Cecilia Ek", email: "cecilia@example.se", organisation: "Volvo" }),
      await signUp(h, eventId, { name: "David <b>Dahl</b>", email: "david@example.se", organisation: "50% Rabatt_AB" }),
      await signUp(h, eventId, { name: "Eva Lund", email: "eva@example.se", organisation: "Volvo" }),
    ];
    // Eva cancels: her place goes nowhere (she was waiting), Cecilia and David stay 1 and 2.
    expect((await h.api("GET", `/events/${eventId}`)).body.waitlisted).toBe(3);
    await h.database.db.run(sql`UPDATE registrations SET status = 'cancelled', cancelled_at = 1 WHERE id = ${regs[4]!.id}`);
    await h.database.db.run(sql`UPDATE registrations SET checked_in_at = ${Date.UTC(2027, 2, 18, 8, 5)} WHERE id = ${regs[0]!.id}`);
  });

  it("shows the event, its counts and every live registration with answers, positions and times in the event's zone", async () => {
    // Every column, as the column chooser asks for them (the default leaves phone, answers and signup time out).
    const res = await organiser.request(`${listPath(eventId)}?cols=email,organisation,phone,answers,signedUp,checkedIn,notes`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.text).toContain("<h1>Leankonferens Blekinge 2027</h1>");
    expect(res.text).toContain("Kulturhuset Karlshamn");
    // 08:30Z is 09:30 in Stockholm in March.
    expect(res.text).toMatch(/09:30/);
    const stats = /<ul class="stats"[\s\S]*?<\/ul>/.exec(res.text)![0].replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(stats).toContain("2 / 2 confirmed");
    expect(stats).toContain("0 seats left");
    expect(stats).toContain("2 waitlisted");
    expect(stats).toContain("1 cancelled");
    expect(stats).toContain("1 checked in");
    expect(stats).not.toContain("over capacity");

    const rows = tableRows(res.text);
    expect(rows.map((r) => r.id)).toEqual([regs[0]!.id, regs[1]!.id, regs[2]!.id, regs[3]!.id]);
    // One page holds them all: no way to other pages, nor a range in the caption.
    expect(caption(res.text)).toBe("4 registrations · confirmed and waitlisted");
    expect(pagerLinks(res.text)).toEqual({ next: null, first: null });
    expect(rows[0]!.text).toContain("Åsa Öberg confirmed asa@techtank.se Öresund Verktyg AB 0701 Veg Lean, AI Yes");
    // Signed up at the harness clock (09:00Z → 10:00 Stockholm), checked in 08:05Z → 09:05.
    expect(rows[0]!.text).toContain("21 Nov 2026, 10:00");
    expect(rows[0]!.text).toContain("18 Mar 2027, 09:05");
    expect(rows[1]!.text).toContain("No");
    expect(rows[2]!.text).toContain("waitlisted #1");
    expect(rows[3]!.text).toContain("waitlisted #2");
    // Each answer has its own column, headed by the question.
    expect(res.text).toMatch(/<th scope="col">Lunch<\/th><th scope="col">Topics<\/th><th scope="col">Photos OK<\/th>/);
    // What people typed is text, never markup.
    expect(res.text).toContain("David &lt;b&gt;Dahl&lt;/b&gt;");
    expect(res.text).not.toContain("<b>Dahl</b>");
    // Links to the other pages of the event.
    for (const href of ["/edit", "/duplicate", "/cancel", "/attendees.csv", "/attendees.csv?sep=semicolon", "/attendees.xlsx", "/print", "/checkin", "/add", "/message"])
      expect(res.text).toContain(`href="${listPath(eventId)}${href}"`);
    expect(res.text).toContain(`action="${regPath(eventId, regs[2]!.id, "promote")}"`);
  });

  it("filters by status", async () => {
    const ids = async (status: string) => tableRows((await organiser.request(`${listPath(eventId)}?status=${status}`)).text).map((r) => r.id);
    expect(await ids("confirmed")).toEqual([regs[0]!.id, regs[1]!.id]);
    expect(await ids("waitlisted")).toEqual([regs[2]!.id, regs[3]!.id]);
    expect(await ids("cancelled")).toEqual([regs[4]!.id]);
    expect(await ids("all")).toEqual([regs[0]!.id, regs[1]!.id, regs[2]!.id, regs[3]!.id, regs[4]!.id]);
    expect(await ids("live")).toEqual([regs[0]!.id, regs[1]!.id, regs[2]!.id, regs[3]!.id]);
  });

  it("searches name, email and organisation without regard to case, keeping each person's true waitlist position", async () => {
    const search = async (q: string, status = "") =>
      tableRows((await organiser.request(`${listPath(eventId)}?q=${encodeURIComponent(q)}${status ? `&status=${status}` : ""}`)).text);
    expect((await search("åsa")).map((r) => r.id)).toEqual([regs[0]!.id]);
    expect((await search("ÖBERG")).map((r) => r.id)).toEqual([regs[0]!.id]);
    expect((await search("bo.berg@example")).map((r) => r.id)).toEqual([regs[1]!.id]);
    expect((await search("öresund")).map((r) => r.id)).toEqual([regs[0]!.id]);
    // Cecilia is not among the results, yet David is still second in the queue.
    const david = await search("50% rabatt_ab");
    expect(david.map((r) => r.id)).toEqual([regs[3]!.id]);
    expect(david[0]!.text).toContain("waitlisted #2");
    // % and _ are the characters themselves, not patterns.
    expect(await search("5_%")).toEqual([]);
    expect((await search("volvo", "all")).map((r) => r.id)).toEqual([regs[2]!.id, regs[4]!.id]);
    const none = await organiser.request(`${listPath(eventId)}?q=nobody-at-all`);
    expect(none.text).toContain("Nobody matches “nobody-at-all”.");
  });

  it("refuses a malformed query with a 400 page", async () => {
    expect((await organiser.request(`${listPath(eventId)}?status=everyone`)).status).toBe(400);
    expect((await organiser.request(`${listPath(eventId)}?q=${"x".repeat(201)}`)).status).toBe(400);
  });

  it("shows a known notice and ignores unknown ones", async () => {
    expect((await organiser.request(`${listPath(eventId)}?notice=promoted`)).text).toContain("Promoted from the waitlist.");
    const spoof = await organiser.request(`${listPath(eventId)}?notice=${encodeURIComponent("Call +46 123 to verify")}`);
    expect(spoof.status).toBe(200);
    expect(spoof.text).not.toContain("Call +46");
  });
});

describe("a cancelled event, an anonymised event", () => {
  it("a cancelled event says so, lists everyone by default and offers no actions", async () => {
    const eventId = await newEvent(h, { capacity: 5 });
    await signUps(h, eventId, 2);
    expect((await h.api("POST", `/events/${eventId}/cancel`)).status).toBe(200);
    const res = await organiser.request(listPath(eventId));
    expect(res.status).toBe(200);
    expect(res.text).toContain("This event has been cancelled");
    expect(tableRows(res.text)).toHaveLength(2);
    expect(res.text).not.toContain("/promote");
    expect(res.text).not.toContain(`href="${listPath(eventId)}/add"`);
    expect((await organiser.request(`${listPath(eventId)}/add`)).status).toBe(409);
  });

  it("an anonymised event shows its counts and that the personal data is gone", async () => {
    const eventId = await newEvent(h, { capacity: 1 });
    await signUps(h, eventId, 3);
    await h.database.db.run(sql`UPDATE registrations SET name = '', email = '', email_key = 'anon:' || id, organisation = NULL WHERE event_id = ${eventId}`);
    await h.database.db.run(sql`UPDATE events SET anonymised_at = ${Date.UTC(2027, 5, 1)} WHERE id = ${eventId}`);
    const res = await organiser.request(listPath(eventId));
    expect(res.status).toBe(200);
    expect(res.text).toContain("personal data of this event was removed");
    expect(res.text).toMatch(/1 \/ 1<\/strong>\s*confirmed/);
    expect(res.text).toMatch(/<strong>2<\/strong>\s*waitlisted/);
    expect(res.text).not.toContain("<tbody>");
    expect((await organiser.request(`${listPath(eventId)}/message`)).status).toBe(409);
  });
});

describe("who may use the attendance pages", () => {
  let eventId: string;
  let waiting: string;
  let confirmed: string;
  let routes: { method: "GET" | "POST"; path: string; form?: Record<string, string> }[];
  beforeAll(async () => {
    eventId = await newEvent(h, { capacity: 1 });
    const [first, second] = await signUps(h, eventId, 2);
    confirmed = first!.id;
    waiting = second!.id;
    routes = [
      { method: "GET", path: listPath(eventId) },
      { method: "GET", path: `${listPath(eventId)}?status=all&q=person&after=w1` },
      { method: "GET", path: `${listPath(eventId)}/add` },
      { method: "POST", path: `${listPath(eventId)}/add`, form: { name: "Mallory", email: "mallory@example.se", override: "yes", sendEmail: "yes" } },
      { method: "GET", path: `${listPath(eventId)}/message` },
      { method: "POST", path: `${listPath(eventId)}/message`, form: { step: "send", audience: "confirmed", subject: "Hi", body: "Hello" } },
      { method: "POST", path: regPath(eventId, waiting, "promote"), form: { override: "1" } },
      { method: "GET", path: regPath(eventId, confirmed, "cancel") },
      { method: "POST", path: regPath(eventId, confirmed, "cancel"), form: {} },
      { method: "POST", path: regPath(eventId, confirmed, "resend"), form: {} },
    ];
  });

  const send = (who: SignedIn | AdminHarness, r: (typeof routes)[number], init: { origin?: string; headers?: Record<string, string> } = {}) =>
    who.request(r.path, { method: r.method, form: r.method === "POST" ? r.form : undefined, ...init });

  it("not signed in: a page request goes to the sign-in page and back, a script gets 401, nothing changes", async () => {
    const before = await snapshot(h);
    for (const r of routes) {
      const res = await send(h, r);
      expect(res.status, `${r.method} ${r.path}`).toBe(303);
      if (r.method === "GET") expect(res.location).toBe(`/admin/login?next=${encodeURIComponent(r.path)}`);
      else expect(res.location).toBe("/admin/login");
      const json = await send(h, r, { headers: { accept: "application/json" } });
      expect(json.status).toBe(401);
      expect(JSON.parse(json.text).error.code).toBe("unauthorized");
    }
    expect(await snapshot(h)).toEqual(before);
  });

  it("a member of another organisation gets 404 for every route, and nothing changes", async () => {
    const other = await h.otherOrg();
    const stranger = await h.signedIn("owner", other.orgId);
    const before = await snapshot(h);
    for (const r of routes) expect((await send(stranger, r)).status, `${r.method} ${r.path}`).toBe(404);
    expect(await snapshot(h)).toEqual(before);
  });

  it("a registration named under another event of the same organisation is 404, and nothing changes", async () => {
    const otherEvent = await newEvent(h, { capacity: 1 });
    const before = await snapshot(h);
    for (const action of ["promote", "cancel", "resend"]) {
      expect((await organiser.request(regPath(otherEvent, waiting, action), { form: { override: "1" } })).status).toBe(404);
    }
    expect((await organiser.request(regPath(otherEvent, confirmed, "cancel"))).status).toBe(404);
    expect((await organiser.request(regPath(eventId, "reg_doesnotexist00000000", "promote"), { form: {} })).status).toBe(404);
    expect((await organiser.request(`/admin/events/evt_doesnotexist0000000`)).status).toBe(404);
    expect((await organiser.request(`/admin/events/not-an-id`)).status).toBe(404);
    expect(await snapshot(h)).toEqual(before);
  });

  it("the check-in role gets 403 for every route, and nothing changes", async () => {
    const door = await h.signedIn("checkin");
    const before = await snapshot(h);
    for (const r of routes) expect((await send(door, r)).status, `${r.method} ${r.path}`).toBe(403);
    expect(await snapshot(h)).toEqual(before);
  });

  it("a cross-site form post is refused with 403, and nothing changes", async () => {
    const before = await snapshot(h);
    for (const r of routes.filter((r) => r.method === "POST"))
      expect((await send(organiser, r, { origin: "https://evil.example" })).status, r.path).toBe(403);
    expect(await snapshot(h)).toEqual(before);
  });

  it("an owner may do what an organiser may", async () => {
    const owner = await h.signedIn("owner");
    expect((await owner.request(listPath(eventId))).status).toBe(200);
  });
});
