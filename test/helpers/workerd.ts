import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, projectRoot, waitUntilHealthy } from "./server";

const wranglerBin = join(projectRoot, "node_modules", "wrangler", "bin", "wrangler.js");

export interface Workerd {
  url: string;
  /** wrangler's state folder (the local D1 database lives below it). */
  dir: string;
  /** Runs SQL against the local D1 database the worker uses. */
  d1(sql: string): unknown[];
  stop(): Promise<void>;
}

/**
 * The Workers build in workerd: `wrangler dev` with a local D1 in its own folder, the
 * real migrations/ applied first by `wrangler d1 migrations apply`. Works offline.
 */
export async function startWorkerd(vars: Record<string, string> = {}, extraArgs: string[] = []): Promise<Workerd> {
  const dir = mkdtempSync(join(tmpdir(), "plats-workerd-"));
  const env = { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", WRANGLER_LOG_PATH: join(dir, "logs") };
  const wrangler = (args: string[]) => {
    const res = spawnSync(process.execPath, [wranglerBin, ...args, "--persist-to", dir], { cwd: projectRoot, env, encoding: "utf8" });
    if (res.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed:\n${res.stdout}\n${res.stderr}`);
    return res.stdout;
  };
  wrangler(["d1", "migrations", "apply", "DB", "--local"]);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const varArgs = Object.entries({ PUBLIC_URL: url, PAGE_CACHE_MS: "0", ...vars }).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
  const child: ChildProcess = spawn(
    process.execPath,
    [wranglerBin, "dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(await freePort()),
      "--persist-to", dir, "--show-interactive-dev-session=false", ...varArgs, ...extraArgs],
    { cwd: projectRoot, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  if (process.env.WORKERD_LOG) {
    child.stdout!.pipe(process.stderr);
    child.stderr!.pipe(process.stderr);
  }
  await waitUntilHealthy(url, child, () => out);
  return {
    url,
    dir,
    d1(sql: string) {
      const json = wrangler(["d1", "execute", "DB", "--local", "--json", "--command", sql]);
      return (JSON.parse(json) as { results: unknown[] }[])[0]?.results ?? [];
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
