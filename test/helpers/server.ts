import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readConfig } from "../../src/config";
import { startServer, type RunningServer } from "../../src/node";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The real Node server on its own free port, over the given database. */
export async function startTestServer(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningServer & { url: string }> {
  const port = await freePort();
  const config = readConfig({
    DATABASE_URL: databaseUrl,
    HOST: "127.0.0.1",
    DEMO: "false",
    SIGNUP_RATE_LIMIT: "0",
    SIGNUP_OTHER_ADDRESS_LIMIT: "0",
    // Pages checked on every view: a test that signs up and then looks sees its signup.
    PAGE_CACHE_MS: "0",
    MAIL_DIR: scratchMailDir(),
    // Links in pages and emails point back at this very server.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...env,
    PORT: String(port),
  });
  const running = await startServer(config, () => {});
  return { ...running, url: `http://127.0.0.1:${running.port}` };
}

/** Where a test server's .eml files go: a fresh temp folder, never the checkout. */
export const scratchMailDir = () => mkdtempSync(join(tmpdir(), "plats-mail-"));

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  server.close();
  return port;
}

/** Runs `npm start`'s entry in a child process and waits until it answers. */
export async function spawnServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; output: () => string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/node.ts"], {
    cwd: projectRoot,
    env: { ...process.env, HOST: "127.0.0.1", MAIL_DIR: scratchMailDir(), ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(url, child, () => out);
  return {
    url,
    child,
    output: () => out,
    async stop() {
      // Ended already (by its own exit or by a signal, such as a test's SIGKILL).
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

/** Polls `/healthz` until it answers 200; fails with the process's output if it dies. */
export async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url}: not healthy after ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as any };
}
