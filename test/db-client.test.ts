import type { D1Database } from "@cloudflare/workers-types";
import { eq, sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPlatformProxy } from "wrangler";
import { changedRows, type Db } from "../src/db/client";
import { drizzleD1 } from "../src/db/d1";
import type { ServiceContext } from "../src/domain/context";
import { openDatabase } from "../src/runtime/node/database";

// The services' database type and its one changed-row count, on a real libSQL file and on
// a real D1 (workerd's, through wrangler's platform proxy), with the same assertions.
const t = sqliteTable("t", { k: text("k").primaryKey(), v: integer("v").notNull() });

interface Target {
  db: Db;
  close(): Promise<void>;
}

async function libsql(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), "plats-db-client-"));
  const database = await openDatabase(`file:${join(dir, "t.db")}`);
  return {
    db: database.db,
    close: async () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function d1(): Promise<Target> {
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: "wrangler.toml", persist: false, remoteBindings: false });
  return { db: drizzleD1(proxy.env.DB), close: () => proxy.dispose() };
}

describe("Db", () => {
  it("offers no transaction(), which throws on D1: tsc refuses it in a service", () => {
    const service = (ctx: ServiceContext) =>
      // @ts-expect-error -- an atomic change is one batch(); D1 has no interactive transactions
      ctx.db.transaction(async () => undefined);
    expect(service).toBeTypeOf("function");
  });
});

describe.each([
  ["libSQL", libsql],
  ["D1", d1],
])("changedRows on %s", (_name, open) => {
  let target: Target;
  beforeAll(async () => {
    target = await open();
    await target.db.run(sql`CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)`);
  }, 60_000);
  afterAll(() => target?.close());

  it("counts a statement run on its own, raw or built", async () => {
    const { db } = target;
    expect(changedRows(await db.run(sql`INSERT INTO t (k, v) VALUES ('a', 1), ('b', 2), ('c', 3)`))).toBe(3);
    expect(changedRows(await db.insert(t).values({ k: "d", v: 4 }))).toBe(1);
    expect(changedRows(await db.update(t).set({ v: 0 }).where(eq(t.k, "nobody")))).toBe(0);
  });

  it("counts each statement of a batch", async () => {
    const { db } = target;
    const results = await db.batch([
      db.run(sql`UPDATE t SET v = v + 10 WHERE v >= 2`),
      db.update(t).set({ v: 0 }).where(eq(t.k, "nobody")),
      db.delete(t).where(eq(t.k, "a")),
      db.run(sql`INSERT INTO t (k, v) SELECT k || '-copy', v FROM t WHERE v > 12`),
    ]);
    expect(results.map(changedRows)).toEqual([3, 0, 1, 2]);
  });
});
