import Database from "libsql";

const LIMIT = 256;
let caches = new WeakMap<object, Map<string, unknown>>();

/**
 * Forgets every cached statement. A cached statement keeps the column names it was
 * prepared with until it runs again, so after a migration `SELECT *` could name columns
 * wrongly; call this after changing the schema.
 */
export function clearStatementCache() {
  caches = new WeakMap();
}

/**
 * Keeps prepared statements per libSQL connection. @libsql/client prepares every
 * statement anew, and on a signup (six statements, some with subqueries) SQLite's
 * parser and planner were a third of the time: `npm run bench` measured ~830 µs per
 * signup before and ~560 µs after. Reuse is safe because the client runs each
 * statement to completion synchronously on a connection it holds alone. Migrations in
 * this process clear the cache (see `clearStatementCache`); a server does not expect
 * another process to change its schema under it.
 */
export function cacheStatements() {
  const proto = Database.prototype as { prepare(sql: string): unknown; __platsCached?: true };
  if (proto.__platsCached) return;
  const prepare = proto.prepare;
  proto.prepare = function (this: object, sql: string) {
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    let stmt = cache.get(sql);
    if (stmt === undefined) {
      stmt = prepare.call(this, sql);
      // Oldest first: Map keeps insertion order.
      if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
    } else {
      cache.delete(sql);
    }
    cache.set(sql, stmt);
    return stmt;
  };
  proto.__platsCached = true;
}
