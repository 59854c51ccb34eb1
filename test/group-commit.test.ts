import { createClient } from "@libsql/client";
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

describe("group commit", () => {
  it("a failing batch fails alone; the rest of its group commits", async () => {
    await d.client.execute({ sql: "INSERT INTO t VALUES ('a-5', 0)", args: [] });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => d.client.batch([insert(`a-${i}-x`, i), insert(`a-${i}`, i)])),
    );
    expect(outcomes.map((o) => o.status)).toEqual([...Array(5).fill("fulfilled"), "rejected", ...Array(4).fill("fulfilled")]);
    expect(String((outcomes[5] as PromiseRejectedResult).reason)).toContain("UNIQUE constraint failed");
    // Atomic per batch: the failed batch left neither of its rows.
    expect(await count("a-5-x")).toBe(0);
    expect(await count("a-")).toBe(1 + 9 * 2);
  });

  it("each batch gets its own results, and sees the writes of batches before it", async () => {
    const [first, second] = await Promise.all([
      d.client.batch([insert("b-1", 1), { sql: "SELECT count(*) AS n FROM t WHERE k LIKE 'b-%'", args: [] }]),
      d.client.batch([insert("b-2", 2), { sql: "SELECT count(*) AS n FROM t WHERE k LIKE 'b-%'", args: [] }]),
    ]);
    expect(first).toHaveLength(2);
    expect(Number(first![1]!.rows[0]!.n)).toBe(1);
    expect(Number(second![1]!.rows[0]!.n)).toBe(2);
  });

  it("groups many at once without losing any", async () => {
    await Promise.all(Array.from({ length: 500 }, (_, i) => d.client.batch([insert(`c-${i}`, i)])));
    expect(await count("c-")).toBe(500);
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
