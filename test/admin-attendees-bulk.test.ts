import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody, person } from "./helpers/harness";
import { auditRows, listPath, newEvent, outboxRows, registrationRow, signUp, snapshot, tableRows } from "./admin-attendees-fixture";

// The attendance list's actions on ticked rows: message, cancel, check in, export. Each
// refuses a selection that is not wholly this event's (and changes nothing), an empty one
// and one too long, and lets in the roles the single-row actions let in.
let h: AdminHarness;
let organiser: SignedIn;
beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
});
afterAll(() => h.close());

const selection = (ev: string, action: string) => `${listPath(ev)}/selection/${action}`;
const post = (path: string, form: Record<string, string | string[]>, who: SignedIn = organiser) => who.request(path, { form });
const asJson = (path: string, form: Record<string, string | string[]>) =>
  organiser.request(path, { form, headers: { accept: "application/json" } });

/** Anna and Bertil have the two seats, Cissi and David wait. */
async function seeded() {
  const ev = await newEvent(h, { capacity: 2 });
  const anna = await signUp(h, ev, { name: "Anna Ek", email: "anna@example.se", organisation: "ABB" });
  const bertil = await signUp(h, ev, { name: "Bertil Berg", email: "bertil@example.se" });
  const cissi = await signUp(h, ev, { name: "Cissi Lund", email: "cissi@example.se" });
  const david = await signUp(h, ev, { name: "David Dahl", email: "david@example.se" });
  return { ev, anna: anna.id, bertil: bertil.id, cissi: cissi.id, david: david.id };
}

/** Each way a selection is refused, for one action: the JSON error shape's code and field, and nothing changed. */
async function refusals(path: (ev: string) => string, extra: Record<string, string> = {}) {
  const s = await seeded();
  const other = await seeded();
  const stranger = await h.otherOrg();
  const foreignEvent = (await h.api("POST", "/events", eventBody({ title: "Annan" }), { token: stranger.token })).body.id as string;
  const foreign = (await h.api("POST", `/events/${foreignEvent}/registrations`, person({ email: "x@other.se" }), { token: null })).body.id as string;
  const door = await h.signedIn("checkin");
  const outsider = await h.signedIn("owner", stranger.orgId);
  const before = await snapshot(h);

  for (const alien of [other.anna, foreign, "reg_doesnotexist00000"]) {
    const res = await asJson(path(s.ev), { ...extra, ids: [s.anna, alien] });
    expect(res.status, alien).toBe(404);
    expect(JSON.parse(res.text).error).toMatchObject({ code: "not_found" });
    const page = await post(path(s.ev), { ...extra, ids: [s.anna, alien] });
    expect(page.status).toBe(404);
    expect(page.text).toContain("Some of the selected registrations are not on this event&#39;s attendance list. Nothing was changed.");
  }
  const empty = await asJson(path(s.ev), { ...extra });
  expect(empty.status).toBe(400);
  expect(JSON.parse(empty.text).error).toMatchObject({ code: "invalid_request", fieldCodes: { ids: { code: "none_selected" } } });
  expect((await post(path(s.ev), { ...extra })).text).toContain("Select at least one attendee.");

  const many = Array.from({ length: 1001 }, (_, i) => `reg_${String(i).padStart(20, "0")}`);
  const tooMany = await asJson(path(s.ev), { ...extra, ids: many });
  expect(tooMany.status).toBe(400);
  expect(JSON.parse(tooMany.text).error.fieldCodes).toEqual({ ids: { code: "too_many", max: 1000 } });

  const malformed = await asJson(path(s.ev), { ...extra, ids: ["<script>"] });
  expect(malformed.status).toBe(400);

  expect((await post(path(s.ev), { ...extra, ids: [s.anna] }, door)).status).toBe(403);
  // Another organisation's member naming our event and our rows: "not found", as for a single row.
  expect((await post(path(s.ev), { ...extra, ids: [s.anna] }, outsider)).status).toBe(404);
  expect(await snapshot(h)).toEqual(before);
}

describe("messaging the ticked rows", () => {
  const message = (ev: string, form: Record<string, string | string[]>) => post(`${listPath(ev)}/message`, form);

  it("shows the form addressed to those ticked, previews, and queues one email for each of them alone", async () => {
    const s = await seeded();
    // From the list: "all on this page" sends the page's ids along.
    const form = await message(s.ev, { step: "edit", audience: "selected", all: "1", page: [s.anna, s.cissi], ids: [s.anna] });
    expect(form.status).toBe(200);
    expect(form.text).toContain("The selected attendees (2 people)");
    expect(form.text).toMatch(/<li>Anna Ek<\/li><li>Cissi Lund<\/li>/);
    const draft = { audience: "selected", ids: [s.anna, s.cissi], subject: "Parkering", body: "Parkera vid entrén." };
    const preview = await message(s.ev, { ...draft, step: "preview" });
    expect(preview.text).toContain("It goes to the selected attendees: 2 people, each in their own email.");
    const id = /name="draft" value="(draft_[0-9a-z]{20})"/.exec(preview.text)![1]!;
    const before = (await outboxRows(h)).length;
    const sent = await message(s.ev, { ...draft, step: "send", draft: id });
    expect(sent.location).toBe(`${listPath(s.ev)}?notice=messaged&n=2`);
    const queued = (await outboxRows(h)).slice(before);
    expect(queued.map((q) => [q.kind, q.to_email])).toEqual([
      ["organiser_message", "anna@example.se"],
      ["organiser_message", "cissi@example.se"],
    ]);
    expect(JSON.parse((await auditRows(h)).at(-1)!.detail)).toMatchObject({ audience: "selected", recipients: 2 });
    // The same draft again sends nothing more.
    await message(s.ev, { ...draft, step: "send", draft: id });
    expect((await outboxRows(h)).length).toBe(before + 2);
  });

  it("refuses another event's row, an unknown one, none, too many, and the check-in role, changing nothing", async () => {
    await refusals((ev) => `${listPath(ev)}/message`, { step: "edit", audience: "selected" });
  });
});

describe("cancelling the ticked rows", () => {
  it("confirms first, listing who, then cancels each, audits each, tells each, and gives the freed seat to the waitlist", async () => {
    const s = await seeded();
    await post(`/admin/events/${s.ev}/registrations/${s.bertil}/cancel`, {});
    const before = await snapshot(h);
    const review = await post(selection(s.ev, "cancel"), { ids: [s.anna, s.bertil, s.david] });
    expect(review.status).toBe(200);
    expect(review.text).toContain("Cancel the registrations of 2 people?");
    expect(review.text).toContain("Anna Ek</strong> · anna@example.se · confirmed");
    expect(review.text).toContain("Already cancelled, left as they are:");
    expect(await snapshot(h)).toEqual(before);

    const done = await post(selection(s.ev, "cancel/confirm"), { ids: [s.anna, s.bertil, s.david] });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${listPath(s.ev)}?notice=cancelled-selected&n=2&s=1`);
    const notice = (await organiser.request(done.location!)).text;
    expect(notice).toContain("Cancelled for 2 people; each has been emailed.");
    expect(notice).toContain("Already cancelled, left as they were: 1 person.");
    expect((await registrationRow(h, s.anna)).status).toBe("cancelled");
    expect((await registrationRow(h, s.david)).status).toBe("cancelled");
    // Bertil's seat went to Cissi when he cancelled; Anna's has nobody left to go to.
    expect((await registrationRow(h, s.cissi)).status).toBe("confirmed");
    const audit = (await auditRows(h)).filter((a) => a.action === "registration.cancel").slice(-2);
    expect(audit.map((a) => [a.subject_id, JSON.parse(a.detail)])).toEqual([
      [s.anna, { eventId: s.ev, was: "confirmed" }],
      [s.david, { eventId: s.ev, was: "waitlisted" }],
    ]);
    const mails = (await outboxRows(h)).filter((o) => o.kind === "cancelled").map((o) => o.to_email);
    expect(mails).toEqual(expect.arrayContaining(["anna@example.se", "david@example.se"]));
  });

  it("promotes the waitlist at once, as a single cancellation does", async () => {
    const s = await seeded();
    await post(selection(s.ev, "cancel/confirm"), { ids: [s.anna, s.bertil] });
    expect((await registrationRow(h, s.cissi)).status).toBe("confirmed");
    expect((await registrationRow(h, s.david)).status).toBe("confirmed");
    const tally = await h.database.db.all<{ confirmed: number; waitlisted: number }>(sql`SELECT confirmed, waitlisted FROM event_tallies WHERE event_id = ${s.ev}`);
    expect(tally[0]).toMatchObject({ confirmed: 2, waitlisted: 0 });
  });

  it("refuses another event's row, an unknown one, none, too many, and the check-in role, changing nothing", async () => {
    await refusals((ev) => selection(ev, "cancel/confirm"));
    await refusals((ev) => selection(ev, "cancel"));
  });
});

describe("checking in the ticked rows", () => {
  it("checks in the confirmed, leaves the waiting alone, and audits each arrival", async () => {
    const s = await seeded();
    const res = await post(selection(s.ev, "checkin"), { ids: [s.anna, s.bertil, s.cissi], cols: "phone" });
    expect(res.location).toBe(`${listPath(s.ev)}?notice=checked-in-selected&n=2&s=1&cols=phone`);
    const rows = await h.database.db.all<{ id: string; checked_in_at: number | null }>(sql`SELECT id, checked_in_at FROM registrations WHERE event_id = ${s.ev} ORDER BY seq`);
    expect(rows.map((r) => r.checked_in_at !== null)).toEqual([true, true, false, false]);
    const audit = (await auditRows(h)).filter((a) => a.action === "registration.check_in").slice(-2);
    expect(audit.map((a) => [a.subject_id, JSON.parse(a.detail)])).toEqual([
      [s.anna, { eventId: s.ev, via: "list" }],
      [s.bertil, { eventId: s.ev, via: "list" }],
    ]);
    // Twice changes nothing and writes no second entry.
    const again = await post(selection(s.ev, "checkin"), { ids: [s.anna] });
    expect(again.location).toBe(`${listPath(s.ev)}?notice=checked-in-selected&n=0&s=1`);
    expect((await auditRows(h)).filter((a) => a.action === "registration.check_in" && a.subject_id === s.anna)).toHaveLength(1);
  });

  it("refuses another event's row, an unknown one, none, too many, and the check-in role, changing nothing", async () => {
    await refusals((ev) => selection(ev, "checkin"));
  });
});

describe("exporting the ticked rows", () => {
  it("downloads just those rows, in any status, and records the download", async () => {
    const s = await seeded();
    const res = await post(selection(s.ev, "export"), { format: "csv", ids: [s.david, s.anna] });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = res.text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("anna@example.se");
    expect(lines[2]).toContain("david@example.se");
    expect(lines[2]).toContain(",waitlisted,2,");
    expect(JSON.parse((await auditRows(h)).at(-1)!.detail)).toEqual({ format: "csv", status: "selected", rows: 2 });
    const xlsx = await post(selection(s.ev, "export"), { format: "xlsx", ids: [s.anna] });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
  });

  it("refuses an unknown format, and every bad selection, changing nothing", async () => {
    const s = await seeded();
    expect((await asJson(selection(s.ev, "export"), { format: "pdf", ids: [s.anna] })).status).toBe(400);
    await refusals((ev) => selection(ev, "export"), { format: "csv" });
  });
});

describe("the list's row menu, tick boxes and column chooser", () => {
  it("puts each row's actions in a menu and every row in the one selection form", async () => {
    const s = await seeded();
    const res = await organiser.request(listPath(s.ev));
    expect(res.text).toContain('<details class="row-menu"><summary aria-label="Actions for Anna Ek">Actions</summary>');
    expect(res.text).toContain(`<input type="checkbox" form="bulk" name="ids" value="${s.anna}" aria-label="Select Anna Ek"/>`);
    expect(res.text).toContain('aria-label="Select all on this page"');
    for (const action of ["message", "selection/checkin", "selection/cancel"]) expect(res.text).toContain(`formaction="${listPath(s.ev)}/${action}"`);
  });

  it("shows the default columns, others on request, and keeps the choice in the list's own links", async () => {
    const s = await seeded();
    const plain = await organiser.request(listPath(s.ev));
    expect(plain.text).toContain('<th scope="col">Email</th><th scope="col">Organisation</th><th scope="col">Checked in</th><th scope="col">Notes</th>');
    expect(plain.text).not.toContain('<th scope="col">Phone</th>');
    const chosen = await organiser.request(`${listPath(s.ev)}?cols=&cols=phone&cols=signedUp`);
    expect(chosen.status).toBe(200);
    expect(chosen.text).toContain('<th scope="col">Status</th><th scope="col">Phone</th><th scope="col">Signed up</th><th scope="col" class="no-print">Actions</th>');
    expect(tableRows(chosen.text)[0]!.text).not.toContain("anna@example.se");
    // The search form and the selection form carry the choice on.
    expect(chosen.text).toContain('<input type="hidden" name="cols" value="phone,signedUp"/>');
    expect((await organiser.request(`${listPath(s.ev)}?cols=phone,signedUp`)).text).toContain('<th scope="col">Phone</th><th scope="col">Signed up</th>');
    // Nothing ticked is a choice too: name and status only.
    expect((await organiser.request(`${listPath(s.ev)}?cols=`)).text).toContain('<th scope="col">Status</th><th scope="col" class="no-print">Actions</th>');
    const bad = await organiser.request(`${listPath(s.ev)}?cols=password`, { headers: { accept: "application/json" } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.fieldCodes.cols.code).toBe("one_of");
  });

  it("keeps the columns on the pager's links", async () => {
    const ev = await newEvent(h, { capacity: 200 });
    for (let i = 0; i < 101; i++) await signUp(h, ev, { name: `Person ${i}`, email: `p${i}@example.se` });
    const res = await organiser.request(`${listPath(ev)}?cols=phone`);
    expect(res.text).toMatch(/<a href="[^"]*cols=phone[^"]*" rel="next">Next page<\/a>/);
  });
});
