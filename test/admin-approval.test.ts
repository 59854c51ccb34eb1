import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { participationReport } from "../src/domain/reports";
import { eventBody, person } from "./helpers/harness";
import { caption, listPath, newEvent, regPath, tableRows } from "./admin-attendees-fixture";

// Applications on the attendance list of an event by approval: approved or declined one
// at a time from the row's menu or several at once, each decided by the domain in its
// write; the file's Invitation column; and the report of invitations per organisation.
let h: AdminHarness;
let organiser: SignedIn;
beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
});
afterAll(() => h.close());

const statuses = (ev: string) =>
  h.database.db.all<{ email: string; status: string }>(sql`SELECT email, status FROM registrations WHERE event_id = ${ev} ORDER BY seq`);
const mailKinds = (ev: string) => h.database.db.all<{ kind: string; to_email: string }>(sql`SELECT kind, to_email FROM outbox WHERE event_id = ${ev} AND kind <> 'application_received' ORDER BY rowid`);
const audits = (action: string) => h.database.db.all<{ subject_id: string }>(sql`SELECT subject_id FROM audit_log WHERE action = ${action} ORDER BY seq`);

/** An event by approval with `n` applications, in arrival order. */
async function applications(n: number, overrides: Record<string, unknown> = {}) {
  const ev = await newEvent(h, { access: "approval", capacity: 2, waitlist: true, ...overrides });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await h.api("POST", `/events/${ev}/registrations`, person({ name: `Sökande ${i + 1}`, email: `s${i + 1}-${ev}@example.se` }), { token: null });
    expect(res.body.status).toBe("pending");
    ids.push(res.body.id as string);
  }
  return { ev, ids };
}

describe("one application at a time", () => {
  it("shows the pending ones under their filter with Approve and Decline, and decides each in the write", async () => {
    const { ev, ids } = await applications(3, { capacity: 1 });
    const list = await organiser.request(`${listPath(ev)}?status=pending`);
    expect(caption(list.text)).toContain("3 registrations");
    expect(list.text).toContain('<option value="pending" selected="">Applications waiting (3)</option>');
    expect(list.text).toContain(`action="${regPath(ev, ids[0]!, "approve")}"`);
    expect(list.text).toContain('aria-label="Decline the application from Sökande 1"');
    expect(tableRows(list.text).map((r) => r.text.split(" ").slice(0, 3).join(" "))).toEqual(["Sökande 1 pending", "Sökande 2 pending", "Sökande 3 pending"]);

    const approved = await organiser.request(regPath(ev, ids[0]!, "approve"), { form: {} });
    expect(approved.status).toBe(303);
    expect(approved.location).toBe(`${listPath(ev)}?notice=decided&c=1&w=0&p=0&d=0&s=0`);
    expect((await organiser.request(approved.location!)).text).toContain("Approved: 1 confirmed, 0 waitlisted.");
    // The seat is taken: the next one approved waits.
    const second = await organiser.request(regPath(ev, ids[1]!, "approve"), { form: {} });
    expect(second.location).toBe(`${listPath(ev)}?notice=decided&c=0&w=1&p=0&d=0&s=0`);
    const declined = await organiser.request(regPath(ev, ids[2]!, "decline"), { form: {} });
    expect((await organiser.request(declined.location!)).text).toContain("1 application declined.");
    // Approved onto the waitlist, an application takes the next arrival: it is listed last.
    expect((await statuses(ev)).map((r) => r.status)).toEqual(["confirmed", "declined", "waitlisted"]);
    expect((await mailKinds(ev)).map((m) => m.kind)).toEqual(["confirmed", "waitlisted", "application_declined"]);
    expect((await audits("registration.approve")).slice(-2).map((a) => a.subject_id)).toEqual([ids[0], ids[1]]);
    expect((await audits("registration.decline")).at(-1)!.subject_id).toBe(ids[2]);

    const after = await organiser.request(`${listPath(ev)}?status=declined`);
    expect(tableRows(after.text).map((r) => r.id)).toEqual([ids[2]]);
    // Deciding again changes nothing: the workspace's error.
    const again = await organiser.request(regPath(ev, ids[0]!, "decline"), { form: {} });
    expect(again.status).toBe(409);
    expect((await statuses(ev)).map((r) => r.status)).toEqual(["confirmed", "declined", "waitlisted"]);
  });

  it("refuses the check-in role and another organisation, changing nothing", async () => {
    const { ev, ids } = await applications(1);
    const door = await h.signedIn("checkin");
    const stranger = await h.signedIn("owner", (await h.otherOrg()).orgId);
    expect((await door.request(regPath(ev, ids[0]!, "approve"), { form: {} })).status).toBe(403);
    expect((await stranger.request(regPath(ev, ids[0]!, "approve"), { form: {} })).status).toBe(404);
    expect((await stranger.request(`${listPath(ev)}/selection/decline/confirm`, { form: { ids: ids[0]! } })).status).toBe(404);
    expect((await statuses(ev)).map((r) => r.status)).toEqual(["pending"]);
  });
});

describe("the ticked applications at once", () => {
  it("reviews, then approves: seats while free, then the waitlist; a row that is no application is left alone", async () => {
    const { ev, ids } = await applications(4);
    await organiser.request(regPath(ev, ids[3]!, "decline"), { form: {} });
    const list = await organiser.request(listPath(ev));
    expect(list.text).toContain(`formaction="${listPath(ev)}/selection/approve"`);
    const review = await organiser.request(`${listPath(ev)}/selection/approve`, { form: { ids } });
    expect(review.status).toBe(200);
    expect(review.text).toContain("Approve 3 people");
    expect(review.text).toContain("These are not pending approval and are left as they are:");
    expect(await statuses(ev)).toEqual((await statuses(ev)).map((r, i) => ({ ...r, status: i < 3 ? "pending" : "declined" })));

    const done = await organiser.request(`${listPath(ev)}/selection/approve/confirm`, { form: { ids } });
    expect(done.location).toBe(`${listPath(ev)}?notice=decided&c=2&w=1&p=0&d=0&s=1`);
    const shown = await organiser.request(done.location!);
    expect(shown.text).toContain("Approved: 2 confirmed, 1 waitlisted. 1 of those selected was not pending and was left as it was.");
    // Approved onto the waitlist, an application queues behind everyone: it takes the next arrival.
    expect((await statuses(ev)).map((r) => r.status)).toEqual(["confirmed", "confirmed", "declined", "waitlisted"]);
  });

  it("leaves applications pending when the event is full without a waitlist, and says so", async () => {
    const { ev, ids } = await applications(3, { capacity: 1, waitlist: false });
    const done = await organiser.request(`${listPath(ev)}/selection/approve/confirm`, { form: { ids } });
    expect(done.location).toBe(`${listPath(ev)}?notice=decided&c=1&w=0&p=2&d=0&s=0`);
    expect((await organiser.request(done.location!)).text).toContain("Approved: 1 confirmed, 0 waitlisted. 2 still pending: the event is full and has no waitlist.");
    expect((await statuses(ev)).map((r) => r.status)).toEqual(["confirmed", "pending", "pending"]);
  });

  it("declines the ticked applications, each told, and refuses a selection with another event's row", async () => {
    const { ev, ids } = await applications(2);
    const other = await applications(1);
    const refused = await organiser.request(`${listPath(ev)}/selection/decline/confirm`, { form: { ids: [ids[0]!, other.ids[0]!] } });
    expect(refused.status).toBe(404);
    expect((await statuses(ev)).map((r) => r.status)).toEqual(["pending", "pending"]);

    const review = await organiser.request(`${listPath(ev)}/selection/decline`, { form: { ids } });
    expect(review.text).toContain("Decline 2 people");
    const done = await organiser.request(`${listPath(ev)}/selection/decline/confirm`, { form: { ids } });
    expect((await organiser.request(done.location!)).text).toContain("2 applications declined.");
    expect((await statuses(ev)).map((r) => r.status)).toEqual(["declined", "declined"]);
    expect((await mailKinds(ev)).map((m) => m.kind)).toEqual(["application_declined", "application_declined"]);
    const counts = await organiser.request(`${listPath(ev)}?status=declined`);
    expect(counts.text).toContain('<option value="declined" selected="">Declined applications (2)</option>');
    expect(counts.text).toContain('<option value="pending">Applications waiting (0)</option>');
  });
});

/** The CSV's rows, split plainly (the cells here hold no separators). */
const csvRows = (text: string) => text.replace(/^\uFEFF/, "").trim().split("\r\n").map((l) => l.split(","));

describe("the attendance file of an event by invitation", () => {
  it("has an Invitation column: the invitee whose link each registration came through", async () => {
    const ev = await newEvent(h, { access: "invitation", capacity: 10 });
    const made = await h.api("POST", `/events/${ev}/invitations`, { invitees: [{ email: "vd@volvo.se", organisation: "Volvo Cars AB", seats: 2 }], send: false });
    const token = new URL(made.body.invitations[0].url).searchParams.get("invitation")!;
    for (const who of [{ name: "Vera Vd", email: "vd@volvo.se" }, { name: "Kim Kollega", email: "kim@volvo.se" }])
      expect((await h.api("POST", `/events/${ev}/registrations`, { ...who, organisation: "Volvo Cars", invitation: token }, { token: null })).status).toBe(201);
    const csv = await organiser.request(`/admin/events/${ev}/attendees.csv`);
    const rows = csvRows(csv.text);
    expect(rows[0]!.at(-1)).toBe("Invitation");
    expect(rows.slice(1).map((r) => [r[0], r.at(-1)])).toEqual([
      ["Vera Vd", "vd@volvo.se"],
      ["Kim Kollega", "vd@volvo.se"],
    ]);
    // A public event's file has no such column.
    const open = await newEvent(h);
    expect(csvRows((await organiser.request(`/admin/events/${open}/attendees.csv`)).text)[0]).not.toContain("Invitation");
  });
});

describe("the report of invitations per organisation", () => {
  it("counts invited, registered and attended per company, its legal form and spelling folded", async () => {
    const other = await h.otherOrg();
    const owner = await h.signedIn("owner", other.orgId);
    const body = eventBody({ access: "invitation", capacity: 20 });
    const ev = (await h.api("POST", "/events", body, { token: other.token })).body.id as string;
    const invitees = [
      { email: "a@volvo.se", organisation: "Volvo Cars AB", seats: 3 },
      { email: "b@volvo.se", organisation: "VOLVO CARS" },
      { email: "c@ifmetall.se", organisation: "IF Metall" },
      { email: "d@ifmetall.se", organisation: "IF Metall" },
      { email: "e@gone.se", organisation: "Borta AB" },
    ];
    const made = (await h.api("POST", `/events/${ev}/invitations`, { invitees, send: false }, { token: other.token })).body.invitations as { id: string; url: string }[];
    await h.api("POST", `/invitations/${made[4]!.id}/revoke`, undefined, { token: other.token });
    const tokenOf = (i: number) => new URL(made[i]!.url).searchParams.get("invitation")!;
    const signUp = async (i: number, email: string, organisation: string) =>
      (await h.api("POST", `/events/${ev}/registrations`, { name: "Gäst", email, organisation, invitation: tokenOf(i) }, { token: null })).body.id as string;
    const volvo = await signUp(0, "a@volvo.se", "Volvo Cars AB");
    await signUp(0, "x@volvo.se", "Volvo Cars");
    await signUp(2, "c@ifmetall.se", "IF Metall");
    expect((await h.api("POST", `/registrations/${volvo}/check-in`, undefined, { token: other.token })).status).toBeLessThan(300);

    const year = String(body.startsAt).slice(0, 4);
    const page = await owner.request(`/admin/reports?from=${year}-01-01&to=${year}-12-31`);
    expect(page.status).toBe(200);
    const part = /<section aria-labelledby="invited-by-organisation">([\s\S]*?)<\/section>/.exec(page.text)?.[1] ?? "";
    expect(part).toContain("Invited per organisation");
    const lines = [...part.matchAll(/<tr><td>([^<]*)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><\/tr>/g)].map((m) => m.slice(1));
    expect(lines).toEqual([
      ["Volvo Cars AB", "2", "2", "1"],
      ["IF Metall", "2", "1", "0"],
    ]);
  });

  it("leaves a declined application out of the participation report, and counts a pending one as a registration", async () => {
    const other = await h.otherOrg();
    const body = eventBody({ access: "approval", capacity: 5 });
    const ev = (await h.api("POST", "/events", body, { token: other.token })).body.id as string;
    const apply = async (email: string) => (await h.api("POST", `/events/${ev}/registrations`, { name: "Sökande", email, organisation: "Region Kronoberg" }, { token: null })).body.id as string;
    const declined = await apply("nej@region.se");
    await apply("vantar@region.se");
    expect((await h.api("POST", `/registrations/${declined}/decline`, undefined, { token: other.token })).body.status).toBe("declined");
    const year = String(body.startsAt).slice(0, 4);
    const report = await participationReport({ ctx: h.ctx, input: { orgId: other.orgId, from: `${year}-01-01`, to: `${year}-12-31` } });
    expect(report.totals).toMatchObject({ registrations: 1, confirmed: 0, people: 1 });
    expect(report.cancelledRegistrations).toBe(0);
  });
});
