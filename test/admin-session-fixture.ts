import type { Harness } from "./helpers/harness";
import { makeEvent, signUp } from "./admin-checkin-fixture";
import { HOUR, shift } from "./helpers/clock";

/** A session of the event `hours` after its start; its id. */
export async function addSession(h: Harness, eventId: string, startsAt: string, title: string, from: number, to: number, extra: Record<string, unknown> = {}) {
  const res = await h.api("POST", `/events/${eventId}/sessions`, { title, startsAt: shift(startsAt, from * HOUR), endsAt: shift(startsAt, to * HOUR), ...extra });
  if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/**
 * An event of three seats whose programme is chosen session by session: an opening talk
 * (1 h, no limit), a workshop of one seat (2 h) and a session whose title is a formula in
 * disguise (1 h). Åsa Söderström takes the talk and the workshop's seat; Bo Ek the talk
 * and the workshop's waitlist; Cia Berg the talk and the formula; Dan Väntar is on the
 * event's waitlist, his wish for the talk pending. Times come from `startsAt`/`endsAt`.
 */
export async function programmeFixture(h: Harness, times: { startsAt: string; endsAt: string }, title = "Leankonferens med program") {
  const eventId = await makeEvent(h, { title, capacity: 3, programme: "choose", ...times });
  const at = times.startsAt;
  const talk = await addSession(h, eventId, at, "Öppning", 0, 1);
  const workshop = await addSession(h, eventId, at, "Workshop 5S", 1.5, 3.5, { capacity: 1 });
  const formula = await addSession(h, eventId, at, '=HYPERLINK("http://evil.example")', 4, 5);
  const person = (first: string, last: string, email: string, organisation: string | undefined, sessions: string[]) =>
    signUp(h, eventId, { firstName: first, lastName: last, email, ...(organisation ? { organisation } : {}), sessions });
  const asa = await person("Åsa", "Söderström", "asa@verkstad.se", "Verkstad AB", [talk, workshop]);
  const bo = await person("Bo", "Ek", "bo@ek.se", "Ek & Son", [talk, workshop]);
  const cia = await person("Cia", "Berg", "cia@verkstad.se", " verkstad  ab", [talk, formula]);
  const dan = await person("Dan", "Väntar", "dan@example.se", undefined, [talk]);
  if (dan.status !== "waitlisted") throw new Error(`Dan should wait for the event: ${dan.status}`);
  return { eventId, sessions: { talk, workshop, formula }, people: { asa, bo, cia, dan } };
}
