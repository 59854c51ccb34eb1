import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../../db/client";
import * as schema from "../../db/schema";
import { groupCommit } from "./groupCommit";
import { cacheStatements, clearStatementCache } from "./statementCache";

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../../../migrations");

export interface NodeDatabase {
  db: Db;
  client: Client;
  close(): void;
}

/**
 * Opens a libSQL database. For a local file: WAL with synchronous=NORMAL (a signup burst
 * is write-heavy; the rollback journal is ~10x slower, see FACTS.md) and a busy timeout
 * so the CLI and the server can share the file.
 */
export async function openDatabase(url: string, authToken?: string): Promise<NodeDatabase> {
  const local = url.startsWith("file:");
  if (local) {
    cacheStatements();
    const path = url.slice("file:".length);
    if (path && path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  // One connection for a local file: SQLite writes one at a time anyway, and the
  // per-connection pragmas below must hold for every statement we run.
  const client = createClient({ url, authToken, ...(local ? { concurrency: 1 } : {}) });
  // Batches are our only transactions. BEGIN IMMEDIATE takes the write lock up front,
  // waiting out busy_timeout, so a batch never fails half-way because another process
  // (the CLI, a second server) wrote in between.
  const batch = client.batch.bind(client);
  client.batch = (stmts, mode = "write") => batch(stmts, mode);
  if (local) groupCommit(client);
  if (local) {
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA synchronous = NORMAL");
    await client.execute("PRAGMA busy_timeout = 5000");
    await client.execute("PRAGMA foreign_keys = ON");
  }
  const db = drizzle(client, { schema });
  return { db, client, close: () => client.close() };
}

export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
  clearStatementCache();
}
