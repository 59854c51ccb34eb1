// The bare baseline of the event page: a Hono route that answers with the very bytes
// Plats rendered for that page (read from PAGE_FILE), nothing else.
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const page = readFileSync(process.env.PAGE_FILE!, "utf8");
const app = new Hono().get("/page", (c) => c.html(page)).get("/healthz", (c) => c.json({ ok: true }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
