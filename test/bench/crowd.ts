// What every runtime's run shares: the event the crowd arrives at, the signups, and the
// check afterwards that nobody was overbooked and the waitlist is whole and in order.

export const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 5000);
export const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 500);
export const WARMUP = 500;

export const signupBody = (tag: string) => (n: number) => ({ name: `Deltagare ${n}`, email: `${tag}${n}@example.se` });

export async function createEvent(url: string, token: string, title: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ title, startsAt: "2030-03-18T08:30:00Z", endsAt: "2030-03-18T15:30:00Z", capacity: CAPACITY }),
  });
  if (res.status !== 201) throw new Error(`${url}: creating the event answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export interface CrowdCheck {
  confirmed: number;
  waitlisted: number;
  listed: number;
  /** Empty when the invariants hold. */
  failures: string[];
}

/** After the load: exactly CAPACITY confirmed, the rest waitlisted at positions 1..n. */
export async function checkCrowd(url: string, token: string, event: string, runtime: string): Promise<CrowdCheck> {
  const auth = { authorization: `Bearer ${token}` };
  const counts = (await (await fetch(`${url}/api/v1/events/${event}`, { headers: auth })).json()) as { confirmed: number; waitlisted: number };
  const list = await fetch(`${url}/api/v1/events/${event}/registrations?status=waitlisted`, { headers: auth });
  const waitlisted = ((await list.json()) as { registrations: { position: number }[] }).registrations;
  const failures: string[] = [];
  if (counts.confirmed !== CAPACITY) failures.push(`${runtime}: confirmed ${counts.confirmed} ≠ capacity ${CAPACITY}`);
  if (counts.waitlisted !== SIGNUPS - CAPACITY) failures.push(`${runtime}: waitlisted ${counts.waitlisted} ≠ ${SIGNUPS - CAPACITY}`);
  if (waitlisted.length !== SIGNUPS - CAPACITY) failures.push(`${runtime}: the waitlist lists ${waitlisted.length} ≠ ${SIGNUPS - CAPACITY}`);
  if (!waitlisted.every((r, i) => r.position === i + 1)) failures.push(`${runtime}: waitlist positions are not 1..n in order`);
  return { confirmed: counts.confirmed, waitlisted: counts.waitlisted, listed: waitlisted.length, failures };
}

export const describeCheck = (runtime: string, c: CrowdCheck) =>
  `${runtime}: confirmed ${c.confirmed} of ${CAPACITY}, waitlisted ${c.waitlisted}, positions 1..${c.listed}${c.failures.length ? " — BROKEN" : ""}`;
