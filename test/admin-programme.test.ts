import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventForm, fieldError, programmeFixture, rowOf, sessionForm } from "./admin-programme-fixture";

// The organiser's programme, through the workspace's own forms as a browser posts them:
// the event form's choice, the programme page and each session's pages. Who may use them
// and the audit log's words: admin-programme-access.test.ts.

let h: AdminHarness;
let sv: SignedIn;
let nb: SignedIn;
let f: ReturnType<typeof programmeFixture>;
const createdEvent = (overrides: Record<string, string> = {}) => f.createdEvent(sv, overrides);
const addedSession = (eventId: string, overrides: Record<string, string> = {}) => f.addedSession(sv, eventId, overrides);
const signUp = (eventId: string, email: string, sessions: string[]) => f.signUp(eventId, email, sessions);
const eventRow = (id: string) => f.eventRow(id);
const sessionRows = (eventId: string) => f.sessionRows(eventId);
const auditOf = (action: string) => f.auditOf(action);

beforeAll(async () => {
  h = await adminHarness();
  f = programmeFixture(h);
  sv = await f.reading("sv");
  nb = await f.reading("nb");
});
afterAll(() => h.close());

describe("the event form's programme choice", () => {
  it("creates an event whose attendees choose sessions, at most N, and a course package", async () => {
    const choose = await createdEvent({ maxSessions: "2" });
    expect(await eventRow(choose)).toMatchObject({ programme: "choose", max_sessions: 2 });
    const pkg = await createdEvent({ title: "LEAN-kurs i tre steg", programme: "package" });
    expect(await eventRow(pkg)).toMatchObject({ programme: "package", max_sessions: null });
    const none = await createdEvent({ title: "Frukostmöte", programme: "none" });
    expect(await eventRow(none)).toMatchObject({ programme: "none" });

    const edit = await sv.request(`/admin/events/${choose}/edit`);
    expect(edit.text).toMatch(/<input type="radio" name="programme" value="choose" id="f-programme-choose" checked=""/);
    expect(edit.text).toMatch(/name="maxSessions"[^>]*type="number" value="2"/);
    expect(edit.text).toContain(`href="/admin/events/${choose}/programme"`);
  });

  it("a new event without the field has no programme; an edit without it keeps the one it has", async () => {
    const { programme: _p, maxSessions: _m, ...old } = eventForm({ title: "Gammalt formulär" });
    const res = await sv.request("/admin/events/new", { form: old });
    const id = /evt_\w+/.exec(res.location!)![0];
    expect(await eventRow(id)).toMatchObject({ programme: "none", max_sessions: null });
    const choose = await createdEvent({ title: "Väljardag", maxSessions: "3" });
    const { programme: _q, maxSessions: _n, ...edit } = eventForm({ title: "Väljardag" });
    expect((await sv.request(`/admin/events/${choose}/edit`, { form: edit })).status).toBe(303);
    expect(await eventRow(choose)).toMatchObject({ programme: "choose", max_sessions: 3 });
  });

  it("refuses at most 0 sessions beside its field, in Swedish and Norwegian", async () => {
    const res = await sv.request("/admin/events/new", { form: eventForm({ title: "Noll pass", maxSessions: "0" }) });
    expect(res.status).toBe(400);
    expect(fieldError(res.text, "maxSessions")).toBe("Minst 1.");
    expect(res.text).toContain('href="#f-maxSessions">Högst antal pass per deltagare: Minst 1.');
    const nbRes = await nb.request("/admin/events/new", { form: eventForm({ title: "Null økter", maxSessions: "tre" }) });
    expect(fieldError(nbRes.text, "maxSessions")).toBe("Skriv inn et heltall.");
  });

  it("once people registered, a change of programme is refused beside the choice and nothing changes", async () => {
    const id = await createdEvent({ title: "Låst program" });
    await signUp(id, "forst@verkstad.se", []);
    const before = await eventRow(id);
    const res = await sv.request(`/admin/events/${id}/edit`, { form: eventForm({ title: "Låst program", programme: "package" }) });
    expect(res.status).toBe(400);
    expect(fieldError(res.text, "programme")).toBe("Hur passen bokas kan inte ändras när det finns anmälningar.");
    expect(res.text).toContain('href="#f-programme">Program: Hur passen bokas');
    expect(res.text).toMatch(/value="package" id="f-programme-package" checked=""/);
    expect(await eventRow(id)).toEqual(before);
    const nbRes = await nb.request(`/admin/events/${id}/edit`, { form: eventForm({ title: "Låst program", programme: "none" }) });
    expect(fieldError(nbRes.text, "programme")).toBe("Hvordan øktene bookes, kan ikke endres når det finnes påmeldinger.");
    // The rest of the event can still change.
    expect((await sv.request(`/admin/events/${id}/edit`, { form: eventForm({ title: "Låst program", capacity: "3" }) })).status).toBe(303);
  });
});

describe("the programme page", () => {
  let eventId: string;
  beforeAll(async () => {
    eventId = await createdEvent({ title: "Programdagen" });
  });

  it("adds a session with times on the event's clock, audited with the member", async () => {
    const id = await addedSession(eventId);
    const [row] = await sessionRows(eventId);
    expect(row).toMatchObject({
      id,
      title: "Värdeflödesanalys",
      track: "Sal B",
      venue: null,
      capacity: 1,
      waitlist: 1,
      starts_at: Date.parse("2027-03-18T09:00:00Z"),
      ends_at: Date.parse("2027-03-18T10:00:00Z"),
    });
    expect(await auditOf("session.create")).toContainEqual({ subject_id: id, actor_email: sv.member.email });
    const page = await sv.request(`/admin/events/${eventId}/programme?notice=created`);
    expect(page.text).toContain("Passet är tillagt.");
    expect(page.text).toContain("<h2>torsdag 18 mars 2027</h2>");
    expect(rowOf(page.text, "Värdeflödesanalys")).toEqual(["10.00–11.00", "Värdeflödesanalys Sal B", "1", "0", "0", "1", "Ändra Ställ in"]);
  });

  it("refuses times outside the event and an end before the start beside their fields, in Swedish and Norwegian; nothing is added", async () => {
    const before = await sessionRows(eventId);
    const outside = await sv.request(`/admin/events/${eventId}/programme`, { form: sessionForm({ startsAt: "2027-03-18T08:00" }) });
    expect(outside.status).toBe(400);
    expect(fieldError(outside.text, "startsAt")).toBe("Måste ligga mellan evenemangets start och slut.");
    expect(outside.text).toContain('href="#f-startsAt">Börjar: Måste ligga');
    // The form keeps what was typed.
    expect(outside.text).toContain('value="2027-03-18T08:00"');
    const backwards = await nb.request(`/admin/events/${eventId}/programme`, { form: sessionForm({ endsAt: "2027-03-18T09:30" }) });
    expect(fieldError(backwards.text, "endsAt")).toBe("Må være etter starttidspunktet.");
    expect(backwards.text).toContain('href="#f-endsAt">Slutter: Må være etter starttidspunktet.');
    const late = await nb.request(`/admin/events/${eventId}/programme`, { form: sessionForm({ endsAt: "2027-03-18T17:00" }) });
    expect(fieldError(late.text, "endsAt")).toBe("Må ligge mellom arrangementets start og slutt.");
    const blank = await sv.request(`/admin/events/${eventId}/programme`, { form: sessionForm({ title: " ", startsAt: "", capacity: "många" }) });
    expect(blank.status).toBe(400);
    expect(fieldError(blank.text, "title")).not.toBeNull();
    expect(fieldError(blank.text, "startsAt")).not.toBeNull();
    expect(fieldError(blank.text, "capacity")).toBe("Skriv ett heltal.");
    const huge = await nb.request(`/admin/events/${eventId}/programme`, { form: sessionForm({ capacity: "200000" }) });
    expect(fieldError(huge.text, "capacity")).toMatch(/^Maks 100[\s\u00a0\u202f]000\.$/);
    expect(await sessionRows(eventId)).toEqual(before);
  });

  it("shows each session's confirmed, waitlisted and seats left", async () => {
    const [session] = await sessionRows(eventId);
    await signUp(eventId, "anna@verkstad.se", [session!.id as string]);
    await signUp(eventId, "bo@verkstad.se", [session!.id as string]);
    const page = await nb.request(`/admin/events/${eventId}/programme`);
    expect(page.text).toContain("<h2>torsdag 18. mars 2027</h2>");
    expect(rowOf(page.text, "Värdeflödesanalys")).toEqual(["10.00–11.00", "Värdeflödesanalys Sal B", "1", "1", "1", "0", "Endre Avlys"]);
  });

  it("edits a session on its own page, audited", async () => {
    const [session] = await sessionRows(eventId);
    const id = session!.id as string;
    const form = await sv.request(`/admin/sessions/${id}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('value="2027-03-18T10:00"');
    const refused = await sv.request(`/admin/sessions/${id}/edit`, { form: sessionForm({ endsAt: "2027-03-18T18:00" }) });
    expect(refused.status).toBe(400);
    expect(fieldError(refused.text, "endsAt")).toBe("Måste ligga mellan evenemangets start och slut.");
    const saved = await sv.request(`/admin/sessions/${id}/edit`, { form: sessionForm({ title: "Värdeflöde i praktiken", venue: "Verkstaden", capacity: "2" }) });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/admin/events/${eventId}/programme?notice=saved`);
    expect((await sessionRows(eventId))[0]).toMatchObject({ title: "Värdeflöde i praktiken", venue: "Verkstaden", capacity: 2 });
    expect(await auditOf("session.update")).toContainEqual({ subject_id: id, actor_email: sv.member.email });
    // A higher capacity gave the waitlisted person the seat at once.
    const page = await sv.request(`/admin/events/${eventId}/programme`);
    expect(rowOf(page.text, "Värdeflöde i praktiken")!.slice(1, 6)).toEqual(["Värdeflöde i praktiken Sal B · Verkstaden", "2", "2", "0", "0"]);
  });

  it("moves sessions that start at the same time up and down; others have no buttons", async () => {
    const a = await addedSession(eventId, { title: "Spår A", startsAt: "2027-03-18T13:00", endsAt: "2027-03-18T14:00", capacity: "" });
    const b = await addedSession(eventId, { title: "Spår B", startsAt: "2027-03-18T13:00", endsAt: "2027-03-18T14:00", capacity: "" });
    let page = await sv.request(`/admin/events/${eventId}/programme`);
    expect(page.text.indexOf(">Spår A")).toBeLessThan(page.text.indexOf(">Spår B"));
    expect(rowOf(page.text, "Spår A")!.at(-1)).toBe("Ändra Flytta ned Ställ in");
    expect(rowOf(page.text, "Spår B")!.at(-1)).toBe("Ändra Flytta upp Ställ in");
    expect(rowOf(page.text, "Spår A")![2]).toBe("Ingen gräns");
    const moved = await sv.request(`/admin/sessions/${b}/move`, { form: { direction: "up" } });
    expect(moved.location).toBe(`/admin/events/${eventId}/programme?notice=moved`);
    page = await sv.request(moved.location!);
    expect(page.text).toContain("Ordningen är sparad.");
    expect(page.text.indexOf(">Spår B")).toBeLessThan(page.text.indexOf(">Spår A"));
    expect(await auditOf("session.reorder")).toContainEqual({ subject_id: eventId, actor_email: sv.member.email });
    // No neighbour that way: nothing changes.
    const positions = (await sessionRows(eventId)).map((r) => r.id);
    expect((await sv.request(`/admin/sessions/${b}/move`, { form: { direction: "up" } })).location).toBe(`/admin/events/${eventId}/programme`);
    expect((await sessionRows(eventId)).map((r) => r.id)).toEqual(positions);
    expect((await sv.request(`/admin/sessions/${a}/move`, { form: { direction: "sideways" } })).status).toBe(400);
  });

  it("cancels a session after saying how many will be told (seats, its waitlist and wishes waiting for the event's seat), then says how many were", async () => {
    const eventId = await createdEvent({ title: "Inställt pass" });
    const id = await addedSession(eventId, { title: "Kaizen-workshop", capacity: "1" });
    // Two event seats and one session seat: a seat, a place on its waitlist, and a wish of someone waiting for the event.
    for (const email of ["cia@verkstad.se", "dan@verkstad.se", "eva@verkstad.se"]) await signUp(eventId, email, [id]);
    const statuses = await h.database.db.all<{ status: string }>(sql`SELECT status FROM session_choices WHERE session_id = ${id} ORDER BY seq`);
    expect(statuses.map((s) => s.status)).toEqual(["confirmed", "waitlisted", "pending"]);

    const confirm = await sv.request(`/admin/sessions/${id}/cancel`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain("3 personer får besked om att passet är inställt:");
    expect(confirm.text).toContain("1 med plats, 1 på passets väntelista och 1 som väntar på en plats på evenemanget.");
    const nbConfirm = await nb.request(`/admin/sessions/${id}/cancel`);
    expect(nbConfirm.text).toContain("3 personer får beskjed om at økten er avlyst:");

    const res = await sv.request(`/admin/sessions/${id}/cancel`, { form: {} });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/admin/events/${eventId}/programme?cancelled=${id}&told=3`);
    const page = await sv.request(res.location!);
    expect(page.text).toContain("Passet ”Kaizen-workshop” är inställt. 3 personer får besked.");
    expect(rowOf(page.text, "Kaizen-workshop")!.slice(1, 2)).toEqual(["Kaizen-workshop Inställt Sal B"]);
    expect(rowOf(page.text, "Kaizen-workshop")!.at(-1)).toBe("");
    expect(await auditOf("session.cancel")).toContainEqual({ subject_id: id, actor_email: sv.member.email });
    // Each of them has a message waiting.
    const told = await h.database.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE kind = 'session_cancelled'`);
    expect(told[0]!.n).toBe(3);
    // Cancelled: its pages say so, and a second cancel tells nobody.
    expect((await sv.request(`/admin/sessions/${id}/cancel`)).text).toContain("Passet är redan inställt.");
    expect((await sv.request(`/admin/sessions/${id}/edit`)).status).toBe(409);
    expect((await sv.request(`/admin/sessions/${id}/cancel`, { form: {} })).location).toContain("told=0");
  });

  it("a number in the address is not shown for a session that is not the event's", async () => {
    const page = await sv.request(`/admin/events/${eventId}/programme?cancelled=ses_nope&told=987654`);
    expect(page.text).not.toContain("987");
  });
});

describe("a course package", () => {
  it("has no seats per session: the event's seats govern, and the form does not ask", async () => {
    const id = await createdEvent({ title: "LEAN-kurs, tre tillfällen", programme: "package", startsAt: "2027-03-18T09:00", endsAt: "2027-03-20T16:00" });
    let page = await sv.request(`/admin/events/${id}/programme`);
    expect(page.text).toContain("Kurspaket: alla pass ingår i anmälan");
    expect(page.text).not.toContain('name="capacity"');
    expect(page.text).toContain("I ett kurspaket gäller evenemangets platser för varje pass.");
    await addedSession(id, { title: "Tillfälle 1", capacity: "", waitlist: "" });
    await addedSession(id, { title: "Tillfälle 2", startsAt: "2027-03-20T09:00", endsAt: "2027-03-20T12:00", capacity: "", waitlist: "" });
    await signUp(id, "kursare@verkstad.se", []);
    page = await sv.request(`/admin/events/${id}/programme`);
    expect(page.text).toContain("<h2>torsdag 18 mars 2027</h2>");
    expect(page.text).toContain("<h2>lördag 20 mars 2027</h2>");
    expect(rowOf(page.text, "Tillfälle 2")!.slice(2, 6)).toEqual(["Evenemangets", "1", "0", "–"]);
  });

  it("an event without a programme says where to choose one and offers no session form", async () => {
    const id = await createdEvent({ title: "Utan program", programme: "none" });
    const page = await nb.request(`/admin/events/${id}/programme`);
    expect(page.text).toContain("Arrangementet har ikke noe program.");
    expect(page.text).not.toContain('name="startsAt"');
    // The event's own page links to its programme.
    expect((await nb.request(`/admin/events/${id}`)).text).toContain(`href="/admin/events/${id}/programme"`);
  });
});

