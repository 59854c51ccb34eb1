import { describe, expect, it } from "vitest";
import { newEvent, outboxFor, type GetTarget } from "./api-behaviour/common";
import { nodeTarget, useTarget, workerdTarget } from "./helpers/apiTarget";

// Invariants 1 and 8 for groups: many groups post the form at once for a small event
// without a waitlist. A group that comes only together is wholly in or wholly out,
// decided inside its one batch; a group that takes as many seats as fit gets its first
// members in order; nobody is ever overbooked. Run in workerd over D1 and, with the same
// assertions, on the Node server over libSQL.
const SEATS = 12;
const GROUPS = 40;
const sizeOf = (g: number) => 1 + (g % 4);
const modeOf = (g: number) => (g % 3 === 0 ? "as_many_as_fit" : "together");
const emailOf = (g: number, i: number) => (i === 0 ? `g${g}-lead@example.se` : `g${g}-c${i}@example.se`);

function groupForm(g: number) {
  const form = new URLSearchParams({ firstName: `Grupp${g}`, lastName: "Ledare", email: emailOf(g, 0), groupMode: modeOf(g) });
  for (let i = 1; i < sizeOf(g); i++) {
    form.set(`attendees.${i}.firstName`, `Grupp${g}`);
    form.set(`attendees.${i}.lastName`, `Kollega ${i}`);
    form.set(`attendees.${i}.email`, emailOf(g, i));
    form.set(`attendees.${i}.answers.lunch`, i % 2 ? "Fisk" : "Vegetariskt");
  }
  form.set("answers.lunch", "Kött");
  return form;
}

function crowd(target: GetTarget) {
  it(`${GROUPS} groups at once for ${SEATS} seats without a waitlist: never overbooked, "together" wholly in or out`, async () => {
    const t = target();
    const ev = await newEvent(t, {
      capacity: SEATS,
      waitlist: false,
      groupLimit: 4,
      title: "Liten kurs",
      questions: [{ id: "lunch", label: "Lunch", kind: "select", options: ["Kött", "Fisk", "Vegetariskt"], required: true }],
    });
    const responses = await Promise.all(
      Array.from({ length: GROUPS }, (_, g) =>
        t.fetch(`/e/${ev.slug}`, { method: "POST", body: groupForm(g), headers: { origin: t.url }, redirect: "manual" }),
      ),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 303 && s !== 409)).toEqual([]);

    const rows = await t.sql<{ id: string; email: string; status: string; answers: string }>(
      "SELECT id, email, status, answers FROM registrations WHERE event_id = ? ORDER BY seq",
      [ev.id],
    );
    const confirmed = rows.filter((r) => r.status === "confirmed").length;
    expect(confirmed).toBe(rows.length);
    expect(confirmed).toBeLessThanOrEqual(SEATS);
    const free = SEATS - confirmed;
    const emails = new Set(rows.map((r) => r.email));
    let together = 0;
    for (let g = 0; g < GROUPS; g++) {
      const placed = Array.from({ length: sizeOf(g) }, (_, i) => emails.has(emailOf(g, i)));
      const n = placed.filter(Boolean).length;
      // The first members of a group, in order: nobody is placed after someone refused.
      expect(placed, `group ${g}`).toEqual(placed.map((_, i) => i < n));
      expect(responses[g]!.status, `group ${g}`).toBe(n > 0 ? 303 : 409);
      if (modeOf(g) === "together") {
        expect([0, sizeOf(g)], `group ${g} (together)`).toContain(n);
        // Seats only ran out: a group refused then would not fit in what is left now.
        if (n === 0) expect(sizeOf(g), `group ${g} (together, refused)`).toBeGreaterThan(free);
        if (n > 0) together++;
      } else if (n < sizeOf(g)) expect(free, `group ${g} (as many as fit)`).toBe(0);
    }
    expect(together).toBeGreaterThan(0);

    // Each person's own answer, and one email each; a colleague's names the submitter.
    for (const r of rows) expect(JSON.parse(r.answers).lunch).toBe(/-lead@/.test(r.email) ? "Kött" : /-c[13]@/.test(r.email) ? "Fisk" : "Vegetariskt");
    const outbox = await outboxFor(t, ev.id);
    expect(outbox.map((o) => o.kind)).toEqual(rows.map(() => "confirmed"));
    for (const o of outbox) {
      const g = /^g(\d+)-/.exec(o.to_email)![1];
      expect(JSON.parse(o.payload).registeredBy, o.to_email).toBe(/-lead@/.test(o.to_email) ? undefined : `Grupp${g} Ledare`);
    }
    const [tally] = await t.sql<{ confirmed: number; waitlisted: number }>("SELECT confirmed, waitlisted FROM event_tallies WHERE event_id = ?", [ev.id]);
    expect(tally).toEqual({ confirmed, waitlisted: 0 });

    // A placed group's redirect leads to its result, which opens again on reload.
    const placedGroup = responses.findIndex((r) => r.status === 303);
    const location = responses[placedGroup]!.headers.get("location")!;
    for (let i = 0; i < 2; i++) {
      const shown = await t.fetch(location);
      expect(shown.status).toBe(200);
      expect(await shown.text()).toContain(emailOf(placedGroup, 0));
    }
  });
}

describe("a crowd of groups in workerd (D1)", () => {
  crowd(useTarget(() => workerdTarget()));
});

describe("the same crowd on Node (libSQL)", () => {
  crowd(useTarget(nodeTarget));
});
