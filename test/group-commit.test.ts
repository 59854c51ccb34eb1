import { createClient, LibsqlBatchError } from "@libsql/client";
import Database from "libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../src/runtime/node/database";
import { freshDatabase, type TestDatabase } from "./helpers/db";

// The Node database's group commit: batches asked for together share a transaction,
// but each keeps the outcome it would have had alone.
let d: TestDatabase;
beforeAll(async () => {
  d = await freshDatabase();
  await d.client.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)");
});
afterAll(() => d.destroy());

const insert = (k: string, v: number) => ({ sql: "INSERT INTO t (k, v) VALUES (?, ?)", args: [k, v] });
const count = async (prefix: string) =>
  Number((await d.client.execute({ sql: "SELECT count(*) AS n FROM t WHERE k LIKE ?", args: [`${prefix}%`] })).rows[0]!.n);
const rows = async (prefix: string) =>
  (await d.client.execute({ sql: "SELECT k, v FROM t WHERE k LIKE ? ORDER BY v", args: [`${prefix}%`] })).rows.map((r) => ({ k: r.k, v: r.v }));

/**
 * Every statement the connection executes, in order: libSQL's client prepares each one
 * as it runs it (the statement cache hands back a cached one), so a prepare is an execution.
 */
function statementLog(onStatement?: (sql: string) => void) {
  const proto = Database.prototype as { prepare(sql: string): unknown };
  const prepare = proto.prepare;
  const log: string[] = [];
  proto.prepare = function (this: unknown, sql: string) {
    log.push(sql);
    onStatement?.(sql);
    return prepare.call(this, sql);
  };
  return { log, times: (text: string) => log.filter((s) => s.includes(text)).length, stop: () => (proto.prepare = prepare) };
}

// Batch i of a group: two inserts, the first numbered by how many rows its group wrote
// before it (the order it ran in); the batch whose key is taken fails on its second.
const numbered = (prefix: string, i: number, conflict = "") => [
  { sql: `INSERT INTO t (k, v) VALUES ('${prefix}-${i}-a', (SELECT count(*) FROM t WHERE k LIKE '${prefix}-%'))`, args: [] },
  { sql: `INSERT ${conflict} INTO t (k, v) VALUES ('${prefix}-${i}', ${i})`, args: [] },
];

describe("group commit", () => {
  it("a group where nothing fails runs its batches without savepoints, in one transaction", async () => {
    const statements = statementLog();
    try {
      await Promise.all(Array.from({ length: 10 }, (_, i) => d.client.batch(numbered("n", i))));
    } finally {
      statements.stop();
    }
    expect([statements.times("BEGIN"), statements.times("COMMIT"), statements.times("SAVEPOINT")]).toEqual([1, 1, 0]);
    expect(await count("n-")).toBe(20);
  });

  it("a failing batch fails alone with its own error; the others run in arrival order and commit once", async () => {
    await d.client.execute("INSERT INTO t VALUES ('e-5', -1)");
    const statements = statementLog();
    let outcomes: PromiseSettledResult<unknown>[];
    try {
      outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => d.client.batch(numbered("e", i))));
    } finally {
      statements.stop();
    }
    // One group: its first try without savepoints is rolled back at the failure, and the
    // second, each batch in its savepoint, commits once.
    expect([statements.times("BEGIN"), statements.times("ROLLBACK"), statements.times("COMMIT")]).toEqual([2, 2, 1]);
    expect(statements.times("ROLLBACK TO")).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual([...Array(5).fill("fulfilled"), "rejected", ...Array(4).fill("fulfilled")]);
    const reason = (outcomes[5] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(LibsqlBatchError);
    expect(reason.message).toContain("UNIQUE constraint failed: t.k");
    expect(reason.statementIndex).toBe(1);
    // The failed batch left neither of its rows; the others kept arrival order, each row once.
    expect(await count("e-5-a")).toBe(0);
    const written = (await rows("e-")).filter((r) => String(r.k).endsWith("-a"));
    expect(written.map((r) => r.k)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9].map((i) => `e-${i}-a`));
    // Each counted the rows written before it (the one taken key included): nothing ran twice.
    expect(written.map((r) => r.v)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17]);
    expect(await count("e-")).toBe(1 + 9 * 2);
  });

  it("each batch gets its own results, and sees the writes of batches before it", async () => {
    const [first, second] = await Promise.all([
      d.client.batch([insert("b-1", 1), { sql: "SELECT count(*) AS n FROM t WHERE k LIKE 'b-%'", args: [] }]),
      d.client.batch([insert("b-2", 2), { sql: "SELECT count(*) AS n FROM t WHERE k LIKE 'b-%'", args: [] }]),
    ]);
    expect(first).toHaveLength(2);
    expect(first![0]!.rowsAffected).toBe(1);
    expect(Number(first![1]!.rows[0]!.n)).toBe(1);
    expect(Number(second![1]!.rows[0]!.n)).toBe(2);
  });

  it("groups many at once without losing any", async () => {
    await Promise.all(Array.from({ length: 500 }, (_, i) => d.client.batch([insert(`c-${i}`, i)])));
    expect(await count("c-")).toBe(500);
  });

  it("a batch whose error ends the whole transaction fails alone; the batches it took along run again", async () => {
    await d.client.execute("INSERT INTO t VALUES ('r-2', -1)");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => d.client.batch(numbered("r", i, i === 2 ? "OR ROLLBACK" : ""))),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toContain("UNIQUE constraint failed");
    expect((await rows("r-")).filter((r) => String(r.k).endsWith("-a")).map((r) => r.k)).toEqual(["r-0-a", "r-1-a", "r-3-a", "r-4-a"]);
    expect(await count("r-")).toBe(1 + 4 * 2);
  });

  it("reads asked for while a group holds the connection wait for its commit", async () => {
    const reads: Promise<number>[] = [];
    let inserts = 0;
    // From inside the group, as other requests would: as it begins (the connection just
    // handed to its transaction), and between two of its batches.
    const statements = statementLog((sql) => {
      if (sql.startsWith("BEGIN") || (sql.startsWith("INSERT") && ++inserts === 3)) reads.push(count("g-"));
    });
    try {
      await Promise.all(Array.from({ length: 5 }, (_, i) => d.client.batch([insert(`g-${i}`, i)])));
    } finally {
      statements.stop();
    }
    expect(await Promise.all(reads)).toEqual([5, 5]);
  });

  it("a database locked by another process fails the whole group once, not batch by batch", async () => {
    await d.client.execute("PRAGMA busy_timeout = 300");
    const other = createClient({ url: d.url });
    await other.execute("PRAGMA busy_timeout = 0");
    const lock = await other.transaction("write");
    try {
      const started = Date.now();
      const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => d.client.batch([insert(`d-${i}`, i)])));
      const waited = Date.now() - started;
      expect(outcomes.every((o) => o.status === "rejected" && String(o.reason).includes("SQLITE_BUSY"))).toBe(true);
      // One wait of busy_timeout for the group; retrying each alone would be ten (3 s),
      // every one of them blocking the event loop.
      expect(waited).toBeLessThan(1500);
    } finally {
      await lock.rollback();
      other.close();
      await d.client.execute("PRAGMA busy_timeout = 5000");
    }
    expect(await count("d-")).toBe(0);
    // libSQL leaves the refused BEGIN IMMEDIATE un-reset, which would block every later
    // COMMIT; the next write batch re-runs that same cached statement and so recovers.
    await d.client.batch([insert("d-after", 1)]);
    expect(await count("d-after")).toBe(1);
  });
});

describe("after migrating", () => {
  it("foreign keys are enforced", async () => {
    await migrateDatabase(d.db);
    await expect(
      d.client.execute("INSERT INTO manage_tokens (token_hash, registration_id, created_at) VALUES ('h', 'reg_nobody', 0)"),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});
