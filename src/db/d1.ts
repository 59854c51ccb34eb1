import type { D1Database, D1PreparedStatement } from "@cloudflare/workers-types";
import { drizzle } from "drizzle-orm/d1";
import type { Db } from "./client";
import * as schema from "./schema";

interface BatchItem {
  _prepare(): { getQuery(): { sql: string; params: unknown[] }; mapResult(result: unknown, fromBatch: boolean): unknown };
}

/**
 * drizzle over a D1 binding, typed as the services' `Db` (the query builders are the
 * same SQLite code as libSQL's).
 *
 * drizzle's D1 batch throws on raw `sql` items (drizzle-orm#2277, open): it reads a
 * prepared statement that raw queries do not have. Our seat and outbox rules are raw
 * INSERT … SELECT / UPDATE statements that must share one atomic batch, so batches are
 * prepared here from each item's SQL text instead, exactly as D1's own batch expects.
 * `session`, `_prepare` and `mapResult` are drizzle internals, so drizzle-orm is pinned
 * exactly in package.json; test/db-client.test.ts runs this batch on a real D1.
 */
export function drizzleD1(binding: D1Database): Db {
  const db = drizzle(binding, { schema });
  const session = (db as unknown as { session: { batch(items: BatchItem[]): Promise<unknown[]> } }).session;
  session.batch = async (items) => {
    const prepared = items.map((item) => item._prepare());
    const statements: D1PreparedStatement[] = prepared.map((p) => {
      const { sql, params } = p.getQuery();
      return binding.prepare(sql).bind(...params);
    });
    const results = await binding.batch(statements);
    return results.map((result, i) => prepared[i]!.mapResult(result, true));
  };
  return db;
}
