import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { postWebhook, workersFetcher, type Fetcher } from "../src/lib/webhookPost";
import { nodeWebhookFetcher } from "../src/runtime/node/webhookFetch";

// The Node sender against a real server on 127.0.0.1. DNS is replaced by an injected
// lookup, so a test decides what a name resolves to (a private answer, or a rebinding
// one that changes between calls) and counts how often the connection resolves it.

type Seen = { method: string; path: string; body: string; headers: IncomingMessage["headers"] };
const seen: Seen[] = [];
const BIG = "a".repeat(4095) + "é" + "b".repeat(100 * 1024);
let port = 0;

const routes: Record<string, (res: ServerResponse) => void> = {
  "/big": (res) => res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(BIG),
  "/small": (res) => res.writeHead(200).end("thanks"),
  "/fail": (res) => res.writeHead(500).end("boom"),
  "/redirect": (res) => res.writeHead(302, { location: `http://127.0.0.1:${port}/small` }).end(),
  "/silent": () => {},
  "/dribble": (res) => {
    res.writeHead(200);
    res.write("partial");
  },
};

const server = createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => (body += chunk));
  req.on("end", () => {
    seen.push({ method: req.method ?? "", path: req.url ?? "", body, headers: req.headers });
    (routes[req.url ?? ""] ?? ((r: ServerResponse) => r.writeHead(404).end()))(res);
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A lookup answering the n-th call with answers[n] (the last one repeated), counting calls. */
function fakeDns(...answers: string[]) {
  const calls: string[] = [];
  const lookup: LookupFunction = (hostname, options, callback) => {
    calls.push(hostname);
    const address = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    const family = address.includes(":") ? 6 : 4;
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  return { lookup, calls };
}

const send = (fetcher: Fetcher, url: string, timeoutMs = 2000) =>
  postWebhook(fetcher, url, { "content-type": "application/json", "webhook-id": "msg_1" }, '{"type":"ping"}', {
    timeoutMs,
  });

const requestsTo = (path: string) => seen.filter((s) => s.path === path).length;

describe("the Node sender refuses private destinations", () => {
  test("a name resolving to loopback is refused before any connection", async () => {
    const dns = fakeDns("127.0.0.1");
    const before = seen.length;
    const outcome = await send(nodeWebhookFetcher({ allowPrivate: false, lookup: dns.lookup }), `https://hooks.example.com:${port}/small`);
    expect(outcome).toMatchObject({ ok: false, status: null, error: "refused_address", body: "" });
    expect(dns.calls).toEqual(["hooks.example.com"]);
    expect(seen.length).toBe(before);
  });

  test("one private answer among public ones refuses the name", async () => {
    const dns = { calls: 0 };
    const lookup: LookupFunction = (_host, _options, callback) => {
      dns.calls++;
      callback(null, [{ address: "1.1.1.1", family: 4 }, { address: "127.0.0.1", family: 4 }]);
    };
    const outcome = await send(nodeWebhookFetcher({ allowPrivate: false, lookup }), `https://hooks.example.com:${port}/small`);
    expect(outcome.error).toBe("refused_address");
    expect(dns.calls).toBe(1);
  });

  test("a rebinding name: the connection goes where the one check said, never to the second answer", async () => {
    // Public first (so the check passes and the socket goes there, which fails or times
    // out here), loopback afterwards: a second resolution for the connection would reach
    // the local server.
    const dns = fakeDns("1.1.1.1", "127.0.0.1");
    const fetcher = nodeWebhookFetcher({ allowPrivate: false, lookup: dns.lookup });
    const before = seen.length;
    const first = await send(fetcher, `https://rebind.example.com:${port}/small`, 300);
    expect(first.ok).toBe(false);
    expect(first.error).toMatch(/^(timeout|network: )/);
    expect(dns.calls).toHaveLength(1);
    // The next connection resolves again, gets loopback and is refused.
    const second = await send(fetcher, `https://rebind.example.com:${port}/small`, 300);
    expect(second.error).toBe("refused_address");
    expect(dns.calls).toHaveLength(2);
    expect(seen.length).toBe(before);
  });

  test("IP literals and plain http are refused without a lookup", async () => {
    const dns = fakeDns("127.0.0.1");
    const fetcher = nodeWebhookFetcher({ allowPrivate: false, lookup: dns.lookup });
    const before = seen.length;
    for (const url of [
      `https://127.0.0.1:${port}/small`,
      `https://[::ffff:127.0.0.1]:${port}/small`,
      `https://2130706433:${port}/small`,
      `http://hooks.example.com:${port}/small`,
    ]) {
      expect((await send(fetcher, url)).error, url).toBe("refused_address");
    }
    expect(dns.calls).toEqual([]);
    expect(seen.length).toBe(before);
  });
});

describe("delivering (allowPrivate, as in local development)", () => {
  test("posts over http, reports status and duration, and keeps only the first 4 KiB", async () => {
    const dns = fakeDns("127.0.0.1");
    const clock = [1_000, 1_250];
    const outcome = await postWebhook(
      nodeWebhookFetcher({ allowPrivate: true, lookup: dns.lookup }),
      `http://hooks.test:${port}/big`,
      { "content-type": "application/json", "webhook-id": "msg_big" },
      '{"type":"ping"}',
      { timeoutMs: 2000, now: () => clock.shift() ?? 9_999 },
    );
    // The "é" straddling byte 4096 is dropped whole rather than turned into U+FFFD.
    expect(outcome).toEqual({ ok: true, status: 200, durationMs: 250, error: null, body: "a".repeat(4095) });
    const request = seen.find((s) => s.headers["webhook-id"] === "msg_big");
    expect(request).toMatchObject({ method: "POST", body: '{"type":"ping"}' });
    expect(request?.headers["content-type"]).toBe("application/json");
  });

  test("one fetcher reuses its connection: one lookup for three deliveries", async () => {
    const dns = fakeDns("127.0.0.1");
    const fetcher = nodeWebhookFetcher({ allowPrivate: true, lookup: dns.lookup });
    for (let i = 0; i < 3; i++) {
      expect(await send(fetcher, `http://hooks.test:${port}/small`)).toMatchObject({ ok: true, body: "thanks" });
      // undici returns the socket to its pool just after the body ends; a request sent in
      // that same instant opens a second connection.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(dns.calls).toHaveLength(1);
  });

  const fetcher = nodeWebhookFetcher({ allowPrivate: true });

  test("a receiver that never answers times out within timeoutMs", async () => {
    const started = Date.now();
    const outcome = await send(fetcher, `http://127.0.0.1:${port}/silent`, 300);
    expect(outcome).toMatchObject({ ok: false, status: null, error: "timeout" });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(outcome.durationMs).toBeGreaterThanOrEqual(250);
  });

  test("the deadline covers the body too", async () => {
    const outcome = await send(fetcher, `http://127.0.0.1:${port}/dribble`, 300);
    expect(outcome).toMatchObject({ ok: false, status: 200, error: "timeout" });
  });

  test("a redirect is a failure and is not followed", async () => {
    const before = requestsTo("/small");
    const outcome = await send(fetcher, `http://127.0.0.1:${port}/redirect`);
    expect(outcome).toMatchObject({ ok: false, status: 302, error: "http_302" });
    expect(requestsTo("/small")).toBe(before);
  });

  test("a 500 is a failure with its body kept for the log", async () => {
    const outcome = await send(fetcher, `http://127.0.0.1:${port}/fail`);
    expect(outcome).toMatchObject({ ok: false, status: 500, error: "http_500", body: "boom" });
  });

  test("a refused connection is a network failure", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await send(fetcher, `http://127.0.0.1:${freePort}/`);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/^network: .*ECONNREFUSED/);
  });
});

describe("postWebhook with any fetcher", () => {
  test("the timeout is at most 10 s, even for a fetcher that ignores the signal", async () => {
    vi.useFakeTimers();
    try {
      const pending = send(() => new Promise<Response>(() => {}), "https://hooks.example.com/", 60_000);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await pending).toMatchObject({ ok: false, error: "timeout" });
    } finally {
      vi.useRealTimers();
    }
  });

  test("a throwing fetcher is an outcome, not an exception", async () => {
    const outcome = await send(() => Promise.reject(new TypeError("fetch failed", { cause: new Error("socket hang up") })), "https://hooks.example.com/");
    expect(outcome).toMatchObject({ ok: false, status: null, error: "network: socket hang up" });
  });

  test("the Workers fetcher refuses what Cloudflare cannot check for it", async () => {
    for (const url of ["https://169.254.169.254/latest/meta-data/", "https://[fd00:ec2::254]/", "https://metadata.google.internal/", "http://hooks.example.com/"]) {
      await expect(workersFetcher(false)(url, { method: "POST" })).rejects.toThrow(/^refused_address/);
      expect((await send(workersFetcher(false), url)).error).toBe("refused_address");
    }
  });
});
