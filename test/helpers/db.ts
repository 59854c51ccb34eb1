import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, openDatabase, type NodeDatabase } from "../../src/runtime/node/database";

export interface TestDatabase extends NodeDatabase {
  url: string;
  dir: string;
  destroy(): void;
}

/** A fresh, migrated libSQL file database in its own temp folder. */
export async function freshDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "plats-test-"));
  const url = `file:${join(dir, "plats.db")}`;
  const database = await openDatabase(url);
  await migrateDatabase(database.db);
  return {
    ...database,
    url,
    dir,
    destroy() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
