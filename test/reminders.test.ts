import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueReminders } from "../src/mail/reminders";
import { DAY, HOUR } from "./helpers/clock";
import { eventBody } from "./helpers/harness";
import { mailHarness, type MailHarness } from "./helpers/mail";

let m: MailHarness;
beforeAll(async () => {
  m = await mailHarness();
});
afterAll(() => m.stop());

const LEAD = 24 * HOUR;
const remind = () => queueReminders({ ctx: m.ctx, leadMs: LEAD });
/** An event at these times with one signup; its id. */
async function eventAt(startsAt: string, endsAt: string, attendee?: { name: string; email: string }) {
  const id = (await m.api("POST", "/events", eventBody({ startsAt, endsAt }))).body.id as string;
  if (attendee) await m.signUp(id, attendee);
  return id;
}
const at = (ms: number) => new Date(m.clock.now().getTime() + ms).toISOString();

describe("reminders (injected clock)", () => {
  it("go once to confirmed attendees a day before; never to the waitlisted or cancelled", async () => {
    const start = m.clock.now().getTime() + 3 * DAY;
    const ev = (await m.api("POST", "/events", eventBody({ capacity: 2, startsAt: at(3 * DAY), endsAt: at(3 * DAY + 2 * HOUR) }))).body.id;
    await m.signUp(ev, { name: "Kommer", email: "kommer@example.se" });
    const leaving = await m.signUp(ev, { name: "Lämnar", email: "lamnar@example.se" });
    await m.signUp(ev, { name: "Väntar", email: "vantar-r@example.se" });
    await m.signUp(ev, { name: "Väntar två", email: "vantar2-r@example.se" });
    expect((await remind()).queued).toBe(0);

    m.clock.set(new Date(start - LEAD - 1));
    expect((await remind()).queued).toBe(0);
    m.clock.set(new Date(start - LEAD + HOUR));
    await m.api("POST", `/manage/${leaving.body.manageUrl.split("/r/")[1]}/cancel`, undefined, { token: null });
    // The cancellation promoted "Väntar": now two confirmed, one waiting.
    expect((await remind()).queued).toBe(2);
    expect((await remind()).queued).toBe(0);
    m.clock.advance(HOUR);
    expect((await remind()).queued).toBe(0);

    await m.dispatch();
    const reminders = m.smtp.received.filter((r) => r.mail.subject?.startsWith("Påminnelse"));
    expect(reminders.flatMap((r) => r.rcpt).sort()).toEqual(["kommer@example.se", "vantar-r@example.se"]);
  });

  it("an event moved later gets a new reminder for its new time; a cancelled one gets none", async () => {
    m.clock.set("2027-01-10T08:00:00Z");
    const ev = await eventAt("2027-01-11T07:00:00Z", "2027-01-11T09:00:00Z", { name: "Flyttad", email: "flyttad@example.se" });
    expect((await remind()).queued).toBe(1);
    await m.api("PATCH", `/events/${ev}`, { startsAt: "2027-01-14T07:00:00Z", endsAt: "2027-01-14T09:00:00Z" });
    m.clock.set("2027-01-13T09:00:00Z");
    expect((await remind()).queued).toBe(1);

    const cancelled = await eventAt("2027-01-13T20:00:00Z", "2027-01-13T21:00:00Z", { name: "Inställd", email: "installd@example.se" });
    await m.api("POST", `/events/${cancelled}/cancel`);
    expect((await remind()).queued).toBe(0);
  });

  it("a move of minutes inside the reminder window does not remind twice", async () => {
    m.clock.set("2027-03-01T08:00:00Z");
    const ev = await eventAt("2027-03-01T18:00:00Z", "2027-03-01T20:00:00Z", { name: "Kvart", email: "kvart@example.se" });
    expect((await remind()).queued).toBe(1);
    await m.api("PATCH", `/events/${ev}`, { startsAt: "2027-03-01T18:15:00Z", endsAt: "2027-03-01T20:15:00Z" });
    expect((await remind()).queued).toBe(0);
  });

  it("an event created less than a day ahead still gets its reminder", async () => {
    m.clock.set("2027-02-01T08:00:00Z");
    await eventAt("2027-02-01T12:00:00Z", "2027-02-01T13:00:00Z", { name: "Sent", email: "sent-anmald@example.se" });
    expect((await remind()).queued).toBe(1);
    m.clock.set("2027-02-01T12:00:01Z");
    expect((await remind()).queued).toBe(0);
  });
});
