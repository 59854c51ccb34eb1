import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody, person } from "./helpers/harness";

let h: AdminHarness;
let owner: SignedIn;
beforeAll(async () => {
  h = await adminHarness();
  owner = await h.signedIn("organiser");
});
afterAll(() => h.close());

/** A complete event form as the page submits it (blank question rows included). */
const form = (overrides: Record<string, string> = {}) => ({
  title: "LEAN-kurs: 5S i praktiken",
  slug: "",
  description: "Halvdag med övningar.",
  venue: "Techtank",
  address: "Campus Gräsvik, Karlskrona",
  onlineUrl: "",
  startsAt: "2027-03-18T09:30",
  endsAt: "2027-03-18T12:00",
  timezone: "Europe/Stockholm",
  capacity: "12",
  groupLimit: "3",
  language: "sv",
  status: "published",
  registrationOpensAt: "",
  registrationClosesAt: "2027-03-17T23:59",
  waitlist: "yes",
  "questions.0.id": "",
  "questions.0.label": "Lunch",
  "questions.0.kind": "select",
  "questions.0.options": "Kött\r\nFisk\r\n\r\nVegetariskt",
  "questions.0.required": "yes",
  "questions.1.id": "",
  "questions.1.label": "",
  "questions.1.kind": "text",
  "questions.1.options": "",
  ...overrides,
});

const eventRow = (id: string) =>
  h.database.db.get<Record<string, unknown>>(sql`SELECT * FROM events WHERE id = ${id}`);
const audit = (subject: string) =>
  h.database.db.all<{ action: string; detail: string; actor_email: string }>(sql`SELECT action, detail, actor_email FROM audit_log WHERE subject_id = ${subject} ORDER BY seq`);
const eventCount = async () => (await h.database.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM events`))!.n;

async function createdViaForm(overrides: Record<string, string> = {}) {
  const res = await owner.request("/admin/events/new", { form: form(overrides) });
  expect(res.status, res.text.slice(0, 500)).toBe(303);
  return /^\/admin\/events\/(evt_\w+)\/share\?notice=created$/.exec(res.location!)![1]!;
}

describe("creating an event from the workspace", () => {
  it("stores the event with times read on the event's own clock, its questions, and an audit entry", async () => {
    const id = await createdViaForm();
    const row = await eventRow(id);
    expect(row).toMatchObject({
      title: "LEAN-kurs: 5S i praktiken",
      slug: "lean-kurs-5s-i-praktiken",
      starts_at: Date.parse("2027-03-18T08:30:00Z"),
      ends_at: Date.parse("2027-03-18T11:00:00Z"),
      registration_closes_at: Date.parse("2027-03-17T22:59:00Z"),
      registration_opens_at: null,
      online_url: null,
      capacity: 12,
      group_limit: 3,
      waitlist: 1,
    });
    expect(JSON.parse(row!.questions as string)).toEqual([
      { id: "lunch", label: "Lunch", kind: "select", options: ["Kött", "Fisk", "Vegetariskt"], required: true },
    ]);
    expect(await audit(id)).toEqual([{ action: "event.create", detail: JSON.stringify({ title: "LEAN-kurs: 5S i praktiken" }), actor_email: owner.member.email }]);
    // The public API shows it as created.
    const api = await h.api("GET", `/events/${id}`, undefined, { token: null });
    expect(api.body).toMatchObject({ startsAt: "2027-03-18T08:30:00.000Z", seatsLeft: 12 });
  });

  it("shows every mistake beside its field, keeps what was typed, and creates nothing", async () => {
    const before = await eventCount();
    const cases: [Record<string, string>, string, string][] = [
      [{ title: "" }, "title", ""],
      [{ endsAt: "2027-03-18T08:00" }, "endsAt", "Must be after the start."],
      [{ startsAt: "18/3 2027 kl 9" }, "startsAt", "Enter a date and time such as 2027-03-18 09:30."],
      [{ startsAt: "2027-02-30T09:00" }, "startsAt", "Enter a date and time"],
      // Stockholm's clocks go from 02:00 to 03:00 that night.
      [{ startsAt: "2027-03-28T02:30", endsAt: "2027-03-28T05:00" }, "startsAt", "That time does not exist on this day"],
      [{ capacity: "tolv" }, "capacity", "Enter a whole number."],
      [{ capacity: "-1" }, "capacity", "Enter a whole number."],
      [{ timezone: "Europe/Karlskrona" }, "timezone", "Choose a known time zone"],
      [{ slug: "Lean Kurs!" }, "slug", "Lower-case letters, digits and single dashes only."],
      [{ onlineUrl: "javascript:alert(1)" }, "onlineUrl", "Must be an http(s) URL."],
      [{ "questions.0.options": "" }, "questions.0.options", "List the choices, one per line."],
      [{ groupLimit: "50" }, "groupLimit", ""],
      [{ language: "de" }, "language", ""],
    ];
    for (const [overrides, field, message] of cases) {
      const res = await owner.request("/admin/events/new", { form: form(overrides) });
      expect(res.status, `${field}: ${res.location}`).toBe(400);
      expect(res.text).toContain(`href="#f-${field}"`);
      expect(res.text).toContain(`id="f-${field}-error"`);
      expect(res.text).toContain(message);
    }
    // What was typed is shown again, escaped.
    const res = await owner.request("/admin/events/new", { form: form({ title: "<script>x</script>", capacity: "x" }) });
    expect(res.text).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(res.text).not.toContain("<script>x</script>");
    expect(await eventCount()).toBe(before);
  });

  it("offers more question rows without saving anything", async () => {
    const before = await eventCount();
    const res = await owner.request("/admin/events/new", { form: { ...form(), more: "yes", blankRows: "2" } });
    expect(res.status).toBe(200);
    expect(res.text).toContain('name="questions.4.label"');
    expect(res.text).toContain('value="Lunch"');
    expect(await eventCount()).toBe(before);
  });

  it("keeps the number of question rows within bounds whatever the form sends back", async () => {
    for (const blankRows of ["1e300", "-50", "lots", "100000000"]) {
      const res = await owner.request("/admin/events/new", { form: { ...form(), more: "yes", blankRows } });
      expect(res.status, blankRows).toBe(200);
      expect(res.text).toContain('value="Lunch"');
      expect(res.text).not.toContain('name="questions.80.label"');
    }
  });

  it("names the field in every line of the error summary, questions by their number", async () => {
    const summaryOf = async (fields: Record<string, string>) => {
      const res = await owner.request("/admin/events/new", { form: form(fields) });
      expect(res.status).toBe(400);
      const summary = /<div class="error-summary"[^>]*>(.*?)<\/div>/s.exec(res.text)![1]!;
      return [...summary.matchAll(/<a href="#f-([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1]!, m[2]!]);
    };
    // The times are weighed once the rest is well-formed: two forms.
    const lines = [...(await summaryOf({ title: "", "questions.0.options": "" })), ...(await summaryOf({ endsAt: "2027-03-18T08:00" }))];
    expect(lines.map(([field]) => field)).toEqual(expect.arrayContaining(["title", "endsAt", "questions.0.options"]));
    for (const [field, text] of lines) expect(text, field).toMatch(/^[A-Z][^:]+: /);
    expect(lines.find(([f]) => f === "title")![1]).toMatch(/^Title: /);
    expect(lines.find(([f]) => f === "endsAt")![1]).toMatch(/^Ends: /);
    expect(lines.find(([f]) => f === "questions.0.options")![1]).toMatch(/^Question 1, choices: /);
  });

  it("offers the time zone as a list: the Nordic ones first, then every zone, the saved one selected", async () => {
    const page = await owner.request("/admin/events/new");
    const select = /<select id="f-timezone" name="timezone"[^>]*>(.*?)<\/select>/s.exec(page.text)![1]!;
    const values = [...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    expect(values.slice(0, 3)).toEqual(["Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen"]);
    expect(values).toContain("America/New_York");
    expect(new Set(values).size).toBe(values.length);
    expect(select).toContain('<option value="Europe/Stockholm" selected="">');
    const id = await createdViaForm({ timezone: "America/New_York" });
    expect((await owner.request(`/admin/events/${id}/edit`)).text).toContain('<option value="America/New_York" selected="">America/New York</option>');
    const bad = await owner.request("/admin/events/new", { form: form({ timezone: "Mars/Olympus" }) });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/Time zone: /);
  });

    it("refuses a slug that is taken", async () => {
    await createdViaForm({ slug: "kick-off-2027" });
    const res = await owner.request("/admin/events/new", { form: form({ slug: "kick-off-2027" }) });
    expect(res.status).toBe(400);
    expect(res.text).toContain("Already in use.");
  });
});

describe("editing, duplicating and cancelling", () => {
  it("edits the event, tells the attendees about a new place, keeps a blank slug, and audits which fields changed", async () => {
    const id = await createdViaForm({ slug: "vsm-kurs" });
    await h.api("POST", `/events/${id}/registrations`, person({ answers: { lunch: "Fisk" } }), { token: null });
    const edit = await owner.request(`/admin/events/${id}/edit`);
    expect(edit.status).toBe(200);
    expect(edit.text).toContain('value="2027-03-18T09:30"');
    expect(edit.text).toContain("data-plats-embed");
    const saved = await owner.request(`/admin/events/${id}/edit`, {
      form: form({ slug: "", venue: "Blekinge Tekniska Högskola", "questions.0.id": "lunch" }),
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/admin/events/${id}?notice=saved`);
    expect(await eventRow(id)).toMatchObject({ venue: "Blekinge Tekniska Högskola", slug: "vsm-kurs" });
    const told = await h.database.db.all<{ kind: string }>(sql`SELECT kind FROM outbox WHERE event_id = ${id} AND kind = 'event_updated'`);
    expect(told).toHaveLength(1);
    const entries = await audit(id);
    expect(entries.at(-1)).toMatchObject({ action: "event.update", detail: JSON.stringify({ fields: ["venue"] }) });
  });

  it("removes a question on request", async () => {
    const id = await createdViaForm();
    const res = await owner.request(`/admin/events/${id}/edit`, { form: form({ "questions.0.id": "lunch", "questions.0.remove": "yes" }) });
    expect(res.status).toBe(303);
    expect(JSON.parse((await eventRow(id))!.questions as string)).toEqual([]);
  });

  it("duplicates an event as a form for the next date that creates a new event", async () => {
    const id = await createdViaForm();
    const copy = await owner.request(`/admin/events/${id}/duplicate`);
    expect(copy.status).toBe(200);
    expect(copy.text).toContain('value="2027-03-25T09:30"');
    expect(copy.text).toContain('action="/admin/events/new"');
    const created = await createdViaForm({ startsAt: "2027-03-25T09:30", endsAt: "2027-03-25T12:00", registrationClosesAt: "" });
    expect(created).not.toBe(id);
  });

  it("duplicates to the same wall-clock time a week later, across a change to summer time", async () => {
    const id = await createdViaForm({ startsAt: "2027-03-24T09:00", endsAt: "2027-03-24T12:00", registrationClosesAt: "" });
    const copy = await owner.request(`/admin/events/${id}/duplicate`);
    expect(copy.text).toContain('value="2027-03-31T09:00"');
    expect(copy.text).toContain('value="2027-03-31T12:00"');
  });

    it("asks before cancelling, says how many are told, then tells them and audits it", async () => {
    const res = await h.api("POST", "/events", eventBody({ capacity: 1 }));
    const id = res.body.id as string;
    await h.api("POST", `/events/${id}/registrations`, person(), { token: null });
    await h.api("POST", `/events/${id}/registrations`, person(), { token: null });
    const ask = await owner.request(`/admin/events/${id}/cancel`);
    expect(ask.text).toContain("2 people will be told by email");
    const done = await owner.request(`/admin/events/${id}/cancel`, { method: "POST" });
    expect(done.location).toBe("/admin?notice=cancelled");
    expect((await eventRow(id))!.status).toBe("cancelled");
    const told = await h.database.db.all(sql`SELECT kind FROM outbox WHERE event_id = ${id} AND kind = 'event_cancelled'`);
    expect(told).toHaveLength(2);
    // Created with the API token, cancelled by a member: both on the record.
    expect((await audit(id)).map((a) => [a.action, a.actor_email])).toEqual([["event.create", "API token"], ["event.cancel", owner.member.email]]);
    // A cancelled event is no longer edited; cancelling again tells nobody twice.
    expect((await owner.request(`/admin/events/${id}/edit`)).status).toBe(409);
    await owner.request(`/admin/events/${id}/cancel`, { method: "POST" });
    expect(await h.database.db.all(sql`SELECT kind FROM outbox WHERE event_id = ${id} AND kind = 'event_cancelled'`)).toHaveLength(2);
  });

  it("lists events running now, upcoming and past apart, with fill rate and waitlist, a full one as a success", async () => {
    const full = await h.api("POST", "/events", eventBody({ title: "Fullsatt seminarium", capacity: 1 }));
    await h.api("POST", `/events/${full.body.id}/registrations`, person(), { token: null });
    await h.api("POST", `/events/${full.body.id}/registrations`, person(), { token: null });
    await h.api("POST", "/events", eventBody({ title: "Förra årets kick-off", startsAt: "2025-01-10T08:00:00Z", endsAt: "2025-01-10T10:00:00Z" }));
    // The harness clock stands at CLOCK_START: this one started an hour ago and runs two more.
    const now = h.clock.now().getTime();
    const at = (ms: number) => new Date(now + ms).toISOString();
    await h.api("POST", "/events", eventBody({ title: "Pågående workshop", startsAt: at(-3_600_000), endsAt: at(7_200_000), registrationOpensAt: at(-86_400_000) }));
    const page = await owner.request("/admin");
    expect(page.status).toBe(200);
    const [before, past] = page.text.split("<h2 class=\"spaced\">Past</h2>");
    const [running, upcoming] = before!.split("<h2>Happening now</h2>")[1]!.split("<h2 class=\"spaced\">Upcoming</h2>");
    expect(running).toContain("Pågående workshop");
    expect(running).not.toContain("Fullsatt seminarium");
    expect(upcoming).toMatch(/Fullsatt seminarium.*?<span class="badge">Full<\/span>.*?1 \/ 1.*?100%.*?<td class="num" data-label="Waitlist">1<\/td>/s);
    expect(upcoming).not.toContain("Pågående workshop");
    expect(past).toContain("Förra årets kick-off");
    expect(upcoming).not.toContain("Förra årets kick-off");
    expect(page.text).toMatch(/<strong>1<\/strong> happening now/);
  });
});

describe("who may do what", () => {
  it("sends signed-out people to sign in and back, and scripts get 401", async () => {
    for (const path of ["/admin", "/admin/events/new", "/admin/events/evt_x/edit", "/admin/events/evt_x/duplicate", "/admin/events/evt_x/cancel", "/admin/account"]) {
      const res = await h.request(path);
      expect(res.status, path).toBe(303);
      expect(res.location).toBe(`/admin/login?next=${encodeURIComponent(path)}`);
    }
    const post = await h.request("/admin/events/new", { form: form() });
    expect(post.status).toBe(303);
    expect(post.location).toBe("/admin/login");
    const json = await h.request("/admin/events/new", { json: {} });
    expect(json.status).toBe(401);
  });

  it("keeps the check-in role to check-in", async () => {
    const id = await createdViaForm();
    const door = await h.signedIn("checkin");
    expect((await door.request("/admin")).location).toBe("/admin/checkin");
    for (const path of ["/admin/events/new", `/admin/events/${id}/edit`, `/admin/events/${id}/duplicate`, `/admin/events/${id}/cancel`])
      expect((await door.request(path)).status, path).toBe(403);
    expect((await door.request("/admin/events/new", { form: form() })).status).toBe(403);
    expect((await door.request(`/admin/events/${id}/cancel`, { method: "POST" })).status).toBe(403);
    expect((await eventRow(id))!.status).toBe("published");
  });

  it("answers 404 for another organisation's events and changes nothing", async () => {
    const other = await h.otherOrg();
    const theirs = (await h.api("POST", "/events", eventBody(), { token: other.token })).body.id as string;
    for (const path of [`/admin/events/${theirs}/edit`, `/admin/events/${theirs}/duplicate`, `/admin/events/${theirs}/cancel`])
      expect((await owner.request(path)).status, path).toBe(404);
    expect((await owner.request(`/admin/events/${theirs}/edit`, { form: form() })).status).toBe(404);
    expect((await owner.request(`/admin/events/${theirs}/cancel`, { method: "POST" })).status).toBe(404);
    expect((await eventRow(theirs))!.status).toBe("published");
    expect((await owner.request("/admin/events/no-such-id/edit")).status).toBe(404);
  });

  it("refuses forms posted from another site", async () => {
    const id = await createdViaForm();
    const before = await eventCount();
    expect((await owner.request("/admin/events/new", { form: form(), origin: "https://evil.example" })).status).toBe(403);
    expect((await owner.request(`/admin/events/${id}/cancel`, { method: "POST", origin: "https://evil.example" })).status).toBe(403);
    expect(await eventCount()).toBe(before);
    expect((await eventRow(id))!.status).toBe("published");
  });
});

describe("the dashboard while the mail server refuses the service's set-up", () => {
  it("warns that emails are not going out, since when and the next try, without the server's reason; not otherwise", async () => {
    expect((await owner.request("/admin")).text).not.toContain("Emails are not going out");
    const since = h.clock.now().getTime();
    await h.database.db.run(sql`INSERT INTO mail_hold (id, since, until, attempts, reason)
      VALUES ('queue', ${since}, ${since + 600_000}, 3, '554 5.7.1 <someone@other-org.se>: Relay access denied')`);
    const page = (await owner.request("/admin")).text;
    expect(page).toContain("Emails are not going out");
    expect(page).toContain(`datetime="${new Date(since).toISOString()}"`);
    expect(page).toContain(`datetime="${new Date(since + 600_000).toISOString()}"`);
    expect(page).not.toContain("someone@other-org.se");
    await h.database.db.run(sql`DELETE FROM mail_hold`);
    expect((await owner.request("/admin")).text).not.toContain("Emails are not going out");
  });
});
