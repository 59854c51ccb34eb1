// The crowd of issue 16: everyone signs up for a conference with a talk for all and a
// workshop of limited seats, and chooses both. The event has a seat for everyone, so every
// signup decides a workshop seat in its own write; afterwards the workshop must hold
// exactly its seats and its waitlist be whole and in order.
import { CAPACITY, SIGNUPS, signupBody } from "./crowd";

/** The workshop's seats: as many as the plain crowd's event, so the two crowds compare. */
export const WORKSHOP_SEATS = CAPACITY;

async function post(url: string, token: string, path: string, body: unknown) {
  const res = await fetch(`${url}/api/v1${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${url}: POST ${path} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function createWorkshopEvent(url: string, token: string) {
  const event = await post(url, token, "/events", {
    title: "Leankonferens Blekinge (bench, workshops)",
    startsAt: "2030-03-18T08:30:00Z",
    endsAt: "2030-03-18T15:30:00Z",
    capacity: SIGNUPS,
    programme: "choose",
  });
  const talk = await post(url, token, `/events/${event}/sessions`, { title: "Keynote", startsAt: "2030-03-18T08:30:00Z", endsAt: "2030-03-18T09:30:00Z" });
  const workshop = await post(url, token, `/events/${event}/sessions`, {
    title: "5S i praktiken",
    startsAt: "2030-03-18T13:00:00Z",
    endsAt: "2030-03-18T15:00:00Z",
    capacity: WORKSHOP_SEATS,
  });
  return { event, talk, workshop };
}

export const workshopBody = (tag: string, sessions: string[]) => (n: number) => ({ ...signupBody(tag)(n), sessions });

type Listed = { status: string; position: number | null };

/** After the crowd: the workshop holds exactly its seats, its waitlist is 1..n in order, the talk has everyone. */
export async function checkWorkshop(url: string, token: string, ids: { event: string; talk: string; workshop: string }) {
  const auth = { authorization: `Bearer ${token}` };
  const list = async (session: string) =>
    ((await (await fetch(`${url}/api/v1/sessions/${session}/registrations`, { headers: auth })).json()) as { registrations: Listed[] }).registrations;
  const workshop = await list(ids.workshop);
  const talk = await list(ids.talk);
  const seated = workshop.filter((r) => r.status === "confirmed").length;
  const waiting = workshop.filter((r) => r.status === "waitlisted");
  const failures: string[] = [];
  if (seated !== WORKSHOP_SEATS) failures.push(`workshop: ${seated} seated ≠ ${WORKSHOP_SEATS}`);
  if (waiting.length !== SIGNUPS - WORKSHOP_SEATS) failures.push(`workshop: ${waiting.length} waiting ≠ ${SIGNUPS - WORKSHOP_SEATS}`);
  if (!waiting.every((r, i) => r.position === i + 1)) failures.push("workshop: waitlist positions are not 1..n in order");
  if (talk.filter((r) => r.status === "confirmed").length !== SIGNUPS) failures.push(`talk: ${talk.length} seated ≠ ${SIGNUPS}`);
  const line = `workshop crowd: ${seated} of ${WORKSHOP_SEATS} workshop seats taken, ${waiting.length} on its waitlist at 1..${waiting.length}, ${talk.length} in the talk`;
  return { failures, line: failures.length ? `${line} — BROKEN` : line };
}
