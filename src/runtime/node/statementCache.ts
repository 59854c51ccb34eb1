import type { Client } from "@libsql/client";
import Database from "libsql";
import { createRequire } from "node:module";

const LIMIT = 256;
let caches = new WeakMap<object, Map<string, unknown>>();

/** A libsql `Database` class: the one imported here, or another a test hands in. */
export interface LibsqlDatabaseClass {
  prototype: object;
}

interface Prototype {
  prepare(sql: string): unknown;
  __platsCached?: true;
}

// Probe SQL text -> the prototypes whose patched prepare saw it (see `verify`).
const probes = new Map<string, Set<object>>();
let probeCount = 0;

/**
 * Forgets every cached statement. A cached statement keeps the column names it was
 * prepared with until it runs again, so after a migration `SELECT *` could name columns
 * wrongly; call this after changing the schema.
 */
export function clearStatementCache() {
  caches = new WeakMap();
}

export interface StatementCache {
  /** Rejects unless `client` prepares its statements through this cache. */
  verify(client: Client): Promise<void>;
}

/**
 * Keeps prepared statements per libSQL connection. @libsql/client prepares every
 * statement anew, and on a signup (six statements, some with subqueries) SQLite's
 * parser and planner were a third of the time: `npm run bench` measured ~830 µs per
 * signup before and ~560 µs after. Reuse is safe because the client runs each
 * statement to completion synchronously on a connection it holds alone. Migrations in
 * this process clear the cache (see `clearStatementCache`); a server does not expect
 * another process to change its schema under it.
 *
 * This replaces `prepare` on libsql's Database prototype, an internal of libsql and of
 * how @libsql/client uses it: both are pinned exactly in package.json, and openDatabase
 * calls `verify` so that a second copy of libsql (which @libsql/client would use while
 * this patched the other) fails at start-up instead of silently dropping the cache.
 */
export function cacheStatements(module: LibsqlDatabaseClass = Database): StatementCache {
  const proto = module.prototype as Prototype;
  if (!proto.__platsCached) patch(proto);
  return { verify: (client) => verify(proto, client) };
}

function patch(proto: Prototype) {
  const prepare = proto.prepare;
  proto.prepare = function (this: object, sql: string) {
    if (probes.size && probes.has(sql)) {
      probes.get(sql)!.add(proto);
      return prepare.call(this, sql);
    }
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    let stmt = cache.get(sql);
    if (stmt === undefined) {
      stmt = answersOnce(prepare.call(this, sql) as NativeStatement);
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

interface NativeStatement {
  raw(on?: boolean): NativeStatement;
  safeIntegers(on?: boolean): NativeStatement;
  columns(): unknown[];
}

/**
 * @libsql/client asks every statement it runs for its columns (twice), switches it to
 * safe integers and tries raw mode, which throws for a statement that returns no rows:
 * four calls into native code per statement, one of them building an exception. On a
 * prepared statement the answers never change, so each is asked of SQLite once; they
 * were 9 % of a signup's CPU in a profile of `npm run bench`.
 */
function answersOnce(stmt: NativeStatement): NativeStatement {
  const { raw, safeIntegers, columns } = stmt;
  let rawMode: boolean | undefined;
  let notReader: unknown;
  let safe: boolean | undefined;
  let names: unknown[] | undefined;
  stmt.raw = (on = true) => {
    if (on && notReader) throw notReader;
    if (rawMode !== on) {
      try {
        raw.call(stmt, on);
      } catch (err) {
        if (on) notReader = err;
        throw err;
      }
      rawMode = on;
    }
    return stmt;
  };
  stmt.safeIntegers = (on = true) => {
    if (safe !== on) safeIntegers.call(stmt, on);
    safe = on;
    return stmt;
  };
  stmt.columns = () => (names ??= columns.call(stmt));
  return stmt;
}

async function verify(proto: object, client: Client) {
  const sql = `SELECT 'plats statement cache probe ${++probeCount}'`;
  const seen = new Set<object>();
  probes.set(sql, seen);
  try {
    await client.execute(sql);
  } finally {
    probes.delete(sql);
  }
  if (seen.has(proto)) return;
  const here = resolveFrom(import.meta.url);
  const theirs = resolveFrom(resolveFrom(import.meta.url, "@libsql/client"));
  throw new Error(
    "The statement cache patched a libsql module that this @libsql/client does not use, so every " +
      "statement would be prepared anew. " +
      (here === theirs
        ? `Both resolve libsql to ${here}, but two copies of it are loaded. `
        : `libsql resolves to ${here} here and to ${theirs} from @libsql/client. `) +
      "Install one libsql: `npm ls libsql` should show a single, deduped version.",
  );
}

function resolveFrom(from: string, name = "libsql") {
  try {
    return createRequire(from).resolve(name);
  } catch {
    return `(${name} not found)`;
  }
}
