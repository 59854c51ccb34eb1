// What every runtime's run shares: the event the crowd arrives at, the signups, and the
// check afterwards that nobody was overbooked, nobody holds two places, and the waitlist
// is whole and in order.

export const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 5000);
export const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 500);
export const WARMUP = 500;
/** In the double-click crowd, every REPEAT_EVERY-th signup repeats the one before it. */
export const REPEAT_EVERY = 10;

export const signupBody = (tag: string) => (n: number) => ({ name: `Deltagare ${n}`, email: `${tag}${n}@example.se` });

/**
 * One signup in ten sends the previous one's email again, as a double click does: while
 * the first is still on its way or just after. Whichever of the two the database takes
 * second answers 409 already_registered.
 */
export const repeatingBody = (tag: string) => (n: number) => signupBody(tag)(n % REPEAT_EVERY === REPEAT_EVERY - 1 ? n - 1 : n);

/** What a crowd of `signups` requests should leave: distinct people, and repeats refused. */
export function crowdOf(signups: number, repeats: boolean) {
  const repeated = repeats ? Math.floor(signups / REPEAT_EVERY) : 0;
  return { signups, people: signups - repeated, repeated };
}
export type Crowd = ReturnType<typeof crowdOf>;

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
  /** Emails holding more than one live registration. */
  duplicates: number;
  /** Empty when the invariants hold. */
  failures: string[];
}

type Listed = { email: string; position: number | null };

/** Every page of an event's list of one status, following the cursors. */
export async function wholeList(url: string, token: string, event: string, status: string) {
  const all: Listed[] = [];
  for (let cursor: string | null = ""; cursor !== null; ) {
    const res = await fetch(`${url}/api/v1/events/${event}/registrations?status=${status}&limit=1000${cursor ? `&cursor=${cursor}` : ""}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await res.json()) as { registrations: Listed[]; next: string | null };
    all.push(...page.registrations);
    cursor = page.next;
  }
  return all;
}

/**
 * After the load: exactly CAPACITY confirmed, everyone else waitlisted at positions 1..n,
 * and no email with two live registrations.
 */
export async function checkCrowd(url: string, token: string, event: string, runtime: string, crowd: Crowd = crowdOf(SIGNUPS, false)): Promise<CrowdCheck> {
  const auth = { authorization: `Bearer ${token}` };
  const list = (status: string) => wholeList(url, token, event, status);
  const counts = (await (await fetch(`${url}/api/v1/events/${event}`, { headers: auth })).json()) as { confirmed: number; waitlisted: number };
  const confirmed = await list("confirmed");
  const waitlisted = await list("waitlisted");
  const waiting = crowd.people - CAPACITY;
  const failures: string[] = [];
  if (counts.confirmed !== CAPACITY) failures.push(`${runtime}: confirmed ${counts.confirmed} ≠ capacity ${CAPACITY}`);
  if (confirmed.length !== counts.confirmed) failures.push(`${runtime}: ${confirmed.length} listed as confirmed ≠ the event's ${counts.confirmed}`);
  if (counts.waitlisted !== waiting) failures.push(`${runtime}: waitlisted ${counts.waitlisted} ≠ ${waiting}`);
  if (waitlisted.length !== waiting) failures.push(`${runtime}: the waitlist lists ${waitlisted.length} ≠ ${waiting}`);
  if (!waitlisted.every((r, i) => r.position === i + 1)) failures.push(`${runtime}: waitlist positions are not 1..n in order`);
  const emails = [...confirmed, ...waitlisted].map((r) => r.email.toLowerCase());
  const duplicates = emails.length - new Set(emails).size;
  if (duplicates) failures.push(`${runtime}: ${duplicates} emails hold two live registrations`);
  return { confirmed: counts.confirmed, waitlisted: counts.waitlisted, listed: waitlisted.length, duplicates, failures };
}

export const describeCheck = (runtime: string, c: CrowdCheck) =>
  `${runtime}: confirmed ${c.confirmed} of ${CAPACITY}, waitlisted ${c.waitlisted}, positions 1..${c.listed}, ` +
  `${c.duplicates} duplicate live registrations${c.failures.length ? " — BROKEN" : ""}`;
