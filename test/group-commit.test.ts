import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
