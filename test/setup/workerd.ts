import { createServer, type IncomingMessage } from "node:http";
import { once } from "node:events";
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { bundleWorker, executeSql, startWorker, stateFromWrangler, type HostedWorker, type WorkerSpec } from "./workerdHost";

/**
 * globalSetup of the workerd project: one host of workerd instances for the whole run, in
 * vitest's own process. It bundles the Worker once and starts one shared instance that
 * every file uses (each file makes its own organisations and events); files that need a
 * configuration of their own (a mail binding, an SMTP server, Cron Triggers, a database
 * made by wrangler) ask it for one more. Files talk to it over HTTP on 127.0.0.1 (see
 * test/helpers/workerd.ts); the work starts in the background, so the other projects'
 * files run meanwhile.
 */
export default async function setup(project: TestProject) {
  const instances = new Map<string, HostedWorker>();
  let next = 0;
  const bundle = bundleWorker();
  const shared = bundle.then((dir) => startWorker(dir, { vars: { SIGNUP_RATE_LIMIT: "0", SIGNUP_OTHER_ADDRESS_LIMIT: "0" } }));
  // Nobody may be waiting yet: a failure is reported to whoever asks.
  bundle.catch(() => {});
  shared.catch(() => {});

  const routes: Record<string, (body: Record<string, unknown>) => Promise<unknown>> = {
    async "/shared"() {
      const w = await shared;
      instances.set("shared", w);
      return { id: "shared", url: w.url, dir: w.dir };
    },
    async "/start"(body) {
      const spec = body as WorkerSpec & { wranglerSql?: string };
      const dir = spec.wranglerSql === undefined ? undefined : await stateFromWrangler(spec.wranglerSql);
      const w = await startWorker(await bundle, { ...spec, dir });
      const id = String(++next);
      instances.set(id, w);
      return { id, url: w.url, dir: w.dir };
    },
    async "/d1"(body) {
      return { rows: await executeSql(instance(body.id).db, String(body.sql)) };
    },
    async "/scheduled"(body) {
      return instance(body.id).scheduled(String(body.cron));
    },
    async "/stop"(body) {
      const id = String(body.id);
      if (id === "shared") return {};
      await instance(id).stop();
      instances.delete(id);
      return {};
    },
  };
  const instance = (id: unknown) => {
    const w = instances.get(String(id));
    if (!w) throw new Error(`no workerd instance ${String(id)}`);
    return w;
  };

  const server = createServer(async (req, res) => {
    try {
      const route = routes[req.url ?? ""];
      if (!route || req.method !== "POST") throw new Error(`no such request: ${req.method} ${req.url}`);
      const answer = await route(JSON.parse((await text(req)) || "{}"));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
    } catch (err) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: err instanceof Error ? err.stack ?? err.message : String(err) }));
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  project.provide("workerdHost", `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);

  return async () => {
    server.close();
    instances.delete("shared");
    const all = [...instances.values()];
    const sharedWorker = await shared.catch(() => null);
    if (sharedWorker) all.push(sharedWorker);
    await Promise.allSettled(all.map((w) => w.stop()));
    await bundle.then((dir) => rmSync(dir, { recursive: true, force: true })).catch(() => {});
  };
}

async function text(req: IncomingMessage) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return body;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The workerd host's address (test/setup/workerd.ts). */
    workerdHost: string;
  }
}
