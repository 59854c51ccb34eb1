// The measuring half of the bench: one autocannon run of POSTs, and what the server
// process(es) spent on it, read from /proc.
import autocannon from "autocannon";
import type { ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);

export interface Figures {
  name: string;
  runtime: string;
  requests: number;
  ok: number;
  failed: number;
  /** Responses by HTTP status. */
  statuses: Record<number, number>;
  /** Requests that got no response: connection errors and timeouts. */
  unanswered: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  cpuPerRequestUs: number;
  cpuBusy: number;
  rssMiB: number;
  peakRssMiB: number;
}

/** What the server under load costs: its CPU seconds so far and its memory now. */
export interface Probe {
  cpuSeconds(): number;
  memoryMiB(): { rss: number; peak: number };
}

/** The CPU time of one process so far, in seconds (user + system). */
function cpuOf(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
}

export const childProbe = (child: ChildProcess): Probe => ({
  cpuSeconds: () => cpuOf(child.pid!),
  memoryMiB: () => memoryOf(child.pid!),
});

/** Every live process; each read may race with a process ending, so errors mean "gone". */
function processes() {
  const all: { pid: number; ppid: number; cmdline: string }[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      all.push({ pid: Number(name), ppid, cmdline: readFileSync(`/proc/${name}/cmdline`, "utf8") });
    } catch {
      // ended meanwhile
    }
  }
  return all;
}

/**
 * A process tree as one server: the processes whose command line names `marker`, and all
 * their descendants. `wrangler dev` is wrangler (Node), a proxy workerd and the Worker's
 * workerd (which also runs the local D1), so all of them are what the workerd run costs.
 * CPU is summed over the tree; peak memory is the sum of each process's peak.
 */
export function treeProbe(marker: string): Probe {
  const all = processes();
  const pids = new Set(all.filter((p) => p.cmdline.includes(marker)).map((p) => p.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all)
      if (pids.has(p.ppid) && !pids.has(p.pid)) {
        pids.add(p.pid);
        grew = true;
      }
  }
  if (!pids.size) throw new Error(`no process names ${marker}`);
  const sum = <T>(f: (pid: number) => T, add: (a: T, b: T) => T, zero: T) => {
    let total = zero;
    for (const pid of pids) {
      try {
        total = add(total, f(pid));
      } catch {
        // ended meanwhile
      }
    }
    return total;
  };
  return {
    cpuSeconds: () => sum(cpuOf, (a, b) => a + b, 0),
    memoryMiB: () => sum(memoryOf, (a, b) => ({ rss: a.rss + b.rss, peak: a.peak + b.peak }), { rss: 0, peak: 0 }),
  };
}

export interface Load {
  name: string;
  runtime: string;
  url: string;
  path: (i: number) => string;
  body: (i: number) => unknown;
  amount: number;
  probe: Probe;
  /** The statuses that are answers rather than failures; any 2xx unless given. */
  answers?: (status: number) => boolean;
  /** GET sends no body (`body` is not called); POST by default. */
  method?: "GET" | "POST";
  /** Connections, CONNECTIONS unless given. */
  connections?: number;
}

const success = (status: number) => status >= 200 && status < 300;

export async function load({ name, runtime, url, path, body, amount, probe, answers = success, method = "POST", connections = CONNECTIONS }: Load): Promise<Figures> {
  let i = 0;
  const statuses: Record<number, number> = {};
  let lastResponse = 0;
  const connected = new WeakSet<object>();
  const latencies: number[] = [];
  const cpuBefore = probe.cpuSeconds();
  const started = performance.now();
  // autocannon reports its duration in whole ticks of its one-second timer; the time of
  // the last response is the real end of the run.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        amount,
        timeout: 30,
        requests: [
          {
            method,
            headers: method === "POST" ? { "content-type": "application/json" } : {},
            setupRequest: (req) => {
              const n = i++;
              return method === "POST" ? { ...req, path: path(n), body: JSON.stringify(body(n)) } : { ...req, path: path(n) };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (client: object, status: number, _bytes: number, ms: number) => {
      lastResponse = performance.now();
      statuses[status] = (statuses[status] ?? 0) + 1;
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
  const cpu = probe.cpuSeconds() - cpuBefore;
  const mem = probe.memoryMiB();
  return {
    name,
    runtime,
    requests: result.requests.total,
    ok: result["2xx"],
    failed: Object.entries(statuses).reduce((n, [status, count]) => (answers(Number(status)) ? n : n + count), 0) + result.errors + result.timeouts,
    statuses,
    unanswered: result.errors + result.timeouts,
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

export const tableHeader = [
  "| run | runtime | requests | errors | req/s | p50 ms | p99 ms | max ms | server CPU µs/req | server CPU busy | RSS MiB | peak RSS MiB |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|",
].join("\n");

export const tableRow = (f: Figures) =>
  `| ${f.name} | ${f.runtime} | ${f.requests} | ${f.failed} | ${f.perSecond.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.max} | ${f.cpuPerRequestUs.toFixed(0)} | ${(f.cpuBusy * 100).toFixed(0)}% | ${f.rssMiB.toFixed(0)} | ${f.peakRssMiB.toFixed(0)} |`;
