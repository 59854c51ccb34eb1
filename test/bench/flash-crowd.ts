// npm run bench: a flash crowd against the real Node server over HTTP, beside a bare
// baseline measured in the same run, then a check that nobody was overbooked.
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, openDatabase } from "../../src/node/database";
import { createApiToken, createOrganisation } from "../../src/services/organisations";
import { freePort, projectRoot, waitUntilHealthy } from "../helpers/server";

const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 5000);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 500);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const WARMUP = 500;

interface Figures {
  name: string;
  requests: number;
  ok: number;
  failed: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  cpuPerRequestUs: number;
  cpuBusy: number;
  rssMiB: number;
  peakRssMiB: number;
}

/** The process's CPU time so far, in seconds (user + system, from /proc). */
function cpuSeconds(child: ChildProcess) {
  const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function startProcess(script: string, env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: projectRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(url, child, () => `(see the output above)`);
  return { url, child };
}

function memoryMiB(child: ChildProcess) {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
}

async function load(name: string, url: string, path: (i: number) => string, body: (i: number) => unknown, amount: number, child: ChildProcess): Promise<Figures> {
  let i = 0;
  let lastResponse = 0;
  const connected = new WeakSet<object>();
  const latencies: number[] = [];
  const cpuBefore = cpuSeconds(child);
  const started = performance.now();
  // autocannon reports its duration in whole ticks of its one-second timer; the time of
  // the last response is the real end of the run.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        amount,
        timeout: 30,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            setupRequest: (req) => {
              const n = i++;
              return { ...req, path: path(n), body: JSON.stringify(body(n)) };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (client: object, _status: number, _bytes: number, ms: number) => {
      lastResponse = performance.now();
      // A connection's first response includes opening it; 100 connects at once on this
      // VM now and then lose a SYN and wait the kernel's 1 s retransmit. That is the load
      // generator starting, not the server, so latency is taken over the later responses.
      if (connected.has(client)) latencies.push(ms);
      else connected.add(client);
    });
  });
  const seconds = (lastResponse - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const cpu = cpuSeconds(child) - cpuBefore;
  const mem = memoryMiB(child);
  return {
    name,
    requests: result.requests.total,
    ok: result["2xx"],
    failed: result.non2xx + result.errors + result.timeouts,
    perSecond: result.requests.total / seconds,
    cpuPerRequestUs: (cpu * 1e6) / result.requests.total,
    cpuBusy: cpu / seconds,
    p50: percentile(50),
    p99: percentile(99),
    max: result.latency.max,
    rssMiB: mem.rss,
    peakRssMiB: mem.peak,
  };
}

async function stop(child: ChildProcess) {
  child.kill("SIGTERM");
  await once(child, "exit");
}

const dir = mkdtempSync(join(tmpdir(), "plats-bench-"));
const failures: string[] = [];
try {
  // --- The bare baseline --------------------------------------------------------------
  const base = await startProcess("test/bench/baseline-server.ts", { DATABASE_URL: `file:${join(dir, "baseline.db")}` });
  const signupBody = (tag: string) => (n: number) => ({ name: `Deltagare ${n}`, email: `${tag}${n}@example.se` });
  await load("warm-up", base.url, () => `/signup/warmup?capacity=${CAPACITY}`, signupBody("w"), WARMUP, base.child);
  const baseline = await load("baseline (one conditional INSERT)", base.url, () => `/signup/bench?capacity=${CAPACITY}`, signupBody("b"), SIGNUPS, base.child);
  const baseSeats = (await (await fetch(`${base.url}/count/bench`)).json()) as { n: number };
  if (baseSeats.n !== CAPACITY) failures.push(`baseline seats ${baseSeats.n} ≠ capacity ${CAPACITY}`);
  await stop(base.child);

  // --- The full signup path -----------------------------------------------------------
  const databaseUrl = `file:${join(dir, "plats.db")}`;
  const database = await openDatabase(databaseUrl);
  await migrateDatabase(database.db);
  const ctx = { db: database.db, now: () => new Date(), publicUrl: "http://bench" };
  const org = await createOrganisation({ ctx, input: { slug: "bench", name: "Bench" } });
  const token = await createApiToken({ ctx, input: { orgId: org.id } });
  database.close();

  // The whole service as deployed: its dispatcher writes every confirmation (as .eml)
  // while the crowd is still arriving.
  const plats = await startProcess("src/node.ts", {
    DATABASE_URL: databaseUrl,
    DEMO: "false",
    SIGNUP_RATE_LIMIT: "0",
    MAIL_DIR: join(dir, "mail"),
    ...(process.env.BENCH_EXTRA_ENV ? JSON.parse(process.env.BENCH_EXTRA_ENV) : {}),
  });
  const makeEvent = async (title: string) => {
    const res = await fetch(`${plats.url}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ title, startsAt: "2030-03-18T08:30:00Z", endsAt: "2030-03-18T15:30:00Z", capacity: CAPACITY }),
    });
    return ((await res.json()) as { id: string }).id;
  };
  const warmEvent = await makeEvent("Warm-up");
  const event = await makeEvent("Leankonferens Blekinge (bench)");
  await load("warm-up", plats.url, () => `/api/v1/events/${warmEvent}/registrations`, signupBody("w"), WARMUP, plats.child);
  // Let the dispatcher send the warm-up's confirmations before measuring: its first run
  // loads the mail stack, and a backlog from the warm-up is not this run's work.
  const mailDir = join(dir, "mail");
  const sentSoFar = () => (existsSync(mailDir) ? readdirSync(mailDir).length : 0);
  const warmDeadline = Date.now() + 60_000;
  while (sentSoFar() < WARMUP && Date.now() < warmDeadline) await new Promise((r) => setTimeout(r, 100));
  const mailsBefore = sentSoFar();
  const full = await load("Plats signup (full path)", plats.url, () => `/api/v1/events/${event}/registrations`, signupBody("p"), SIGNUPS, plats.child);
  const mailedDuringLoad = sentSoFar() - mailsBefore;

  // --- Invariants after the load ------------------------------------------------------
  const res = await fetch(`${plats.url}/api/v1/events/${event}`, { headers: { authorization: `Bearer ${token}` } });
  const counts = (await res.json()) as { confirmed: number; waitlisted: number };
  const list = await fetch(`${plats.url}/api/v1/events/${event}/registrations?status=waitlisted`, { headers: { authorization: `Bearer ${token}` } });
  const waitlisted = ((await list.json()) as { registrations: { position: number }[] }).registrations;
  await stop(plats.child);

  if (full.failed || baseline.failed) failures.push(`failed requests: plats ${full.failed}, baseline ${baseline.failed}`);
  if (counts.confirmed !== CAPACITY) failures.push(`confirmed ${counts.confirmed} ≠ capacity ${CAPACITY}`);
  if (counts.waitlisted !== SIGNUPS - CAPACITY) failures.push(`waitlisted ${counts.waitlisted} ≠ ${SIGNUPS - CAPACITY}`);
  if (!waitlisted.every((r, i) => r.position === i + 1)) failures.push("waitlist positions are not 1..n in order");

  // --- Report -------------------------------------------------------------------------
  const row = (f: Figures) =>
    `| ${f.name} | ${f.requests} | ${f.perSecond.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.max} | ${f.cpuPerRequestUs.toFixed(0)} | ${(f.cpuBusy * 100).toFixed(0)}% | ${f.rssMiB.toFixed(0)} | ${f.peakRssMiB.toFixed(0)} |`;
  const ratio = full.perSecond / baseline.perSecond;
  console.log(`\nFlash crowd: ${SIGNUPS} distinct signups, one event of ${CAPACITY} seats, ${CONNECTIONS} connections, Node ${process.version}\n`);
  console.log("| run | requests | req/s | p50 ms | p99 ms | max ms | server CPU µs/req | server CPU busy | RSS MiB | peak RSS MiB |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  console.log(row(baseline));
  console.log(row(full));
  console.log(`\nthroughput ratio (Plats / baseline): ${ratio.toFixed(3)}  (target ≥ 0.50: ${ratio >= 0.5 ? "met" : "MISSED"})`);
  console.log(`p99 at ${CONNECTIONS} connections: ${full.p99.toFixed(1)} ms  (target < 100 ms: ${full.p99 < 100 ? "met" : "MISSED"})`);
  console.log(`confirmations sent during the load: ${mailedDuringLoad} (the dispatcher trickles while signups keep the server busy)`);
  console.log(`after the load: confirmed ${counts.confirmed} of ${CAPACITY}, waitlisted ${counts.waitlisted}, positions 1..${waitlisted.length}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`\nINVARIANTS BROKEN:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("invariants: no overbooking, waitlist complete and in order");
