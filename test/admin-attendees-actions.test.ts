import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { searchTextDrift, talliesDrift } from "./helpers/db";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { formFields } from "./helpers/harness";
import { DAY } from "./helpers/clock";
import {
  auditRows,
  listPath,
  newEvent,
  outboxRows,
  regPath,
  registrationRow,
  registrationRows,
  setCapacity,
  signUp,
  signUps,
  snapshot,
} from "./admin-attendees-fixture";

// The organiser's actions on an attendance list: each one's effect on the registrations,
// the outbox and the audit log, and bad input that changes nothing.
let h: AdminHarness;
let organiser: SignedIn;
beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
});
afterAll(() => h.close());
beforeEach(() => h.clock.set("2026-11-21T09:00:00Z"));

const detail = (row: { detail: string }) => JSON.parse(row.detail) as Record<string, unknown>;
const lastAudit = async () => (await auditRows(h)).at(-1)!;

describe("promoting from the waitlist by hand", () => {
  it("with a seat free, promotes at once, emails them and records who did it", async () => {
    const ev = await newEvent(h, { capacity: 1 });
    const [, second, third] = await signUps(h, ev, 3);
    await setCapacity(h, ev, 2);
    const outboxBefore = (await outboxRows(h)).length;
    // Third in line, chosen over the second: the organiser's call.
    const res = await organiser.request(regPath(ev, third!.id, "promote"), { form: {} });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${listPath(ev)}?notice=promoted`);
    expect(await registrationRow(h, third!.id)).toMatchObject({ status: "confirmed", over_capacity: 0 });
    expect((await registrationRow(h, second!.id)).status).toBe("waitlisted");
    const mail = (await outboxRows(h)).slice(outboxBefore);
    expect(mail.map((m) => [m.kind, m.registration_id])).toEqual([["promoted", third!.id]]);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "registration.promote", subject_id: third!.id, user_id: organiser.member.id, actor_email: organiser.member.email });
    expect(detail(audit)).toEqual({ eventId: ev, overCapacity: false });
    const list = await organiser.request(res.location!);
    expect(list.text).toContain("Promoted from the waitlist.");
  });

  it("with the event full, asks for an explicit override first; the override is recorded on the seat and in the log", async () => {
    const ev = await newEvent(h, { capacity: 2 });
    const [, , waiting] = await signUps(h, ev, 3);
    const before = await snapshot(h);
    const ask = await organiser.request(regPath(ev, waiting!.id, "promote"), { form: {} });
    expect(ask.status).toBe(200);
    expect(ask.text).toContain("Seat beyond capacity?");
    expect(ask.text).toContain("2 confirmed of 2 seats");
    expect(ask.text).toContain("exceeds the capacity by 1 person");
    expect(ask.text).toContain('name="override" value="1"');
    expect(await snapshot(h)).toEqual(before);

    const res = await organiser.request(regPath(ev, waiting!.id, "promote"), { form: { override: "1" } });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${listPath(ev)}?notice=promoted-over`);
    expect(await registrationRow(h, waiting!.id)).toMatchObject({ status: "confirmed", over_capacity: 1 });
    expect((await outboxRows(h)).at(-1)).toMatchObject({ kind: "promoted", registration_id: waiting!.id });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "registration.promote", subject_id: waiting!.id, user_id: organiser.member.id });
    expect(detail(audit)).toEqual({ eventId: ev, overCapacity: true });

    const list = await organiser.request(listPath(ev));
    expect(list.text).toMatch(/3 \/ 2<\/strong>\s*confirmed/);
    expect(list.text).toMatch(/<strong>1<\/strong>\s*over capacity \(1 seated by override\)/);
    expect(list.text).toContain('<span class="flag over">over capacity</span>');
  });

  it("an override given while a seat is free takes the seat without marking it over capacity", async () => {
    const ev = await newEvent(h, { capacity: 1 });
    const [, waiting] = await signUps(h, ev, 2);
    await setCapacity(h, ev, 2);
    const res = await organiser.request(regPath(ev, waiting!.id, "promote"), { form: { override: "1" } });
    expect(res.location).toBe(`${listPath(ev)}?notice=promoted`);
    expect(await registrationRow(h, waiting!.id)).toMatchObject({ status: "confirmed", over_capacity: 0 });
    expect(detail(await lastAudit())).toEqual({ eventId: ev, overCapacity: false });
  });

  it("refuses someone who is not waiting, a malformed override, and a cancelled event, changing nothing", async () => {
    const ev = await newEvent(h, { capacity: 1 });
    const [confirmed, waiting] = await signUps(h, ev, 2);
    const before = await snapshot(h);
    const refused = await organiser.request(regPath(ev, confirmed!.id, "promote"), { form: { override: "1" } });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("is not on the waitlist");
    expect((await organiser.request(regPath(ev, waiting!.id, "promote"), { form: { override: "yes please" } })).status).toBe(400);
    expect(await snapshot(h)).toEqual(before);
    await h.api("POST", `/events/${ev}/cancel`);
    const afterCancel = await snapshot(h);
    expect((await organiser.request(regPath(ev, waiting!.id, "promote"), { form: { override: "1" } })).status).toBe(409);
    expect(await snapshot(h)).toEqual(afterCancel);
  });
});

describe("cancelling on someone's behalf", () => {
  it("asks first, then cancels, emails them, gives the seat to the first waiting and records it", async () => {
    const ev = await newEvent(h, { capacity: 1 });
    const [seated, first, second] = await signUps(h, ev, 3, (i) => ({ name: `Person ${i} <i>x</i>` }));
    const confirm = await organiser.request(regPath(ev, seated!.id, "cancel"));
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain("Cancel Person 0 &lt;i&gt;x&lt;/i&gt;&#39;s registration?");
    expect(confirm.text).toContain(`action="${regPath(ev, seated!.id, "cancel")}"`);

    const outboxBefore = (await outboxRows(h)).length;
    const res = await organiser.request(regPath(ev, seated!.id, "cancel"), { form: {} });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${listPath(ev)}?notice=cancelled`);
    expect((await registrationRows(h, ev)).map((r) => [r.id, r.status])).toEqual([
      [seated!.id, "cancelled"],
      [first!.id, "confirmed"],
      [second!.id, "waitlisted"],
    ]);
    expect((await outboxRows(h)).slice(outboxBefore).map((m) => [m.kind, m.registration_id])).toEqual([
      ["cancelled", seated!.id],
      ["promoted", first!.id],
    ]);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "registration.cancel", subject_id: seated!.id, user_id: organiser.member.id });
    expect(detail(audit)).toEqual({ eventId: ev, was: "confirmed" });
  });

  it("works after the event has started (attendees can no longer), and refuses a second time", async () => {
    const ev = await newEvent(h, { capacity: 5 });
    const [someone] = await signUps(h, ev, 1);
    h.clock.set("2027-03-18T10:00:00Z");
    // Sessions expire; months later the organiser signs in again.
    const later = await h.signedIn("organiser");
    expect((await later.request(regPath(ev, someone!.id, "cancel"), { form: {} })).status).toBe(303);
    expect((await registrationRow(h, someone!.id)).status).toBe("cancelled");
    const before = await snapshot(h);
    expect((await later.request(regPath(ev, someone!.id, "cancel"), { form: {} })).status).toBe(409);
    expect((await later.request(regPath(ev, someone!.id, "cancel"))).status).toBe(409);
    expect(await snapshot(h)).toEqual(before);
  });
});

describe("resending the confirmation", () => {
  it("queues the email of the current status and records it; refuses a cancelled registration", async () => {
    const ev = await newEvent(h, { capacity: 1 });
    const [seated, waiting] = await signUps(h, ev, 2);
    const n = (await outboxRows(h)).length;
    expect((await organiser.request(regPath(ev, seated!.id, "resend"), { form: {} })).location).toBe(`${listPath(ev)}?notice=resent`);
    expect((await organiser.request(regPath(ev, waiting!.id, "resend"), { form: {} })).status).toBe(303);
    expect((await outboxRows(h)).slice(n).map((m) => [m.kind, m.registration_id])).toEqual([
      ["confirmed", seated!.id],
      ["waitlisted", waiting!.id],
    ]);
    const audits = (await auditRows(h)).slice(-2);
    expect(audits.map((a) => [a.action, a.subject_id, detail(a).kind])).toEqual([
      ["registration.resend", seated!.id, "confirmed"],
      ["registration.resend", waiting!.id, "waitlisted"],
    ]);

    await organiser.request(regPath(ev, waiting!.id, "cancel"), { form: {} });
    const before = await snapshot(h);
    const refused = await organiser.request(regPath(ev, waiting!.id, "resend"), { form: {} });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("cancelled");
    expect(await snapshot(h)).toEqual(before);
  });
});

describe("adding an attendee by hand", () => {
  const questions = [
    { id: "lunch", label: "Lunch", kind: "select", options: ["Meat", "Veg"], required: true },
    { id: "topics", label: "Topics", kind: "multiselect", options: ["Lean", "AI"] },
    { id: "photo", label: "Photos OK", kind: "checkbox" },
  ];
  const add = (ev: string, form: Record<string, string | string[]>) => organiser.request(`${listPath(ev)}/add`, { form: formFields(form) });

  it("shows a form with the event's questions and the two choices", async () => {
    const ev = await newEvent(h, { capacity: 1, questions });
    const res = await organiser.request(`${listPath(ev)}/add`);
    expect(res.status).toBe(200);
    for (const id of ["f-firstName", "f-lastName", "f-email", "f-organisation", "f-phone", "f-language", "f-answers-lunch", "f-answers-topics", "f-answers-photo", "f-override", "f-sendEmail"])
      expect(res.text).toContain(`id="${id}"`);
    expect(res.text).toMatch(/id="f-sendEmail" name="sendEmail" value="yes" checked/);
    expect(res.text).toContain("0 of 1 seats taken, 0 waiting.");
  });

  it("with a seat free: confirmed, answers kept, added_by recorded, emailed, audited", async () => {
    const ev = await newEvent(h, { capacity: 1, questions });
    const n = (await outboxRows(h)).length;
    const res = await add(ev, {
      name: "Gun Hand",
      email: "  Gun@Example.se ",
      organisation: "Karlshamns kommun",
      phone: "0454-1",
      language: "en",
      "answers.topics": ["Lean", "AI"],
      "answers.photo": "yes",
      sendEmail: "yes",
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${listPath(ev)}?notice=added-confirmed&mail=1`);
    const [row] = await registrationRows(h, ev);
    expect(row).toMatchObject({ name: "Gun Hand", email: "Gun@Example.se", status: "confirmed", over_capacity: 0, added_by: organiser.member.id });
    const api = (await h.api("GET", `/events/${ev}/registrations`)).body.registrations[0];
    expect(api).toMatchObject({ language: "en", organisation: "Karlshamns kommun", answers: { topics: ["Lean", "AI"], photo: true } });
    expect((await outboxRows(h)).slice(n).map((m) => [m.kind, m.registration_id])).toEqual([["confirmed", row!.id]]);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "registration.add", subject_id: row!.id, user_id: organiser.member.id });
    expect(detail(audit)).toEqual({ eventId: ev, status: "confirmed", overCapacity: false, emailed: true, walkIn: false });
    const list = await organiser.request(res.location!);
    expect(list.text).toContain("Added with a seat. They have been emailed.");
    expect(list.text).toContain(`title="Added by ${organiser.member.email}"`);
  });

  it("when full: waitlisted if there is a waitlist, or seated beyond capacity with the override", async () => {
    const ev = await newEvent(h, { capacity: 1 });
    await signUps(h, ev, 1);
    const waiting = await add(ev, { name: "Wait Listed", email: "wait@example.se", sendEmail: "yes" });
    expect(waiting.location).toBe(`${listPath(ev)}?notice=added-waitlisted&mail=1`);
    const over = await add(ev, { name: "Over Booked", email: "over@example.se", override: "yes" });
    expect(over.location).toBe(`${listPath(ev)}?notice=added-over&mail=0`);
    const rows = await registrationRows(h, ev);
    expect(rows.slice(1).map((r) => [r.name, r.status, r.over_capacity])).toEqual([
      ["Wait Listed", "waitlisted", 0],
      ["Over Booked", "confirmed", 1],
    ]);
    // "Over" asked for no email; "Wait" was told their place.
    const mail = (await outboxRows(h)).filter((m) => rows.slice(1).some((r) => r.id === m.registration_id));
    expect(mail.map((m) => [m.kind, m.to_email, JSON.parse(m.payload)])).toEqual([["waitlisted", "wait@example.se", { position: 1 }]]);
    expect(detail(await lastAudit())).toEqual({ eventId: ev, status: "confirmed", overCapacity: true, emailed: false, walkIn: false });
  });

  it("full without a waitlist and without the override: refused with a clear message, nothing changed", async () => {
    const ev = await newEvent(h, { capacity: 1, waitlist: false });
    await signUps(h, ev, 1);
    const before = await snapshot(h);
    const res = await add(ev, { name: "Nope Nilsson", email: "nope@example.se", sendEmail: "yes" });
    expect(res.status).toBe(409);
    expect(res.text).toContain("The event is full and has no waitlist.");
    expect(res.text).toContain('value="Nope"');
    expect(res.text).toContain('value="Nilsson"');
    expect(await snapshot(h)).toEqual(before);
  });

  it("works after registration has closed", async () => {
    const ev = await newEvent(h, { capacity: 3, registrationClosesAt: "2026-12-01T00:00:00Z" });
    h.clock.advance(30 * DAY);
    expect((await h.api("POST", `/events/${ev}/registrations`, { name: "Late", email: "late@example.se" }, { token: null })).status).toBe(409);
    const later = await h.signedIn("organiser");
    expect((await later.request(`${listPath(ev)}/add`, { form: { firstName: "Late", lastName: "Comer", email: "late@example.se" } })).location).toBe(`${listPath(ev)}?notice=added-confirmed&mail=0`);
  });

  it("one live registration per email: a second is a field error and changes nothing", async () => {
    const ev = await newEvent(h, { capacity: 5 });
    await signUp(h, ev, { email: "taken@example.se" });
    const before = await snapshot(h);
    const res = await add(ev, { name: "Again Agrell", email: "TAKEN@example.se", sendEmail: "yes" });
    expect(res.status).toBe(409);
    expect(res.text).toContain("Already registered for this event.");
    expect(res.text).toContain('href="#f-email"');
    expect(await snapshot(h)).toEqual(before);
  });

  it("bad input is a 400 page with each problem by its field, and nothing changes", async () => {
    const ev = await newEvent(h, { capacity: 5, questions });
    const before = await snapshot(h);
    const bad: { form: Record<string, string | string[]>; field: string }[] = [
      { form: { name: "", email: "x@example.se" }, field: "f-firstName" },
      { form: { firstName: "X", email: "x@example.se" }, field: "f-lastName" },
      { form: { name: "X Y", email: "not-an-email" }, field: "f-email" },
      { form: { name: "X Y", email: "x@example.se", language: "de" }, field: "f-language" },
      { form: { name: "X Y", email: "x@example.se", "answers.lunch": "Fish" }, field: "f-answers-lunch" },
      { form: { name: "X Y", email: "x@example.se", "answers.topics": ["Lean", "Golf"] }, field: "f-answers-topics" },
      { form: { name: "Line\u0007break Y", email: "x@example.se" }, field: "f-firstName" },
      { form: { firstName: "X".repeat(101), lastName: "Y", email: "x@example.se" }, field: "f-firstName" },
    ];
    for (const { form, field } of bad) {
      const res = await add(ev, form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(res.text).toContain(`href="#${field}"`);
    }
    expect(await snapshot(h)).toEqual(before);
    // The public form's required question does not bind the organiser.
    expect((await add(ev, { name: "No lunch", email: "nolunch@example.se" })).status).toBe(303);
  });
});

describe("the tallies", () => {
  it("equal the registrations' own counts after every change above", async () => {
    expect(await talliesDrift(h.database.db)).toEqual([]);
  });
});

describe("the search texts", () => {
  it("are what the domain makes of each name, organisation and email after every change above", async () => {
    expect(await searchTextDrift(h.database.db)).toEqual([]);
  });
});
