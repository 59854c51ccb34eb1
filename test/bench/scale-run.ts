// The scale half of the bench (issue 13): a signup that costs the same with a waitlist
// of 25,000, an event page a crowd can refresh, and the first page of a long attendance
// list, each against what it must reach, on the same running server.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { ChildProcess } from "node:child_process";
import { openDatabase } from "../../src/runtime/node/database";
import { signupBody, SIGNUPS, wholeList } from "./crowd";
import { childProbe, load, type Figures } from "./measure";

const GROWTH_SEATS = 100;
const GROWTH_PAST = 25_000;
const PAGE_REGISTRATIONS = 1500;
const PAGE_VIEWS = 20_000;
const PAGE_CONNECTIONS = 50;
const LIST_SAMPLES = 200;

export interface ScaleRun {
  url: string;
  token: string;
  child: ChildProcess;
  databaseUrl: string;
  dir: string;
  runtime: string;
  /** An event with a long list already (the exports' 5,000). */
  longListEvent: string;
  startProcess(script: string, env: Record<string, string>): Promise<{ url: string; child: ChildProcess }>;
  stop(child: ChildProcess): Promise<void>;
}

async function newEvent(url: string, token: string, title: string, capacity: number) {
  const res = await fetch(`${url}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ title, startsAt: "2030-03-18T08:30:00Z", endsAt: "2030-03-18T15:30:00Z", capacity }),
  });
  if (res.status !== 201) throw new Error(`creating ${title} answered ${res.status}`);
  return (await res.json()) as { id: string; slug: string };
}

export async function benchScale(run: ScaleRun) {
  const { url, token, runtime } = run;
  const probe = childProbe(run.child);
  const rows: Figures[] = [];
  const failures: string[] = [];
  const lines: string[] = [];

  // --- Signups while the waitlist grows past 25,000 ---------------------------------------
  const growth = await newEvent(url, token, "Populär kurs (waitlist growth)", GROWTH_SEATS);
  const rounds: Figures[] = [];
  for (let round = 0, total = 0; total - GROWTH_SEATS < GROWTH_PAST; round++, total += SIGNUPS) {
    const f = await load({
      name: `signups, waitlist ${Math.max(0, total - GROWTH_SEATS)} → ${total + SIGNUPS - GROWTH_SEATS}`,
      runtime,
      url,
      path: () => `/api/v1/events/${growth.id}/registrations`,
      body: signupBody(`grow${round}-`),
      amount: SIGNUPS,
      probe,
    });
    rounds.push(f);
    rows.push(f);
  }
  const growthRatio = rounds.at(-1)!.perSecond / rounds[0]!.perSecond;
  const people = rounds.length * SIGNUPS;
  const waiting = await wholeList(url, token, growth.id, "waitlisted");
  const confirmed = await wholeList(url, token, growth.id, "confirmed");
  if (confirmed.length !== GROWTH_SEATS) failures.push(`waitlist growth: ${confirmed.length} confirmed ≠ ${GROWTH_SEATS}`);
  if (waiting.length !== people - GROWTH_SEATS || !waiting.every((r, i) => r.position === i + 1))
    failures.push(`waitlist growth: the waitlist is not 1..${people - GROWTH_SEATS} in order (${waiting.length} listed)`);
  lines.push(
    `signups as the waitlist grew to ${people - GROWTH_SEATS}: last round ${rounds.at(-1)!.perSecond.toFixed(0)}/s against the first's ${rounds[0]!.perSecond.toFixed(0)}/s ` +
      `(ratio ${growthRatio.toFixed(2)}; target ≥ 0.8: ${growthRatio >= 0.8 ? "met" : "MISSED"}); afterwards ${confirmed.length} confirmed, waitlist 1..${waiting.length} in order`,
  );
  if (growthRatio < 0.8) failures.push(`signups with a growing waitlist: the last round ran at ${growthRatio.toFixed(2)} × the first (target ≥ 0.8)`);

  // --- The public event page with 1,500 registrations ------------------------------------
  const shown = await newEvent(url, token, "Leankonferens Blekinge (page views)", 2000);
  const database = await openDatabase(run.databaseUrl);
  try {
    const t = Date.now();
    await database.db.run(sql`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${PAGE_REGISTRATIONS})
      INSERT INTO registrations (id, event_id, name, email, email_key, language, answers, status, created_at, confirmed_at)
      SELECT 'reg_page' || i, ${shown.id}, 'Deltagare ' || i, 'v' || i || '@example.se', 'v' || i || '@example.se', 'sv', '{}', 'confirmed', ${t} + i, ${t} + i
      FROM n`);
  } finally {
    database.close();
  }
  const html = await (await fetch(`${url}/e/${shown.slug}`)).text();
  const pageFile = join(run.dir, "page.html");
  writeFileSync(pageFile, html);
  const bare = await run.startProcess("test/bench/bare-page-server.ts", { PAGE_FILE: pageFile });
  const view = (name: string, target: string, path: string, p: ReturnType<typeof childProbe>) =>
    load({ name, runtime, url: target, path: () => path, body: () => null, amount: PAGE_VIEWS, probe: p, method: "GET", connections: PAGE_CONNECTIONS });
  await view("warm-up", bare.url, "/page", childProbe(bare.child));
  const bareFigures = await view(`bare Hono route, the same ${(html.length / 1024).toFixed(0)} KiB`, bare.url, "/page", childProbe(bare.child));
  await run.stop(bare.child);
  await view("warm-up", url, `/e/${shown.slug}`, probe);
  const pageFigures = await view(`GET /e/:slug, ${PAGE_REGISTRATIONS} registered`, url, `/e/${shown.slug}`, probe);
  rows.push(bareFigures, pageFigures);
  const pageRatio = pageFigures.perSecond / bareFigures.perSecond;
  lines.push(
    `event page: ${pageFigures.perSecond.toFixed(0)}/s against the bare route's ${bareFigures.perSecond.toFixed(0)}/s (ratio ${pageRatio.toFixed(2)}; target ≥ 0.5: ${pageRatio >= 0.5 ? "met" : "MISSED"}); ` +
      `p99 ${pageFigures.p99.toFixed(1)} ms at ${PAGE_CONNECTIONS} connections (target < 100 ms: ${pageFigures.p99 < 100 ? "met" : "MISSED"})`,
  );
  if (pageRatio < 0.5) failures.push(`the event page ran at ${pageRatio.toFixed(2)} × the bare route (target ≥ 0.5)`);
  if (pageFigures.p99 >= 100) failures.push(`the event page's p99 is ${pageFigures.p99.toFixed(1)} ms (target < 100 ms)`);

  // --- The first page of a 5,000-person attendance list -----------------------------------
  const times: number[] = [];
  for (let i = 0; i < LIST_SAMPLES; i++) {
    const started = performance.now();
    const res = await fetch(`${url}/api/v1/events/${run.longListEvent}/registrations`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { registrations: unknown[] };
    times.push(performance.now() - started);
    if (res.status !== 200 || body.registrations.length !== 100) {
      failures.push(`the attendance list's first page answered ${res.status} with ${body.registrations?.length} rows`);
      break;
    }
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  lines.push(`first page of a 5000-person attendance list (100 rows, JSON): median ${median.toFixed(1)} ms over ${times.length} requests (target < 50 ms: ${median < 50 ? "met" : "MISSED"})`);
  if (median >= 50) failures.push(`the attendance list's first page takes ${median.toFixed(1)} ms (target < 50 ms)`);
  lines.push(`the server's peak RSS through the whole run: ${probe.memoryMiB().peak.toFixed(0)} MiB`);
  return { rows, failures, lines };
}
