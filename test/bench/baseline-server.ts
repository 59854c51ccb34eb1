// The bare baseline for the flash-crowd benchmark: a minimal Hono route that parses
// the JSON body and does one conditional INSERT into the same kind of database (libSQL
// file, same pragmas via the same opener). No validation, no rules, no outbox.
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { changedRows } from "../../src/db/client";
import { openDatabase } from "../../src/runtime/node/database";

const { db } = await openDatabase(process.env.DATABASE_URL!);
await db.run(sql`CREATE TABLE IF NOT EXISTS seats (id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, email TEXT NOT NULL)`);
await db.run(sql`CREATE INDEX IF NOT EXISTS seats_event ON seats (event_id)`);

const app = new Hono().post("/signup/:event", async (c) => {
  const { email } = await c.req.json<{ email: string }>();
  const event = c.req.param("event");
  const capacity = Number(c.req.query("capacity"));
  const res = await db.run(
    sql`INSERT INTO seats (event_id, email) SELECT ${event}, ${email}
        WHERE (SELECT count(*) FROM seats WHERE event_id = ${event}) < ${capacity}`,
  );
  return c.json({ confirmed: changedRows(res) === 1 }, 201);
});
app.get("/count/:event", async (c) => {
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM seats WHERE event_id = ${c.req.param("event")}`);
  return c.json(row);
});
app.get("/healthz", (c) => c.json({ ok: true }));

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
