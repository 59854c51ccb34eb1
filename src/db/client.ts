import type { D1Result } from "@cloudflare/workers-types";
import type { ResultSet } from "@libsql/client";
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema";

/**
 * What a statement run without RETURNING reports: libSQL's ResultSet on Node and for
 * Turso, D1's result on Workers. They name the changed-row count differently, so read it
 * with `changedRows`, never from either shape.
 */
export type RunResult = ResultSet | D1Result;

type Both = BaseSQLiteDatabase<"async", RunResult, typeof schema>;

/**
 * The database as services see it: only what drizzle's libSQL and D1 databases both do.
 * `transaction()` is left out because it throws on D1 (no interactive transactions);
 * an atomic change is one `batch()`, which both run as a single transaction. Each
 * runtime's drizzle database is assignable to it as it is, without a cast.
 */
export type Db = Omit<Both, "transaction"> & {
  batch<U extends BatchItem<"sqlite">, T extends Readonly<[U, ...U[]]>>(batch: T): Promise<BatchResponse<T>>;
};

/** How many rows a write changed, on either runtime (libSQL `rowsAffected`, D1 `meta.changes`). */
export function changedRows(result: RunResult): number {
  return "rowsAffected" in result ? result.rowsAffected : result.meta.changes;
}
