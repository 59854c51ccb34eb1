import type { Db } from "./client";

const cache = new WeakMap<Db, Map<string, unknown>>();

/**
 * A drizzle prepared query, built once per database. drizzle's select builder costs
 * ~90 µs a call; on the signup path that was a tenth of the request (`npm run bench`).
 * Use it for hot queries only, with `sql.placeholder` for the values.
 */
export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
  let queries = cache.get(db);
  if (!queries) cache.set(db, (queries = new Map()));
  let query = queries.get(key) as T | undefined;
  if (query === undefined) queries.set(key, (query = build(db)));
  return query;
}
