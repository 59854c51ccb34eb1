import { createClient } from "@libsql/client/web";
import type { D1Database } from "@cloudflare/workers-types";
import { drizzle } from "drizzle-orm/libsql/web";
import { ConfigError, type Config } from "../../config";
import type { Db } from "../../db/client";
import { drizzleD1 } from "../../db/d1";
import * as schema from "../../db/schema";

/** A remote libSQL database (Turso) when DATABASE_URL names one; a `file:` URL cannot work here. */
const isRemote = (url: string) => !url.startsWith("file:");

/**
 * The database a Worker uses: a remote libSQL server over HTTP/WebSocket when
 * DATABASE_URL is `libsql://…` (with DATABASE_AUTH_TOKEN), otherwise the D1 binding `DB`.
 * Both are drizzle SQLite databases whose `batch()` is atomic, which the services rely on.
 */
export function workerDatabase(config: Config, d1: D1Database | undefined): { db: Db; kind: "libsql" | "d1" } {
  if (isRemote(config.DATABASE_URL)) {
    const client = createClient({ url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN });
    // As on Node: a batch takes the write lock up front, so it never fails half-way
    // because another writer came in between.
    const batch = client.batch.bind(client);
    client.batch = (stmts, mode = "write") => batch(stmts, mode);
    return { db: drizzle(client, { schema }), kind: "libsql" };
  }
  if (!d1)
    throw new ConfigError("Invalid configuration:\n  DB: bind a D1 database as DB in wrangler.toml, or set DATABASE_URL to a libsql:// URL.");
  return { db: drizzleD1(d1), kind: "d1" };
}
