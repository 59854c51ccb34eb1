import { once } from "node:events";
import { createClient } from "@libsql/client";
import { afterAll, expect, test } from "vitest";
import { seedOrganisations } from "./helpers/apiTarget";
import { freshDatabase } from "./helpers/db";
import { liveEventBody, person } from "./helpers/harness";
import { spawnServer } from "./helpers/server";
import { webhookReceiver } from "./helpers/webhookReceiver";

const receiver = await webhookReceiver();
afterAll(() => receiver.close());

async function waitFor(what: string, done: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`waited in vain for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// `npm start` killed (SIGKILL, no goodbye) while its dispatcher waits on a receiver: the
// deliveries it held come back when their lease runs out, under the same ids.
test("a Node server killed mid-delivery loses nothing: the next one sends what was in flight, with the same ids", async () => {
  const database = await freshDatabase();
  const seed = seedOrganisations();
  await database.client.executeMultiple(seed.sql);
  database.close();
  const env = { DATABASE_URL: database.url, DEMO: "false", SIGNUP_RATE_LIMIT: "0", WEBHOOK_ALLOW_PRIVATE: "true", WEBHOOK_TIMEOUT_MS: "3000" };
  const api = (url: string, path: string, body: unknown, token: string | null = seed.orgs[0]!.token) =>
    fetch(`${url}/api/v1${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  const first = await spawnServer(env);
  let ids: string[];
  try {
    const endpoint = (await (await api(first.url, "/webhooks", { url: receiver.url("/crash"), events: ["registration.created"] })).json()) as { secret: string };
    // Every first attempt is left hanging: the process dies with them in flight.
    receiver.on("/crash", { secret: endpoint.secret, hang: (attempt) => attempt === 1 });
    const event = (await (await api(first.url, "/events", liveEventBody())).json()) as { id: string };
    for (let i = 0; i < 5; i++) expect((await api(first.url, `/events/${event.id}/registrations`, person(), null)).status).toBe(201);
    await waitFor("an attempt in flight", () => receiver.received.some((r) => r.path === "/crash"));
    first.child.kill("SIGKILL");
    await once(first.child, "exit");
  } finally {
    await first.stop();
  }
  const reader = createClient({ url: database.url });
  try {
    const rows = (await reader.execute("SELECT id, status FROM webhook_deliveries ORDER BY rowid")).rows;
    ids = rows.map((r) => String(r.id));
    expect(ids).toHaveLength(5);
    expect(rows.some((r) => r.status === "sending")).toBe(true);
    expect(receiver.acceptedAt("/crash")).toHaveLength(0);

    const second = await spawnServer(env);
    try {
      await waitFor("all five delivered", () => receiver.acceptedAt("/crash").length === 5);
    } finally {
      await second.stop();
    }
    expect(new Set(receiver.acceptedAt("/crash").map((r) => r.id))).toEqual(new Set(ids));
    // Whatever was in flight when the first process died went again under its own id.
    const inFlight = receiver.received.filter((r) => r.path === "/crash" && r.status === 0).map((r) => r.id);
    expect(inFlight.length).toBeGreaterThan(0);
    for (const id of inFlight) expect(receiver.attemptsOf("/crash", id)).toBe(2);
    expect(receiver.received.filter((r) => r.path === "/crash").every((r) => r.verified)).toBe(true);
    const after = (await reader.execute("SELECT status FROM webhook_deliveries")).rows.map((r) => r.status);
    expect(after).toEqual(Array(5).fill("delivered"));
  } finally {
    reader.close();
    database.destroy?.();
  }
}, 90_000);
