import { createRequire } from "node:module";
import Database from "libsql";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cacheStatements } from "../src/runtime/node/statementCache";
import { migrateDatabase } from "../src/runtime/node/database";
import { freshDatabase, type TestDatabase } from "./helpers/db";

// The statement cache patches libsql's Database prototype; it is only any use if that is
// the libsql @libsql/client runs on, which start-up checks.
let d: TestDatabase;
beforeAll(async () => {
  d = await freshDatabase();
});
afterAll(() => d.destroy());

/** A second copy of the libsql package: a Database class of its own, as a duplicate install gives. */
function anotherLibsql() {
  const require = createRequire(import.meta.url);
  const path = require.resolve("libsql");
  const original = require.cache[path];
  delete require.cache[path];
  try {
    return require("libsql") as { prototype: object };
  } finally {
    require.cache[path] = original;
  }
}

const mismatch = /statement cache patched a libsql module that this @libsql\/client does not use/;

describe("the start-up check", () => {
  it("passes for the libsql that @libsql/client uses", async () => {
    await expect(cacheStatements().verify(d.client)).resolves.toBeUndefined();
  });

  it("fails with a clear error when the cache patched another libsql module", async () => {
    const other = anotherLibsql();
    expect(other).not.toBe(createRequire(import.meta.url)("libsql"));
    await expect(cacheStatements(other).verify(d.client)).rejects.toThrow(mismatch);
    // The probe leaves the connection as it was.
    expect((await d.client.execute("SELECT 1 AS one")).rows[0]!.one).toBe(1);
  });

  it("stops openDatabase when the server's own libsql import is not the client's", async () => {
    vi.resetModules();
    vi.doMock("libsql", () => ({ default: anotherLibsql() }));
    try {
      const { openDatabase } = await import("../src/runtime/node/database");
      await expect(openDatabase(`file:${d.dir}/other.db`)).rejects.toThrow(mismatch);
    } finally {
      vi.doUnmock("libsql");
      vi.resetModules();
    }
  });
});

describe("statement cache", () => {
  it("forgets prepared statements when migrations run, so SELECT * sees new columns", async () => {
    await d.client.execute("CREATE TABLE s (a INTEGER)");
    await d.client.execute("INSERT INTO s VALUES (1)");
    expect(Object.keys((await d.client.execute("SELECT * FROM s")).rows[0]!)).toEqual(["a"]);
    await d.client.execute("ALTER TABLE s ADD COLUMN b TEXT");
    await migrateDatabase(d.db);
    expect(Object.keys((await d.client.execute("SELECT * FROM s")).rows[0]!)).toEqual(["a", "b"]);
  });
});

describe("a cached statement's own answers", () => {
  it("are asked of SQLite once per statement, and stay right run after run, with rows and without", async () => {
    await d.client.execute("CREATE TABLE m (a INTEGER, b TEXT)");
    // libsql's Statement class, reached through a statement of its own.
    const statement = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1")) as Record<"raw" | "columns" | "safeIntegers", (...a: unknown[]) => unknown>;
    const spies = (["raw", "columns", "safeIntegers"] as const).map((name) => vi.spyOn(statement, name));
    try {
      const insert = "INSERT INTO m (a, b) VALUES (?, ?) -- answers once";
      const select = "SELECT a, b AS bee FROM m ORDER BY a -- answers once";
      for (let i = 1; i <= 4; i++) {
        const wrote = await d.client.execute({ sql: insert, args: [i, `x${i}`] });
        expect([wrote.rowsAffected, wrote.columns]).toEqual([1, []]);
        const read = await d.client.execute(select);
        expect(read.columns).toEqual(["a", "bee"]);
        expect(read.rows.map((r) => r.bee)).toEqual(Array.from({ length: i }, (_, k) => `x${k + 1}`));
      }
      // Both statements tried raw mode and set safe integers once; only the read has columns.
      expect(spies.map((s) => s.mock.calls.length)).toEqual([2, 1, 2]);
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });
});
