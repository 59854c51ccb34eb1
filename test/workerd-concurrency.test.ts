import { describe, expect, it } from "vitest";
import { cancelByLink, manageToken, newEvent, outboxFor, type GetTarget } from "./api-behaviour/common";
import { nodeTarget, useTarget, workerdTarget, type ApiTarget } from "./helpers/apiTarget";

// Invariants 1 and 2 under a sell-out: 200 people press "sign up" at once for 20 seats.
// The seat is decided inside the write (one D1 batch), so exactly 20 get one and the
// other 180 line up 1..180 in the order their writes landed. Then cancellations,
// erasures, capacity changes and late signups at once, after which the tallies the seat
// decision reads equal the rows. Run in workerd over D1 and, with the same assertions, on
// the Node server over libSQL.
const PEOPLE = 200;
const SEATS = 20;
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function sellOut(target: GetTarget) {
  it(`${PEOPLE} concurrent signups for ${SEATS} seats: ${SEATS} confirmed, ${PEOPLE - SEATS} waitlisted 1..${PEOPLE - SEATS}`, async () => {
    const t = target();
    const ev = await newEvent(t, { capacity: SEATS, title: "Slutsåld kurs" });
    const responses = await Promise.all(
      range(PEOPLE).map((i) => t.api("POST", `/events/${ev.id}/registrations`, { name: `Deltagare ${i}`, email: `rush${i}@example.se` }, { token: null })),
    );

    // From the responses.
    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(responses.map((r) => r.status)).toEqual(Array(PEOPLE).fill(201));
    const confirmed = responses.filter((r) => r.body.status === "confirmed");
    const waitlisted = responses.filter((r) => r.body.status === "waitlisted");
    expect(confirmed).toHaveLength(SEATS);
    expect(confirmed.every((r) => r.body.position === null)).toBe(true);
    expect(waitlisted.map((r) => r.body.position).sort((a, b) => a - b)).toEqual(range(PEOPLE - SEATS));

    // From the database afterwards: the same people, the same places, in arrival order.
    const rows = await t.sql<{ id: string; status: string }>("SELECT id, status FROM registrations WHERE event_id = ? ORDER BY seq", [ev.id]);
    expect(rows).toHaveLength(PEOPLE);
    expect(rows.filter((r) => r.status === "confirmed").map((r) => r.id).sort()).toEqual(confirmed.map((r) => r.body.id).sort());
    const derived = rows.filter((r) => r.status === "waitlisted").map((r, i) => [r.id, i + 1]);
    const answered = waitlisted.map((r) => [r.body.id, r.body.position]).sort((a, b) => a[1] - b[1]);
    expect(derived).toEqual(answered);
    // Seats were handed out first come, first served: nobody waitlisted arrived before a confirmed one.
    const lastConfirmed = rows.map((r) => r.status).lastIndexOf("confirmed");
    expect(lastConfirmed).toBe(SEATS - 1);
    expect(await t.sql("SELECT status, count(*) AS n FROM registrations WHERE event_id = ? GROUP BY status ORDER BY status", [ev.id])).toEqual([
      { status: "confirmed", n: SEATS },
      { status: "waitlisted", n: PEOPLE - SEATS },
    ]);

    // Every signup wrote its message in the same write, with the position it was told.
    const outbox = await outboxFor(t, ev.id);
    expect(outbox.filter((r) => r.kind === "confirmed")).toHaveLength(SEATS);
    const told = outbox.filter((r) => r.kind === "waitlisted").map((r) => [r.registration_id, JSON.parse(r.payload).position]);
    expect(told.sort((a, b) => a[1] - b[1])).toEqual(answered);

    const event = await t.api("GET", `/events/${ev.id}`, undefined, { token: null });
    expect(event.body).toMatchObject({ confirmed: SEATS, waitlisted: PEOPLE - SEATS, seatsLeft: 0 });
    const list = await t.api("GET", `/events/${ev.id}/registrations?status=waitlisted&limit=1000`);
    expect(list.body.registrations.map((r: { id: string; position: number }) => [r.id, r.position])).toEqual(answered);
    await expectTalliesMatchRows(t);

    // Then the life of a sold-out event, all at once: people cancel (their seats go to the
    // waitlist), erase themselves, the organiser adds seats and takes some away again. The
    // tallies the seat decision reads must still be the rows' own counts.
    const byId = new Map(responses.map((r) => [r.body.id as string, r.body.manageUrl as string]));
    const people = rows.map((r) => byId.get(r.id)!);
    await Promise.all([
      ...people.slice(0, 5).map((url) => cancelByLink(t, url)),
      ...people.slice(30, 35).map((url) => cancelByLink(t, url)),
      ...people.slice(5, 8).map((url) => fetch(`${t.url}/r/${manageToken(url)}/delete`, { method: "POST", headers: { origin: t.url } })),
      t.api("PATCH", `/events/${ev.id}`, { capacity: SEATS + 10 }),
      ...range(10).map((i) => t.api("POST", `/events/${ev.id}/registrations`, { name: `Sen ${i}`, email: `late${i}@example.se` }, { token: null })),
    ]);
    await t.api("PATCH", `/events/${ev.id}`, { capacity: SEATS - 5 });
    await Promise.all(people.slice(8, 12).map((url) => cancelByLink(t, url)));
    await expectTalliesMatchRows(t);
    const after = await t.api("GET", `/events/${ev.id}`, undefined, { token: null });
    const [counts] = await t.sql<{ confirmed: number; waitlisted: number }>(
      "SELECT sum(status = 'confirmed') AS confirmed, sum(status = 'waitlisted') AS waitlisted FROM registrations WHERE event_id = ?",
      [ev.id],
    );
    expect(after.body).toMatchObject(counts!);
    // Each step took effect: 3 erased, 14 cancelled, 10 more signed up; the 30 seats were
    // filled, and lowering them to 15 removed nobody: of the last 4 who cancelled (all
    // confirmed) no seat went to the waitlist.
    expect(await t.sql("SELECT status, count(*) AS n FROM registrations WHERE event_id = ? GROUP BY status ORDER BY status", [ev.id])).toEqual([
      { status: "cancelled", n: 14 },
      { status: "confirmed", n: SEATS + 10 - 4 },
      { status: "waitlisted", n: PEOPLE + 10 - 3 - 14 - (SEATS + 10 - 4) },
    ]);
  });
}

/** The per-event tallies a seat decision reads, against the rows they stand for. */
async function expectTalliesMatchRows(t: ApiTarget) {
  const drift = await t.sql(`
    SELECT e.id, coalesce(t.confirmed, 0) AS tally_confirmed, coalesce(t.waitlisted, 0) AS tally_waitlisted,
           (SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') AS confirmed,
           (SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted') AS waitlisted
    FROM events e LEFT JOIN event_tallies t ON t.event_id = e.id
    WHERE tally_confirmed <> confirmed OR tally_waitlisted <> waitlisted`);
  expect(drift).toEqual([]);
}

describe("a sell-out in workerd (D1)", () => {
  sellOut(useTarget(() => workerdTarget()));
});

describe("the same sell-out on Node (libSQL)", () => {
  sellOut(useTarget(nodeTarget));
});
