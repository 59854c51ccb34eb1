import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryPageStore } from "../src/runtime/node/pageStore";
import { HOUR, shift } from "./helpers/clock";
import { PUBLIC_URL, eventBody, formFields, harness, type Harness } from "./helpers/harness";

// What an attendee sees of a programme: the event page's sessions by day with their seats,
// the form's session boxes (no script), the result page, the manage page's schedule and
// its change of sessions, in sv, nb and en; bad posts change nothing and never 500.
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

// The fixture event: 08:30–15:30 UTC on Thursday 18 March 2027, here over two days.
const day1 = eventBody().startsAt as string;
const at = (hours: number) => shift(day1, hours * HOUR);
let slugs = 0;

async function programmeEvent(t: Harness, overrides: Record<string, unknown> = {}) {
  const slug = `programme-${++slugs}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await t.api("POST", "/events", eventBody({ slug, programme: "choose", maxSessions: 2, endsAt: at(31), ...overrides }));
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string };
}
async function session(t: Harness, eventId: string, title: string, from: number, to: number, extra: Record<string, unknown> = {}) {
  const res = await t.api("POST", `/events/${eventId}/sessions`, { title, startsAt: at(from), endsAt: at(to), ...extra });
  expect(res.status).toBe(201);
  return res.body.id as string;
}
/** Lean day: a workshop with two seats, a talk at the same time with one (no waitlist), a 5S session with one (waitlist), a visit on day two. */
async function leanDay(t = h, overrides: Record<string, unknown> = {}) {
  const ev = await programmeEvent(t, overrides);
  const lean = await session(t, ev.id, "Lean i praktiken", 0.5, 1.5, { capacity: 2, track: "Sal A" });
  const lead = await session(t, ev.id, "Ledarskap & <kultur>", 1, 2, { capacity: 1, waitlist: false });
  const fives = await session(t, ev.id, "Workshop 5S", 3.5, 4.5, { capacity: 1, venue: "Verkstan" });
  const visit = await session(t, ev.id, "Studiebesök", 24, 25, { description: "Vi åker buss till fabriken. ".repeat(20) });
  return { ev, lean, lead, fives, visit };
}
const apiSignUp = (t: Harness, eventId: string, n: string, sessions: string[]) =>
  t.api("POST", `/events/${eventId}/registrations`, { name: `Anna ${n}`, email: `${n}@example.se`, sessions }, { token: null });

type Fields = Record<string, string | string[]>;
const post = (t: Harness, path: string, fields: Fields) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(formFields(fields))) for (const one of [v].flat()) body.append(k, one);
  return t.app.request(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin: PUBLIC_URL }, body: body.toString() });
};
const html = async (path: string, t = h) => (await t.app.request(path)).text();
const checked = (page: string, id: string) => new RegExp(`<input[^>]*value="${id}"[^>]*checked`).test(page);
const disabled = (page: string, id: string) => new RegExp(`<input[^>]*value="${id}"[^>]*disabled`).test(page);
const count = async (t: Harness, eventId: string) => (await t.api("GET", `/events/${eventId}/registrations`)).body.registrations.length as number;
const tallies = async (t: Harness, eventId: string) =>
  ((await t.api("GET", `/events/${eventId}`)).body.sessions as { confirmed: number; waitlisted: number }[]).map((s) => [s.confirmed, s.waitlisted]);
const tokenOf = async (res: Response) => {
  expect(res.status).toBe(303);
  const page = await html(res.headers.get("location")!);
  return { page, token: /\/r\/([A-Za-z0-9_-]{22})/.exec(page)![1]! };
};

describe("the event page's programme", () => {
  it("shows the sessions by day, with seats left, a waitlist or full, in sv, nb and en", async () => {
    const { ev, lead, fives } = await leanDay();
    expect((await apiSignUp(h, ev.id, "a1", [lead, fives])).status).toBe(201);
    const sv = await html(`/e/${ev.slug}`);
    expect(sv).toContain('<h2 id="programme-title">Program</h2>');
    expect(sv).toContain("<h3>Torsdag 18 mars 2027</h3>");
    expect(sv).toContain("<h3>Fredag 19 mars 2027</h3>");
    // Stockholm is UTC+1 in March: 09:00 UTC is 10.00.
    expect(sv).toMatch(/kl\. 10\.00–11\.00<\/time> <strong>Lean i praktiken<\/strong>/);
    expect(sv).toContain("Sal A");
    expect(sv).toContain("2 platser kvar");
    expect(sv).toContain("Fullt – ställ dig på passets väntelista");
    expect(sv).toMatch(/class="badge small bad">Fullt</);
    expect(sv).toContain("Ledarskap &amp; &lt;kultur&gt;");
    expect(sv).not.toContain("<kultur>");
    // A long description is cut short.
    expect(sv).toMatch(/Vi åker buss till fabriken\.[^<]{100,230} …<\/p>/);
    const nb = await html(`/e/${ev.slug}?lang=nb`);
    expect(nb).toContain("<h3>Torsdag 18. mars 2027</h3>");
    expect(nb).toContain("2 plasser igjen");
    expect(nb).toContain("Fullt – sett deg på øktens venteliste");
    const en = await html(`/e/${ev.slug}?lang=en`);
    expect(en).toContain("<h3>Thursday 18 March 2027</h3>");
    expect(en).toMatch(/10:00–11:00<\/time> <strong>Lean i praktiken/);
    expect(en).toContain("2 seats left");
    expect(en).toContain("Fully booked – join the session&#39;s waitlist");
  });

  it("offers a box per scheduled session in the form; a full one without a waitlist cannot be ticked", async () => {
    const { ev, lean, lead, visit } = await leanDay(h, { groupLimit: 3 });
    await apiSignUp(h, ev.id, "b1", [lead]);
    const cancelled = await session(h, ev.id, "Inställd föreläsning", 5, 6);
    await h.api("POST", `/sessions/${cancelled}/cancel`);
    const page = await html(`/e/${ev.slug}`);
    expect(page).toContain("<legend>Välj pass</legend>");
    expect(page).toContain("Välj högst 2 pass.");
    expect(page).toContain("Valen gäller alla som anmäls i den här anmälan.");
    expect(page).toMatch(/<fieldset class="day"><legend>Fredag 19 mars 2027<\/legend>/);
    for (const id of [lean, lead, visit]) expect(page).toContain(`value="${id}"`);
    expect(page).not.toContain(`value="${cancelled}"`);
    expect(page).toContain("Inställt");
    expect(disabled(page, lead)).toBe(true);
    expect(disabled(page, lean)).toBe(false);
    expect(page).toMatch(/<script src="\/assets\/sessions\.[0-9a-f]{16}\.js" defer/);
    // Embedded, the same boxes, posting back into the frame.
    const embedded = await html(`/e/${ev.slug}?embed=1&lang=en`);
    expect(embedded).toContain("<legend>Choose sessions</legend>");
    expect(embedded).toContain("Your choices apply to everyone registered on this form.");
    expect(embedded).toContain(`action="/e/${ev.slug}?lang=en&amp;embed=1"`);
  });

  it("says a package takes every date, without seats per session", async () => {
    const ev = await programmeEvent(h, { programme: "package", maxSessions: null });
    await session(h, ev.id, "Kursdag 1", 0, 7);
    await session(h, ev.id, "Kursdag 2", 24, 31);
    const page = await html(`/e/${ev.slug}`);
    expect(page).toContain("Kurspaketet omfattar alla datum nedan");
    expect(page).toContain("Kursdag 2");
    expect(page).not.toContain('name="sessions"');
    expect(page).not.toContain("badge small");
    expect(await html(`/e/${ev.slug}?lang=nb`)).toContain("Kurspakken omfatter alle datoene nedenfor");
  });
});

describe("the form without JavaScript", () => {
  it("signs up with the sessions ticked, and the result lists them with their places", async () => {
    const { ev, lean, fives } = await leanDay();
    await apiSignUp(h, ev.id, "c1", [fives]);
    const { page, token } = await tokenOf(await post(h, `/e/${ev.slug}`, { name: "Cilla Carlsson", email: "cilla@example.se", sessions: [lean, fives] }));
    expect(page).toContain("Ditt program");
    expect(page).toMatch(/Lean i praktiken[\s\S]*Har plats[\s\S]*Workshop 5S[\s\S]*Väntelista, nummer 1/);
    const managed = (await h.api("GET", `/manage/${token}`, undefined, { token: null })).body;
    expect(managed.sessions.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      [lean, "confirmed"],
      [fives, "waitlisted"],
    ]);
  });

  it("gives a colleague the same sessions; on a full event the choices wait for the seat", async () => {
    const { ev, lean } = await leanDay(h, { groupLimit: 2, capacity: 1 });
    const res = await post(h, `/e/${ev.slug}?lang=en`, { name: "Doris Dahl", email: "doris@example.se", "attendees.1.name": "Dan Dahl", "attendees.1.email": "dan@example.se", sessions: [lean] });
    const { page } = await tokenOf(res);
    expect(page).toContain("Your programme");
    const list = (await h.api("GET", `/events/${ev.id}/registrations`)).body.registrations as { status: string }[];
    expect(list.map((r) => r.status).sort()).toEqual(["confirmed", "waitlisted"]);
    // Dan waits for the event's seat: his choice is decided when he gets it.
    expect(await tallies(h, ev.id)).toEqual([[1, 0], [0, 0], [0, 0], [0, 0]]);
    const form = await html(`/e/${ev.slug}`);
    expect(form).toContain("Evenemanget är fullbokat: dina val sparas och avgörs när du får en plats.");
    const { page: waiting } = await tokenOf(await post(h, `/e/${ev.slug}`, { name: "Eva Ek", email: "eva@example.se", sessions: [lean] }));
    expect(waiting).toContain("Avgörs när du får en plats");
  });

  it("comes back with the field's error in the visitor's language and the choices kept, signing up nobody", async () => {
    const { ev, lean, lead, fives, visit } = await leanDay();
    await apiSignUp(h, ev.id, "f1", [lead]);
    const gone = await session(h, ev.id, "Inställd", 5, 6);
    await h.api("POST", `/sessions/${gone}/cancel`);
    const before = [await count(h, ev.id), await tallies(h, ev.id)];
    const cases: [string, string[], number, string][] = [
      ["", [lean, lead], 400, "Två av passen går samtidigt. Välj ett av dem."],
      ["?lang=en", [lean, fives, visit], 400, "Choose no more than 2."],
      ["?lang=nb", [lean, "ses_nope"], 400, "En av øktene finnes ikke lenger."],
      ["", [gone], 400, "Ett av passen du valt är inställt. Välj ett annat."],
      ["?lang=nb", [lead], 409, "En av øktene du valgte, er full og har ingen venteliste."],
      ["?lang=en", [lead, visit], 409, "One of the sessions you chose is fully booked and has no waitlist."],
    ];
    for (const [query, sessions, status, words] of cases) {
      const res = await post(h, `/e/${ev.slug}${query}`, { name: "Fia Falk", email: "fia@example.se", sessions });
      const page = await res.text();
      expect([sessions, res.status]).toEqual([sessions, status]);
      expect(page).toContain(words);
      expect(page).toContain('href="#f-sessions"');
      expect(page).toContain('value="Fia"');
      for (const id of sessions.filter((s) => s.startsWith("ses_") && s !== "ses_nope" && s !== gone)) expect(checked(page, id), id).toBe(true);
    }
    expect([await count(h, ev.id), await tallies(h, ev.id)]).toEqual(before);
  });

  it("answers bad posts with the form, never a 500, and changes nothing", async () => {
    const { ev, lean } = await leanDay();
    const plain = await programmeEvent(h, { programme: "none" });
    const bad: [string, Fields][] = [
      [ev.slug, { name: "G G", email: "g@example.se", sessions: ["x".repeat(65)] }],
      [ev.slug, { name: "G G", email: "g@example.se", sessions: Array.from({ length: 101 }, (_, i) => `ses_${i}`) }],
      [ev.slug, { name: "G G", email: "g@example.se", sessions: [lean, lean] }],
      [ev.slug, { name: "G G", email: "not-an-email", sessions: [lean] }],
      [plain.slug, { name: "G G", email: "g@example.se", sessions: [lean] }],
    ];
    for (const [slug, fields] of bad) {
      const res = await post(h, `/e/${slug}`, fields);
      expect(res.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(await res.text()).toContain('id="error-summary"');
    }
    expect(await html(`/e/${plain.slug}`)).not.toContain("Program");
    expect([await count(h, ev.id), await count(h, plain.id), await tallies(h, ev.id)]).toEqual([0, 0, [[0, 0], [0, 0], [0, 0], [0, 0]]]);
  });
});

describe("the manage page's programme", () => {
  it("shows the person's schedule and changes their sessions without script", async () => {
    const { ev, lean, lead, fives, visit } = await leanDay();
    await apiSignUp(h, ev.id, "h1", [fives]);
    const { token } = await tokenOf(await post(h, `/e/${ev.slug}`, { name: "Hugo Holm", email: "hugo@example.se", sessions: [lean] }));
    let page = await html(`/r/${token}`);
    expect(page).toContain('<h2 id="my-sessions-title">Ditt program</h2>');
    expect(page).toContain("Ändra dina pass");
    expect(checked(page, lean)).toBe(true);
    expect(checked(page, visit)).toBe(false);
    // The personal feed of their sessions, to subscribe to (webcal) or to paste (https).
    expect(page).toContain(`href="webcal://plats.test/r/${token}/sessions.ics"`);
    expect(page).toContain(`<code>https://plats.test/r/${token}/sessions.ics</code>`);

    const changed = await post(h, `/r/${token}/sessions?lang=nb`, { sessions: [fives, visit] });
    expect(changed.status).toBe(303);
    expect(changed.headers.get("location")).toBe(`/r/${token}?lang=nb&done=sessions`);
    page = await html(changed.headers.get("location")!);
    expect(page).toContain("Øktene dine er lagret.");
    expect(page).toContain("Programmet ditt");
    expect(page).toMatch(/Workshop 5S[\s\S]*Venteliste, nummer 1[\s\S]*Studiebesök[\s\S]*Har plass/);
    expect(page).not.toMatch(/my-sessions[\s\S]*Lean i praktiken[\s\S]*change-sessions/);
    expect(await tallies(h, ev.id)).toEqual([[0, 0], [0, 0], [1, 1], [1, 0]]);

    // Refused in the reader's language, with the boxes as they were ticked; nothing changes.
    await apiSignUp(h, ev.id, "h2", [lead]);
    const cases: [string[], number, string][] = [
      [[lean, lead], 400, "Two of the sessions are at the same time."],
      [[lead], 409, "One of the sessions you chose is fully booked and has no waitlist."],
      [["ses_nope"], 400, "One of the sessions no longer exists."],
    ];
    for (const [sessions, status, words] of cases) {
      const res = await post(h, `/r/${token}/sessions?lang=en`, { sessions });
      const body = await res.text();
      expect([sessions, res.status]).toEqual([sessions, status]);
      expect(body).toContain(words);
      if (sessions[0] !== "ses_nope") expect(checked(body, sessions[0]!)).toBe(true);
      expect(checked(body, visit)).toBe(false);
    }
    expect(await tallies(h, ev.id)).toEqual([[0, 0], [1, 0], [1, 1], [1, 0]]);
    // Nothing ticked differently: saved, nothing written.
    expect((await post(h, `/r/${token}/sessions`, { sessions: [fives, visit] })).status).toBe(303);
    // Cancelled, the places are given up and the page lists none; a change posted anyway is refused.
    expect((await post(h, `/r/${token}/cancel`, {})).status).toBe(303);
    expect(await tallies(h, ev.id)).toEqual([[0, 0], [1, 0], [1, 0], [0, 0]]);
    expect(await html(`/r/${token}`)).not.toContain("my-sessions");
    const late = await post(h, `/r/${token}/sessions`, { sessions: [visit] });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Din anmälan är avbokad och går inte att ändra.");
  });

  it("lists every date of a package, with no change form, and refuses a change posted anyway", async () => {
    const ev = await programmeEvent(h, { programme: "package", maxSessions: null });
    await session(h, ev.id, "Kursdag 1", 0, 7);
    const second = await session(h, ev.id, "Kursdag 2", 24, 31);
    const { token } = await tokenOf(await post(h, `/e/${ev.slug}`, { name: "Ida Ivarsson", email: "ida@example.se" }));
    const page = await html(`/r/${token}`);
    expect(page).toContain("Kurspaketet omfattar alla datum:");
    expect(page).toMatch(/Kursdag 1[\s\S]*Har plats[\s\S]*Kursdag 2[\s\S]*Har plats/);
    expect(page).not.toContain("Ändra dina pass");
    const res = await post(h, `/r/${token}/sessions`, { sessions: [second] });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Evenemanget har inga pass att välja.");
  });
});

describe("a kept event page with a programme", () => {
  const FRESH = 1000;
  let c: Harness;
  beforeAll(async () => {
    c = await harness({ pages: { store: memoryPageStore(), freshMs: FRESH } });
  });
  afterAll(() => c.close());

  it("is stale once a session's seat is taken, though the event's own counts did not move", async () => {
    const { ev, lean, visit } = await leanDay(c);
    const signed = await apiSignUp(c, ev.id, "k1", [visit]);
    expect(await html(`/e/${ev.slug}`, c)).toContain("2 platser kvar");
    const token = (signed.body.manageUrl as string).split("/").pop();
    // Only the session's tally moves: the event's seats and version stay as they were.
    expect((await c.api("POST", `/manage/${token}/sessions`, { add: [lean] }, { token: null })).status).toBe(200);
    c.clock.advance(FRESH - 1);
    expect(await html(`/e/${ev.slug}`, c)).toContain("2 platser kvar");
    c.clock.advance(1);
    expect(await html(`/e/${ev.slug}`, c)).toContain("1 plats kvar");
  });
});
