// npm run bench: a flash crowd against the real Node server over HTTP, beside a bare
// baseline measured in the same run, and the same crowd with double clicks (one signup
// in ten repeats an email), two of each, then the plain crowd against the Workers build in local
// workerd; after each, a check that nobody was overbooked or registered twice. Last, the
// Worker's size. The scale runs (test/bench/scale-run.ts) follow the crowds on the same server.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, openDatabase } from "../../src/runtime/node/database";
import { createApiToken, createOrganisation } from "../../src/domain/organisations";
import { freePort, projectRoot, waitUntilHealthy } from "../helpers/server";
import { FREE_PLAN_GZIP_LIMIT, measureBundle } from "./bundle-size";
import { CAPACITY, checkCrowd, createEvent, crowdOf, describeCheck, REPEAT_EVERY, repeatingBody, signupBody, SIGNUPS, WARMUP } from "./crowd";
import { childProbe, CONNECTIONS, load, tableHeader, tableRow, type Figures } from "./measure";
import { benchWorkerd, WORKERD } from "./workerd-run";
import { benchScale } from "./scale-run";
import { downloadWhile, DOWNLOADERS, EXPORT_ROWS, seedExportEvent, type Downloads } from "./exports-run";
import { checkWorkshop, createWorkshopEvent, WORKSHOP_SEATS, workshopBody } from "./workshop-run";
import { checkWebhookCrowd, startWebhookCrowd } from "./webhook-run";

// BENCH_WORKERD=0 leaves the workerd run out: it adds about half a minute (wrangler dev
// starts in ~4 s; local D1 takes ~200 signups/s on this machine).
const withWorkerd = process.env.BENCH_WORKERD !== "0";
const NODE = `Node ${process.version} + libSQL`;

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

async function stop(child: ChildProcess) {
  child.kill("SIGTERM");
  await once(child, "exit");
}

const dir = mkdtempSync(join(tmpdir(), "plats-bench-"));
const failures: string[] = [];
const checks: string[] = [];
const rows: Figures[] = [];
const nodePlain: Figures[] = [];
const nodeRepeats: Figures[] = [];
let baseline: Figures;
const repeatCrowd = crowdOf(SIGNUPS, true);
const mailedDuringLoad: number[] = [];
let withExports: Figures | undefined;
let workshopCrowd: Figures | undefined;
let webhookCrowd: Figures | undefined;
let scale: Awaited<ReturnType<typeof benchScale>> | undefined;
let downloads: Downloads | undefined;
try {
  // --- The bare baseline --------------------------------------------------------------
  const base = await startProcess("test/bench/baseline-server.ts", { DATABASE_URL: `file:${join(dir, "baseline.db")}` });
  const baseLoad = (name: string, event: string, tag: string, amount: number) =>
    load({ name, runtime: NODE, url: base.url, path: () => `/signup/${event}?capacity=${CAPACITY}`, body: signupBody(tag), amount, probe: childProbe(base.child) });
  await baseLoad("warm-up", "warmup", "w", WARMUP);
  baseline = await baseLoad("baseline (one conditional INSERT)", "bench", "b", SIGNUPS);
  const baseSeats = (await (await fetch(`${base.url}/count/bench`)).json()) as { n: number };
  if (baseSeats.n !== CAPACITY) failures.push(`baseline seats ${baseSeats.n} ≠ capacity ${CAPACITY}`);
  await stop(base.child);
  rows.push(baseline);

  // --- The full signup path on Node ---------------------------------------------------
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
    // The webhook crowd's receiver is in this process, on loopback.
    WEBHOOK_ALLOW_PRIVATE: "true",
    ...(process.env.BENCH_EXTRA_ENV ? JSON.parse(process.env.BENCH_EXTRA_ENV) : {}),
  });
  const warmEvent = await createEvent(plats.url, token, "Warm-up");
  const platsLoad = (name: string, id: string, tag: string, amount: number, repeats = false) =>
    load({
      name,
      runtime: NODE,
      url: plats.url,
      path: () => `/api/v1/events/${id}/registrations`,
      body: repeats ? repeatingBody(tag) : signupBody(tag),
      amount,
      probe: childProbe(plats.child),
      // A repeat's 409 already_registered is its right answer.
      ...(repeats ? { answers: (status: number) => status === 201 || status === 409 } : {}),
    });
  await platsLoad("warm-up", warmEvent, "w", WARMUP);
  // Each crowd starts with the confirmations before it sent: its first run loads the mail
  // stack, and a backlog from an earlier crowd is not this crowd's work.
  const mailDir = join(dir, "mail");
  const sentSoFar = () => (existsSync(mailDir) ? readdirSync(mailDir).length : 0);
  // Every signup is mailed its confirmation, and every repeat its manage link again.
  let mailedSoFar = WARMUP;
  const mailsSent = async (seconds: number) => {
    const deadline = Date.now() + seconds * 1000;
    while (sentSoFar() < mailedSoFar && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  };
  // The plain crowd and the double-click crowd twice each, in the order plain, repeats,
  // repeats, plain: whatever drifts during the run (a growing database, a warmer JIT)
  // weighs on both alike.
  for (const [round, repeats] of [false, true, true, false].entries()) {
    await mailsSent(180);
    const mailsBefore = sentSoFar();
    const label = repeats ? `Plats signup, 1 in ${REPEAT_EVERY} a repeat (409)` : `Plats signup (full path, ${CAPACITY} seats)`;
    const event = await createEvent(plats.url, token, `Leankonferens Blekinge (bench ${round + 1})`);
    const figures = await platsLoad(label, event, `r${round}`, SIGNUPS, repeats);
    const crowd = crowdOf(SIGNUPS, repeats);
    const name = repeats ? "Node, double clicks" : "Node";
    const check = await checkCrowd(plats.url, token, event, name, crowd);
    if (repeats) {
      const { 201: placed = 0, 409: refused = 0 } = figures.statuses;
      if (placed !== crowd.people || refused !== crowd.repeated)
        check.failures.push(`${name}: ${placed} placed and ${refused} refused ≠ ${crowd.people} and ${crowd.repeated}`);
      nodeRepeats.push(figures);
    } else {
      nodePlain.push(figures);
      mailedDuringLoad.push(sentSoFar() - mailsBefore);
    }
    mailedSoFar += crowd.people + crowd.repeated;
    rows.push(figures);
    checks.push(describeCheck(`${name} (crowd ${round + 1})`, check));
    failures.push(...check.failures);
  }

  // Everyone choosing a talk and a workshop of limited seats: each signup also decides a
  // workshop seat (or a place on its waitlist) in its own write.
  await mailsSent(180);
  const workshopIds = await createWorkshopEvent(plats.url, token);
  workshopCrowd = await load({
    name: `Plats signup choosing a workshop of ${WORKSHOP_SEATS} seats`,
    runtime: NODE,
    url: plats.url,
    path: () => `/api/v1/events/${workshopIds.event}/registrations`,
    body: workshopBody("k", [workshopIds.talk, workshopIds.workshop]),
    amount: SIGNUPS,
    probe: childProbe(plats.child),
  });
  mailedSoFar += SIGNUPS;
  rows.push(workshopCrowd);
  const workshopCheck = await checkWorkshop(plats.url, token, workshopIds);
  checks.push(workshopCheck.line);
  failures.push(...workshopCheck.failures);

  // The plain crowd once more while an endpoint subscribes to every registration: each
  // signup writes its deliveries in its own write, and they are sent meanwhile.
  await mailsSent(180);
  const hooks = await startWebhookCrowd(plats.url, token);
  const hooked = await createEvent(plats.url, token, "Leankonferens Blekinge (bench, webhooks)");
  webhookCrowd = await platsLoad("Plats signup, an endpoint taking every registration", hooked, "h", SIGNUPS);
  mailedSoFar += SIGNUPS;
  rows.push(webhookCrowd);
  const hookedCheck = await checkCrowd(plats.url, token, hooked, "Node, with webhooks");
  checks.push(describeCheck("Node, with webhooks", hookedCheck));
  failures.push(...hookedCheck.failures);
  const delivered = await checkWebhookCrowd(hooks, 2 * SIGNUPS);
  checks.push(delivered.line);
  failures.push(...delivered.failures);

  // The plain crowd once more while four organisers download a long list as XLSX, over
  // and over: the files are zipped in the export thread, so the signups should barely notice.
  const exportEvent = await seedExportEvent(plats.url, token, databaseUrl);
  await mailsSent(180);
  const exportsCrowd = await createEvent(plats.url, token, "Leankonferens Blekinge (bench, with exports)");
  const downloading = downloadWhile(plats.url, token, exportEvent);
  withExports = await platsLoad(`Plats signup, ${DOWNLOADERS} XLSX exports of ${EXPORT_ROWS} rows running`, exportsCrowd, "x", SIGNUPS);
  downloads = await downloading.stop();
  const exportCheck = await checkCrowd(plats.url, token, exportsCrowd, "Node, with exports");
  mailedSoFar += SIGNUPS;
  rows.push(withExports);
  checks.push(describeCheck("Node, with exports", exportCheck));
  failures.push(...exportCheck.failures);
  if (downloads.failed.length) failures.push(`XLSX downloads during the crowd failed: ${downloads.failed.join(", ")}`);
  if (downloads.done < DOWNLOADERS) failures.push(`only ${downloads.done} XLSX downloads finished during the crowd`);

  // --- Scale: a growing waitlist, the event page, a long list's first page --------------
  scale = await benchScale({ url: plats.url, token, child: plats.child, databaseUrl, dir, runtime: NODE, longListEvent: exportEvent, startProcess, stop });
  rows.push(...scale.rows);
  failures.push(...scale.failures);
  await stop(plats.child);

  // --- The same crowd on the Workers build --------------------------------------------
  if (withWorkerd) {
    const edge = await benchWorkerd();
    rows.push(edge.figures);
    checks.push(describeCheck("workerd", edge.check));
    failures.push(...edge.check.failures);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
for (const f of rows)
  if (f.failed) failures.push(`${f.runtime}, ${f.name}: ${f.failed} failed requests (answered: ${JSON.stringify(f.statuses)}; errors and timeouts: ${f.unanswered})`);

// --- The Worker's size ----------------------------------------------------------------
const bundle = measureBundle();
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const bundleShare = bundle.gzipBytes / FREE_PLAN_GZIP_LIMIT;
if (bundle.gzipBytes > FREE_PLAN_GZIP_LIMIT)
  failures.push(`the Worker is ${kib(bundle.gzipBytes)} gzip, over the Workers Free plan's ${kib(FREE_PLAN_GZIP_LIMIT)}`);

// --- Report ---------------------------------------------------------------------------
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const plain = { perSecond: mean(nodePlain.map((f) => f.perSecond)), p99: mean(nodePlain.map((f) => f.p99)) };
const repeats = { perSecond: mean(nodeRepeats.map((f) => f.perSecond)), p99: mean(nodeRepeats.map((f) => f.p99)) };
const ratio = plain.perSecond / baseline!.perSecond;
console.log(
  `\nFlash crowd: ${SIGNUPS} signups per run, one event of ${CAPACITY} seats, ${CONNECTIONS} connections; all distinct, ` +
    `except with double clicks (${repeatCrowd.people} people, ${repeatCrowd.repeated} repeats)\n`,
);
console.log(tableHeader);
for (const f of rows) console.log(tableRow(f));
console.log(`\nthroughput ratio (Plats on Node / baseline, mean of two crowds): ${ratio.toFixed(3)}  (target ≥ 0.50: ${ratio >= 0.5 ? "met" : "MISSED"})`);
console.log(`p99 on Node at ${CONNECTIONS} connections (mean of two crowds): ${plain.p99.toFixed(1)} ms  (target < 100 ms: ${plain.p99 < 100 ? "met" : "MISSED"})`);
// Issue 13's target for the full path is with one signup in ten a repeat.
const repeatRatio = repeats.perSecond / baseline!.perSecond;
console.log(
  `full path with double clicks / baseline (mean of two crowds): ${repeatRatio.toFixed(3)}, p99 ${repeats.p99.toFixed(1)} ms  ` +
    `(target ≥ 0.60 and p99 < 100 ms: ${repeatRatio >= 0.6 && repeats.p99 < 100 ? "met" : "MISSED"})`,
);
console.log(`confirmations sent on Node during each plain crowd: ${mailedDuringLoad.join(" and ")} (the dispatcher trickles while signups keep the server busy)`);
// Two crowds of each kind, but the figures still move by some 10-30 % from crowd to crowd
// on this machine: "no worse" allows 10 % either way, and the table shows each crowd.
const noWorse = repeats.perSecond >= 0.9 * plain.perSecond && repeats.p99 <= 1.1 * plain.p99;
console.log(
  `double clicks on Node (mean of two crowds each): ${repeats.perSecond.toFixed(0)} signups/s, p99 ${repeats.p99.toFixed(1)} ms, against ` +
    `${plain.perSecond.toFixed(0)} signups/s, p99 ${plain.p99.toFixed(1)} ms without repeats: throughput ratio ` +
    `${(repeats.perSecond / plain.perSecond).toFixed(3)}, p99 ratio ${(repeats.p99 / plain.p99).toFixed(3)} ` +
    `(target: no worse, within 10 %: ${noWorse ? "met" : "MISSED"})`,
);
if (workshopCrowd) {
  const r = workshopCrowd.perSecond / baseline!.perSecond;
  console.log(
    `choosing a workshop / baseline: ${r.toFixed(3)}, p99 ${workshopCrowd.p99.toFixed(1)} ms (the plain signup's targets, ≥ 0.50 and p99 < 100 ms: ` +
      `${r >= 0.5 && workshopCrowd.p99 < 100 ? "met" : "MISSED"}); against the plain crowd: ${(workshopCrowd.perSecond / plain.perSecond).toFixed(3)} × its throughput, ` +
      `${(workshopCrowd.p99 / plain.p99).toFixed(2)} × its p99`,
  );
}
if (webhookCrowd) {
  console.log(
    `with an endpoint taking every registration (two deliveries per signup): ${webhookCrowd.perSecond.toFixed(0)} signups/s, p99 ${webhookCrowd.p99.toFixed(1)} ms, ` +
      `${(webhookCrowd.perSecond / plain.perSecond).toFixed(3)} × the plain crowd's throughput, ${(webhookCrowd.p99 / plain.p99).toFixed(2)} × its p99`,
  );
}
if (withExports && downloads) {
  // The exports' crowd against the two plain crowds of the same run.
  const ratioP99 = withExports.p99 / plain.p99;
  const met = ratioP99 <= 1.5;
  const ms = downloads.times.map((t) => t / 1000);
  console.log(
    `signup p99 while ${DOWNLOADERS} organisers download ${EXPORT_ROWS}-row XLSX files: ${withExports.p99.toFixed(1)} ms against ${plain.p99.toFixed(1)} ms alone ` +
      `(ratio ${ratioP99.toFixed(2)}; target ≤ 1.5: ${met ? "met" : "MISSED"}); p50 ${withExports.p50.toFixed(1)} ms; ${downloads.times.length} files downloaded meanwhile, ` +
      `each in ${ms.length ? `${Math.min(...ms).toFixed(1)}–${Math.max(...ms).toFixed(1)} s` : "–"} (they queue for the one export thread)`,
  );
  if (!met) failures.push(`signup p99 with XLSX exports running is ${ratioP99.toFixed(2)} × the p99 alone (target ≤ 1.5)`);
}
if (withWorkerd)
  console.log(
    `${WORKERD} is informational: wrangler dev on this machine (the server CPU and memory are wrangler's whole process tree), not Cloudflare's network or its D1; no mail transport is configured there, so its confirmations wait in the outbox`,
  );
else console.log("workerd run left out (BENCH_WORKERD=0)");
for (const line of scale?.lines ?? []) console.log(line);
console.log(`after the load: ${checks.join("; ")}`);
console.log(
  `Worker bundle (wrangler deploy --dry-run): ${kib(bundle.bytes)}, gzip ${kib(bundle.gzipBytes)} = ${(bundleShare * 100).toFixed(1)}% of the Workers Free plan's 3 MiB compressed limit (wrangler: ${bundle.wranglerReport})`,
);
if (failures.length) {
  console.error(`\nFAILED:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("invariants: no overbooking, no email registered twice, waitlists complete and in order on every runtime; the Worker fits the free plan");
